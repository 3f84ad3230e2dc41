"""Rule-based restyling of articles, to test that a score reads more than tabloid style.

Each style keeps what an article claims and who it cites but changes how it reads, the
way an LLM rewrite or a more sober outlet would:

- `tone_down`: sensational words to neutral ones, "!" to ".", shouting capitals to
  title case, interjection sentences ("Wow.", "OMG!") dropped;
- `no_hedges`: hedging adverbs (reportedly, allegedly, apparently) removed;
- `reorder`: the sentences after the lead shuffled within each paragraph (seeded);
- `paraphrase`: contractions expanded and common words and reporting verbs swapped;
- `all`: every style above, in that order.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

_NEUTRAL = {
    "shocking": "notable", "shocked": "surprised", "shock": "surprise", "stunning": "notable",
    "stunned": "surprised", "bombshell": "new", "explosive": "new", "slams": "criticises",
    "slammed": "criticised", "slam": "criticise", "blasts": "criticises", "blasted": "criticised",
    "furious": "unhappy", "fuming": "unhappy", "livid": "unhappy", "devastated": "sad",
    "heartbroken": "sad", "heartbreaking": "sad", "meltdown": "difficult period",
    "feud": "disagreement", "war": "dispute", "desperate": "keen", "obsessed": "keen",
    "jaw-dropping": "notable", "insane": "unusual", "crazy": "unusual", "amazing": "good",
    "incredible": "notable", "unbelievable": "surprising", "sizzling": "warm",
    "steamy": "romantic", "raunchy": "revealing", "drama": "situation", "epic": "large",
    "huge": "large", "totally": "", "absolutely": "", "literally": "", "seriously": "",
}
_INTERJECTION = re.compile(r"(?:^|(?<=[.!?]\s))(?:Wow|OMG|Whoa|Yikes|Oops|Ugh|Phew|Wait|Hmm"
                           r"|Oh my god|Oh no)\b[^.!?]{0,20}[.!?]+\s*", re.IGNORECASE)
_HEDGE_ADVERBS = re.compile(r",?\s*\b(?:reportedly|allegedly|apparently|supposedly|purportedly|"
                            r"rumou?redly|seemingly|possibly|probably)\b,?", re.IGNORECASE)
_CONTRACTIONS = {
    "isn't": "is not", "aren't": "are not", "wasn't": "was not", "weren't": "were not",
    "don't": "do not", "doesn't": "does not", "didn't": "did not", "won't": "will not",
    "can't": "cannot", "couldn't": "could not", "wouldn't": "would not", "haven't": "have not",
    "hasn't": "has not", "it's": "it is", "that's": "that is", "they're": "they are",
    "we're": "we are", "you're": "you are", "i'm": "I am", "he's": "he is", "she's": "she is",
}
_SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "revealed": "disclosed",
    "reveals": "discloses", "however": "but", "also": "additionally", "begin": "start",
    "began": "started", "recently": "lately", "couple": "pair", "kids": "children",
    "mom": "mother", "dad": "father", "split": "separated", "wed": "married",
    "big": "large", "very": "highly", "really": "truly", "star": "celebrity",
    "new": "latest", "show": "programme", "movie": "film", "friends": "acquaintances",
}
_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[\"“‘A-Z])")
_SHOUT = re.compile(r"\b[A-Z]{4,}\b")


def _swap_words(text: str, table: dict[str, str]) -> str:
    """Replace whole words by the table, keeping a leading capital."""
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, table)) + r")\b", re.IGNORECASE)

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        new = table[word.lower()]
        before = match.string[max(0, match.start() - 4):match.start()].rstrip()
        starts = not before or before[-1] in ".!?:\"“‘\n"
        capital = word[:1].isupper() and (starts or not (len(word) > 1 and word.isupper()))
        return new[:1].upper() + new[1:] if capital and new else new

    return re.sub(r"  +", " ", pattern.sub(replace, text))


def tone_down(text: str, seed: int = 0) -> str:
    """Sensational words, punctuation and capitals toned down; interjections dropped."""
    text = _INTERJECTION.sub("", text)
    text = re.sub(r"[!?]*![!?]*", lambda m: "?" if "?" in m.group(0) else ".", text)
    text = _swap_words(text, _NEUTRAL)
    return _SHOUT.sub(lambda m: m.group(0).title(), text)


def no_hedges(text: str, seed: int = 0) -> str:
    """Hedging adverbs removed: the claims read as asserted."""
    return _HEDGE_ADVERBS.sub("", text)


def reorder(text: str, seed: int = 0) -> str:
    """Sentences after each paragraph's first shuffled, with a fixed seed."""
    rng = random.Random(seed)
    paragraphs = []
    for paragraph in text.split("\n"):
        sentences = _SENTENCE.split(paragraph)
        head, rest = sentences[:1], sentences[1:]
        rng.shuffle(rest)
        paragraphs.append(" ".join(head + rest))
    if len(paragraphs) > 2:  # the lead paragraph stays first, the others move too
        body = paragraphs[1:]
        rng.shuffle(body)
        paragraphs = paragraphs[:1] + body
    return "\n".join(paragraphs)


def paraphrase(text: str, seed: int = 0) -> str:
    """Contractions expanded, reporting verbs and common words swapped for synonyms."""
    text = re.sub("[’]", "'", text)
    return _swap_words(_swap_words(text, _CONTRACTIONS), _SYNONYMS)


STYLES: dict[str, Callable[[str, int], str]] = {
    "tone_down": tone_down, "no_hedges": no_hedges, "reorder": reorder, "paraphrase": paraphrase,
}


def restyle(text: str, style: str, seed: int = 0) -> str:
    """The text in one style, or in every style (`all`)."""
    if style == "all":
        for name in STYLES:
            text = STYLES[name](text, seed)
        return text
    return STYLES[style](text, seed)


def restyle_title(title: str, style: str) -> str:
    """Headlines get the tone and wording changes (there is nothing to reorder)."""
    if style in ("tone_down", "all"):
        title = tone_down(title)
    if style in ("paraphrase", "all"):
        title = paraphrase(title)
    return title
