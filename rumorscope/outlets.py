"""Publications: the shipped list of their names, and how to tell two writings of one.

The list, `data/outlet_names.txt`, serves two jobs: the pipeline tags these names ORG
before spaCy's recogniser runs (`pipeline._add_outlet_names`), and the credibility text
model masks them, so an outlet the analysis knows is never evidence the model can read
(`credibility.features`). `same_outlet` tells one publication however written (people.com,
PEOPLE), and `cites_another` what the corpus counts as a citation.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

OUTLET_NAMES_FILE = Path(__file__).resolve().parent / "data" / "outlet_names.txt"


@lru_cache(maxsize=1)
def outlet_names() -> tuple[str, ...]:
    """The names, in file order (comments and blank lines left out)."""
    lines = OUTLET_NAMES_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


# Second-level labels before a country's ending (dailymail.co.uk, news.com.au).
_SECOND_LEVEL = frozenset(("co", "com", "org", "net", "ac", "gov", "edu"))
# What may follow a publication's name in its address or in a section's name ("In Touch"
# at intouchweekly.com, "People Food" in a People article): still the same publication.
_SAME_PUBLICATION_TAILS = ("online", "weekly", "magazine", "mag", "news", "food", "style")


def outlet_key(name: str) -> str:
    """A publication's name reduced to compare with: "www.people.com" and "PEOPLE" give
    "people", "uk.businessinsider.com" and "Business Insider" give "businessinsider"."""
    name = name.strip().lower()
    if "." in name and " " not in name:  # an address: the label before its endings
        labels = [label for label in name.split(".") if label][:-1] or [""]
        while len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
            labels.pop()
        name = labels[-1]
    key = "".join(ch for ch in name if ch.isalnum())
    return key[3:] if key.startswith("the") and len(key) > 5 else key


def _stem(key: str) -> str:
    for tail in _SAME_PUBLICATION_TAILS:
        if key.endswith(tail) and len(key) > len(tail):
            return key[:-len(tail)]
    return key


def same_outlet(a: str | None, b: str | None) -> bool:
    """Whether two names or addresses are one publication: the same key, or the same key
    but for a word such as "online" or "weekly" ("Radar" and radaronline.com, "Us Weekly"
    and usmagazine.com)."""
    key_a, key_b = outlet_key(a or ""), outlet_key(b or "")
    if not key_a or not key_b:
        return False
    return key_a == key_b or (len(stem := _stem(key_a)) >= 2 and stem == _stem(key_b))


_ADDRESS = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_NAME_JOINERS = frozenset({"&", "of", "the", "and", "de", "du", "la", "le", "!"})
MAX_NAME_WORDS = 6


def looks_like_outlet_name(name: str) -> bool:
    """Whether a cited outlet reads as a publication's name ("Life & Style", "E! News",
    "RadarOnline.com"), not a description the text never resolved ("the mag") or a phrase
    the parse mistook for one ("Houston Rockets star of cheating on her"): the corpus
    reports count only such names as citations."""
    if _ADDRESS.fullmatch(name):
        return True  # "tmz.com", "celebs.example": a site by its address
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in _NAME_JOINERS
               for w in words)


def cites_another(name: str, own: str | None) -> bool:
    """Whether an outlet an article credits is a citation of another publication: a
    publication's name, and not the article's own outlet however written."""
    return looks_like_outlet_name(name) and not same_outlet(name, own)
