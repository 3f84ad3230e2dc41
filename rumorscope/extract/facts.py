"""Stated facts about people (spec section 4): ages, spouses, children, occupations.

Rules over the parse, dispatched on a few trigger words so the pass stays cheap: ages in
appositions ("Kim, 36,"), kinship nouns next to a name ("husband Matt"), relationship
verbs and nouns ("split", "their marriage"), and role nouns ("rapper", "the actress").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from rumorscope.extract.facts_resolve import Referents
from rumorscope.extract.quotes import QUOTE_CHARS
from rumorscope.schema import Entity, Fact

SYMMETRIC = frozenset({"spouse", "partner", "ex_partner", "sibling", "relationship_length"})
KIN = {
    "son": "child", "daughter": "child", "kids": "child", "children": "child", "child": "child",
    "sons": "child", "daughters": "child", "twins": "child", "baby": "child", "stepson": "child",
    "stepdaughter": "child",
    "husband": "spouse", "wife": "spouse", "spouse": "spouse",
    "boyfriend": "partner", "girlfriend": "partner", "fiance": "partner", "fiancé": "partner",
    "fiancée": "partner", "beau": "partner", "ex": "ex_partner",
    "mom": "parent", "mother": "parent", "mum": "parent", "dad": "parent", "father": "parent",
    "sister": "sibling", "brother": "sibling", "siblings": "sibling",
}
SINGLE_CHILD = frozenset({"son", "daughter", "child", "baby", "stepson", "stepdaughter"})
NAMING = frozenset({"named", "called"})
FORMER = frozenset({"former", "ex", "then", "estranged", "late"})
ENDING = {"divorce": "ex_partner", "split": "ex_partner", "breakup": "ex_partner",
          "separation": "ex_partner"}
BOND_NOUNS = {"marriage": "spouse", "relationship": "partner", "romance": "partner",
              "engagement": "partner", **ENDING}
ON_OFF = frozenset({"on", "off", "past", "former", "previous"})
OCCUPATIONS = frozenset([
    "actor", "actress", "singer", "rapper", "model", "star", "writer", "author", "chef",
    "cinematographer", "director", "producer", "musician", "comedian", "comedienne", "host",
    "socialite", "businesswoman", "businessman", "entrepreneur", "designer", "athlete",
    "player", "expert", "personality", "dancer", "photographer", "journalist", "lawyer",
    "attorney", "politician", "senator", "songwriter", "stylist", "influencer", "artist",
    "filmmaker", "screenwriter", "quarterback", "pitcher", "coach", "trainer", "therapist",
    "editor", "anchor", "presenter", "founder", "ceo", "executive", "mogul", "icon", "dj",
    "youtuber", "boxer", "wrestler", "footballer", "golfer", "novelist", "poet", "painter",
    "sculptor", "architect", "surgeon", "doctor"])
NUMBER_WORDS = {w: n for n, w in enumerate(
    [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty"])}
NUM = r"(\d{1,2}|" + "|".join(NUMBER_WORDS) + r")"
DURATION = re.compile(
    r"\b(?:for|after|of)\s+(?:nearly |almost |about |over |more than )?" + NUM
    + r"\s+(year|month)s?\b|\b" + NUM + r"[- ](year|month)s?(?:-long)?\s+(?:of\s+)?"
    r"(?:marriage|relationship|romance|dating)", re.I)
AGE_AFTER_NAME = re.compile(r",?\s?\(?(\d{1,3})\)?(?!\d|-|\s*(?:year|month|%|percent))"
                            r"(?=\s*(?:[,);.—–]|and\b|who\b|is\b|was\b|has\b))")
YEAR_OLD = re.compile(r"\b(\d{1,3})-year-old\b")
TURNED = re.compile(r"\b(?:turned|turns|turning)\s+(\d{1,3})\b")
BIRTHDAY = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\s+birthday\b")

_Raw = tuple[str, str, str, int, int]  # entity, attribute, value, span start, span end


def find_facts(doc: Doc, entities: list[Entity]) -> list[Fact]:
    """Facts about the article's people, one per (entity, attribute, value), first mention."""
    ref = Referents(doc, entities)
    raw: list[_Raw] = []
    raw += _ages(doc, ref, entities)
    for tok in doc:
        lower = tok.lower_
        if lower in KIN and tok.pos_ in ("NOUN", "PROPN"):
            raw += _kin(tok, ref, raw)
        elif lower in BOND_NOUNS and tok.pos_ == "NOUN":
            raw += _bond_noun(tok, ref)
        elif tok.pos_ == "VERB" and tok.lemma_ in ("marry", "divorce", "split", "break", "date",
                                                  "engage", "separate"):
            raw += _bond_verb(tok, ref)
        elif _occupation_head(tok):
            raw += _occupation(tok, ref)
    return _dedupe(raw)


