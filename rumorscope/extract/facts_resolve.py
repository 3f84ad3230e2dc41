"""Who a word refers to: names, pronouns, "the couple" and descriptions ("the actress").

No coreference model is available offline, so these are rules over the parse: a pronoun
takes its clause's subject, else the nearest earlier name in its sentence, else the most
salient person (shallowest in the parse) of the sentences before; "their" and "the couple"
take the latest pair of people named together.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from rumorscope.extract.doc_text import doc_text
from rumorscope.schema import Entity

PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
PLURAL_PRONOUNS = frozenset({"their", "they", "them"})
COUPLE_NOUNS = frozenset({"couple", "two", "pair", "duo", "exes", "pals"})
RELATIVE = frozenset({"who", "whom", "that", "which", "whose"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
LOOKBACK = 4  # sentences searched for an antecedent


class Referents:
    """Maps tokens of one Doc to the people (entity names) they refer to."""

    def __init__(self, doc: Doc, entities: list[Entity]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.who: dict[int, str] = {}
        self.mention_at: dict[int, tuple[int, int]] = {}
        for ent in entities:
            if ent.type != "PERSON":
                continue
            for start, end in ent.mentions:
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is None:
                    continue
                for tok in span:
                    self.who[tok.i] = ent.name
                    self.mention_at[tok.i] = (span.start, span.end)
        self.sents = list(doc.sents)

    def sent_index(self, tok: Token) -> int:
        """Index of the sentence holding `tok`."""
        lo, hi = 0, len(self.sents) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sents[mid].start <= tok.i:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def person(self, tok: Token, depth: int = 0) -> str | None:
        """The person `tok` names or refers to (a name, a pronoun, a noun with a name)."""
        if tok.i in self.who:
            return self.who[tok.i]
        if depth > 3:
            return None
        lower = tok.lower_
        if lower in PRONOUNS:
            return self.pronoun(tok, depth)
        if lower in RELATIVE and tok.head.dep_ == "relcl":
            return self.person(tok.head.head, depth + 1)
        if lower == "whose":  # "Rick, whose sister Jane ...": the clause's antecedent
            clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
            return self.person(clause.head, depth + 1) if clause is not None else None
        for child in tok.children:
            if child.dep_ in ("appos", "compound") and child.i in self.who:
                return self.who[child.i]
        return None

    def people(self, tok: Token, depth: int = 0) -> list[str]:
        """One or more people: a name with its conjuncts, or the couple for "their"."""
        if tok.lower_ in PLURAL_PRONOUNS or (tok.lower_ in COUPLE_NOUNS and tok.tag_ != "CD"):
            return self.couple(tok)
        first = self.person(tok, depth)
        if first is None:
            return []
        found = [first]
        for conj in tok.conjuncts:
            name = self.person(conj, depth + 1)
            if name and name not in found:
                found.append(name)
        return found

    def pronoun(self, tok: Token, depth: int) -> str | None:
        """Resolve he/she/his/her: clause subject, nearest earlier name, salient earlier person."""
        subject = self.clause_subject(tok)
        if subject is not None and not subject.left_edge.i <= tok.i <= subject.right_edge.i:
            name = self.person(subject, depth + 1)
            if name:
                return name
        sent = self.sents[self.sent_index(tok)]
        for i in range(tok.i - 1, sent.start - 1, -1):
            if i in self.who:
                return self.who[i]
        return self.salient(tok, set())

    def clause_subject(self, tok: Token) -> Token | None:
        """Subject of the clause holding `tok`; for "persuaded Kelly to apologize", Kelly."""
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        for _ in range(4):
            subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
            if subj is not None:
                return subj
            if verb.dep_ == "xcomp":
                obj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
                if obj is not None and self.person(obj, 3):
                    return obj
            if verb.head.i == verb.i:
                return None
            verb = verb.head
        return None

    def described(self, noun: Token) -> str | None:
        """A definite description ("the 19-year-old actress") points back to a person who is
        not the subject of its own sentence: the most prominent earlier one in the sentence,
        else in the sentences before."""
        sent = self.sents[self.sent_index(noun)]
        subjects = {self.who[i] for i in range(sent.start, sent.end)
                    if i in self.who and self.doc[i].dep_ in SUBJECTS}
        here = [(_depth(self.doc[i]), self.who[i]) for i in range(sent.start, noun.i)
                if i in self.who and self.who[i] not in subjects]
        return min(here)[1] if here else self.salient(noun, subjects)

    def salient(self, tok: Token, exclude: set[str]) -> str | None:
        """Most prominent person of the nearest earlier sentence that names one."""
        here = self.sent_index(tok)
        for n in range(here - 1, max(-1, here - 1 - LOOKBACK), -1):
            best = min(((_depth(self.doc[i]), name) for i, name in self.who.items()
                        if self.sents[n].start <= i < self.sents[n].end and name not in exclude),
                       default=None)
            if best is not None:
                return best[1]
        return None

    def couple(self, tok: Token) -> list[str]:
        """The two people "their"/"the couple" stands for: the subject pair, else the latest
        pair named together, else the last two people mentioned."""
        subject = self.clause_subject(tok)
        if subject is not None and subject.i != tok.i and subject.lower_ not in PLURAL_PRONOUNS:
            pair = self.people(subject, 1)
            if len(pair) == 2:
                return pair
        here = self.sent_index(tok)
        first_sent = self.sents[max(0, here - LOOKBACK)].start
        for i in range(tok.i - 1, first_sent - 1, -1):
            if i in self.who and self.doc[i].dep_ != "compound":
                pair = self.people(self.doc[i], 1)
                if len(pair) == 2:
                    return pair
        recent: list[str] = []
        for i in range(tok.i - 1, first_sent - 1, -1):
            name = self.who.get(i)
            if name and name not in recent:
                recent.append(name)
            if len(recent) == 2:
                return recent
        return []


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 30:
        tok = tok.head
        depth += 1
    return depth
