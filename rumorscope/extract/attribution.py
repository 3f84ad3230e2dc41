"""Who said it: attributions (source, cue, content) of an article, spec section 1.

Steps: find quotations (`quotes`), find candidate reporting cues with the trained token
model (`attribution_cues`), read each cue's source and content off the parse
(`attribution_spans`; PolNeAR's scheme falls back on the subject of the governing clause
and on the words the cue governs), keep the candidates the trained second stage accepts,
give a cue the quotations that stand right beside it (one attribution per quoted part,
so a quote split around its cue gives two), fold relayed speech into one attribution with
a `speaker`, let a cue-less quotation that follows a report continue it, then type the
sources (`sources`) and fill `via` and `resolves_to` (`attribution_links`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc, Token

from rumorscope.extract import attribution_links as links
from rumorscope.extract.attribution_cues import (
    candidate_features,
    cue_spans,
    cue_token_probs,
    load_model,
    quote_mask,
    rival_features,
)
from rumorscope.extract.attribution_labels import layout_attributions
from rumorscope.extract.attribution_spans import (
    content_of,
    cue_head,
    inside_reported_clause,
    phrase,
    source_of,
    speaker_beside_quote,
    trim,
    verb_read_as_noun,
)
from rumorscope.extract.doc_text import doc_text
from rumorscope.extract.quotes import QUOTE_CHARS, Quote, find_quotes
from rumorscope.extract.sources import ANONYMOUS, NAME_JOINERS, OFFICIAL, OUTLET
from rumorscope.outlets import same_outlet
from rumorscope.schema import Attribution, Entity
from rumorscope.spans import overlaps

# Only punctuation may separate a quotation from the cue phrase it belongs to.
ADJACENT = re.compile(r"[\s,:;—–\-]*")
# Words of cognition, intention and perception: reports of a mind, not of speech. PolNeAR
# (PARC-style) annotates them as attributions; the project's spec does not.
NON_SPEECH = frozenset({
    "think", "believe", "know", "feel", "want", "hope", "decide", "seem", "appear", "show",
    "find", "see", "expect", "plan", "wish", "fear", "worry", "doubt", "understand",
    "realize", "consider", "assume", "suspect", "guess", "imagine", "remember", "forget",
    "intend", "convince", "prefer", "like", "love", "hate", "glad", "happy", "sure",
    "aware", "learn", "notice", "recognize", "support", "oppose", "need", "try",
    "look", "watch", "hear", "care", "spot",
    # Doing, not saying: PolNeAR's cue words that head no report in celebrity news ("she
    # enjoyed top 10 smashes", "keeps proving she's dedicated", "opted to stay home").
    # "went on to say", "came out saying", "began, '...'" and "took to Twitter" do report.
    "enjoy", "prove", "give", "let", "hit", "split", "opt", "discover", "determine",
    "become", "choose", "celebrate", "stop", "play", "vote", "spark", "include",
    "introduce", "promote", "figure", "wonder", "surprise", "upset", "concern",
    "thrill", "confident", "sound",
})
# "made it clear that ...", "made known": a report; "made a film", "made the team": not.
MAKING_PUBLIC = frozenset({"clear", "known", "public", "plain"})
# Entity labels of names a source phrase never cuts in two.
NAME_LABELS = frozenset({"PERSON", "ORG"})
NAME_PUNCT = NAME_JOINERS | {"-", ".", "'"}  # "Park Geun-hye", "J.K. Rowling"; not ","
# What "Per ..." can cite besides a name: a source, an official, a publication.
CITABLE_NOUNS = ANONYMOUS | OFFICIAL | OUTLET
# Verbs of coming to know: in the perfect ("has learned") an outlet's news-gathering.
NEWS_VERBS = frozenset({"learn", "know", "hear"})
# Speech verbs whose noun-phrase object or infinitive is what was said (spec: "confirmed
# her pregnancy", "denied the allegations", "vowed to return"); not "announce", whose
# object names an event ("announced their split"), not a claim.
SPEECH_OBJECT_VERBS = frozenset({
    "confirm", "deny", "reveal", "admit", "explain", "dispute", "reject",
    "acknowledge", "describe", "call", "claim", "praise", "criticize", "criticise", "slam",
    "blast", "defend", "discuss", "mention", "address", "tweet", "post", "share", "report",
    "state", "declare", "promise", "predict", "suggest", "recommend", "question", "ask",
    "vow", "threaten", "refuse", "decline", "urge", "demand", "accuse", "blame", "dismiss",
    "insist", "rule", "hint", "tease", "joke", "label", "brand", "dub", "insult",
    "thank", "applaud", "condemn", "recall", "detail", "disclose", "pledge", "offer",
})
# Verbs whose passive subject is the one told, not the teller ("Kanye was told that ...").
ADDRESSEE_VERBS = frozenset({
    "tell", "inform", "assure", "reassure", "ask", "warn", "advise", "notify", "remind",
    "brief", "question", "promise", "instruct", "caution",
})
# Verbs of holding a conversation: reports only through the quotation that follows
# ("Dana spoke to Us Weekly on Friday. '...'").
CONVERSATION_VERBS = frozenset({"speak", "talk", "chat", "gush", "dish", "vent", "reflect"})
# Report and rumour verbs that credit no one in "it is rumored that ..." (spec: `it is
# said` is an unspecified source).
RUMOUR_VERBS = frozenset({"rumor", "rumour", "say", "report", "claim", "allege",
                          "speculate", "whisper"})
# Verbs whose subject is raised from the clause below ("Trump seems to think"): the
# impression they report belongs to no one the sentence names.
RAISING_VERBS = frozenset({"seem", "appear", "look", "sound"})
FIRST_PERSON = frozenset({"i", "we", "us", "me", "you"})
RELATIVES = frozenset({"that", "which", "who", "whom", "what"})
# The outlet speaking of itself ("In Touch can exclusively reveal") is the article's voice.
SELF_REPORT = re.compile(r"\bcan (?:now )?(?:exclusively )?(?:reveal|confirm|report)\b", re.I)
CLAUSE_BREAKS = frozenset(".,:;!?—–-…\n\"'“”‘’()[]")
CONTINUATION_SENTENCES = 2
MIN_CONTINUATION_WORDS = 3


@dataclass
class Found:
    """An attribution in character offsets, before it gets an id and a type."""

    source: tuple[int, int]
    cue: tuple[int, int]
    content: tuple[int, int]
    direct: bool
    sentence: int
    speaker: str | None = None
    via: str | None = None
    explicit: bool = True  # False: the source words name no one ("Trump was accused of")
    turn: bool = False  # a transcript speaker's label ("WARD:"): a person on record


def find_attributions(doc: Doc, entities: list[Entity] | None = None, *,
                      scheme: str = "spec", outlet: str | None = None) -> list[Attribution]:
    """Every attribution of the article in `doc`, in text order, with ids a1, a2, ...

    `scheme="spec"` follows spec/annotation.md (speech only, the writer's own "we" is not
    a source); `scheme="parc"` also keeps what PolNeAR annotates besides: beliefs and
    intentions ("thinks", "wants") and the writer speaking in the first person.
    `outlet` is the article's publisher: under the spec, that outlet naming itself as a
    source ("Fox News has learned" on foxnews.com) is the article's own voice."""
    text = doc_text(doc)
    quotes = find_quotes(text)
    sent_of = _sentence_index(doc)
    found = _cue_attributions(doc, text, quotes, sent_of, scheme == "parc")
    found = _layout_attributions(doc, text, quotes, sent_of, found, _known_names(entities))
    if scheme != "parc":  # what is reported never holds its own cue or source
        found = [f for f in found
                 if not overlaps(f.content, f.cue) and not overlaps(f.content, f.source)]
    found = _fold_relayed(text, _dedupe(found))
    found += _continuations(doc, text, quotes, found, sent_of)
    if scheme == "parc":
        found = _one_per_cue(found)
    found.sort(key=lambda f: (f.content[0], f.cue[0]))
    result = links.to_attributions(doc, found, entities)
    if outlet and scheme != "parc":
        result = _without_own_outlet(result, outlet)
    return result