def _fact(entity: str, attribute: str, value: str, span: tuple[int, int]) -> list[_Raw]:
    """A fact, and its mirror for symmetric relations (spouse both ways...)."""
    out = [(entity, attribute, value, *span)]
    if attribute in SYMMETRIC and attribute != "relationship_length":
        out.append((value, attribute, entity, *span))
    return out


def _ages(doc: Doc, ref: Referents, entities: list[Entity]) -> list[_Raw]:
    """Ages in appositions ("Kim, 36,"), "19-year-old", "turned 12", "49th birthday"."""
    out: list[_Raw] = []
    text = ref.text
    for ent in entities:
        if ent.type != "PERSON":
            continue
        for _, end in ent.mentions:
            m = AGE_AFTER_NAME.match(text, end)
            if m and int(m.group(1)) <= 110:
                out.append((ent.name, "age", m.group(1), m.start(1), m.end(1)))
    out += _copular_ages(doc, ref)
    for pattern in (TURNED, BIRTHDAY, YEAR_OLD):  # stated ages first: descriptions use them
        for m in pattern.finditer(text):
            tok = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            known = frozenset(name for name, _, age, start, _ in out
                              if age == m.group(1) and start < m.start())
            name = tok is not None and _age_owner(tok[0], ref, pattern is YEAR_OLD, known)
            if name:
                out.append((name, "age", m.group(1), m.start(1), m.end(1)))
    return out


def _copular_ages(doc: Doc, ref: Referents) -> list[_Raw]:
    """"Dana is 36", "Dana, who is 36, ...": a bare number said of a person by a
    present-tense "be" (not "was 25 when they met", an age at another time)."""
    out: list[_Raw] = []
    for tok in doc:
        if tok.dep_ != "attr" or tok.tag_ != "CD" or not tok.text.isdigit() \
                or int(tok.text) > 110 or tok.head.tag_ not in {"VBZ", "VBP"} \
                or tok.head.lemma_ != "be" \
                or any(c.dep_ in {"npadvmod", "prep", "quantmod"} for c in tok.children):
            continue
        subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        name = ref.person(subject) if subject is not None else None
        if name:
            out.append((name, "age", tok.text, tok.idx, tok.idx + len(tok)))
    return out


def _age_owner(tok: Token, ref: Referents, in_noun_phrase: bool,
               known: frozenset[str] = frozenset()) -> str | None:
    """Who an age belongs to: the noun phrase it modifies, or the subject of "turned".
    A description by age alone ("the 12-year-old girl") is the one person already said to
    be that age, if there is one (`known`); a role ("the 19-year-old actress") may be
    someone else of that age, so it is resolved as any description is."""
    if not in_noun_phrase:
        anchor = tok.head
        if anchor.lower_ == "birthday" or anchor.head.lower_ == "birthday":
            owner = anchor if anchor.lower_ == "birthday" else anchor.head
            poss = next((c for c in owner.children if c.dep_ == "poss"), None)
            return ref.person(poss) if poss is not None else None
        subject = ref.clause_subject(tok)
        return ref.person(subject) if subject is not None else None
    noun = tok
    while noun.pos_ not in ("NOUN", "PROPN") or noun.i <= tok.i + 4:
        if noun.head.i == noun.i or noun.pos_ in ("VERB", "AUX"):
            break
        noun = noun.head
    if noun.lower_ in KIN and KIN[noun.lower_] == "child":
        return None
    return _noun_referent(noun, ref, known)


