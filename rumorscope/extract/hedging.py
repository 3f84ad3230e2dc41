"""Hedge and denial cues (spec section 2 and its Decisions).

One precompiled regex finds candidate words in `doc.text`; each candidate family has a
small rule that reads the parse around it (part of speech, dependency, subject,
negation) to keep only the epistemic uses: "could be" but not "could bond", "the reported
breakdown" but not "TMZ reported", "it looks like" but not "he looks like his dad".
Candidates are rare, so the per-candidate Python stays far below spaCy's own cost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Span, Token

from rumorscope.extract import hedge_lexicon as lex
from rumorscope.extract.doc_text import doc_text
from rumorscope.schema import Hedge

Cue = tuple[int, int, str]  # start char, end char, kind
Rule = Callable[[Span], "Cue | None"]

HEDGE, DENIAL = "hedge", "denial"
COPULAS = frozenset({"be", "remain", "seem", "appear", "look", "sound", "prove"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
PREDICATIVE = frozenset({"acomp", "attr", "oprd"})
CLAUSE_OPENERS = frozenset({":", ";", "—", "–", '"', "“", "‘", "'", "("})

# "if this is true", "if the reports are accurate", "if true": a conditional on the claim.
IF_TRUE = (r"if\s+(?:(?:this|that|it|these|those|so|the\s+\w+(?:\s+\w+)?)\s+"
           r"(?:is|are|was|were|['’]s|proves?\s+(?:to\s+be\s+)?|turns?\s+out\s+(?:to\s+be\s+)?)"
           r"\s*)?(?:true|accurate|correct|the\s+case)")
# "has yet to be confirmed", "has yet to confirm": said unconfirmed.
YET_TO_CONFIRM = r"yet\s+to\s+(?:be\s+)?confirm(?:ed)?"
PASSIVE_RAISING = ("said to", "believed to", "thought to", "understood to", "reported to")


def _chars(first: Token, last: Token) -> tuple[int, int]:
    """Character span from the start of `first` to the end of `last`."""
    return first.idx, last.idx + len(last)


def _it_subject(head: Token) -> Token | None:
    """The dummy subject "it" of `head` ("it seems", "it's possible"), if any."""
    for child in head.children:
        if child.dep_ in SUBJECTS and child.lower_ == "it" and child.i < head.i:
            return child
    return None


def _subject(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ in SUBJECTS:
            return child
    return None


def _negation(head: Token) -> Token | None:
    """The negation word on `head`, widened to its host for contractions ("isn't")."""
    for child in head.children:
        if child.dep_ == "neg":
            if child.i > 0 and child.lower_ in ("n't", "n’t") and not child.nbor(-1).whitespace_:
                return child.nbor(-1)
            return child
    return None


def _predicate_head(tok: Token) -> Token:
    """The copula a predicative word hangs from ("true" in "is not true" -> "is")."""
    return tok.head if tok.dep_ in PREDICATIVE else tok


def _with_degree(tok: Token) -> Token:
    """Extend left over degree adverbs modifying `tok` ("greatly exaggerated")."""
    first = tok
    while first.i > 0 and first.nbor(-1).lower_ in lex.DEGREE_ADVERBS \
            and first.nbor(-1).head == tok:
        first = first.nbor(-1)
    return first


def _starts_clause(tok: Token) -> bool:
    """First word of its sentence or line (headlines often escape the sentence splitter)."""
    if tok.i == 0 or tok.is_sent_start:
        return True
    before = tok.nbor(-1)
    return (before.is_space and "\n" in before.text) or before.text in CLAUSE_OPENERS


# --- hedge rules -----------------------------------------------------------------


def always_hedge(span: Span) -> Cue | None:
    return span.start_char, span.end_char, HEDGE


def attributive(span: Span) -> Cue | None:
    """'the reported breakdown', 'her apparent snub': only as a noun's modifier."""
    tok = span[0]
    if tok.dep_ == "amod" and tok.head.i > tok.i:
        return span.start_char, span.end_char, HEDGE
    # After a possessive or article a participle can only modify a noun, whatever the
    # parser made of it ("Kanye's reported breakdown" parsed as a verb).
    if tok.i > 0 and tok.nbor(-1).tag_ in ("POS", "DT", "PRP$") and tok.i + 1 < len(tok.doc) \
            and tok.nbor(1).pos_ in ("ADJ", "NOUN"):
        return span.start_char, span.end_char, HEDGE
    return None