def _without_own_outlet(found: list[Attribution], outlet: str) -> list[Attribution]:
    """The attributions whose source does not name the article's own outlet, numbered
    again. Only the name itself counts: "the magazine" may point anywhere."""
    kept = [a for a in found
            if not (a.source.type == "outlet" and same_outlet(a.source.text, outlet))]
    if len(kept) == len(found):
        return found
    return [a.model_copy(update={"id": f"a{n}"}) for n, a in enumerate(kept, 1)]


def _making_nothing_public(verb: Token) -> bool:
    """"make" that does not make something clear or known ("made a film")."""
    if verb.lemma_.lower() != "make":
        return False
    near = [tok for child in verb.children for tok in (child, *child.children)]
    return not any(tok.lower_ in MAKING_PUBLIC for tok in near)


def _that_said(verb: Token) -> bool:
    """"That said, we wouldn't be surprised ...": the discourse marker, not a report by
    "That" (the parser reads it as subject and verb)."""
    doc = verb.doc
    return (verb.lemma_.lower() == "say" and verb.i >= 1 and verb.i + 1 < len(doc)
            and doc[verb.i - 1].lower_ in ("that", "this") and doc[verb.i + 1].text == ","
            and (verb.i == 1 or doc[verb.i - 1].is_sent_start
                 or doc[verb.i - 2].text in (",", ";", "—", "-", "(")))


