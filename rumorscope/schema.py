"""The analysis-v1 contract: pydantic models whose JSON form is `rumorscope/analysis-v1`.

Spans are `[start, end]` Python character offsets into `article.text`. Lists are
always present (possibly empty). New fields may be added; existing ones keep their
meaning, because scripts outside the project read them.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID = "rumorscope/analysis-v1"

Span = tuple[int, int]

SourceType = Literal[
    "named_person", "anonymous", "outlet", "official", "social_media", "unspecified"
]
HedgeKind = Literal["hedge", "denial"]
Certainty = Literal["asserted", "hedged", "disputed", "denied"]
Granularity = Literal[
    "time", "part_of_day", "day", "weekend", "week", "month", "season", "year",
    "quarter", "decade", "century", "duration", "set", "reference", "unknown",
]


class _Model(BaseModel):
    """Base of every output model; extra fields are allowed so the contract can grow."""


class Article(_Model):
    """One news article as read from any input format."""

    id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="ISO date of publication, the time anchor")
    byline: str | None = None
    credit: str | None = Field(None, description="photo or agency credit from a header line")
    text: str


class Entity(_Model):
    id: str
    name: str = Field(description="the fullest name the article uses")
    type: str = Field(description="spaCy label: PERSON, ORG, GPE, ...")
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)


class Fact(_Model):
    entity: str
    attribute: str = Field(description="age, spouse, partner, ex_partner, child, parent, sibling, "
                           "occupation, relationship_length (spec section 4)")
    value: str
    span: Span


class TextSpan(_Model):
    text: str
    span: Span


class Source(TextSpan):
    type: SourceType
    resolves_to: str | None = None
    explicit: bool = Field(True, description=(
        "false when the words only stand in for a source the text leaves unnamed: the "
        "subject of an agentless passive or of a raising verb ('Trump was accused of', "
        "'it seems'); PARC-style scoring counts such a report as having no source"))


class Attribution(_Model):
    id: str
    source: Source
    cue: TextSpan
    content: TextSpan
    direct_quote: bool
    via: str | None = None
    speaker: str | None = None


class Hedge(_Model):
    text: str
    span: Span
    kind: HedgeKind


class Timex(_Model):
    text: str
    span: Span
    value: str | None = Field(description="ISO 8601 / TimeML value; null when it cannot be "
                              "resolved (relative expression without a publication date)")
    granularity: Granularity
    type: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"


class TimelineEvent(_Model):
    date: str
    granularity: Granularity
    event: str = Field(description="short event phrase from the timex's clause")
    timex: int = Field(description="index into `timexes`")
    certainty: Certainty
    attribution: str | None = Field(None, description="id of the attribution the clause rests on")


class ChainLink(_Model):
    """One hop of a claim's provenance, from the original speaker to this article."""

    name: str
    role: Literal["speaker", "source", "via", "article"]
    type: SourceType | None = None


class Claim(_Model):
    id: str
    text: str
    span: Span
    attribution: str | None = Field(None, description="id of the attribution; null = the "
                                    "article's own voice")
    certainty: Certainty
    hedges: list[int] = Field(default_factory=list, description="indices into `hedges`")
    chain: list[ChainLink] = Field(default_factory=list, description="provenance, original "
                                   "speaker first, this article last")


class Sourcing(_Model):
    """Who the article's claims rest on, counted per source type and per outlet."""

    claims: int = 0
    own_voice: int = 0
    by_type: dict[str, int] = Field(default_factory=dict)
    outlets: dict[str, int] = Field(default_factory=dict, description="claims per outlet cited")
    on_record: int = Field(0, description="claims from named people and officials")
    summary: str = ""


class Reason(_Model):
    signal: str
    effect: float
    evidence: list[Span] = Field(default_factory=list)


class Credibility(_Model):
    p_false: float | None = None
    label: Literal["likely_false", "uncertain", "likely_true", "unscored"] = "unscored"
    reasons: list[Reason] = Field(default_factory=list)
    model: str | None = None


class Analysis(_Model):
    """Everything rumorscope says about one article."""

    schema_: Literal["rumorscope/analysis-v1"] = Field(SCHEMA_ID, alias="schema")
    article: Article
    entities: list[Entity] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    hedges: list[Hedge] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    timeline: list[TimelineEvent] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    sourcing: Sourcing = Field(default_factory=Sourcing)
    signals: dict[str, Any] = Field(default_factory=dict)
    credibility: Credibility = Field(default_factory=Credibility)
    warnings: list[str] = Field(default_factory=list,
                                description="what the analysis could not do, e.g. no anchor date")

    model_config = ConfigDict(populate_by_name=True)

    def to_json_dict(self) -> dict[str, Any]:
        """The contract's JSON form (key `schema`, spans as lists)."""
        return self.model_dump(mode="json", by_alias=True)


def json_schema() -> dict[str, Any]:
    """JSON Schema of analysis-v1, as shipped in `rumorscope/schemas/analysis-v1.json`."""
    schema = Analysis.model_json_schema(by_alias=True, mode="serialization")
    schema["$id"] = "https://rumorscope.invalid/schemas/analysis-v1.json"
    schema["title"] = SCHEMA_ID
    return schema