def rumor(span: Span) -> Cue | None:
    """A rumour is a hedge unless it only classifies another noun ('rumor mill')."""
    tok = span[0]
    if tok.dep_ in ("compound", "nmod", "amod") and tok.head.i > tok.i:
        return None
    return span.start_char, span.end_char, HEDGE


def claim(span: Span) -> Cue | None:
    """'claims that', 'these claims': distancing; 'claimed the title' is not."""
    tok = span[0]
    if tok.pos_ == "VERB":
        if any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in tok.children):
            return None
    elif tok.i + 2 < len(tok.doc) and tok.nbor(1).lower_ == "to" and tok.nbor(2).lower_ == "fame":
        return None
    return span.start_char, span.end_char, HEDGE


def seem(span: Span) -> Cue | None:
    """Any verbal 'seem' is epistemic; 'it seems' keeps its dummy subject."""
    tok = span[0]
    if not tok.tag_.startswith("VB"):
        return None
    it = _it_subject(tok)
    return (*_chars(it or tok, tok), HEDGE)


def appear(span: Span) -> Cue | None:
    """'appear to be', 'appeared like', 'it appears that'; not 'appeared on TV/gorgeous'."""
    tok = span[0]
    if not tok.tag_.startswith("VB"):
        return None
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    # Raising "appear to be" puts "to" right after the verb; purpose clauses do not
    # ("appeared on stage to accept").
    to_infinitive = any(
        c.dep_ == "xcomp" and any(g.tag_ == "TO" and g.i - tok.i <= 2 for g in c.children)
        for c in tok.children
    )
    like = nxt is not None and (nxt.lower_ == "like" or (
        nxt.lower_ == "as" and tok.i + 2 < len(doc) and doc[tok.i + 2].lower_ in ("if", "though")))
    it = _it_subject(tok)
    that_clause = it is not None and any(c.dep_ == "ccomp" for c in tok.children)
    if to_infinitive or like or that_clause:
        return (*_chars(it or tok, tok), HEDGE)
    return None


def look_like(span: Span) -> Cue | None:
    """'it looks like', headline 'Looks like ...', 'X looks like she ...' (a clause)."""
    look, like = span[0], span[-1]
    if not look.tag_.startswith("VB"):
        return None
    it = _it_subject(look)
    if it is not None:
        return (*_chars(it, like), HEDGE)
    subject = _subject(look)
    if subject is None and _starts_clause(look):
        return span.start_char, span.end_char, HEDGE
    if subject is not None and subject.lower_ not in ("that", "this") and like.dep_ == "mark":
        return span.start_char, span.end_char, HEDGE
    return None


def modal(span: Span) -> Cue | None:
    """Epistemic might/may/could, not ability, permission or the month May."""
    tok = span[0]
    if tok.tag_ != "MD":
        return None
    if tok.lower_ == "could":
        return (span.start_char, span.end_char, HEDGE) if _epistemic_could(tok) else None
    verb = tok.head
    subject = _subject(verb)
    if subject is not None and subject.i > tok.i:
        return None  # inverted for a request or wish: "May I ask?", "May God bless you"
    if verb.dep_ == "advcl" and any(_purpose_or_condition(c) for c in verb.children):
        return None  # purpose: "so that we may share"
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "as" and doc[tok.i + 2].lower_ == "well":
        return None  # "we might as well": a suggestion
    return span.start_char, span.end_char, HEDGE


