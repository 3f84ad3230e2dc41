"""Stories: articles about the same event, grown one article at a time.

An article is reduced to weighted *keys* taken from its title and lead (news puts the
event first): the people it names (`p:`), shared direct quotes (`q:`, word shingles),
day-level dates it mentions (`d:`) and content words (`t:`). A key's weight is its kind's
weight times its inverse document frequency in the corpus so far, so "Kim Kardashian"
in a gossip corpus counts little and "miracle baby" counts much. People alone never
place an article: pairs of different stories share people all the time, so a match
needs event evidence (words, quotes, dates) besides. A new article joins the story of
its best-scoring earlier article when the score clears a threshold; otherwise it starts
a story. The index is abstract (`KeyIndex`) so the store (SQL) and the evaluation
(memory) run the very same placement.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from rumorscope.schema import Analysis

LEAD_CHARS = 1200
KIND_WEIGHT = {"p": 1.0, "q": 1.5, "d": 1.0, "t": 1.0}
MAX_TERMS = 80
SHINGLE = 4
THRESHOLD = 0.30
MAX_DAYS_APART = 45
# Keys in more than this share of the corpus are too common to find candidates with.
COMMON_SHARE = 0.1

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
_QUOTE = re.compile(r"[\"“]([^\"“”]{20,400})[\"”]")
_EXTRA_STOP = frozenset((
    "said", "says", "say", "told", "tells", "according", "report", "reports", "reported",
    "reportedly", "source", "sources", "insider", "insiders", "new", "news", "just", "like",
    "also", "time", "year", "years", "star", "stars", "people", "that's", "it's", "don't",
    "can't", "isn't", "he's", "she's", "they're", "we're", "i'm", "i've", "you're", "there's",
    "photo", "photos", "getty", "images", "instagram", "twitter", "video", "watch", "read",
    "click", "exclusive", "magazine", "daily", "mail", "article", "story",
))
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | _EXTRA_STOP


def _norm(word: str) -> str:
    """Lower-case, possessives and curly apostrophes folded, a plural -s dropped."""
    word = word.lower().replace("’", "'")
    word = word.removesuffix("'s").strip("'-")
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


def person_keys(analysis: Analysis) -> set[str]:
    """People named in the title or the lead, by their fullest name."""
    title = (analysis.article.title or "").lower()
    keys = set()
    for entity in analysis.entities:
        if entity.type != "PERSON":
            continue
        in_lead = any(start < LEAD_CHARS for start, _ in entity.mentions)
        if in_lead or entity.name.lower() in title:
            keys.add("p:" + " ".join(_norm(w) for w in entity.name.split()))
    return keys


def quote_keys(text: str) -> set[str]:
    """Hashed word shingles of the direct quotes in the lead: a shared quote is one event."""
    keys = set()
    for match in _QUOTE.finditer(text[:LEAD_CHARS]):
        words = [_norm(w) for w in _WORD.findall(match.group(1))]
        for i in range(max(0, len(words) - SHINGLE + 1)):
            shingle = " ".join(words[i:i + SHINGLE])
            keys.add("q:" + hashlib.blake2b(shingle.encode(), digest_size=6).hexdigest())
    return keys


def date_keys(analysis: Analysis) -> set[str]:
    """Day-level dates the lead mentions (an event's date, not the publication's)."""
    return {
        "d:" + t.value[:10] for t in analysis.timexes
        if t.value and t.granularity == "day" and t.span[0] < LEAD_CHARS
        and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value[:10])
    }


def term_keys(title: str, text: str, people_words: set[str]) -> set[str]:
    """The lead's most frequent content words (title words count twice); names excluded."""
    counts: Counter[str] = Counter()
    for weight, chunk in ((2, title), (1, text[:LEAD_CHARS])):
        for raw in _WORD.findall(chunk):
            word = _norm(raw)
            if len(word) > 3 and word not in STOP_WORDS and word not in people_words:
                counts[word] += weight
    return {"t:" + w for w, _ in counts.most_common(MAX_TERMS)}


def story_keys(analysis: Analysis) -> set[str]:
    """Every key an article is placed by."""
    people = person_keys(analysis)
    people_words = {w for key in people for w in key[2:].split()}
    article = analysis.article
    return (people | quote_keys(article.text) | date_keys(analysis)
            | term_keys(article.title or "", article.text, people_words))


