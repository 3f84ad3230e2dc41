"""What kind of source a source phrase names: six types, decided by its head word.

The head noun says most ("insider" is anonymous, "rep" official, "site" an outlet,
"reports" unspecified); a proper name is a person or an organisation by its entity
label, and an organisation is an outlet unless its name is that of an office ("police",
"court"). A post, tweet or caption is social media even when its author is named, so a
cue such as "tweeted" or a phrase "in an Instagram post" on the cue makes it so too.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

ANONYMOUS = frozenset({
    "insider", "source", "pal", "friend", "confidant", "confidante", "eyewitness", "witness",
    "someone", "somebody", "acquaintance", "relative", "observer", "onlooker", "person",
    "associate", "neighbor", "neighbour", "member", "anyone", "one", "people", "spy", "mole",
})
OFFICIAL = frozenset({
    "rep", "representative", "spokesperson", "spokesman", "spokeswoman", "publicist",
    "lawyer", "attorney", "police", "statement", "court", "filing", "document", "official",
    "authority", "department", "sheriff", "agent", "manager", "team", "camp", "prosecutor",
    "judge", "office", "ministry", "agency", "government", "spokespeople", "reps",
    "representatives", "documents", "officials", "authorities", "lawsuit", "complaint",
})
SOCIAL = frozenset({
    "post", "tweet", "caption", "snap", "instagram", "twitter", "facebook", "snapchat",
    "tiktok", "youtube", "x", "threads", "weibo", "story", "selfie", "livestream",
})
# Objects of "posted", "shared" that are pictures, not words.
MEDIA_NOUNS = frozenset({"photo", "picture", "pic", "image", "video", "clip", "selfie",
                         "snap", "snapshot", "shot", "photograph", "footage", "gif"})
SOCIAL_CUES = frozenset({"tweet", "post", "caption", "retweet", "share", "snap", "instagram"})
OUTLET = frozenset({
    "site", "website", "magazine", "mag", "outlet", "publication", "paper", "newspaper",
    "tabloid", "network", "show", "report", "profile", "article", "journal", "blog",
    "channel", "station", "program", "programme", "podcast", "broadcaster", "press",
    "newsletter", "column", "piece", "story", "media", "daily", "weekly", "portal",
})
VAGUE = frozenset({
    "report", "rumor", "rumour", "speculation", "story", "article", "whisper", "gossip",
    "claim", "word", "buzz", "chatter", "talk", "news",
})
# Words inside proper names of publications ("Us Weekly", "E! News", "Page Six").
OUTLET_NAME_WORDS = frozenset({
    "news", "weekly", "daily", "times", "post", "magazine", "journal", "tribune", "herald",
    "gazette", "mail", "life", "style", "health", "star", "today", "tv", "radio", "online",
    "digest", "insider", "page", "mirror", "sun", "express", "telegraph", "guardian",
    "entertainment", "hollywood", "vogue", "people", "variety", "reporter", "review", "wire",
    "press", "network", "media", "show", "&", "!", "fox", "cnn", "bbc", "abc", "nbc",
    "cbs", "msnbc", "globe", "chronicle", "examiner", "observer", "independent", "standard",
})
OFFICE_NAME_WORDS = frozenset({
    "police", "department", "court", "office", "ministry", "agency", "bureau", "commission",
    "house", "senate", "congress", "government", "council", "committee", "fbi", "cia", "lapd",
    "nypd", "sheriff",
})
PERSON_PRONOUNS = frozenset({"he", "she", "i", "we", "you", "him", "her", "who", "they", "them"})
UNSPECIFIED_PRONOUNS = frozenset({"it", "this", "that", "which"})
# Vague quantities of people ("some say", "many believe"): rumour, not a source.
VAGUE_QUANTIFIERS = frozenset({"some", "many", "most", "others", "several", "few", "all",
                               "everyone", "everybody"})
ORG_LABELS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT"})
NAME_JOINERS = frozenset({"!", "&"})  # inside publication names: E! News, Life & Style


def head_token(span: Span) -> Token:
    """The token of `span` whose syntactic head lies outside it; when the parse hangs
    several from outside ("An insider claims" read as one noun phrase), the last of
    them, since English noun phrases end in their head, but one hanging from a verb
    before one hanging from a word cut off the span ("a source close to Caitlyn
    [EXCLUSIVELY] told": "source", not "Caitlyn")."""
    outside = [tok for tok in span
               if tok.head.i < span.start or tok.head.i >= span.end or tok.head == tok]
    if not outside:
        return span.root
    verbal = [tok for tok in outside if tok.head == tok or tok.head.pos_ in ("VERB", "AUX")]
    return (verbal or outside)[-1]


def is_outlet_name(span: Span, label: str | None) -> bool:
    """A proper name of a publication: an ORG-like label, an acronym, or a press word in it."""
    words = [t for t in span if t.pos_ == "PROPN" or t.text in NAME_JOINERS or t.is_upper]
    if not words:
        return False
    if any(t.lower_ in OFFICE_NAME_WORDS for t in span):
        return False
    if label == "PERSON":
        return any(t.lower_ in OUTLET_NAME_WORDS and t.lower_ not in {"star", "page"}
                   for t in span[1:])
    if any(t.lower_ in OUTLET_NAME_WORDS for t in span):
        return True
    acronym = len(span) == 1 and span[0].is_upper and len(span[0].text) >= 2
    return acronym or label in ORG_LABELS


def is_capitalised_press_name(span: Span, label: str | None) -> bool:
    """Capitalised words with a press word, mid-sentence and not a person's name: "People",
    "E! News", "Entertainment Tonight", which the tagger reads as common nouns or splits."""
    return span.start > span.sent.start and label != "PERSON" \
        and all(t.is_title or t.text in NAME_JOINERS for t in span) \
        and any(t.lower_ in OUTLET_NAME_WORDS for t in span)


def is_outlet_phrase(span: Span) -> bool:
    """"the site", "a new report", "Life & Style's sensational report": a singular press noun."""
    head = head_token(span)
    return head.pos_ == "NOUN" and head.lemma_.lower() in OUTLET and head.tag_ != "NNS"


def source_type(span: Span, label: str | None, cue: Span | None = None) -> str:
    """One of the six source types for the source phrase `span` (spec section 1).

    `label` is the entity label of the phrase, when it is a known entity's mention.
    """
    head = head_token(span)
    lemma, lower = head.lemma_.lower(), head.lower_
    if _social(span, cue):
        return "social_media"
    if is_capitalised_press_name(span, label):  # "according to People", not "people say"
        return "outlet"
    if lower in ANONYMOUS:
        return "anonymous"
    if lower in VAGUE_QUANTIFIERS:
        return "unspecified"
    if lower in {"those", "these"}:  # "those close to the couple": unnamed people
        return "anonymous" if any(True for _ in head.children) else "unspecified"
    if head.pos_ == "PRON" or lower in PERSON_PRONOUNS | UNSPECIFIED_PRONOUNS:
        return "unspecified" if lower in UNSPECIFIED_PRONOUNS else "named_person"
    # A lower-case word the tagger called a proper noun ("her rep said") is no name.
    proper = head.pos_ == "PROPN" and not head.is_lower
    if proper or label is not None or (head.is_upper and len(head) > 1):
        return _proper_type(span, label)
    if lemma in ANONYMOUS or lower in ANONYMOUS:
        return "anonymous"
    if lemma in OFFICIAL or lower in OFFICIAL:
        return "official"
    if head.tag_ == "NNS" and lemma in VAGUE | OUTLET:
        return "unspecified"
    if lemma in OUTLET:
        return "outlet"
    if lemma in VAGUE:
        return "unspecified"
    if head.tag_ == "NNS":
        return "anonymous"  # "fans", "critics", "experts": people, but no one on record
    return "named_person"


def _proper_type(span: Span, label: str | None) -> str:
    """A named source: an outlet, an office, or a person."""
    if any(t.lower_ in OFFICE_NAME_WORDS for t in span):
        return "official"
    if is_outlet_name(span, label):
        return "outlet"
    return "named_person"


def _social(span: Span, cue: Span | None) -> bool:
    """A post is the source ("her Instagram story" too, or a name signed with its handle),
    or the cue is a posting verb ("captioned the photo:" included) or sits "in an
    Instagram post"."""
    head_tok = head_token(span)
    head = head_tok.lemma_.lower()
    if head_tok.is_title and head_tok.i > span.start and head_tok.nbor(-1).pos_ == "PROPN":
        head = ""  # "The Washington Post", "The Huffington Post": a paper's name
    after = span.doc[span.end:span.end + 2]
    if len(after) == 2 and after[0].text == "(" and after[1].text.startswith("@"):
        return True  # a post's signature: "Kim Kardashian (@KimKardashian)"
    if head in SOCIAL - {"story"} or (head == "story" and any(
            t.lower_ in SOCIAL - {"story", "post"} for t in span)):
        return True
    if cue is None:
        return False
    root = cue.root
    if root.text == ":" and root.head.i < root.i:
        root = root.head  # "Dana captioned the photo: ..." is reported by "captioned"
    if _posts(root):
        return True
    # "Khloe shared a photo on Instagram, writing: '...'": the caption of that post
    return root.dep_ in {"advcl", "xcomp", "conj"} and root.head.i < root.i \
        and _posts(root.head)


def _posts(verb: Token) -> bool:
    """A posting verb ("tweeted", "shared a photo", "a message on Instagram") or one that
    sits "in an Instagram post"; "an insider shared: '...'" speaks."""
    lemma = verb.lemma_.lower()
    if lemma in SOCIAL_CUES and (lemma != "share" or any(
            c.dep_ == "dobj" and any(t.lemma_.lower() in SOCIAL | MEDIA_NOUNS
                                     for t in c.subtree) for c in verb.children)):
        return True
    return any(child.dep_ == "prep" and child.lower_ in {"in", "on", "via"}
               and any(t.lower_ in SOCIAL for t in child.subtree) for child in verb.children)


def social_medium(cue: Span) -> str | None:
    """The platform named on the cue ("in a Facebook post" -> Facebook), if any."""
    for child in cue.root.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "on", "via"}:
            for tok in child.subtree:
                if tok.pos_ == "PROPN" and tok.lower_ in SOCIAL:
                    return tok.text
    return None