def _epistemic_could(tok: Token) -> bool:
    """'could be', 'could have', 'could mean': a possibility, not a past ability."""
    verb = tok.head
    if _negation(verb) is not None:
        return False
    if any(_purpose_or_condition(c) for c in verb.children):
        return False
    perfect = any(c.lemma_ == "have" and c.dep_ == "aux" and c.i > tok.i for c in verb.children)
    passive_be = any(c.dep_ == "auxpass" and c.i > tok.i for c in verb.children)
    if passive_be and verb.lemma_ in lex.PERCEPTION_VERBS:
        return False
    return perfect or passive_be or verb.lemma_ in lex.NON_AGENTIVE_VERBS


def _purpose_or_condition(mark: Token) -> bool:
    """'if she could', 'so (that) they could': ability in a condition or purpose."""
    if mark.dep_ != "mark":
        return False
    if mark.lower_ in ("if", "so"):
        return True
    if mark.lower_ != "that":
        return False
    # "so that they could", or a bare purpose clause "..., that I may voice my wish"
    return (mark.i > 0 and mark.nbor(-1).lower_ == "so") or mark.head.dep_ == "advcl"


def first_person(span: Span) -> Cue | None:
    """'I think', 'we guess', 'I don't believe': the speaker's own uncertainty."""
    tok = span[0]
    if tok.pos_ != "VERB" or tok.tag_ not in ("VB", "VBP"):
        return None
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in lex.FIRST_PERSON_SUBJECTS:
        return None
    if not 0 < tok.i - subject.i <= 3:
        return None
    if any(c.dep_ in ("prep", "acomp", "dobj") and c.i > tok.i for c in tok.children):
        return None  # "I believe in myself", "I think about it"
    if any(c.dep_ == "aux" and c.lemma_ == "can" for c in tok.children):
        return None  # "I can't believe it": astonishment, not doubt
    if tok.lower_ == "feel":
        if not (tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "like"):
            return None  # only "I feel like ..." is epistemic
        return (*_chars(subject, tok.nbor(1)), HEDGE)
    return (*_chars(subject, tok), HEDGE)


def not_sure(span: Span) -> Cue | None:
    """'I'm not sure', 'we're not certain', 'I'm unsure'."""
    tok = span[0]
    if tok.dep_ != "acomp":
        return None
    head = tok.head
    subject = _subject(head)
    if subject is None or subject.lower_ not in lex.FIRST_PERSON_SUBJECTS:
        return None
    if tok.lower_ != "unsure" and _negation(head) is None:
        return None
    return (*_chars(subject, tok), HEDGE)


def it_is(span: Span) -> Cue | None:
    """'it's possible', 'it is unclear', 'it's not clear'; bare predicative 'unclear'."""
    tok = span[0]
    if tok.dep_ not in PREDICATIVE:
        return None
    head = tok.head
    if tok.lower_ == "clear" and _negation(head) is None:
        return None
    it = _it_subject(head)
    if it is not None:
        return (*_chars(it, tok), HEDGE)
    if tok.lower_ == "unclear":
        return span.start_char, span.end_char, HEDGE
    return None


def kind_of(span: Span) -> Cue | None:
    """'kind of right', 'sort of crashed'; not 'this kind of music'."""
    kind = span[0]
    doc = kind.doc
    before = kind.nbor(-1) if kind.i > 0 else None
    if before is not None and (before.pos_ in ("DET", "ADJ", "NUM")
                               or before.lower_ in lex.KIND_DETERMINERS):
        return None
    if kind.tag_ == "RB":  # the tagger already read it as a degree adverb
        return span.start_char, span.end_char, HEDGE
    after = doc[span.end] if span.end < len(doc) else None
    if after is None or after.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "PUNCT"):
        return None
    if after.pos_ == "DET" and after.lower_ not in ("a", "an"):
        return None
    return span.start_char, span.end_char, HEDGE