def _known_names(entities: list[Entity] | None) -> frozenset[str]:
    """Every form the article gives its people and organisations: names, aliases and a
    person's surname ("Pence" for Mike Pence)."""
    names: set[str] = set()
    for entity in entities or []:
        if entity.type in NAME_LABELS:
            names.update((entity.name, *entity.aliases))
            if entity.type == "PERSON":
                names.add(entity.name.split()[-1])
    return frozenset(names)


def _layout_attributions(doc: Doc, text: str, quotes: list[Quote], sent_of: list[int],
                         found: list[Found], names: frozenset[str]) -> list[Found]:
    """`found` with the transcript turns, name-headed lines and signed-off quotations
    that no kept cue covers. A report whose content swallowed a speaker's label
    ("Partial transcript:" taking "WARD: Will you ...") gives way to the turns, and a cue
    on an earlier line gives a quotation up to the name signed after it."""
    layout = []
    for report in layout_attributions(doc, text, quotes, names):
        token = doc.char_span(*report.cue, alignment_mode="expand")
        if token is not None:
            layout.append(Found(report.source, report.cue, report.content, report.direct,
                                sent_of[token.start], turn=report.turn))
    kept = [f for f in found if not any(
        overlaps(f.content, g.source) or (f.content == g.content and "\n" in text[
            f.cue[1]:g.content[0]]) for g in layout)]
    return kept + [g for g in layout if not any(
        overlaps(g.cue, f.cue) or overlaps(g.content, f.content) for f in kept)]


def _dedupe(found: list[Found]) -> list[Found]:
    """"Kim told Us Weekly: '...'": the verb and the colon both cue the same report; the
    first cue found keeps it."""
    seen: dict[tuple[tuple[int, int], tuple[int, int]], Found] = {}
    for f in found:
        seen.setdefault((f.source, f.content), f)
    return list(seen.values())


def _one_per_cue(found: list[Found]) -> list[Found]:
    """PARC-style: one attribution per cue, its content stretching over every quoted part."""
    merged: dict[tuple[tuple[int, int], tuple[int, int]], Found] = {}
    for f in sorted(found, key=lambda f: f.content[0]):
        first = merged.setdefault((f.source, f.cue), f)
        if first is not f:
            first.content = (first.content[0], max(first.content[1], f.content[1]))
            first.direct = first.direct and f.direct
    return list(merged.values())


def _sentence_index(doc: Doc) -> list[int]:
    """For each token, the number of its sentence (from the array, not Token objects)."""
    starts = doc.to_array(SENT_START) == 1
    starts[0] = False
    return starts.cumsum().tolist()


