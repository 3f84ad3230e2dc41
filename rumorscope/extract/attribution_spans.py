"""Source and content of a reporting cue, read off the dependency parse.

The cue's head word decides the construction: a verb takes its subject as source (or the
subject of the verb it hangs from, for "..., adding" and "..., saying") and its clausal
complement as content; a clause the cue interrupts or follows ("X happened, sources
said") is content too; "according to X" takes X as source and the rest of its clause as
content; "as reported by X" and passives take the `by` phrase; a colon takes the phrase
before it as source and what follows as content.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from rumorscope.extract.attribution_cues import CITING_PREPOSITIONS, QUOTE_TOKENS
from rumorscope.extract.sources import MEDIA_NOUNS

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
CLAUSES = frozenset({"ccomp", "xcomp", "parataxis"})
OBJECTS = frozenset({"dobj", "attr", "oprd"})
# Verbs of telling whose object is the one told, not what is told ("..., a source told Us
# Weekly"): such an object leaves the report to be found before the source. (The wider
# attribution.ADDRESSEE_VERBS are those whose passive subject is the one told.)
TELLING_VERBS = frozenset({"tell", "assure", "inform"})
HANGING = frozenset({"advcl", "xcomp", "conj", "acl", "pcomp", "ccomp", "parataxis"})
EDGE_PUNCT = frozenset({",", ";", ":", "—", "–", "-", "(", ")", "“", "”", '"', "‘", "’", "'"})
# Words that cut a subject phrase: an appositive or relative clause after a comma.
SUBJECT_CUTS = frozenset({"appos", "relcl", "acl", "punct", "advcl"})
# The tabloid's emphasis after a name, often tagged a proper noun ("Dr. Lee EXCLUSIVELY").
TRAILING_NOT_SOURCE = frozenset({"exclusively"})
MAX_SPEAKER_WORDS = 16  # "…," Rep. Elijah E. Cummings (D-Md.) said


def cue_head(doc: Doc, start: int, end: int) -> Token:
    """The cue token whose head lies outside the cue (its syntactic root)."""
    for tok in doc[start:end]:
        outside = tok.head.i < start or tok.head.i >= end or tok.head == tok
        if outside and (tok.pos_ in {"VERB", "NOUN", "AUX", "PROPN", "ADJ"} or tok.text == ":"):
            return tok
    return doc[start]


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Shrink a token span past edge punctuation, spaces, conjunctions and 'that'."""
    while start < end and (doc[start].text in EDGE_PUNCT or doc[start].is_space
                           or (doc[start].dep_ in {"cc", "mark"} and doc[start].lower_ in
                           {"and", "but", "that", "as"})):
        start += 1
    while end > start and (doc[end - 1].text in EDGE_PUNCT or doc[end - 1].is_space
                           or doc[end - 1].dep_ == "cc"
                           or doc[end - 1].lower_ in TRAILING_NOT_SOURCE):
        end -= 1
    return start, end


def phrase(tok: Token, stop: frozenset[str] = SUBJECT_CUTS) -> tuple[int, int]:
    """The noun phrase of `tok`: its subtree, cut before an appositive or relative clause,
    and without a title before a name ("relationship expert April Masini")."""
    start, end = tok.left_edge.i, tok.right_edge.i + 1
    for child in tok.rights:
        if child.dep_ in stop or child.text in {",", "(", "—"}:
            end = min(end, child.left_edge.i)
            break
    if tok.pos_ == "PROPN" and tok.doc[start].pos_ in {"NOUN", "ADJ"}:
        name = tok.i
        while name > start and tok.doc[name - 1].pos_ == "PROPN":
            name -= 1
        start = name
    return trim(tok.doc, start, end)