def chance(span: Span) -> Cue | None:
    """'chances are', 'a (really) good chance', 'a chance (that) they...'; not 'a second chance'."""
    tok = span[0]
    doc = tok.doc
    if tok.lower_ == "chances" and tok.i + 1 < len(doc) and tok.nbor(1).lemma_ == "be" \
            and not any(c.dep_ in ("det", "poss") for c in tok.children):
        return (*_chars(tok, tok.nbor(1)), HEDGE)
    degree = [c for c in tok.children if c.dep_ in ("amod", "nummod", "compound")
              and (c.lower_ in lex.LIKELIHOOD_DEGREES or c.tag_ == "CD")]
    clause = any(c.dep_ in ("acl", "relcl") and any(g.dep_ == "nsubj" for g in c.children)
                 for c in tok.children)
    if not degree and not clause:
        return None
    det = next((c for c in tok.children if c.dep_ == "det" and c.lower_ in ("a", "an")), None)
    first = det or min(degree, key=lambda t: t.left_edge.i, default=tok).left_edge
    return (*_chars(first, tok), HEDGE)


def passive_raising(span: Span) -> Cue | None:
    """'is said to be', 'is believed to have', and the bare participle of 'Kim, said to
    be furious, ...': hearsay through a passive ('has said to' is no passive)."""
    verb = span[0]
    deps = {c.dep_ for c in verb.children}
    if verb.tag_ != "VBN" or ("auxpass" not in deps and "aux" in deps):
        return None
    if span[-1].dep_ != "aux":
        return None
    return span.start_char, span.end_char, HEDGE


# --- denial rules ----------------------------------------------------------------


def always_denial(span: Span) -> Cue | None:
    return span.start_char, span.end_char, DENIAL


def deny(span: Span) -> Cue | None:
    """'denied the claims', 'a denial'; not 'was denied entry'."""
    tok = span[0]
    if tok.pos_ == "NOUN" and tok.head.lower_ == "in":
        return None  # "I was in denial": a state of mind, not a denial of a claim
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    if passive and any(c.dep_ == "dobj" for c in tok.children):
        return None
    return span.start_char, span.end_char, DENIAL


def negated_truth(span: Span) -> Cue | None:
    """'not true', "isn't accurate", 'not the case'."""
    tok = span[0]
    if tok.dep_ not in PREDICATIVE:
        return None
    if tok.lower_ == "case" and not any(c.lower_ == "the" for c in tok.children):
        return None
    neg = _negation(_predicate_head(tok))
    if neg is None or neg.i > tok.i:
        return None
    return (*_chars(neg, tok), DENIAL)


def falsity(span: Span) -> Cue | None:
    """'the story is false', 'greatly exaggerated', 'false rumors'."""
    tok = span[0]
    predicative = tok.dep_ in PREDICATIVE or (
        tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children))
    of_claim = tok.dep_ == "amod" and tok.head.lower_ in lex.CLAIM_NOUNS
    if not (predicative or of_claim) or (tok.lower_ == "fake" and not predicative):
        return None
    return (*_chars(_with_degree(tok), tok), DENIAL)


def made_up(span: Span) -> Cue | None:
    """'the story was (completely) made up'."""
    made = span[0]
    if made.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in made.children):
        return None
    if any(c.dep_ == "dobj" for c in made.children):
        return None
    return (*_chars(_with_degree(made), span[-1]), DENIAL)


def fixed_denial(span: Span) -> Cue | None:
    """'way off', 'off base' as predicates, not 'the way off the stage'."""
    if span[0].pos_ in ("NOUN", "DET", "ADP"):
        return None
    return span.start_char, span.end_char, DENIAL


def dismissal(span: Span) -> Cue | None:
    """'shut down rumors', 'slammed the reports', 'the rumors were quashed': a verb of
    dismissing denies when what it dismisses is a claim."""
    verb = span[0]
    if verb.pos_ != "VERB":
        return None
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    objects += [o for c in verb.children if c.lower_ in {"down", "off"}
                for o in c.children if o.dep_ == "pobj"]  # "laughed off the talk"
    if not any(o.lower_ in lex.CLAIM_NOUNS for o in objects):
        return None
    return span.start_char, span.end_char, DENIAL


def confirm(span: Span) -> Cue | None:
    """'it has never been confirmed', 'not confirmed'; attributive 'unconfirmed reports'."""
    tok = span[0]
    if tok.lower_ == "unconfirmed":
        kind = HEDGE if tok.dep_ == "amod" else DENIAL
        return span.start_char, span.end_char, kind
    neg = _negation(tok)
    if neg is None or neg.i > tok.i:
        return None
    it = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.lower_ == "it"), None)
    return (*_chars(it or neg, tok), DENIAL)