def _cue_attributions(doc: Doc, text: str, quotes: list[Quote], sent_of: list[int],
                      parc: bool) -> list[Found]:
    """Attributions from each cue the models find: the token model proposes cue words, the
    second stage keeps a candidate once its source and content are known."""
    model = load_model()
    mask = quote_mask(doc, [(q.start, q.end) for q in quotes])
    probs = cue_token_probs(doc, model, mask)
    spans = model.spans

    def keep(features: list[str]) -> bool:
        return spans is None or spans.probability(features) >= spans.threshold

    found: list[Found] = []
    for own, _features in _candidates(doc, text, quotes, sent_of, parc, probs, mask,
                                      (model.tokens.threshold, model.extent), keep):
        found += own
    return found


def cue_candidates(doc: Doc, probs: list[float], cuts: tuple[float, float], *,
                   parc: bool = True) -> list[tuple[tuple[int, int], list[str]]]:
    """Every candidate cue (characters) with its second-stage features, none dropped: the
    training examples of the second stage, given token probabilities `probs` and the
    (candidate, extent) probability cuts of `cue_spans`."""
    text = doc_text(doc)
    quotes = find_quotes(text)
    mask = quote_mask(doc, [(q.start, q.end) for q in quotes])
    return [(own[0].cue, features) for own, features in _candidates(
        doc, text, quotes, _sentence_index(doc), parc, probs, mask, cuts,
        lambda _features: True)]


def _candidates(doc: Doc, text: str, quotes: list[Quote], sent_of: list[int], parc: bool,
                probs: list[float], mask: list[bool], cuts: tuple[float, float],
                keep: Callable[[list[str]], bool]) -> list[tuple[list[Found], list[str]]]:
    """Each cue whose token probability reaches the candidate cut, with its quotes or parsed
    content, and the features `keep` judges it by; only the kept ones are returned."""
    probs = list(probs)
    frames = _speech_frames(doc, text, quotes)
    if not parc:
        frames += _expletive_reports(doc) + _conversations_before_quotes(doc, text, quotes) \
            + _per_reports(doc)
    for verb in frames:
        probs[verb] = 1.0
    kept: list[tuple[list[Found], list[str]]] = []
    last: Found | None = None
    reported: tuple[int, tuple[int, int]] | None = None  # last's sentence and content tokens
    spans = cue_spans(doc, probs, *cuts)
    cue_tokens = frozenset(i for start, end in spans for i in range(start, end))
    for start, end in spans:
        head = cue_head(doc, start, end)
        if _modifier(head) or (not parc and ((head.lemma_.lower() in NON_SPEECH
                                              and not _news_learned(head))
                                             or _making_nothing_public(head)
                                             or _that_said(head)
                                             or _bare_passive(head)
                                             or _addressee_subject(head))) \
                or inside_reported_clause(head, cue_tokens):
            continue
        source, origin = source_of(doc, start, end), "parse"
        if source is not None and mask[source[0]] and not mask[start]:
            source = speaker_beside_quote(doc, start, end, mask)
        if source is None and last is not None and head.i - head.sent.start <= 1 \
                and sent_of[start] - last.sentence <= CONTINUATION_SENTENCES:
            source, origin = _token_span(doc, last.source), "previous"
        if source is None and parc:
            source, origin = _governing_subject(head), "governor"
        if source is None or source[1] <= source[0] or _unsourced(doc, source, head):
            continue
        if not parc:
            source = _antecedent_of_relative(doc, source)
        first = doc[source[0]]
        if not parc and first.pos_ == "PRON" and first.lower_ in FIRST_PERSON and (
                not mask[source[0]] or first.lower_ == "you"):
            continue
        if not parc and source[0] <= start < source[1] < end:
            start = source[1]  # "Recent reports claim": the cue is "claim", not "reports claim"
        while not parc and end - start > 1 and doc[end - 1].pos_ == "ADP" \
                and doc[end - 1].lower_ not in {"to", "by"}:
            end -= 1  # "said in an interview": the cue is "said" ("according to" stays)
        source = _whole_names(doc, source, (start, end))
        src = (doc[source[0]].idx, doc[source[1] - 1].idx + len(doc[source[1] - 1]))
        cue = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
        if SELF_REPORT.search(text, src[0], min(len(text), cue[1] + 30)):
            continue
        own, kind = _content(doc, text, quotes, (start, end), source, src, cue,
                             sent_of[start], parc, cue_tokens)
        if not own:
            continue
        if _agentless(head):
            for f in own:
                f.explicit = False
        content = _token_span(doc, own[0].content) or (start, end)
        features = candidate_features(doc, (start, end), head, max(probs[start:end]),
                                      source, content, kind + "|" + origin, mask[start])
        features += rival_features(probs, spans, sent_of, (start, end), content, reported)
        if keep(features):
            kept.append((own, features))
            last = own[-1]
            reported = (last.sentence, _token_span(doc, last.content) or content)
    return kept