def _noun_referent(noun: Token, ref: Referents, known: frozenset[str] = frozenset()
                   ) -> str | None:
    """Person a noun phrase names: its name, its appositive head, the name it is said to
    be ("the designer in question is Giles Deacon"), or, for a definite description ("the
    19-year-old actress"), the salient person it points back to (or, when it names no
    role, the one person `known` to fit it)."""
    name = ref.person(noun)
    if name:
        return name
    doc = noun.doc
    for i in (noun.i + 1, noun.i + 2):
        if i < len(doc) and i in ref.who and (i == noun.i + 1 or doc[i - 1].lower_ in NAMING):
            return ref.who[i]
    if noun.dep_ == "appos" and ref.person(noun.head):
        return ref.person(noun.head)
    if noun.dep_ == "attr":
        subject = next((c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return ref.person(subject) if subject is not None else None
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be" and noun.is_lower:
        named = next((c for c in noun.head.children if c.dep_ == "attr"), None)
        if named is not None and ref.person(named):
            return ref.person(named)
    if noun.tag_ == "NN" and any(_definite(c, ref) for c in noun.children):
        if len(known) == 1 and noun.lower_ not in OCCUPATIONS:
            return next(iter(known))  # "the 12-year-old girl": only her age tells who
        return ref.described(noun)
    return None


def _definite(child: Token, ref: Referents) -> bool:
    """"the actress" or "America's greatest actor" (a possessor that is not a person)."""
    if child.dep_ == "det":
        return child.lower_ == "the"
    return child.dep_ == "poss" and child.pos_ == "PROPN" and ref.person(child) is None


def _kin(tok: Token, ref: Referents, earlier: list[_Raw]) -> list[_Raw]:
    """"husband Matt", "their kids — North, 3, and Saint, 1", "her father, Tom Cruise";
    "his daughter" unnamed is the one person `earlier` facts give him as a child."""
    attribute = KIN[tok.lower_]
    if attribute in ("spouse", "partner") and _is_former(tok):
        attribute = "ex_partner"
    named = _names_after(tok, ref, many=attribute == "child") or _named_by_be(tok, ref)
    if not named and tok.lower_ in SINGLE_CHILD:
        named = _known_child(tok, ref, earlier)
    if not named:
        return []
    owners = _owners(tok, ref, exclude=set(named))
    out: list[_Raw] = []
    for owner in owners:
        for name, span in named.items():
            if owner != name:
                out += _fact(owner, attribute, name, span)
    return out


def _known_child(tok: Token, ref: Referents, earlier: list[_Raw]
                 ) -> dict[str, tuple[int, int]]:
    """"Tom Cruise thinks his daughter is too young" after "her father, Tom Cruise": the
    parent's only child the article has named."""
    owners = _owners(tok, ref, exclude=set())
    if len(owners) != 1:
        return {}
    children = {e for e, attribute, value, *_ in earlier
                if attribute == "parent" and value == owners[0]}
    children |= {value for e, attribute, value, *_ in earlier
                 if attribute == "child" and e == owners[0]}
    if len(children) != 1:
        return {}
    return {children.pop(): (tok.idx, tok.idx + len(tok))}


def _named_by_be(tok: Token, ref: Referents) -> dict[str, tuple[int, int]]:
    """"Rick is Dana's fiancé": the subject of "be" is the relative the noun names."""
    if tok.dep_ != "attr" or tok.head.lemma_ != "be" \
            or not any(c.dep_ == "poss" for c in tok.children):
        return {}
    subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    name = ref.person(subject) if subject is not None else None
    if name is None or subject.i not in ref.mention_at:
        return {}
    start, end = ref.mention_at[subject.i]
    doc = tok.doc
    return {name: (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))}


def _is_former(tok: Token) -> bool:
    if any(c.lower_ in FORMER for c in tok.children):
        return True
    prev = tok.doc[tok.i - 2: tok.i]
    return len(prev) == 2 and prev[0].lower_ == "ex" and prev[1].text == "-"


def _names_after(tok: Token, ref: Referents, many: bool) -> dict[str, tuple[int, int]]:
    """Names a kinship noun introduces: right after it, or after "is (said to be)"."""
    doc, found = tok.doc, {}
    i, limit = tok.i + 1, min(tok.sent.end, tok.i + (40 if many else 8))
    seen_be = False
    while i < limit:
        t = doc[i]
        if i in ref.who:
            start, end = ref.mention_at[i]
            found.setdefault(ref.who[i], (doc[start].idx, doc[end - 1].idx + len(doc[end - 1])))
            if not many:
                break
            i = end
            continue
        if t.text in (".", "!", "?", ";"):
            break  # the parser may run sentences together; a full stop still ends the list
        if t.lemma_ == "be":
            seen_be = True
        elif not (t.is_punct or t.like_num or t.lower_ in ("and", "named", "called", "said", "to")
                  or (seen_be and t.pos_ in ("ADV", "VERB", "PART"))):
            break
        i += 1
    return found


def _owners(tok: Token, ref: Referents, exclude: set[str]) -> list[str]:
    """Whose relative `tok` is: its possessor, the possessor of the noun it hangs from
    ("her relationship with boyfriend X"), else the subject of its clause."""
    holder = tok
    for _ in range(3):
        poss = next((c for c in holder.children if c.dep_ == "poss"), None)
        if poss is not None:
            first = _conjoined_person(holder, poss, ref)
            if first is not None and first not in exclude:
                return [first]  # "thank Khloe and her boyfriend": Khloe's boyfriend
            return [p for p in ref.people(poss) if p not in exclude]
        if holder.dep_ in ("pobj", "prep", "appos", "compound") and holder.head.i != holder.i:
            holder = holder.head
        else:
            break
    subject = ref.clause_subject(tok)
    if subject is None:
        return []
    return [p for p in ref.people(subject) if p not in exclude]


def _conjoined_person(noun: Token, poss: Token, ref: Referents) -> str | None:
    """The person named in the conjunct before "her"/"his" + `noun` ("Kim and her
    husband"), whom the pronoun points to rather than the clause's subject."""
    if poss.lower_ not in ("her", "his") or noun.dep_ != "conj":
        return None
    return ref.person(noun.head)


def _bond_noun(tok: Token, ref: Referents) -> list[_Raw]:
    """"their marriage", "the X and Y split", "a relationship with X", "8-year marriage"."""
    attribute = BOND_NOUNS[tok.lower_]
    if _asked(tok):
        return []
    if attribute == "partner" and not (tok.dep_ == "pobj" and tok.head.lower_ == "in"):
        return []  # only "(is) in a relationship with X" states a couple
    if attribute == "partner" and any(c.lower_ in ON_OFF for c in tok.subtree if c.i < tok.i):
        attribute = "ex_partner"
    pair = _pair_of_noun(tok, ref)
    if len(pair) != 2:
        return []
    span = (tok.idx, tok.idx + len(tok))
    if (attribute == "spouse" and tok.head.lower_ == "of"
            and tok.head.head.lemma_ in ("year", "month")):
        return _duration(tok, pair, ref.text)  # "after 8 years of marriage": length only
    return _fact(pair[0], attribute, pair[1], span) + _duration(tok, pair, ref.text)


def _pair_of_noun(tok: Token, ref: Referents) -> list[str]:
    """The two people a relationship noun is about."""
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    inside = [ref.who[c.i] for c in tok.lefts if c.i in ref.who]
    inside = list(dict.fromkeys(inside + [n for c in tok.lefts for n in ref.people(c)]))
    if len(inside) >= 2:
        return inside[:2]
    first = ref.people(poss) if poss is not None else inside
    if not first and poss is None:
        subject = ref.clause_subject(tok)
        first = ref.people(subject) if subject is not None else []
    partner = [n for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
               for o in c.children if o.dep_ == "pobj" for n in ref.people(o)]
    if len(first) == 1 and partner:
        return [first[0], partner[0]]
    if len(first) == 2:
        return first
    if poss is None and tok.dep_ in ("dobj", "pobj"):
        return _clause_pair(tok, ref)
    return []


def _clause_pair(tok: Token, ref: Referents) -> list[str]:
    """People of the clause around `tok`: a coordinated subject, or subject + object."""
    subject = ref.clause_subject(tok)
    if subject is None:
        return []
    people = ref.people(subject)
    if len(people) == 1:
        verb = subject.head
        for child in verb.children:
            if child.dep_ in ("dobj", "prep") and child.i != tok.i:
                objs = [child] if child.dep_ == "dobj" else list(child.children)
                for obj in objs:
                    others = ref.people(obj) or _kin_names(obj, ref)
                    people += [p for p in others if p not in people]
    return people[:2] if len(people) >= 2 else []


def _kin_names(tok: Token, ref: Referents) -> list[str]:
    """"her husband David" as an object: the named relative."""
    return list(_names_after(tok, ref, many=False)) if tok.lower_ in KIN else []


def _duration(tok: Token, pair: list[str], text: str) -> list[_Raw]:
    """relationship_length from "4-year marriage", "after 17 years of marriage", "for 10 years"."""
    sent = tok.sent
    out: list[_Raw] = []
    for m in DURATION.finditer(text, sent.start_char, sent.end_char):
        number = m.group(1) or m.group(3)
        unit = (m.group(2) or m.group(4)).lower()
        n = int(number) if number.isdigit() else NUMBER_WORDS[number.lower()]
        value = f"P{n}{'Y' if unit == 'year' else 'M'}"
        for person in pair:
            out.append((person, "relationship_length", value, m.start(), m.end()))
    return out


def _bond_verb(tok: Token, ref: Referents) -> list[_Raw]:
    """"X and Y split", "X broke up with Y", "they married", "has dated X", "is dating X"."""
    bare = tok.tag_ == "VB" and not any(c.lower_ in ("did", "does", "do") for c in tok.children)
    if any(c.dep_ == "neg" or c.tag_ in ("TO", "MD") for c in tok.children) or _asked(tok) \
            or bare:
        return []  # denied, asked, hypothetical or planned ("intended to break up", "can't
        # wait to see her marry Liam"): no fact
    lemma = tok.lemma_
    if lemma == "break" and not any(c.lower_ == "up" for c in tok.children):
        return []
    if lemma == "date":
        is_now = tok.tag_ == "VBG" and any(c.lemma_ == "be" for c in tok.children)
        if tok.tag_ == "VBG" and not is_now:
            return []
        attribute = "partner" if is_now else "ex_partner"
    elif lemma in ("marry",):
        attribute = "spouse"
    elif lemma == "engage":
        attribute = "partner"
    elif lemma == "separate" and any(c.lower_ == "from" for c in tok.children):
        return []
    else:
        attribute = "ex_partner"
    pair = _clause_pair_of_verb(tok, ref)
    span = (tok.idx, tok.idx + len(tok))
    out: list[_Raw] = []
    for other in pair[1:]:
        out += _fact(pair[0], attribute, other, span)
    if attribute == "spouse" and len(pair) == 2:
        out += _duration(tok, pair, ref.text)
    return out


def _asked(tok: Token) -> bool:
    """Whether `tok` sits in a question ("Are Chris Pratt and Amy Poehler really dating?"):
    a tabloid's question states nothing."""
    sent = tok.sent
    last = next((t for t in reversed(sent) if not t.is_space and t.text not in QUOTE_CHARS),
                None)
    return last is not None and last.text == "?"


def _clause_pair_of_verb(verb: Token, ref: Referents) -> list[str]:
    """Subject(s) of a relationship verb plus its object or with/from/to object(s)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        subject = ref.clause_subject(verb)
    people = ref.people(subject) if subject is not None else []
    if len(people) >= 2:
        return people[:2]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "from", "to")
                for o in c.children if o.dep_ == "pobj"]
    objects += [o for c in verb.children if c.dep_ == "prt"
                for p in c.children if p.dep_ == "prep" for o in p.children]
    for obj in objects:
        people += [p for p in ref.people(obj) if p not in people]
    return people


def _occupation_head(tok: Token) -> bool:
    lower = tok.lower_
    # "a model, businesswoman, and socialite": the tagger may read the last of a list of
    # roles as an adjective; as a conjunct of a role noun it is a role too.
    listed = tok.dep_ == "conj" and tok.head.lower_ in OCCUPATIONS
    if lower not in OCCUPATIONS or (tok.tag_ not in ("NN", "NNP") and not listed):
        return False
    return not (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-")


def _occupation(tok: Token, ref: Referents) -> list[_Raw]:
    """"rapper Kanye West", "X, a relationship expert", "X is an actress", "the singer"."""
    head = tok
    while head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    if head.dep_ == "poss" or any(c.dep_ == "neg" for c in head.head.children):
        return []
    name = _noun_referent(head, ref)
    if not name:
        return []
    phrase = _occupation_phrase(tok)
    out = [(name, "occupation", phrase.text, phrase.start_char, phrase.end_char)]
    age = AGE_AFTER_NAME.match(ref.text, phrase.end_char)
    if age and head.i == tok.i:
        out.append((name, "age", age.group(1), age.start(1), age.end(1)))
    return out


def _occupation_phrase(tok: Token) -> Span:
    """The role with its compound and hyphenated modifiers: "relationship expert",
    "singer-actor", "best-selling author"."""
    doc, start = tok.doc, tok.i
    while start > 0:
        prev = doc[start - 1]
        if prev.text == "-" and start > 1:
            start -= 2
        elif ((prev.dep_ == "compound" and prev.head.i == tok.i
               and prev.pos_ in ("NOUN", "PROPN"))
              or (start < tok.i and doc[start].text == "-") or prev.tag_ == "HYPH"):
            start -= 1
        else:
            break
    return doc[start: tok.i + 1]


def _dedupe(raw: list[_Raw]) -> list[Fact]:
    """One fact per (entity, attribute, value) at its first mention; an occupation already
    covered by a fuller one ("star" under "Overboard star") is dropped."""
    facts: list[Fact] = []
    seen: set[tuple[str, str, str]] = set()
    roles: dict[str, list[set[str]]] = {}
    for entity, attribute, value, start, end in sorted(raw, key=lambda r: (r[3], r[1])):
        key = (entity, attribute, value.lower())
        if key in seen:
            continue
        if attribute == "occupation":
            words = set(value.lower().replace("-", " ").split())
            if any(words <= known or known <= words for known in roles.get(entity, [])):
                continue
            roles.setdefault(entity, []).append(words)
        seen.add(key)
        facts.append(Fact(entity=entity, attribute=attribute, value=value, span=(start, end)))
    return facts
