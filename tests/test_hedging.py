"""Hedge and denial cues: each cue family, its non-hedge look-alikes, exact offsets."""

from __future__ import annotations

import pytest

from rumorscope.extract.hedging import find_hedges
from rumorscope.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def cues(nlp, text: str) -> list[tuple[str, str]]:
    """(cue text, kind) pairs, checking each span really holds its text."""
    found = find_hedges(nlp(text))
    for hedge in found:
        assert text[hedge.span[0]:hedge.span[1]] == hedge.text
    return [(h.text, h.kind) for h in found]


HEDGES = [
    # evidential and epistemic adverbs
    ("Mara Quill allegedly left the party early.", "allegedly"),
    ("The singer is reportedly dating a chef.", "reportedly"),
    ("The pair apparently reconciled in Rome.", "apparently"),
    ("Dex supposedly bought the house in cash.", "supposedly"),
    ("They will likely announce it next week.", "likely"),
    ("She is probably still in London.", "probably"),
    ("Perhaps the couple needed a break.", "Perhaps"),
    # attributive "reported", rumour and speculation words
    ("After Dex's reported breakdown, the tour stopped.", "reported"),
    ("He was treated for reported exhaustion.", "reported"),
    ("The rumored couple arrived separately.", "rumored"),
    ("Rumors that they split have swirled for weeks.", "Rumors"),
    ("The rumor spread quickly online.", "rumor"),
    ("Their marriage has been rocked by divorce speculation.", "speculation"),
    ("The insiders are merely guessing at this point.", "guessing"),
    ("Her new boyfriend is said to be a banker.", "said to"),
    ("The actor is believed to have moved to Paris.", "believed to"),
    ("The twins, previously reported to be girls, could leave Malawi soon.", "reported to"),
    # distancing reporting verbs and allegation words
    ("A new report claims that Mara is pregnant.", "claims"),
    ("The magazine claimed the pair had wed.", "claimed"),
    ("She denied these claims on Monday.", "claims"),
    ("The band faces allegations of plagiarism.", "allegations"),
    ("His alleged affair made headlines.", "alleged"),
    ("She sued him, alleging fraud.", "alleging"),
    # seem / appear / look like / sound like
    ("The exes seem to have moved on.", "seem"),
    ("It seems that the wedding is off.", "It seems"),
    ("The couple appear to be doing fine.", "appear"),
    ("Their dinner appeared like a step forward.", "appeared"),
    ("It looks like the tour will be cancelled.", "It looks like"),
    ("Looks like Dex has found a new girlfriend!", "Looks like"),
    ("Mara looks like she is moving on.", "looks like"),
    ("It sounds like the wedding was lovely.", "It sounds like"),
    # epistemic modals
    ("He might be seeing the photos soon.", "might"),
    ("A secret wedding may have already happened.", "may"),
    ("Both accounts could be right.", "could"),
    ("This could mean the end of their marriage.", "could"),
    ("The singer could have been more careful.", "could"),
    # first-person epistemic
    ("Knowing Dex, I think he wants a clean break.", "I think"),
    ("We guess that she will attend.", "We guess"),
    ("I don't think she cares anymore.", "I don't think"),
    # degree hedges, likelihood phrases, conditionals
    ("Both stories could be kind of right.", "kind of"),
    ("He kinda crashed the reunion.", "kinda"),
    ("It's possible that the reunion is staged.", "It's possible"),
    ("Chances are, they will reunite.", "Chances are"),
    ("There is a really good chance they will reunite.", "a really good chance"),
    ("There is a high chance that they will marry.", "a high chance"),
    ("It's unclear whether they will reunite.", "It's unclear"),
    ("If this is true, we're glad for the kids.", "If this is true"),
    ("If the reports are accurate, she is pregnant.", "If the reports are accurate"),
    ("The unconfirmed reports spread overnight.", "unconfirmed"),
]

DENIALS = [
    ("Mara shut down rumors that she is pregnant.", "shut down"),
    ("Her rep slammed the reports as lies.", "slammed"),
    ("Mara laughed off the speculation.", "laughed off"),
    ("Her rep denied the rumors on Friday.", "denied"),
    ("The story is not true.", "not true"),
    ("The story isn't true, her lawyer said.", "isn't true"),
    ("Those reports are untrue.", "untrue"),
    ("Gossip sites have debunked these stories.", "debunked"),
    ("The claim has been repeatedly refuted.", "refuted"),
    ("It has never been confirmed that Dex was hospitalized.", "It has never been confirmed"),
    ("It's not confirmed that they split.", "It's not confirmed"),
    ("The engagement was never confirmed by the couple.", "never confirmed"),
    ("The $8,000 monthly bill is way off.", "way off"),
    ("Reports of my spending are greatly exaggerated.", "greatly exaggerated"),
    ("The couple's rep says the story is false.", "false"),
]