def _whole_names(doc: Doc, source: tuple[int, int], cue: tuple[int, int]
                 ) -> tuple[int, int]:
    """The source widened to the whole of every person's or organisation's name it cuts:
    the parse makes "Six" the subject of "Page Six reported" and "Page" the object of
    "according to Page Six". A name that would take in the cue, or reach across a comma
    or a quotation mark, is left as it is."""
    start, end = source
    for ent in doc.ents:
        if ent.label_ in NAME_LABELS and ent.start < end and start < ent.end:
            wider = (min(start, ent.start), max(end, ent.end))
            if not overlaps(wider, cue) and not any(t.is_punct and t.text not in NAME_PUNCT
                                                    for t in doc[wider[0]:wider[1]]):
                start, end = trim(doc, *wider)  # not the dash after "Tracy Marrow -"
    return start, end


def _governing_subject(head: Token) -> tuple[int, int] | None:
    """PARC-style fallback speaker: the subject of the nearest clause above the cue ("After
    blasting X, Beck doubled down" credits Beck with the blasting)."""
    tok = head
    while tok.head != tok:
        tok = tok.head
        subject = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.i != head.i:
            return phrase(subject)
    return None


def _content(doc: Doc, text: str, quotes: list[Quote], cue_tokens_span: tuple[int, int],
             source: tuple[int, int], src: tuple[int, int], cue: tuple[int, int],
             sentence: int, parc: bool, cue_tokens: frozenset[int]
             ) -> tuple[list[Found], str]:
    """The attributions of one cue and how its content was found: one per quotation beside
    it, else its parsed content, else a quotation opening the next sentence, else (PARC
    only) the words the cue governs after it ("his vow to go after companies"); none when
    it reports nothing."""
    start, end = cue_tokens_span
    own = _adjacent_quotes(text, quotes, *_frame(doc, source, start, end))
    if own:
        return [Found(src, cue, (q.start, q.end), True, sentence) for q in own], "quote"
    content = content_of(doc, start, end, source, rest=parc, cues=cue_tokens,
                         object_verbs=None if parc else SPEECH_OBJECT_VERBS)
    if not parc and content is not None:
        if start < content[0] < end:  # the cue ran into what it reports ("notes previous")
            cue = (cue[0], doc[content[0] - 1].idx + len(doc[content[0] - 1]))
        elif overlaps(content, (start, end)) or overlaps(content, source):
            content = None  # the cue's own clause is not what it reports
    kind = "clause"
    if content is None or content[1] <= content[0]:
        nxt = _quote_opening_next(doc, quotes, start)
        if nxt is not None and _stands_alone(text, nxt):
            return [Found(src, cue, (nxt.start, nxt.end), True, sentence)], "next"
        if not parc:
            return [], "none"
        content, kind = trim(doc, end, cue_head(doc, start, end).right_edge.i + 1), "tail"
        if content[1] <= content[0]:
            return [], "none"
    span = (doc[content[0]].idx, doc[content[1] - 1].idx + len(doc[content[1] - 1]))
    direct = any(q.start <= span[0] and span[1] <= q.end for q in quotes)
    return [Found(src, cue, span, direct, sentence)], kind + ("|direct" if direct else "")


def _modifier(head: Token) -> bool:
    """"Kanye's reported breakdown": a cue word before the noun it modifies reports nothing
    (nor does a word right after a possessive, whatever the parse says)."""
    after_possessive = head.i > 0 and head.doc[head.i - 1].tag_ == "POS"
    return after_possessive or head.dep_ in {"amod", "compound"} or (
        head.head.pos_ in {"NOUN", "PROPN"} and head.i < head.head.i
        and head.dep_ not in {"nsubj", "nsubjpass"} and not verb_read_as_noun(head))


