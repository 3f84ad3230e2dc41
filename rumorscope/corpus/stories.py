"""Stories: articles about the same event, grown one article at a time.

An article is reduced to weighted *keys* taken from its title and lead (news puts the
event first): the people it names (`p:`), shared direct quotes (`q:`, word shingles),
day-level dates it mentions (`d:`) and content words (`t:`). A key's weight is its kind's
weight times its inverse document frequency in the corpus so far, so "Kim Kardashian"
in a gossip corpus counts little and "miracle baby" counts much. People alone never
place an article: pairs of different stories share people all the time, so a match
needs event evidence (words, quotes, dates) besides. A new article joins the story whose
members it resembles most on average (average link, as the cosine summed over the story's
candidate members and divided by the story's size: one close member of a large story is
not enough, so stories do not chain), when that average clears a threshold and the
story's closest member finds the new article at least as close as anything it met before
(reciprocal best match); otherwise it starts a story. The index is abstract (`KeyIndex`)
so the store (SQL) and the evaluation (memory) run the very same placement.
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

LEAD_CHARS = 1200  # keys come from the title and this much of the text
KIND_WEIGHT = {"p": 0.5, "q": 1.5, "d": 0.5, "t": 1.0}
MAX_TERMS = 120
SHINGLE = 4
# Chosen on one half of the evaluation's gold stories (eval/stories.py), the other half
# held out: the best pairwise F1 there over both pair sets pooled (labelled pairs only).
THRESHOLD = 0.25
MAX_DAYS_APART = 45
# Keys in more than this share of the corpus are too common to find candidates with.
COMMON_SHARE = 0.1
# Candidate search reads at most about this many postings, through at most this many keys,
# and scores this many candidates on every key: placement cost stays flat as the corpus grows.
MAX_POSTINGS = 8000
MAX_PROBES = 60
TOP_CANDIDATES = 40

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


def term_keys(title: str, text: str) -> dict[str, float]:
    """The lead's content words, names' words included, with sublinear counts (title words
    count twice)."""
    counts: Counter[str] = Counter()
    for weight, chunk in ((2, title), (1, text[:LEAD_CHARS])):
        for raw in _WORD.findall(chunk):
            word = _norm(raw)
            if len(word) > 2 and word not in STOP_WORDS:
                counts[word] += weight
    return {"t:" + w: 1 + math.log(c) for w, c in counts.most_common(MAX_TERMS)}


def story_keys(analysis: Analysis) -> dict[str, float]:
    """Every key an article is placed by, with its count weight (1 but for words)."""
    people = person_keys(analysis)
    article = analysis.article
    quotes = quote_keys(article.text)
    keys = dict.fromkeys(people | date_keys(analysis), 1.0)
    # All the shingles of an article's quotes weigh as much as one key, however long.
    keys.update(dict.fromkeys(quotes, 1 / math.sqrt(len(quotes) or 1)))
    keys.update(term_keys(article.title or "", article.text))
    return {k[:255]: w for k, w in keys.items()}


class Info(NamedTuple):
    """What placement needs to know of a stored article."""

    story: int | None
    norm: float
    published: str | None
    best: float
    story_size: int


class KeyIndex(Protocol):
    """What placement needs from wherever the articles live."""

    def n_articles(self) -> int: ...

    def doc_freq(self, keys: Iterable[str]) -> dict[str, int]: ...

    def top_candidates(self, factors: dict[str, float], limit: int) -> list[str]:
        """The `limit` articles with the highest sum of count weight x factor over these
        keys (the articles holding none are not candidates)."""
        ...

    def dot(self, ids: list[str], factors: dict[str, float]) -> dict[str, float]:
        """Per article: the sum of its count weight x factor over every key of `factors`."""
        ...

    def candidate_info(self, ids: Iterable[str]) -> dict[str, Info]:
        """Per article id: its story, key norm, publication date, best match so far and
        its story's size."""
        ...


def idf(df: int, n: int) -> float:
    """Smoothed inverse document frequency; the new article itself counts as one document."""
    return math.log((n + 2) / (df + 1))


def key_weights(keys: Iterable[str], df: dict[str, int], n: int) -> dict[str, float]:
    """Each key's weight: its kind's weight times its IDF in the corpus as it stands."""
    return {k: KIND_WEIGHT[k[0]] * idf(df.get(k, 0), n) for k in keys}


def norm_of(keys: dict[str, float], weights: dict[str, float]) -> float:
    return math.sqrt(sum((keys[k] * w) ** 2 for k, w in weights.items())) or 1.0


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
    """Where an article went and why: the story, its closest member (`matched`), the
    story's average cosine (`score`) and the matched article's own cosine."""

    story: int | None
    matched: str | None
    score: float
    weights: dict[str, float] = field(default_factory=dict)
    norm: float = 1.0
    match_cosine: float = 0.0