def subject_of(verb: Token) -> Token | None:
    """The speaker of `verb`: its subject, the agent of a passive, or the subject of the verb
    it hangs from ("..., adding that ..." takes the subject of the main verb)."""
    seen = 0
    while seen < 4:
        if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"} and verb.tag_ == "VBG":
            return verb.head  # "with a source revealing: ..."
        for child in verb.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subjects:  # "People like Scott, he said.": the subject nearest before the verb
            before = [c for c in subjects if c.i < verb.i]
            return before[-1] if before else subjects[0]
        if verb.dep_ not in HANGING or verb.head == verb:
            return None
        verb = verb.head
        seen += 1
    return None


def verb_read_as_noun(tok: Token) -> bool:
    """"the site's insider claims Kim said": the small model reads "insider claims" as a
    plural noun; a plural noun with its own modifiers, right before the subject of a
    following verb (not a relative clause), is the reporting verb."""
    doc = tok.doc
    if tok.tag_ != "NNS" or tok.i + 1 >= len(doc):
        return False
    if any(c.dep_ == "nsubj" for c in tok.children) and any(
            c.dep_ == "ccomp" for c in tok.children):
        return True  # "A source claims Dana said ...": a noun has no subject
    nxt = doc[tok.i + 1]
    verb = nxt.head
    # A relative clause on the noun leaves a gap ("the claims Dana made"); a verb with a
    # clause of its own ("claims Dana said, '...'") has none, so the noun is the verb.
    return (nxt.pos_ in {"PROPN", "PRON"} and nxt.dep_ == "nsubj" and verb.i > nxt.i
            and verb.pos_ == "VERB"
            and (verb.dep_ != "relcl" or any(c.dep_ == "ccomp" for c in verb.children))
            and any(c.dep_ in {"compound", "poss", "det", "amod"} for c in tok.lefts))