def _news_learned(head: Token) -> bool:
    """"Us Weekly has learned that ...": knowledge newly come by, in the perfect, is how
    a source passes news on (PolNeAR and the spec both count it), unlike "she knows"."""
    verbs = [head, head.head] if head.dep_ in {"xcomp", "advcl"} else [head]  # "has come to"
    return head.lemma_.lower() in NEWS_VERBS and any(
        c.dep_ == "aux" and c.lemma_ == "have" for v in verbs for c in v.children) and any(
        c.dep_ == "ccomp" for c in head.children)


def _passive_without_agent(head: Token) -> bool:
    """A passive verb with no `by` phrase naming who acted, also a bare participle before
    "to" ("The children, previously reported to be twins, ...", parsed as active)."""
    deps = {c.dep_ for c in head.children}
    if "agent" in deps:
        return False
    raised = head.tag_ == "VBN" and "aux" not in deps and any(
        c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in head.children)
    return bool(deps & {"nsubjpass", "auxpass"}) or raised


def _bare_passive(head: Token) -> bool:
    """"Kanye was released", "she is said to be": a passive with no agent and no reported
    clause ("it was reported that ..." keeps its clause)."""
    return _passive_without_agent(head) and not any(
        c.dep_ == "ccomp" or (c.dep_ == "nsubjpass" and c.lower_ == "it")
        for c in head.children)


def _agentless(head: Token) -> bool:
    """A passive with no `by` phrase or a raising verb ("Trump was accused of", "it
    seems", "the plan appears to"): its subject is what is talked about, and whoever holds
    the view goes unnamed."""
    return head.lemma_.lower() in RAISING_VERBS or _addressee_subject(head) \
        or _passive_without_agent(head)


def _addressee_subject(head: Token) -> bool:
    """"Kanye was told that ...", "fans were assured", "Asked whether he would run, Kim
    said no": the passive subject, or the subject a bare participle hangs from, of a verb
    of telling heard the words; with no `by` phrase whoever said them goes unnamed, and
    the listener must not be credited with them."""
    children = list(head.children)
    if head.lemma_.lower() not in ADDRESSEE_VERBS or any(c.dep_ == "agent" for c in children):
        return False
    participle = head.tag_ == "VBN" and head.dep_ in {"advcl", "acl"} and not any(
        c.dep_ in {"aux", "auxpass", "nsubj"} for c in children)
    return participle or any(c.dep_ == "nsubjpass" and c.lower_ != "it" for c in children)


def _expletive_reports(doc: Doc) -> list[int]:
    """"It is rumored that ...": a report or rumour credited to no one (source `It`,
    unspecified), a cue whatever the token model makes of the verb: the verb's tokens
    with its auxiliaries ("has been rumoured")."""
    return [i for tok in doc
            if tok.tag_ == "VBN" and tok.lemma_.lower() in RUMOUR_VERBS
            and any(c.dep_ == "ccomp" for c in tok.children)
            and any(c.dep_ in {"nsubjpass", "expl"} and c.lower_ == "it" for c in tok.children)
            for i in [*(c.i for c in tok.lefts if c.dep_ in {"aux", "auxpass"}), tok.i]]


def _antecedent_of_relative(doc: Doc, source: tuple[int, int]) -> tuple[int, int]:
    """"Julia Moskin, who claimed ...": the source is the person the relative pronoun
    stands for (PolNeAR keeps "who"; the spec wants the name)."""
    tok = doc[source[0]]
    if source[1] - source[0] != 1 or tok.lower_ not in {"who", "which", "that"}:
        return source
    clause = tok.head
    while clause.dep_ != "relcl" and clause.head != clause and clause.i > tok.i - 1:
        if clause.dep_ not in {"xcomp", "ccomp", "conj", "aux"}:
            break
        clause = clause.head
    if clause.dep_ != "relcl":
        return source
    noun = clause.head
    return phrase(noun) if noun.pos_ in {"NOUN", "PROPN"} else source