class Info(NamedTuple):
    """What placement needs to know of a stored article."""

    story: int
    norm: float
    published: str | None
    best: float


class KeyIndex(Protocol):
    """What placement needs from wherever the articles live."""

    def n_articles(self) -> int: ...

    def doc_freq(self, keys: Iterable[str]) -> dict[str, int]: ...

    def postings(self, keys: Iterable[str]) -> list[tuple[str, str]]:
        """(article id, key) for every stored article holding one of the keys."""
        ...

    def candidate_info(self, ids: Iterable[str]) -> dict[str, Info]:
        """Per article id: its story, key norm, publication date and best match so far."""
        ...


def idf(df: int, n: int) -> float:
    """Smoothed inverse document frequency; the new article itself counts as one document."""
    return math.log((n + 2) / (df + 1))


def key_weights(keys: Iterable[str], df: dict[str, int], n: int) -> dict[str, float]:
    """Each key's weight: its kind's weight times its IDF in the corpus as it stands."""
    return {k: KIND_WEIGHT[k[0]] * idf(df.get(k, 0), n) for k in keys}


def norm_of(weights: dict[str, float]) -> float:
    return math.sqrt(sum(w * w for w in weights.values())) or 1.0


def _days_apart(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    from datetime import date

    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return None


@dataclass
class Placement:
    """Where an article went and why: the story, the article it matched, the score."""

    story: int | None
    matched: str | None
    score: float
    weights: dict[str, float] = field(default_factory=dict)
    norm: float = 1.0


def place(keys: set[str], published: str | None, index: KeyIndex,
          threshold: float = THRESHOLD) -> Placement:
    """The story a new article belongs to (None: a new story), by cosine over weighted keys.

    Candidates are the articles sharing a key that is not too common; an article
    sharing only people (no word, quote or date) is never a match; one published more
    than MAX_DAYS_APART days away is a different event. The best candidate must also
    find the new article at least as close as any article it met before (reciprocal
    best match): a loose resemblance to a story's member does not chain stories.
    """
    n = index.n_articles()
    df = index.doc_freq(keys)
    weights = key_weights(keys, df, n)
    norm = norm_of(weights)
    df_limit = max(20, COMMON_SHARE * n)
    shared: dict[str, list[str]] = defaultdict(list)
    for article_id, key in index.postings(k for k in keys if df.get(k, 0) <= df_limit):
        shared[article_id].append(key)
    event = {a: ks for a, ks in shared.items() if any(k[0] != "p" for k in ks)}
    info = index.candidate_info(event)
    best = Placement(None, None, 0.0, weights, norm)
    for article_id, ks in event.items():
        other = info[article_id]
        days = _days_apart(published, other.published)
        if days is not None and days > MAX_DAYS_APART:
            continue
        score = sum(weights[k] ** 2 for k in ks) / (norm * other.norm)
        if score > best.score:
            best = Placement(other.story, article_id, score, weights, norm)
    if best.matched is None or best.score < threshold or best.score < info[best.matched].best:
        best.story = None
    return best


class MemoryIndex:
    """An in-memory KeyIndex with story assignment, for evaluation and tests."""

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.by_key: dict[str, list[str]] = defaultdict(list)
        self.info: dict[str, Info] = {}
        self.next_story = 1

    def n_articles(self) -> int:
        return len(self.info)

    def doc_freq(self, keys: Iterable[str]) -> dict[str, int]:
        return {k: self.df[k] for k in keys if k in self.df}

    def postings(self, keys: Iterable[str]) -> list[tuple[str, str]]:
        return [(a, k) for k in keys for a in self.by_key.get(k, ())]

    def candidate_info(self, ids: Iterable[str]) -> dict[str, Info]:
        return {i: self.info[i] for i in ids}

    def add(self, article_id: str, keys: set[str], published: str | None,
            threshold: float = THRESHOLD) -> Placement:
        """Place an article and record it; returns the placement (story filled in)."""
        placement = place(keys, published, self, threshold)
        if placement.story is None:
            placement.story = self.next_story
            self.next_story += 1
        for key in keys:
            self.df[key] += 1
            self.by_key[key].append(article_id)
        self.info[article_id] = Info(placement.story, placement.norm, published, placement.score)
        if placement.matched:
            matched = self.info[placement.matched]
            self.info[placement.matched] = matched._replace(best=max(matched.best,
                                                                     placement.score))
        return placement
