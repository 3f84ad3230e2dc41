"""Word lists behind the hedge and denial rules (spec section 2 and its Decisions).

The lists name closed word classes (epistemic adverbs, doxastic verbs, degree words),
not phrases of any one article; `hedging.py` decides from the parse when a listed word
really withholds commitment.
"""

from __future__ import annotations

# Words that hedge wherever they occur: epistemic and evidential adverbs, rumour and
# speculation nouns, allegation words.
ALWAYS_HEDGE = frozenset({
    "allegedly", "reportedly", "apparently", "supposedly", "purportedly", "reputedly",
    "seemingly", "presumably", "probably", "perhaps", "maybe", "possibly", "likely",
    "unlikely", "kinda", "sorta", "rumored", "rumoured", "speculation", "speculations",
    "speculating", "speculated", "speculate", "speculates", "speculative", "guessing",
    "alleged", "alleging", "alleges", "allegation", "allegations", "in all likelihood",
    "remains to be seen", "remain to be seen",
})

# Participles and adjectives that hedge only as a noun's attribute ("the reported
# breakdown", "her apparent snub"); as verbs ("TMZ reported that") they are not.
ATTRIBUTIVE_HEDGE = frozenset({"reported", "apparent", "purported", "supposed", "suspected"})

RUMOR = frozenset({"rumor", "rumors", "rumour", "rumours"})
CLAIM = frozenset({"claim", "claims", "claimed", "claiming"})
SEEM = frozenset({"seem", "seems", "seemed", "seeming"})
APPEAR = frozenset({"appear", "appears", "appeared", "appearing"})
LOOK_LIKE = frozenset({
    "look like", "looks like", "looked like", "sound like", "sounds like", "sounded like",
})
MODAL = frozenset({"might", "may", "could"})

# Verbs whose first-person present use ("I think", "we guess") is epistemic.
FIRST_PERSON_VERBS = frozenset({
    "think", "guess", "believe", "suppose", "suspect", "imagine", "assume", "reckon",
    "doubt", "feel",
})
FIRST_PERSON_SUBJECTS = frozenset({"i", "we"})

# Verbs that, after epistemic "could", describe what may happen rather than what
# someone is able to do ("this could mean", "it could lead to").
NON_AGENTIVE_VERBS = frozenset({
    "be", "mean", "signal", "indicate", "suggest", "spell", "happen", "explain", "lead",
    "become", "end", "change", "affect", "hurt", "cost", "prove", "turn", "result",
    "come", "get",
})
# Perception passives ("could be seen leaving") report what was observable, not a guess.
PERCEPTION_VERBS = frozenset({"see", "hear", "spot", "find", "notice", "catch", "film"})

# "kind of" / "sort of" hedge as degree adverbs, not after a determiner ("this kind of").
KIND_OF = frozenset({"kind of", "sort of"})
KIND_DETERMINERS = frozenset({
    "what", "which", "some", "any", "this", "that", "these", "those", "every", "no", "one",
    "the", "a", "same", "different", "right", "whatever",
})

CHANCE = frozenset({"chance", "chances"})
# Degree words that turn "chance" into a likelihood ("a high chance"), unlike
# "a second chance" or "a chance to talk".
LIKELIHOOD_DEGREES = frozenset({
    "good", "high", "strong", "real", "decent", "fair", "slim", "small", "low", "big",
    "great", "huge", "excellent", "reasonable", "solid", "slight", "outside", "remote",
    "zero", "likely",
})

# Predicates that hedge in the frame "it is ___" ("it's possible", "it's unclear").
IT_IS_HEDGE = frozenset({"possible", "unclear"})

# Denial words: the writer or a source says the claim is false or unconfirmed.
DENY = frozenset({"deny", "denies", "denied", "denying", "denial", "denials"})
DEBUNK = frozenset({
    "debunk", "debunks", "debunked", "debunking", "refute", "refutes", "refuted",
    "refuting", "untrue", "no truth",
})
# Predicates that deny when negated ("not true", "isn't accurate", "not the case").
NEGATABLE_TRUTH = frozenset({"true", "accurate", "correct", "case"})
# Predicates that deny on their own when said of a claim ("the story is false").
FALSITY = frozenset({
    "false", "inaccurate", "baseless", "bogus", "fabricated", "exaggerated", "overblown",
    "fake",
})
FIXED_DENIALS = frozenset({"way off", "off base"})
# Verbs that deny when their object is a claim ("shut down rumors", "slammed the reports").
DISMISS = frozenset(
    f"{verb} {particle}".strip()
    for verbs, particle in (
        (("shut", "shuts", "shutting"), "down"),
        (("shoot", "shoots", "shot", "shooting"), "down"),
        (("brush", "brushes", "brushed", "brushing"), "off"),
        (("laugh", "laughs", "laughed", "laughing"), "off"),
        (("slam", "slams", "slammed", "slamming", "dismiss", "dismisses", "dismissed",
          "dismissing", "squash", "squashes", "squashed", "squashing", "quash", "quashes",
          "quashed", "quashing", "deflect", "deflects", "deflected", "deflecting"), ""),
    )
    for verb in verbs
)
CONFIRM = frozenset({"confirm", "confirms", "confirmed", "unconfirmed"})

# Adverbs of degree kept inside a denial span ("greatly exaggerated", "completely made up").
DEGREE_ADVERBS = frozenset({
    "greatly", "grossly", "wildly", "vastly", "hugely", "highly", "totally", "completely",
    "entirely", "wholly", "largely", "utterly", "absolutely", "very", "so",
})

# Nouns naming a claim, so that "false" modifying them denies ("false rumors").
CLAIM_NOUNS = frozenset({
    "report", "reports", "claim", "claims", "rumor", "rumors", "rumour", "rumours",
    "story", "stories", "news", "allegation", "allegations", "information", "headline",
    "headlines", "speculation", "gossip",
})