def _token_span(doc: Doc, chars: tuple[int, int]) -> tuple[int, int] | None:
    """Token offsets of a character span ("Adding: '...'" reuses the last source)."""
    span = doc.char_span(*chars, alignment_mode="expand")
    return (span.start, span.end) if span is not None else None


def _speech_frames(doc: Doc, text: str, quotes: list[Quote]) -> list[int]:
    """Verbs that a quotation ending in a comma, "?" or "!" leads into: '"...," Gina
    snapped' and '"...?" asked Kim' report speech whatever the verb."""
    verbs = []
    for q in quotes:
        if text[q.start:q.end].rstrip()[-1:] not in {",", "?", "!", "—", "…"} \
                or not _opens_clause(text, q.outer[0]):
            continue
        after = doc.char_span(q.outer[1], min(len(text), q.outer[1] + 80),
                              alignment_mode="expand")
        first = next((t for t in after or [] if not t.is_space), None)
        if first is None:
            continue
        if first.pos_ == "VERB":
            verbs.append(first.i)
        elif first.head.pos_ == "VERB" and first.head.i > first.i and (
                first.dep_ in {"nsubj", "det", "compound", "amod", "poss"}
                or first.head.i - first.i <= 2):
            verbs.append(first.head.i)
    return verbs


def _per_reports(doc: Doc) -> list[int]:
    """"Per TMZ, the singer was released": a sentence opening with "Per", then a name or a
    source noun ("Per Kim's rep", "Per a source") and a comma, cites it as "according to"
    does ("$5 per month" and "Per the terms of the deal" do not)."""
    found = []
    for sent in doc.sents:
        first = sent[0]
        if first.lower_ != "per" or len(sent) < 5:
            continue
        cited = next((c for c in first.children if c.dep_ == "pobj"), None)
        if cited is None or cited.right_edge.i + 1 >= sent.end \
                or doc[cited.right_edge.i + 1].text != ",":
            continue
        if cited.pos_ == "PROPN" or cited.lemma_.lower() in CITABLE_NOUNS:
            found.append(first.i)
    return found


def _opens_clause(text: str, start: int) -> bool:
    """Whether a quotation starting at `start` stands on its own (after a sentence break
    or punctuation), not inside a running clause ('TMZ reported there were "..."')."""
    before = text[:start].rstrip()
    return not before or before[-1] in CLAUSE_BREAKS


def _conversations_before_quotes(doc: Doc, text: str, quotes: list[Quote]) -> list[int]:
    """"Dana spoke to Us Weekly on Friday." followed by a quotation: a conversation verb
    heading its sentence, reporting nothing in it, reports the quotation that opens the
    next one (the speaker named in the sentence before the quote), unless that quotation
    leads into a cue of its own ('"...," she added')."""
    found = []
    for sent in doc.sents:
        verb = sent.root
        if verb.lemma_.lower() not in CONVERSATION_VERBS \
                or not any(c.dep_ == "nsubj" for c in verb.children) \
                or any(c.dep_ in {"ccomp", "dobj"} for c in verb.children):
            continue
        quote = _quote_opening_next(doc, quotes, verb.i)
        if quote is not None and _stands_alone(text, quote):
            found.append(verb.i)
    return found


def _stands_alone(text: str, quote: Quote) -> bool:
    """A quotation that is a sentence of its own, not one leading into its own cue with a
    comma or dash ('"...," she added')."""
    return text[quote.start:quote.end].rstrip()[-1:] not in {",", "—", "–", "-"}


def _quote_opening_next(doc: Doc, quotes: list[Quote], token: int) -> Quote | None:
    """"Masini told INSIDER." followed by a quotation: the quote that opens the next
    sentence is what the cue, having nothing else, reports."""
    sent = doc[token].sent
    if sent.end >= len(doc):
        return None
    nxt = doc[sent.end].sent
    first = next((t for t in nxt if not t.is_space), None)
    if first is None:
        return None
    return next((q for q in quotes if q.start - 1 == first.idx), None)


def _unsourced(doc: Doc, source: tuple[int, int], head: Token) -> bool:
    """"it has never been confirmed that": a denied report with an empty subject credits
    no one."""
    negated = any(c.dep_ == "neg" for c in head.children)
    return negated and doc[source[0]].lower_ == "it" and source[1] - source[0] == 1


