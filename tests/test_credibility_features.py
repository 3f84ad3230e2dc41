"""What the credibility model may read (masking, furniture) and the restyling rules."""

from __future__ import annotations

import re

from rumorscope.credibility.features import OUTLET_TOKEN, clean_title, mask, model_text
from rumorscope.credibility.restyle import STYLES, restyle, restyle_title

PAGE = """Play video content TMZ.com
Getty Images
Share on Facebook
Marla Quince told Us Weekly she is happy, and a source told Radar Online the same thing.
Read more at https://example-gossip.com/marla or follow @marlaq on Twitter.
Photo: Splash News
Dev Oakes said on Tuesday that he is moving to Lisbon with their two dogs."""


def test_furniture_lines_and_outlets_are_gone():
    text = model_text("Marla Quince is happy | Celebrity Planet", PAGE, "tmz.com")
    for leaked in ("Play video", "Getty", "Share on", "Photo", "TMZ", "Us Weekly", "Radar",
                   "example-gossip", "@marlaq", "Celebrity Planet"):
        assert leaked not in text, leaked
    assert text.count(OUTLET_TOKEN) == 2
    assert "Dev Oakes said on Tuesday" in text


def test_mask_keeps_prose_and_masks_web_names():
    masked = mask("See www.hollywoodlife.com or mail tips@gossip.net, says Daily Mail.")
    assert "hollywoodlife" not in masked and "gossip.net" not in masked
    assert "_url_" in masked and "_email_" in masked and OUTLET_TOKEN in masked
    assert mask("Marla said she was fine.") == "Marla said she was fine."


def test_every_outlet_the_pipeline_knows_is_masked():
    """One list: a publication the analysis tags as an outlet is never text evidence."""
    from rumorscope.outlets import outlet_names

    for name in outlet_names():
        assert name not in mask(f"As {name} reported, she left."), name


def test_record_outlet_is_masked_in_prose():
    assert "Starwatchers" not in mask("As Starwatchers first said, she left.", "starwatchers.com")


def test_clean_title_drops_site_suffix_only():
    assert clean_title("Marla Quince Leaves Dev - Gossip Planet") == "Marla Quince Leaves Dev"
    assert clean_title("Marla: The Interview") == "Marla: The Interview"


TEXT = ("Wow. Marla Quince is reportedly FURIOUS with Dev! She's devastated, a source told "
        "the site. \"It's over,\" the insider said. They split in May.\nA rep said it isn't "
        "true!! Dev also said he was fine.")


def _sentences(text: str) -> list[str]:
    return sorted(s.strip() for s in re.split(r"(?<=[.!?])\s+", text.replace("\n", " ")) if s)


def test_tone_down_removes_shouting_and_sensational_words():
    calm = restyle(TEXT, "tone_down")
    assert "!" not in calm and "Wow" not in calm and "FURIOUS" not in calm
    assert "unhappy" in calm and "devastated" not in calm
    assert "Marla Quince" in calm and "May" in calm


def test_no_hedges_removes_hedging_adverbs_only():
    plain = restyle(TEXT, "no_hedges")
    assert "reportedly" not in plain
    assert "Marla Quince is FURIOUS" in plain


def test_reorder_keeps_every_sentence():
    moved = restyle(TEXT, "reorder", seed=3)
    assert moved != TEXT
    assert _sentences(moved) == _sentences(TEXT)
    assert restyle(TEXT, "reorder", seed=3) == moved  # seeded


def test_paraphrase_expands_and_swaps():
    para = restyle(TEXT, "paraphrase")
    assert "She is" in para and "is not true" in para
    assert "stated" in para and " said" not in para


def test_all_styles_apply_each_rule():
    everything = restyle(TEXT, "all")
    assert set(STYLES) == {"tone_down", "no_hedges", "reorder", "paraphrase"}
    assert "!" not in everything and "reportedly" not in everything and "It is" in everything
    assert restyle_title("SHOCKING: Marla Slams Dev!", "all") == "Notable: Marla Criticises Dev."


def test_name_forms_cover_full_names_aliases_parts_and_possessives():
    from rumorscope.credibility.features import name_forms

    forms = name_forms(["Marla Quince-Oakes", "Dev Oakes's", "‘Ye", "the star"])
    assert forms == {"marla", "quince-oakes", "quince", "oakes", "dev"}
    assert name_forms([]) == frozenset()


def test_people_s_names_reach_the_text_model():
    """Model 1.2 reads who a story is about (masking cost GossipCop 1.3 points)."""
    text = model_text("Marla Quince splits", "Marla Quince and Dev told friends they split.")
    assert "Marla Quince" in text and "Dev" in text