NOT_HEDGES = [
    "The so-called insiders were wrong.",          # so-called
    "The potential buyers toured the house.",      # potential
    "The house cost roughly two million dollars.",  # roughly
    "She did not attend the premiere.",            # plain negation
    "You can sit here if you want.",               # ability/permission "can"
    "The women could bond over dinner.",           # ability "could"
    "She couldn't stop smiling at the premiere.",  # negated ability
    "They went to Paris so they could spend time together.",  # purpose
    "May I ask you a question?",                   # permission "may"
    "The premiere is on May 25.",                  # the month
    "TMZ reported that the couple were in Miami.",  # "reported" as a verb
    "The rumor mill never stops.",                 # rumour as a classifier
    "She appeared on stage to accept the award.",  # appear = show up
    "Mara appeared gorgeous in white.",            # appear + adjective
    "He looks like his dad.",                      # resemblance
    "They think they know more than me.",          # third-person think
    "I believe in myself.",                        # believe in
    "What kind of music do you like?",             # kind of as noun
    "She wanted a second chance to talk to him.",  # second chance
    "Call me as soon as possible.",                # possible without "it is"
    "He claimed the title last year.",             # claim + object
    "I was in denial for years.",                  # state of mind
    "Mara confirmed the news on Instagram.",       # plain confirmation
    "The report said the couple wed in June.",     # neutral reporting
    "Police shut down the street.",                # dismissing no claim
    "Mara slammed the door.",                      # slam + object
]


@pytest.mark.parametrize(("text", "cue"), HEDGES)
def test_hedge_cue(nlp, text, cue):
    assert (cue, "hedge") in cues(nlp, text)


@pytest.mark.parametrize(("text", "cue"), DENIALS)
def test_denial_cue(nlp, text, cue):
    assert (cue, "denial") in cues(nlp, text)


@pytest.mark.parametrize("text", NOT_HEDGES)
def test_not_a_hedge(nlp, text):
    assert cues(nlp, text) == []


def test_so_called_sentence_keeps_only_real_cues(nlp):
    text = "Gossip Cop suggested that the so-called insiders are merely guessing."
    assert cues(nlp, text) == [("guessing", "hedge")]


def test_attributive_unconfirmed_hedges_but_predicative_denies(nlp):
    assert cues(nlp, "The news remains unconfirmed.") == [("unconfirmed", "denial")]


def test_nested_cue_is_kept_once(nlp):
    """'true' inside 'if this is true' must not also surface as a separate cue."""
    found = cues(nlp, "If this is not true, nothing changes.")
    assert len(found) == 1


def test_cues_come_in_text_order_with_exact_offsets(nlp):
    text = "She allegedly wed him, but her rep denied it and it seems unlikely."
    found = find_hedges(nlp(text))
    assert [h.text for h in found] == ["allegedly", "denied", "it seems", "unlikely"]
    assert [h.kind for h in found] == ["hedge", "denial", "hedge", "hedge"]
    starts = [h.span[0] for h in found]
    assert starts == sorted(starts)
    assert found[0].span == (text.index("allegedly"), text.index("allegedly") + 9)


def test_pipeline_component_fills_doc_extension(nlp):
    doc = nlp("The couple reportedly split.")
    assert [h.text for h in doc._.hedges] == ["reportedly"]


def test_reference_article(nlp, shared):
    raw = (shared / "examples" / "kim-kanye-counseling.txt").read_text(encoding="utf-8")
    text = raw.split("\n\n", 1)[1]
    found = find_hedges(nlp(text))
    pairs = [(h.text, h.kind) for h in found]
    for expected in [("allegedly", "hedge"), ("apparently", "hedge"), ("speculation", "hedge"),
                     ("claims", "hedge"), ("If this is true", "hedge"), ("appeared", "hedge"),
                     ("it has never been confirmed", "denial")]:
        assert expected in pairs
    assert pairs.count(("reported", "hedge")) == 3  # attributive only, not "as reported by"
    assert all(h.text not in ("according to", "says", "said") for h in found)
    for hedge in found:
        assert text[hedge.span[0]:hedge.span[1]] == hedge.text


def test_tabloid_gold_score_floor(shared):
    """Eval-style floor on the dev gold files (the held-back set is other articles)."""
    from eval.scoring import PRF
    from eval.tabloid import gold_article, load_gold, score_hedges
    from rumorscope.analyzer import Analyzer

    golds = load_gold(shared / "data" / "tabloid-gold" / "dev")
    exact, loose, kinds = PRF(), PRF(), []
    for gold, pred in zip(golds, Analyzer().analyze_many(gold_article(g) for g in golds),
                          strict=True):
        score_hedges(pred, gold, exact, loose, kinds)
    assert exact.f1 >= 0.85
    assert sum(kinds) / len(kinds) >= 0.9