def _frame(doc: Doc, source: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """Characters of the phrase a quote must touch: the cue, with its source when that is
    right beside it, and the words it reports to ("told Us Weekly")."""
    lo, hi = start, end
    between = doc[source[1]:start] if source[1] <= start else doc[end:source[0]]
    if all(t.pos_ in {"ADV", "AUX", "PART"} for t in between):
        lo, hi = min(lo, source[0]), max(hi, source[1])
    for child in cue_head(doc, start, end).rights:
        if child.dep_ in {"dative", "dobj", "prep", "npadvmod", "advmod"} and child.i >= hi \
                and child.i <= hi + 1 and not any(t.text in QUOTE_CHARS for t in child.subtree):
            hi = child.right_edge.i + 1
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])


def _adjacent_quotes(text: str, quotes: list[Quote], lo: int, hi: int) -> list[Quote]:
    """Quotations separated from the source+cue phrase [lo, hi) by punctuation only.

    A quote before the phrase ("'...,' she said"), after it ("she said: '...'"), or both
    (a quote split around its cue); a colon cue may also take the quote that opens the
    next paragraph."""
    own = []
    for q in quotes:
        outer_start, outer_end = q.outer
        if outer_start < hi and lo < outer_end:
            continue
        before = outer_end <= lo
        gap = text[outer_end:lo] if before else text[hi:outer_start]
        if not ADJACENT.fullmatch(gap) or ("\n" in gap and not (gap.strip().endswith(":")
                                                              or text[hi - 1:hi] == ":")):
            continue
        inside = text[q.start:q.end].rstrip()
        if before and not (inside[-1:] in ",.!?…—-" or gap.strip()):
            continue
        if not before and not (gap.strip() or inside[:1].isupper()):
            continue
        own.append(q)
    return sorted(own, key=lambda q: q.start)


def _fold_relayed(text: str, found: list[Found]) -> list[Found]:
    """"The site's insider claims Kim said, '...'": one attribution, Kim as speaker.

    An indirect report whose content holds another cue with a direct quote is the relayer;
    the inner attribution takes the relayer's source and cue and names its own source as
    speaker, and the outer one is dropped."""
    dropped: set[int] = set()
    for outer_i, outer in enumerate(found):
        if outer.direct:
            continue
        for inner in found:
            if inner is outer or not inner.direct or text[
                    inner.source[0]:inner.source[1]].lower() in RELATIVES:
                continue
            if outer.content[0] <= inner.cue[0] and inner.source[0] >= outer.content[0] \
                    and inner.cue[1] <= outer.content[1] + 2:
                inner.speaker = text[inner.source[0]:inner.source[1]]
                inner.source, inner.cue = outer.source, outer.cue
                dropped.add(outer_i)
    return [f for i, f in enumerate(found) if i not in dropped]


def _continuations(doc: Doc, text: str, quotes: list[Quote], found: list[Found],
                   sent_of: list[int]) -> list[Found]:
    """Cue-less quotations opening their sentence, credited to the report just before."""
    used = {f.content for f in found}
    marks = doc.to_array([IDX, SENT_START])
    starts = set(marks[marks[:, 1] == 1, 0].tolist())
    extra: list[Found] = []
    for q in quotes:
        if (q.start, q.end) in used or any(f.cue[0] >= q.start and f.cue[1] <= q.end
                                           for f in found):
            continue
        if q.start - 1 not in starts and q.start not in starts:
            continue
        if len(text[q.start:q.end].split()) < MIN_CONTINUATION_WORDS:
            continue
        before = [f for f in found + extra if f.content[1] <= q.start]
        if not before:
            continue
        last = max(before, key=lambda f: f.content[1])
        tok = doc.char_span(q.start, q.end, alignment_mode="expand")
        if tok is None or sent_of[tok.start] - last.sentence > CONTINUATION_SENTENCES:
            continue
        extra.append(replace(last, content=(q.start, q.end), direct=True,
                             sentence=sent_of[tok.start]))
    return extra
