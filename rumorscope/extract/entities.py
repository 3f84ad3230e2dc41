"""People and organisations, with their aliases merged into one entity.

spaCy's small model splits one person into many labels ("Kanye West" PERSON, "Kanye's"
ORG, "Saint" GPE). The rules here repair spans and labels, then cluster every form of a
name ("Kim", "Kardashian", "'Ye") under the fullest name the article uses.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from rumorscope.extract.doc_text import doc_text
from rumorscope.extract.facts import KIN, OCCUPATIONS
from rumorscope.extract.timex_lexicon import MONTHS
from rumorscope.schema import Entity

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
# Labels the small model often puts on first names; kept only when relabelled PERSON.
NAME_LIKE_LABELS = KEPT_LABELS | {"NORP", "WORK_OF_ART"}
NAME_PARTICLES = frozenset({"de", "van", "von", "da", "di", "le", "la", "del", "bin", "al"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
LEADING_JUNK = frozenset({"the", "a", "an", "‘", "'", "“", '"', "’"})
# Titles before a surname ("Ms. Middleton", "Mr. Deacon"): the form names the person the
# article named in full ("Pippa Middleton"), and is never the name it goes by.
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir",
                        "dame", "prof", "prof."})

# "North, 3, and Saint, 1" after a word for children: names with ages in a list.
KIN_PLURAL = r"(?:kids|children|sons|daughters|son|daughter|twins|grandchildren|babies|baby)"
CHILD_LIST = re.compile(KIN_PLURAL + r"\b[^.!?]{0,80}")
NAME_WITH_AGE = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?), (\d{1,2})\b")
# "Dwayne 'The Rock' Johnson": a nickname quoted between first and last name.
QUOTED_NICKNAME = re.compile(r"\b([A-Z][a-z]+) [\"'‘“]([A-Z][\w. ]{0,20}?)[\"'’”] ([A-Z][a-z]+)\b")
# "‘Ye" for "Kanye": an apostrophe marks a clipped name (candidates checked later).
ELIDED_NAME = re.compile(r"(?<![\w’'])[‘']([A-Z][a-z]{1,5})\b")


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    label: str


# Tags that end a person's name inside a title-case headline the recogniser read as one
# name ("Kenya Moore Says Co-Sleeping With Her Baby Is Fine").
NOT_IN_NAMES = frozenset({"VBZ", "VBD", "VBP", "VBG", "VBN", "MD", "IN", "PRP", "PRP$",
                          "DT", "CC", "TO"})


def find_entities(doc: Doc) -> list[Entity]:
    """Entities of the article with aliases ("Kim" -> "Kim Kardashian") and mentions."""
    text = doc_text(doc)
    mentions = [m for ent in doc.ents if (m := _clean(ent, text)) is not None]
    mentions += _children_in_lists(text, mentions)
    mentions = _as_people(text, mentions, _named_relatives(doc) + _described_people(doc))
    full_names = _full_person_names(mentions)
    mentions = [_trim_to_known(m, full_names) for m in mentions]
    singles = {(m.text,) for m in mentions if m.label == "PERSON" and " " not in m.text}
    mentions = [_relabel(m, full_names, singles) for m in mentions]
    lower_words = set(re.findall(r"\b[a-z]\w*", text))
    mentions = [m for m in mentions if m.label in KEPT_LABELS
                and (" " in m.text or m.text.lower() not in lower_words)
                and m.text.lower() not in HONORIFICS and not _shouted_word(m, text)]
    nicknames = _nickname_mentions(text, mentions)
    mentions = [m for m in mentions if not any(m.start < n.end and n.start < m.end
                                               for n in nicknames)] + nicknames
    links = {n.text: f.text for f, n in zip(nicknames[::2], nicknames[1::2], strict=False)
             if f.text != n.text and n.label == "PERSON" and " " in f.text}
    clusters = _merge_misspelt(_cluster(sorted(mentions, key=lambda m: m.start), links))
    _sweep(text, clusters)
    return _to_entities(clusters)


def _clean(ent: Span, text: str) -> _Mention | None:
    """Repair one spaCy span: drop possessives, numbers, dates and articles around a name."""
    if ent.label_ not in NAME_LIKE_LABELS:
        return None
    tokens = list(ent)
    while tokens and (tokens[0].lower_ in LEADING_JUNK
                      or (ent.label_ == "PERSON" and tokens[0].lower_ in OCCUPATIONS)):
        tokens.pop(0)
    label = ent.label_
    if label == "PERSON" and len(tokens) > 1 and tokens[0].lower_.rstrip(".") in MONTHS \
            and tokens[1].like_num:
        return None  # "Jun 22, 2017" read as a person
    kept = []
    for tok in tokens:
        if tok.is_space or "\n" in tok.text_with_ws:
            if not tok.is_space:
                kept.append(tok)
            break
        if tok.text in POSSESSIVE or tok.tag_ == "POS":
            if label == "ORG" and tok.i + 1 < ent.end:
                kept.append(tok)  # "Men's Health", "Women's Wear Daily": part of the name
                continue
            if label == "ORG" and len(kept) == 1:
                label = "PERSON"  # "Kanye's": a possessive first name is not an organisation
            break
        if label == "PERSON" and (tok.like_num
                                  or (tok.is_lower and tok.text not in NAME_PARTICLES)
                                  or (kept and tok.tag_ in NOT_IN_NAMES)
                                  or _shouted_after_name(tok, kept)):
            break
        kept.append(tok)
    while kept and (kept[-1].is_punct or kept[-1].like_num):
        kept.pop()
    while (label == "PERSON" and kept and kept[0].i > 0 and kept[0].nbor(-1).pos_ == "PROPN"
           and kept[0].nbor(-1).dep_ == "compound" and kept[0].nbor(-1).is_title
           and kept[0].nbor(-1).lower_ not in OCCUPATIONS):
        kept.insert(0, kept[0].nbor(-1))  # "Ivy [Carter]": the model left out a first name
    if not kept or not kept[0].text[:1].isupper():
        return None
    start, end = kept[0].idx, kept[-1].idx + len(kept[-1])
    return _Mention(start, end, text[start:end], label)


def _shouted_after_name(tok: Token, kept: list[Token]) -> bool:
    """An all-capitals word after a name in ordinary case ("Dr. Larisse K Lee EXCLUSIVELY
    shared"): the tabloid's emphasis, not part of the name."""
    return (bool(kept) and len(tok.text) >= 4 and tok.text.isalpha() and tok.text.isupper()
            and not all(t.text.isupper() or len(t.text) <= 2 for t in kept))


def _shouted_word(m: _Mention, text: str) -> bool:
    """A lone capitalised word taken for a person ("tells HollywoodLife.com EXCLUSIVELY")
    that the text never writes in ordinary case: emphasis, not a name ("KIM" stays when
    "Kim" is written too)."""
    return (m.label == "PERSON" and " " not in m.text and len(m.text) >= 4
            and m.text.isalpha() and m.text.isupper() and m.text.title() not in text)


def _children_in_lists(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Names followed by an age in a list after "kids"/"son" are people, whatever spaCy said."""
    taken = {(m.start, m.end) for m in mentions if m.label == "PERSON"}
    found = []
    for window in CHILD_LIST.finditer(text):
        for m in NAME_WITH_AGE.finditer(text, window.start(), window.end()):
            span = (m.start(1), m.end(1))
            if span not in taken:
                found.append(_Mention(*span, m.group(1), "PERSON"))
    return found


# Words for one relative or partner: the proper name right after one is a person's
# ("her husband Shane", "girlfriend, Sofia Richie", "is said to be Sofia Richie"), whatever
# label the recogniser gave it (Shane: none; Sofia Richie: GPE).
RELATIVE_NOUNS = frozenset(w for w in KIN if not w.endswith(("s", "ren")) or w == "spouse")
RELATIVE_LINKS = frozenset({",", "is", "was", "be", "said", "to", "reportedly", "now"})


def _named_relatives(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the names that lower-case relative nouns introduce."""
    named: list[tuple[int, int]] = []
    for tok in doc:
        if tok.lower_ not in RELATIVE_NOUNS or tok.pos_ != "NOUN" or not tok.is_lower:
            continue  # a capitalised "Daughter" is a title-case headline's word
        i = tok.i + 1
        while i < min(len(doc), tok.i + 6) and doc[i].lower_ in RELATIVE_LINKS:
            i += 1
        end = i
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title \
                and doc[end].lower_ not in OCCUPATIONS and doc[end].text not in POSSESSIVE:
            end += 1
        if end > i:
            named.append((doc[i].idx, doc[end - 1].idx + len(doc[end - 1])))
    return named


def _as_people(text: str, mentions: list[_Mention], spans: list[tuple[int, int]]
               ) -> list[_Mention]:
    """`mentions` with those overlapping a span cut to it and relabelled PERSON, and a new
    PERSON mention for each span no mention covers."""
    out = []
    for m in mentions:
        span = next(((s, e) for s, e in spans if s < m.end and m.start < e), None)
        if m.label == "PERSON" or span is None:
            out.append(m)
        else:  # only the name the span covers: "North and Saint" (ORG) after "daughter"
            start, end = max(m.start, span[0]), min(m.end, span[1])
            out.append(_Mention(start, end, text[start:end], "PERSON"))
    out += [_Mention(start, end, text[start:end], "PERSON") for start, end in spans
            if not any(start < m.end and m.start < end for m in mentions)]
    return out


INSTITUTION_WORDS = frozenset({
    "college", "university", "school", "academy", "institute", "inc", "network", "records",
    "studios", "studio", "company", "group", "band", "club", "foundation", "channel",
    "magazine", "news", "media", "entertainment", "productions", "pictures", "festival",
    "hotel", "hospital", "church", "park", "center", "centre", "arena", "theater", "theatre"})


def _described_people(doc: Doc) -> list[tuple[int, int]]:
    """"Kayla Kibbe is a writer": a name of two or three words that is the subject of
    "be" with a role as its complement is a person's (the recogniser said ORG)."""
    found = []
    for tok in doc:
        if tok.dep_ != "attr" or tok.lower_ not in OCCUPATIONS or tok.head.lemma_ != "be":
            continue
        subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ != "PROPN":
            continue
        words = list(subject.subtree)
        if 2 <= len(words) <= 3 and all(t.pos_ == "PROPN" and t.is_title
                                        and t.lower_ not in INSTITUTION_WORDS for t in words):
            found.append((words[0].idx, words[-1].idx + len(words[-1])))
    return found


def _full_person_names(mentions: list[_Mention]) -> list[tuple[str, ...]]:
    """Multi-token PERSON names, the anchors that shorter forms attach to."""
    names = {tuple(m.text.split()) for m in mentions if m.label == "PERSON"}
    return sorted((n for n in names if len(n) > 1), key=len)


def _trim_to_known(m: _Mention, full_names: list[tuple[str, ...]]) -> _Mention:
    """"Bella Thorne Dating" or "Playboy Scott Disick": cut a span down to a known name."""
    words = m.text.split()
    for name in full_names:
        n = len(name)
        if n >= len(words):
            break
        if tuple(words[:n]) == name:
            return _Mention(m.start, m.start + len(" ".join(name)), " ".join(name), "PERSON")
        if tuple(words[-n:]) == name and name[0].lower() not in NAME_PARTICLES:
            return _Mention(m.end - len(" ".join(name)), m.end, " ".join(name), "PERSON")
    return m


def _relabel(m: _Mention, full_names: list[tuple[str, ...]],
             singles: set[tuple[str, ...]]) -> _Mention:
    """A span that is a known person's name, or a part of it, is that person."""
    if m.label == "PERSON":
        return m
    words = tuple(m.text.split())
    if words in singles:
        return _Mention(m.start, m.end, m.text, "PERSON")
    for name in full_names:
        if words == name or (len(words) == 1 and _name_part(words[0], name)):
            return _Mention(m.start, m.end, m.text, "PERSON")
    return m


def _name_part(word: str, name: tuple[str, ...]) -> bool:
    """First or last token, or a clipped first name ("Jen" for "Jennifer")."""
    return word in (name[0], name[-1]) or (len(word) >= 3 and name[0].startswith(word))


def _nickname_mentions(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Quoted nicknames ("X 'Y' Z") and clipped names ("'Ye") as extra PERSON mentions."""
    firsts = {m.text.split()[0] for m in mentions if m.label == "PERSON"}
    found = []
    for m in QUOTED_NICKNAME.finditer(text):
        found.append(_Mention(m.start(), m.end(), f"{m.group(1)} {m.group(3)}", "PERSON"))
        found.append(_Mention(m.start(2), m.end(2), m.group(2), "PERSON"))
    for m in ELIDED_NAME.finditer(text):
        short = m.group(1).lower()
        if any(len(f) > len(short) + 1 and f.lower().endswith(short) for f in firsts):
            found.append(_Mention(m.start(), m.end(), m.group(0), "PERSON"))
    return found


def _cluster(mentions: list[_Mention], links: dict[str, str]) -> list[list[_Mention]]:
    """Group mentions: a shorter form joins the longer name it fits (the nearest earlier one
    when several fit, so "Chris" follows whichever Chris the text last named)."""
    forms: list[set[str]] = []
    people: set[int] = set()  # form sets begun by a person's mention
    home_of: dict[tuple[str, str], int] = {}
    for m in sorted(mentions, key=lambda m: (-len(_bare_words(m.text)), m.text in links,
                                             len(_words_of(m.text)))):
        key = (m.label, m.text)
        if key in home_of:
            continue
        fits = [] if m.label != "PERSON" else [
            i for i, f in enumerate(forms)
            if (i in people or all(_looks_like_a_name(form) for form in f))
            and (_fits_any(m.text, f) or links.get(m.text) in f)]
        if fits and _bare_words(m.text) != _words_of(m.text):
            # A title fits any namesake ("Ms. Markle": Meghan or her father): it joins
            # one only when no other was named before it.
            named = [i for i in fits if _last_before(mentions, forms[i], m.start) >= 0]
            fits = named if len(named) == 1 else fits if len(fits) == 1 else []
        if fits:
            home = max(fits, key=lambda i: _last_before(mentions, forms[i], m.start))
        else:
            forms.append(set())
            home = len(forms) - 1
            if m.label == "PERSON":
                people.add(home)
        forms[home].add(m.text)
        home_of[key] = home
    clusters: list[list[_Mention]] = [[] for _ in forms]
    for m in mentions:
        clusters[home_of[(m.label, m.text)]].append(m)
    return clusters


def _merge_misspelt(clusters: list[list[_Mention]]) -> list[list[_Mention]]:
    """One person whose surname the article misspells once ("Kelly Dodd" ... "Kelly Dodo"):
    two people's full names with the same first name and surnames of four letters or more,
    one edit apart, are one person, named as any person is (`_name_of`)."""
    full = [(i, c) for i, c in enumerate(clusters)
            if c[0].label == "PERSON" and len(_name_of(c).split()) == 2]
    gone: set[int] = set()
    for a, (i, first) in enumerate(full):
        for j, second in full[a + 1:]:
            if i in gone or j in gone:
                continue
            one, two = _name_of(first).split(), _name_of(second).split()
            if one[0] == two[0] and min(len(one[1]), len(two[1])) >= 4 \
                    and _one_edit_apart(one[1], two[1]):
                keep, drop = (i, j) if len(first) >= len(second) else (j, i)
                clusters[keep].extend(clusters[drop])
                gone.add(drop)
    return [c for k, c in enumerate(clusters) if k not in gone]


def _name_of(cluster: list[_Mention]) -> str:
    """A person's name: the fullest form (a title does not make it fuller), and of equally
    long ones the most written (then the first written)."""
    written = Counter(m.text for m in sorted(cluster, key=lambda m: m.start))
    return max(written, key=lambda f: (len(_bare_words(f)), len(_words_of(f)) ==
                                       len(_bare_words(f)), len(f), written[f]))


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether one substitution, insertion or deletion turns `a` into `b` (a != b)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:k] + long[k + 1:] == short for k in range(len(long)))


def _looks_like_a_name(form: str) -> bool:
    """Two or three capitalised words and nothing else ("Larsa Pippen" the recogniser
    called an organisation), unlike "North and", "Chainsmokers, Drake" or "St. George":
    only such a form may take a person's short form into its entity."""
    words = _words_of(form)
    return 2 <= len(words) <= 3 and all(
        w.isalpha() and w[:1].isupper() and w.lower() not in INSTITUTION_WORDS for w in words)


def _last_before(mentions: list[_Mention], forms: set[str], start: int) -> int:
    """Start of the latest mention of these forms before `start` (-1 if none)."""
    return max((m.start for m in mentions if m.text in forms and m.start < start), default=-1)


@lru_cache(maxsize=4096)
def _words_of(form: str) -> tuple[str, ...]:
    return tuple(form.split())


@lru_cache(maxsize=4096)
def _bare_words(form: str) -> tuple[str, ...]:
    """The words of a name without a leading title ("Ms. Middleton" -> ("Middleton",))."""
    words = _words_of(form)
    return words[1:] if len(words) > 1 and words[0].lower() in HONORIFICS else words


def _fits_any(raw: str, forms: set[str]) -> bool:
    """Whether a shorter form names the same person as one of a cluster's longer forms."""
    words = _bare_words(raw.lstrip("‘'"))
    for form in forms:
        name = _bare_words(form)
        if len(name) <= len(words):
            continue
        if raw[:1] in "‘'":
            if name[0].lower().endswith(words[0].lower()):
                return True
        elif (len(words) == 1 and _name_part(words[0], name)) or all(w in name for w in words):
            return True
    return False


def _sweep(text: str, clusters: list[list[_Mention]]) -> None:
    """Add untagged occurrences of a person's known forms ("Kim" missed by the model).

    One scan of the text with every form at once; a form shared by two people goes to the
    first of them, as the model's own mentions would."""
    owner: dict[str, list[_Mention]] = {}
    for cluster in clusters:
        if cluster[0].label == "PERSON":
            for m in cluster:
                owner.setdefault(m.text, cluster)
    if not owner:
        return
    taken = bytearray(len(text))
    for cluster in clusters:
        for m in cluster:
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    forms = sorted(owner, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w‘'])(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)")
    for hit in pattern.finditer(text):
        start, end = hit.span()
        if not any(taken[start:end]):
            owner[hit.group(0)].append(_Mention(start, end, hit.group(0), "PERSON"))
            taken[start:end] = b"\x01" * (end - start)


def _to_entities(clusters: list[list[_Mention]]) -> list[Entity]:
    """Entities ordered by first mention; name = the fullest form, the rest are aliases."""
    clusters = sorted(clusters, key=lambda c: min(m.start for m in c))
    out = []
    for n, cluster in enumerate(clusters, 1):
        forms = list(dict.fromkeys(m.text for m in sorted(cluster, key=lambda m: m.start)))
        name = _name_of(cluster)
        spans = sorted({(m.start, m.end) for m in cluster})
        out.append(Entity(id=f"e{n}", name=name, type=cluster[0].label,
                          aliases=[f for f in forms if f != name], mentions=spans))
    return out