def source_of(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token span of the source named for the cue doc[start:end], if the parse shows one."""
    head = cue_head(doc, start, end)
    if verb_read_as_noun(head):
        return trim(doc, head.left_edge.i, head.i)
    lowered = [t.lower_ for t in doc[start:end]]
    if "according" in lowered or "by" in lowered[-1:] \
            or head.lower_ in CITING_PREPOSITIONS | {"by"}:
        return _object_after(doc, end)
    if head.text == ":":
        return _before_colon(doc, head)
    if head.pos_ in {"NOUN", "PROPN"}:
        return _noun_cue_source(head)
    subject = subject_of(head)
    if subject is None:
        return _inverted_subject(doc, start, end)
    if subject.lower_ in TRAILING_NOT_SOURCE and subject.i > 0:
        return _phrase_ending_at(doc[subject.i - 1])
    if subject.dep_ == "csubj":
        return trim(doc, subject.left_edge.i, subject.right_edge.i + 1)
    return phrase(_misparsed_appositive(subject))


def _phrase_ending_at(last: Token) -> tuple[int, int] | None:
    """The noun phrase that ends at `last`, when the parse took the word after it for the
    subject ("a source close to Blac EXCLUSIVELY told": "EXCLUSIVELY" as subject): climb
    from `last` through the nouns, adjectives and prepositions it hangs from, leftwards,
    never through a conjunction."""
    top = last
    while (top.head.i < top.i and top.dep_ != "conj"
           and top.head.pos_ in ("NOUN", "PROPN", "ADP", "ADJ", "PRON")):
        top = top.head
    if top.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    start, end = trim(last.doc, top.left_edge.i, last.i + 1)
    return (start, end) if end > start else None


def _misparsed_appositive(subject: Token) -> Token:
    """The speaker the parser hung as an appositive on the wrong noun: "To understand the
    real Dred Scott, Chief Justice Roberts said" and "WASHINGTON — President Obama said"
    make the name an appositive of the phrase before it. A name in apposition wins when
    that phrase ends an opening clause or is a dateline."""
    names = [c for c in subject.rights if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if not names:
        return subject
    doc, start = subject.doc, subject.left_edge.i
    opening = start > subject.sent.start and doc[start - 1].pos_ in {"VERB", "AUX", "ADP",
                                                                      "SCONJ"}
    dateline = subject.i + 1 < len(doc) and doc[subject.i + 1].text in {"—", "–", "--"} \
        and subject.text.isupper()
    return names[0] if opening or dateline else subject


def speaker_beside_quote(doc: Doc, start: int, end: int, in_quote: list[bool]
                         ) -> tuple[int, int] | None:
    """'"...," Tulsa police Chief Chuck Jordan said' and '"...," said Leslie Wimes': the
    parser often takes a word of the quotation for the subject of a cue outside it; the
    speaker is the phrase between the closing mark and the cue, else the one after it."""
    i = start - 1
    while i >= 0 and start - i <= MAX_SPEAKER_WORDS and not in_quote[i] \
            and doc[i].text not in QUOTE_TOKENS:
        i -= 1
    if i < 0 or start - i > MAX_SPEAKER_WORDS:
        return None
    if any(t.pos_ in {"PROPN", "NOUN", "PRON"} for t in doc[i + 1:start]):
        span = trim(doc, i + 1, start)
        return span if span[1] > span[0] else None
    return _inverted_subject(doc, start, end)


def _inverted_subject(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """"'...,' sighed Gina": after a quotation the speaker may follow the verb, and the
    parser then rarely calls it a subject."""
    before = next((t for t in reversed(doc[:start]) if not t.is_space), None)
    if before is None or before.text not in {"”", "’", '"', "'", ","} or end >= len(doc):
        return None
    tok = doc[end]
    if tok.pos_ not in {"PROPN", "NOUN", "DET", "ADJ", "NUM"}:
        return None
    while tok.head.i > tok.i and tok.head.pos_ in {"NOUN", "PROPN"}:
        tok = tok.head
    return phrase(tok) if tok.pos_ in {"PROPN", "NOUN"} else None


def _object_after(doc: Doc, end: int) -> tuple[int, int] | None:
    """The noun phrase right after "according to" / "reported by"."""
    if end >= len(doc):
        return None
    tok = doc[end]
    while tok.head != tok and tok.head.i >= end and tok.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        tok = tok.head
    if tok.pos_ not in {"NOUN", "PROPN", "PRON"}:
        nouns = [t for t in doc[end:min(len(doc), end + 8)] if t.pos_ in {"NOUN", "PROPN"}]
        if not nouns:
            return None
        tok = nouns[0]
        while tok.head.i > tok.i and tok.head.pos_ in {"NOUN", "PROPN"}:
            tok = tok.head
    start, stop = phrase(tok)
    return max(start, end), stop


def _before_colon(doc: Doc, colon: Token) -> tuple[int, int] | None:
    """"Her rep: ..." or "Kim wrote:" — the subject of the clause the colon ends, else the
    noun phrase right before the colon."""
    sent = colon.sent
    verb = colon.head if colon.head.pos_ in {"VERB", "AUX"} and colon.head.i < colon.i else None
    if verb is not None and subject_of(verb) is not None:
        return phrase(subject_of(verb))  # "Cruz called them on it:"
    clause = [t for t in doc[sent.start:colon.i] if t.pos_ in {"VERB", "AUX"}
              and (subject := subject_of(t)) is not None and subject.i < colon.i]
    if clause:  # "Dana had a message for fans:" is Dana's, not the fans'
        return phrase(subject_of(clause[-1]))
    for tok in reversed(doc[sent.start:colon.i]):
        if tok.pos_ in {"NOUN", "PROPN", "PRON"}:
            root = tok
            while root.head.i < colon.i and root.head.pos_ in {"NOUN", "PROPN"} \
                    and root.head.i > root.i:
                root = root.head
            return phrase(root)
        if tok.pos_ in {"VERB", "AUX"}:
            subject = subject_of(tok)
            return phrase(subject) if subject is not None else None
    return None


def _noun_cue_source(noun: Token) -> tuple[int, int] | None:
    """"Trump's statement", "a statement from the police", "the claim by X"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return phrase(child)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return phrase(objects[0])
    if noun.dep_ == "pobj" and noun.head.head.pos_ in {"VERB", "AUX"}:
        subject = subject_of(noun.head.head)
        return phrase(subject) if subject is not None else None
    return None


def content_of(doc: Doc, start: int, end: int, source: tuple[int, int] | None,
               rest: bool = True, cues: frozenset[int] = frozenset(),
               object_verbs: frozenset[str] | None = None) -> tuple[int, int] | None:
    """Token span of what the cue doc[start:end] reports, from its clause structure.

    `cues` are the tokens of every cue in the document: a clause stops before a side
    clause holding another report ("..., while critics argued that ...").
    `object_verbs`, when given, are the only verbs whose noun-phrase object or infinitive
    is content ("denied the allegations"; not "enjoyed a dinner date").
    With `rest`, a verb cue with nothing else to report takes the words after it ("called
    for X to ..."), as PolNeAR does."""
    head = cue_head(doc, start, end)
    sent = head.sent
    if verb_read_as_noun(head):
        return trim(doc, head.i + 1, doc[head.i + 1].head.right_edge.i + 1)
    if _ends_with_colon(doc, end, sent):
        return _next_sentence(doc, sent)
    if head.text == ":":
        return trim(doc, head.i + 1, sent.end)
    lowered = {t.lower_ for t in doc[start:end]}
    if "according" in lowered or head.lower_ in CITING_PREPOSITIONS or (
            "as" in lowered and head.dep_ in {"advcl", "prep", "agent", "pobj"}):
        return _rest_of_clause(doc, start, end, source, sent)
    clause = _complement(head) or next(  # "has come to know that ...": a later cue word's
        (c for t in doc[head.i + 1:end] if (c := _complement(t)) is not None), None)
    if clause is not None and clause.dep_ in {"dobj", "attr", "oprd", "xcomp"} \
            and object_verbs is not None and (head.lemma_.lower() not in object_verbs
                                              or clause.lemma_.lower() in MEDIA_NOUNS):
        clause = None  # "posted a cryptic photo" shows something; it says nothing
    if clause is not None:
        if clause.dep_ in OBJECTS and (verb := _verb_after_object(head, clause)) is not None:
            return trim(doc, clause.left_edge.i, _clause_end(verb, cues))
        return trim(doc, clause.left_edge.i, _clause_end(clause, cues))
    subordinate = any(c.dep_ == "mark" for c in head.children)  # "since X announced"
    if head.dep_ in {"parataxis", "ccomp", "advcl"} and head.i > head.head.i \
            and not _says(head.head) and not subordinate:
        return _around(doc, head, start, end, source)
    if head.dep_ == "advcl" and 0 <= head.head.i - end <= 2:
        # "Although TMZ reported there were ...": the parser hangs the cue on the clause
        # it reports; that clause is the content.
        return trim(doc, end, head.head.right_edge.i + 1)
    passive = [c for c in head.children if c.dep_ == "nsubjpass"]
    if passive and any(c.dep_ == "agent" for c in head.children):
        return trim(doc, passive[0].left_edge.i, passive[0].right_edge.i + 1)
    after = trim(doc, max(end, source[1] if source else end), sent.end)
    if rest and after[1] - after[0] >= 2 and head.pos_ in {"VERB", "AUX"}:
        return after
    has_object = any(c.dep_ in OBJECTS for c in head.children)  # "announced their split"
    if head.dep_ == "ROOT" and source is not None and source[0] > sent.start + 2 \
            and (not has_object or _told_after_report(head, source, cues)):
        return trim(doc, sent.start, min(source[0], start))
    return None


def _verb_after_object(head: Token, obj: Token) -> Token | None:
    """"Outlets report the pair have called it quits": the small parser takes "the pair"
    for the object and hangs the verb that follows on the cue as a conjunct. A conjunct
    verb right after the object, with no "and", comma or subject between, is the rest of
    the reported clause whose subject the object is."""
    for child in head.children:
        if child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"} \
                and child.left_edge.i == obj.right_edge.i + 1 \
                and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children):
            return child
    return None


def inside_reported_clause(verb: Token, cues: frozenset[int]) -> bool:
    """Whether `verb` is the misparsed rest of another cue's reported clause (see
    `_verb_after_object`): "have called" in "outlets report the pair have called it quits"
    is what is reported, not a second report."""
    head = verb.head
    return verb.dep_ == "conj" and head.i in cues and any(
        child.dep_ in OBJECTS and _verb_after_object(head, child) == verb
        for child in head.children)


def _told_after_report(head: Token, source: tuple[int, int], cues: frozenset[int]) -> bool:
    """"The couple split, a source told Us Weekly.": a report, a comma, then who told it
    to whom, and nothing more than when or where. The object is the one told, not what
    was told ("Meredith tells her children about ..." and "assured staffers that ..."
    are not this), and a report holding a cue of its own is not the one told ("Since
    then, he said, he has told every partner")."""
    doc = head.doc
    if head.lemma_.lower() not in TELLING_VERBS or doc[source[0] - 1].text != "," \
            or any(i in cues for i in range(head.sent.start, source[0])):
        return False
    for child in head.rights:
        if child.dep_ not in {"dobj", "dative", "punct", "npadvmod", "prep", "advmod"}:
            return False
        if child.dep_ == "prep" and child.lower_ not in {"on", "in", "at", "during"}:
            return False
        if any(t.pos_ in {"VERB", "AUX"} for t in child.subtree):
            return False
    return True


def _clause_end(clause: Token, cues: frozenset[int]) -> int:
    """End of a reported clause, before a trailing side clause that reports on its own."""
    for child in clause.rights:
        if child.dep_ in {"advcl", "conj", "parataxis"} and any(
                t.i in cues for t in child.subtree):
            return child.left_edge.i
    return clause.right_edge.i + 1


def _ends_with_colon(doc: Doc, end: int, sent: Span) -> bool:
    """"Cruz continued:" at the end of its sentence introduces what comes next."""
    rest = [t for t in doc[end - 1:sent.end] if not t.is_space]
    return bool(rest) and rest[-1].text == ":" and len(rest) <= 2


def _next_sentence(doc: Doc, sent: Span) -> tuple[int, int] | None:
    """The sentence after `sent`, as the content a colon introduces."""
    if sent.end >= len(doc):
        return None
    nxt = doc[sent.end].sent
    return trim(doc, nxt.start, nxt.end)


def _around(doc: Doc, head: Token, start: int, end: int, source: tuple[int, int] | None
            ) -> tuple[int, int] | None:
    """"X happened, sources said" or "X, he said, is why": the clause the cue interrupts."""
    clause = head.head
    lo, hi = clause.left_edge.i, clause.right_edge.i + 1
    frame_lo = min(start, source[0]) if source else start
    if hi <= max(end, source[1] if source else end) + 1:
        return trim(doc, lo, frame_lo)
    return trim(doc, lo, hi)


def _says(tok: Token) -> bool:
    """Whether `tok` has a clausal complement (then it is the reporting verb itself)."""
    return any(c.dep_ in CLAUSES for c in tok.children)


def _complement(head: Token) -> Token | None:
    """The clause or speech-object a reporting verb governs, if any."""
    for child in head.children:
        if child.dep_ in {"ccomp", "parataxis"} and child.i > head.i:
            return child
    for child in head.children:
        if child.dep_ in {"ccomp", "xcomp"}:
            return child
    for child in head.children:
        if child.dep_ in OBJECTS and child.pos_ == "NOUN" and head.lemma_ != "tell":
            return child
    return None


def _rest_of_clause(doc: Doc, start: int, end: int, source: tuple[int, int] | None,
                    sent: Span) -> tuple[int, int] | None:
    """The sentence minus the cue phrase: the longer side of it, without the source."""
    cut_start = start
    cut_end = max(end, source[1]) if source else end
    if source and source[0] < start:
        cut_start = source[0]
    left = trim(doc, sent.start, cut_start)
    right = trim(doc, cut_end, sent.end)
    best = max((left, right), key=lambda s: s[1] - s[0])
    return best if best[1] > best[0] else None
