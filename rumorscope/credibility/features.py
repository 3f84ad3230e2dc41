"""What the model may read of an article's text: the prose, with outlets and scraping masked.

A fake-news model can score well by learning who published a page (outlet names, URLs,
share buttons, photo credits, "Play video content TMZ.com") instead of what the page
says. That does not carry over to outlets it has never seen, so before any text feature
is computed:

- lines that are page furniture (short, no sentence punctuation, or matching a
  boilerplate pattern: subscribe, advertisement, share, read more, photo credits) go;
- URLs, e-mail addresses, web domains and @handles become `_url_`, `_email_`, `_handle_`;
- names of news outlets (the shipped list the pipeline tags, more forms of them, and the
  record's own outlet when known) become `_outlet_`, so "according to TMZ" still reads
  as a cited outlet but not as which one.

People's names stay: who a story is about is its topic, a prior the model may learn
(rumours about some couples recur), and the explanation labels such a phrase as the
topic rather than as the article's wording (`name_forms`), so a reader sees which it is.
Masking them cost 1.3 points of GossipCop macro-F1 on both splits and 2.7 on restyled
text (model 1.1).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rumorscope.outlets import outlet_names

OUTLET_TOKEN = "_outlet_"
MIN_NAME_PART = 3  # "Ye" and initials: too short to tell from ordinary words

# Forms the mask adds to the shipped list (`rumorscope.outlets`): outlets the recogniser
# knows by itself (TMZ, CNN), names the pipeline must not tag because they are also
# everyday words, and other spellings. Ambiguous single words ("People", "Star", "Us")
# are only masked in unambiguous forms (all capitals, with "magazine", "Weekly").
MASKED_FORMS = (
    "TMZ", "E!", "Us Magazine", "PEOPLE", "People Magazine", "People.com", "Mail Online",
    "OK! Magazine", "OK!", "Star Magazine", "Life and Style", "ETonline", "EW", "Variety",
    "Hollywood Reporter", "THR", "the Post", "The Sun", "the Sun", "The Mirror", "The Daily Star",
    "Who magazine", "NW magazine", "Enquirer", "Elle", "Vogue", "Glamour", "Harper's Bazaar",
    "Billboard", "Perez Hilton", "PerezHilton", "Celebuzz", "Inquisitr", "The Inquisitr", "Bustle",
    "Buzzfeed", "USA TODAY", "USA Today", "CNN", "NBC News", "ABC News", "CBS News", "BBC",
    "Reuters", "AP", "The Independent", "The Guardian", "Telegraph", "The Times", "New York Times",
    "The New York Times", "Washington Post", "Los Angeles Times", "LA Times", "Time magazine",
    "TIME", "Newsweek", "Yahoo", "Yahoo News", "Cosmo", "Seventeen", "J-14", "J14",
    "Inside Edition", "Entertainment Daily", "Hello!", "Media Take Out", "MediaTakeOut",
    "Celebrity Insider", "Showbiz411", "The Cheat Sheet", "Cheat Sheet", "Gossip Bucket",
    "Trendolizer", "Longroom", "IMDb", "IMDB", "Wonderwall", "Starcasm", "Hollywood Gossip",
    "The Hollywood Gossip", "Now to Love",
)

_BOILER = re.compile(
    r"advertis|subscribe|newsletter|sign up|sign-up|log ?in\b|click here|read more|"
    r"scroll down|related (?:gallery|content|stories|articles|coverage)|loading|"
    r"share (?:this|on)|sharing|follow (?:us|@)|on (?:facebook|twitter|instagram|flipboard)"
    r"|play video|video content|watch (?:below|the video)|getty|splash ?news|shutterstock|"
    r"rex features|backgrid|wireimage|filmmagic|\bphoto(?:s|graph)?\s*(?:by|:|credit)|"
    r"\bcredit\s*:|\bimage (?:zoom|source|credit)|copyright|©|all rights reserved|"
    r"privacy policy|terms of (?:use|service)|cookie|ad-?block|embed code|push notification|"
    r"download the|app store|google play|whatsapp|reddit|linkedin|pinterest|stumbleupon|"
    r"\bemail\b|\bprint\b|got a story|we pay for|\bshares?\b\s*$|^\s*\d+\s+shares?\b|"
    r"continues below|post continues|more from|popular on|you may also like|recommended",
    re.IGNORECASE,
)
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|co\.uk|"
                  r"com\.au|co|uk|au|tv|us|ca|io|ly|me|news|online)\b(?:/\S*)?", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
_HANDLE = re.compile(r"(?<![\w@])@\w{2,}")
_TITLE_SUFFIX = re.compile(r"\s+[|\-–—:]\s+(?:\S+\s*){1,4}$")
_SENTENCE_END = re.compile(r"[.!?\"”’')]\s*$")


def _outlet_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """One alternation, longest names first so "Us Weekly" wins over "Us"."""
    ordered = sorted({n for n in names if n}, key=len, reverse=True)
    parts = [re.escape(n) for n in ordered]
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])")


_OUTLETS = _outlet_pattern((*outlet_names(), *MASKED_FORMS))


def outlet_variants(outlet: str | None) -> list[str]:
    """Prose forms of a record's outlet field ("hollywoodlife.com" -> "hollywoodlife", ...)."""
    if not outlet:
        return []
    stem = re.sub(r"^(?:https?://)?(?:www\.)?", "", outlet.strip().lower()).split("/")[0]
    stem = stem.split(".")[0]
    if len(stem) < 4:  # "ew", "ok": too short to mask safely as a word
        return []
    return [stem]