def probe_keys(keys: dict[str, float], df: dict[str, int], n: int) -> list[str]:
    """The rarest keys that some stored article holds, as many as fit a budget of
    postings: an article telling the same event shares some of them, and reading them
    stays cheap however large the corpus. Keys no article holds yet find nothing: were
    they let in, an article with many new words and quotes would take all its probes
    from them and find no candidate at all."""
    limit = max(20.0, COMMON_SHARE * n)
    chosen: list[str] = []
    budget = MAX_POSTINGS
    for key in sorted((k for k in keys if df.get(k)), key=df.__getitem__):
        freq = df[key]
        if freq > limit or (chosen and freq > budget) or len(chosen) >= MAX_PROBES:
            break
        chosen.append(key)
        budget -= freq
    return chosen


def place(keys: dict[str, float], published: str | None, index: KeyIndex,
          threshold: float = THRESHOLD) -> Placement:
    """The story a new article belongs to (None: a new story), by average-link cosine over
    weighted keys.

    Candidates are found by the article's rarest words, quotes and dates (`probe_keys`:
    short posting lists, so placement stays fast in a large corpus; people alone never
    make a candidate); the best TOP_CANDIDATES of them are then scored on every key. An
    article published more than MAX_DAYS_APART days away is a different event. A story
    scores the cosines of its candidate members summed and divided by its size (members
    that are not candidates share too little to count); the best story must clear the
    threshold, and its closest member must find the new article at least as close as
    any article it met before (reciprocal best match). The placement's `score` is that
    story's average; `matched` is its closest member.
    """
    n = index.n_articles()
    df = index.doc_freq(keys)
    weights = key_weights(keys, df, n)
    norm = norm_of(keys, weights)
    factors = {k: keys[k] * weights[k] ** 2 for k in keys}
    event_keys = {k: v for k, v in keys.items() if not k.startswith("p:")}
    probe = probe_keys(event_keys, df, n)
    top = index.top_candidates({k: factors[k] for k in probe}, TOP_CANDIDATES)
    dots = index.dot(top, factors)
    info = index.candidate_info(top)
    cosine: dict[str, float] = {}
    for article_id in top:
        other = info[article_id]
        if other.story is None:  # stored by a version without stories, not yet placed
            continue
        days = _days_apart(published, other.published)
        if days is None or days <= MAX_DAYS_APART:
            cosine[article_id] = dots.get(article_id, 0.0) / (norm * other.norm)
    summed: dict[int, float] = defaultdict(float)
    closest: dict[int, str] = {}
    for article_id, value in cosine.items():
        story = info[article_id].story
        summed[story] += value
        if story not in closest or value > cosine[closest[story]]:
            closest[story] = article_id
    if not summed:
        return Placement(None, None, 0.0, weights, norm)
    story = max(summed, key=lambda s: (summed[s] / info[closest[s]].story_size, -s))
    matched = closest[story]
    best = Placement(story, matched, summed[story] / info[matched].story_size, weights, norm,
                     cosine[matched])
    if best.score < threshold or cosine[matched] < info[matched].best:
        best.story = None
    return best


class MemoryIndex:
    """An in-memory KeyIndex with story assignment, for evaluation and tests."""

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.by_key: dict[str, list[tuple[str, float]]] = defaultdict(list)
        self.info: dict[str, Info] = {}
        self.keys_of: dict[str, dict[str, float]] = {}
        self.next_story = 1
        self.story_size: Counter[int] = Counter()

    def n_articles(self) -> int:
        return len(self.info)

    def doc_freq(self, keys: Iterable[str]) -> dict[str, int]:
        return {k: self.df[k] for k in keys if k in self.df}

    def top_candidates(self, factors: dict[str, float], limit: int) -> list[str]:
        scores: Counter[str] = Counter()
        for key, factor in factors.items():
            for article_id, count in self.by_key.get(key, ()):
                scores[article_id] += count * factor
        return [a for a, _ in scores.most_common(limit)]

    def dot(self, ids: list[str], factors: dict[str, float]) -> dict[str, float]:
        return {a: sum(c * factors[k] for k, c in self.keys_of[a].items() if k in factors)
                for a in ids}

    def candidate_info(self, ids: Iterable[str]) -> dict[str, Info]:
        return {i: self.info[i]._replace(story_size=self.story_size[self.info[i].story])
                for i in ids}

    def add(self, article_id: str, keys: dict[str, float], published: str | None,
            threshold: float = THRESHOLD) -> Placement:
        """Place an article and record it; returns the placement (story filled in)."""
        placement = place(keys, published, self, threshold)
        if placement.story is None:
            placement.story = self.next_story
            self.next_story += 1
        for key, count in keys.items():
            self.df[key] += 1
            self.by_key[key].append((article_id, count))
        self.keys_of[article_id] = keys
        self.story_size[placement.story] += 1
        self.info[article_id] = Info(placement.story, placement.norm, published,
                                     placement.match_cosine, 0)
        if placement.matched:
            matched = self.info[placement.matched]
            self.info[placement.matched] = matched._replace(best=max(matched.best,
                                                                     placement.match_cosine))
        return placement