# --- the pattern -----------------------------------------------------------------


def _families() -> dict[str, Rule]:
    """Every trigger (lower case, single spaces) and the rule that judges it."""
    table: list[tuple[frozenset[str] | tuple[str, ...], Rule]] = [
        (lex.ALWAYS_HEDGE, always_hedge), (lex.ATTRIBUTIVE_HEDGE, attributive),
        (lex.RUMOR, rumor), (lex.CLAIM, claim), (lex.SEEM, seem), (lex.APPEAR, appear),
        (lex.LOOK_LIKE, look_like), (lex.MODAL, modal),
        (lex.FIRST_PERSON_VERBS, first_person), (frozenset({"sure", "certain", "unsure"}),
                                                 not_sure),
        (lex.IT_IS_HEDGE | {"clear"}, it_is), (lex.KIND_OF, kind_of), (lex.CHANCE, chance),
        (PASSIVE_RAISING, passive_raising),
        (lex.DENY, deny), (lex.DEBUNK, always_denial), (lex.NEGATABLE_TRUTH, negated_truth),
        (lex.FALSITY, falsity), (("made up",), made_up), (lex.FIXED_DENIALS, fixed_denial),
        (lex.DISMISS, dismissal),
        (lex.CONFIRM, confirm),
    ]
    return {word: rule for words, rule in table for word in words}


def _trie_regex(words: list[str]) -> str:
    """An alternation factored by shared prefixes, so the regex engine tries one branch
    per character instead of every word in turn (several times faster on long texts)."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(tree)


def _emit(node: dict[str, dict]) -> str:
    parts = [(r"\s+" if char == " " else re.escape(char)) + _emit(child)
             for char, child in sorted(node.items()) if char]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if "" in node else body


RULES = _families()
_SPECIAL = {"if_true": always_hedge, "yet_confirm": always_denial}
_SOURCE = (rf"\b(?:(?P<if_true>{IF_TRUE})|(?P<yet_confirm>{YET_TO_CONFIRM})|"
           rf"{_trie_regex(list(RULES))})\b")
_PATTERN = re.compile(_SOURCE)  # run over lower-cased text: faster than IGNORECASE
_PATTERN_ANY_CASE = re.compile(_SOURCE, re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def candidate_matches(text: str) -> Iterator[re.Match[str]]:
    """Every trigger word or phrase in `text`, before any rule has judged it."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return _PATTERN.finditer(lowered)
    # a few characters change length when lower-cased ("İ"): keep offsets exact
    return _PATTERN_ANY_CASE.finditer(text)


def _rule_for(match: re.Match[str]) -> Rule:
    for group, rule in _SPECIAL.items():
        if match.group(group):
            return rule
    return RULES[_SPACES.sub(" ", match.group().lower())]


def cue_family(match: re.Match[str]) -> str:
    """Name of the rule family a candidate belongs to ("modal", "claim", ...)."""
    return _rule_for(match).__name__


def _drop_nested(cues: list[Cue]) -> list[Cue]:
    """Keep the longest cue where one lies inside another ('not true' in 'if ... true')."""
    kept: list[Cue] = []
    for cue in sorted(set(cues), key=lambda c: (c[0], -c[1])):
        if kept and cue[0] >= kept[-1][0] and cue[1] <= kept[-1][1]:
            continue
        kept.append(cue)
    return kept


def find_hedges(doc: Doc) -> list[Hedge]:
    """Every hedge or denial cue in `doc`, in text order, with exact character offsets."""
    text = doc_text(doc)
    cues: list[Cue] = []
    for match in candidate_matches(text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or not len(span):
            continue
        cue = _rule_for(match)(span)
        if cue is not None:
            cues.append(cue)
    return [Hedge(text=text[s:e], span=(s, e), kind=k) for s, e, k in _drop_nested(cues)]