def is_furniture(line: str) -> bool:
    """A line of page furniture rather than prose: boilerplate words, or a short fragment."""
    stripped = line.strip()
    if not stripped:
        return True
    words = stripped.split()
    if len(words) <= 12 and _BOILER.search(stripped):
        return True
    return len(words) < 5 and not _SENTENCE_END.search(stripped)


def strip_furniture(text: str) -> str:
    """The text without furniture lines; prose lines keep their order."""
    return "\n".join(line for line in text.split("\n") if not is_furniture(line))


def mask(text: str, outlet: str | None = None) -> str:
    """Prose with URLs, e-mails, handles and outlet names replaced by neutral tokens."""
    text = _EMAIL.sub(" _email_ ", text)
    text = _URL.sub(" _url_ ", text)
    text = _HANDLE.sub(" _handle_ ", text)
    text = _OUTLETS.sub(OUTLET_TOKEN, text)
    for variant in outlet_variants(outlet):
        text = re.sub(rf"(?i)\b{re.escape(variant)}\b", OUTLET_TOKEN, text)
    return text


def excluded_spans(text: str, outlet: str | None = None) -> list[tuple[int, int]]:
    """Spans of `text` no signal may count: furniture lines, outlet names, URLs, handles."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        if line.strip() and is_furniture(line):
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    for pattern in (_EMAIL, _URL, _HANDLE, _OUTLETS):
        spans.extend(m.span() for m in pattern.finditer(text))
    for variant in outlet_variants(outlet):
        spans.extend(m.span() for m in re.finditer(rf"(?i)\b{re.escape(variant)}\b", text))
    return sorted(spans)


def clean_title(title: str | None) -> str:
    """The headline without a trailing site name ("... | Celeb Dirty Laundry", "... - Report")."""
    title = (title or "").strip()
    while (found := _TITLE_SUFFIX.search(title)) and found.start() > 0:
        title = title[:found.start()].rstrip()
    return title


def name_forms(names: Iterable[str]) -> frozenset[str]:
    """Every word of the people's names, lower-cased, hyphenated ones whole and in parts
    ("quince-oakes", "quince", "oakes"), long enough to tell from ordinary words."""
    forms: set[str] = set()
    for name in names:
        for part in name.strip("‘’' ").split():
            part = re.sub(r"['’]s$", "", part)
            forms.update((part, *part.split("-")))
    return frozenset(f.lower() for f in forms if len(f) >= MIN_NAME_PART and f[:1].isupper())


def model_text(title: str | None, text: str, outlet: str | None = None,
               max_chars: int = 20000) -> str:
    """What the text model reads: the headline, then the prose, cleaned and masked."""
    body = strip_furniture(text[:max_chars])
    return mask(f"{clean_title(title)}\n{body}", outlet)
