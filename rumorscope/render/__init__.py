"""Human-readable reports of an Analysis: `terminal` (Rich) and `html` (one self-contained page).

Both renderers share the small views below, so the terminal and the page agree on who the
people are, which facts they carry and what the summary counts mean.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rumorscope.credibility.model import LIKELY_FALSE, LIKELY_TRUE
from rumorscope.credibility.signals import SIGNALS
from rumorscope.schema import Analysis, Entity

FACT_ORDER = ("age", "occupation", "spouse", "partner", "ex_partner", "relationship_length",
              "child", "parent", "sibling")


@dataclass
class Person:
    """One row of the People table: a name, its aliases and its facts by attribute."""

    name: str
    aliases: list[str] = field(default_factory=list)
    facts: dict[str, list[str]] = field(default_factory=dict)

    def fact_lines(self) -> list[str]:
        """`attribute: value, value` lines, known attributes first, in a stable order."""
        rank = {name: i for i, name in enumerate(FACT_ORDER)}
        keys = sorted(self.facts, key=lambda k: (rank.get(k, len(rank)), k))
        return [f"{key.replace('_', ' ')}: {', '.join(self.facts[key])}" for key in keys]


def people(analysis: Analysis) -> list[Person]:
    """PERSON entities plus anyone a fact is about, facts matched by name or alias."""
    rows: dict[str, Person] = {}
    by_alias: dict[str, Person] = {}
    for entity in analysis.entities:
        if entity.type == "PERSON":
            _add_entity(entity, rows, by_alias)
    for fact in analysis.facts:
        person = by_alias.get(fact.entity) or rows.setdefault(fact.entity, Person(fact.entity))
        values = person.facts.setdefault(fact.attribute, [])
        if fact.value not in values:
            values.append(fact.value)
    return list(rows.values())


def _add_entity(entity: Entity, rows: dict[str, Person], by_alias: dict[str, Person]) -> None:
    """Register an entity under its name and aliases (first entity wins an alias)."""
    person = rows.setdefault(entity.name, Person(entity.name))
    person.aliases.extend(a for a in entity.aliases if a not in person.aliases)
    for key in (entity.name, *entity.aliases):
        by_alias.setdefault(key, person)


def summary_counts(analysis: Analysis) -> dict[str, int]:
    """The counts shown in both reports' summary line, in display order."""
    denials = sum(1 for h in analysis.hedges if h.kind == "denial")
    return {
        "entities": len(analysis.entities),
        "hedges": len(analysis.hedges) - denials,
        "denials": denials,
        "time expressions": len(analysis.timexes),
        "attributions": len(analysis.attributions),
        "timeline events": len(analysis.timeline),
    }


def attribution_sources(analysis: Analysis) -> dict[str, str]:
    """Attribution id -> short source label, to say what a timeline event rests on."""
    return {a.id: a.source.text for a in analysis.attributions}


def trim(text: str, width: int) -> str:
    """Collapse whitespace and cut to `width` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


@dataclass
class ReasonView:
    """One credibility reason as a reader sees it: which way it pushed, how hard, in words,
    and the passages of the text it rests on."""

    effect: float
    label: str
    evidence: list[tuple[int, int, str]]  # start, end, the passage

    @property
    def direction(self) -> str:
        return "towards false" if self.effect > 0 else "towards true"


def reason_label(signal: str) -> str:
    """A signal's documented meaning, or the wording for a phrase the text model weighed."""
    if signal.startswith("phrase: "):
        return f'the wording "{signal.removeprefix("phrase: ")}"'
    if signal.startswith("topic: "):
        return f'a story about "{signal.removeprefix("topic: ")}" (earlier stories about them)'
    info = SIGNALS.get(signal)
    return info.measures if info else signal.replace("_", " ")


def reason_views(analysis: Analysis, limit: int = 3) -> list[ReasonView]:
    """The credibility reasons, strongest first, each with up to `limit` evidence passages."""
    text = analysis.article.text
    views = []
    for reason in sorted(analysis.credibility.reasons, key=lambda r: abs(r.effect), reverse=True):
        spans = [(s, e) for s, e in reason.evidence if 0 <= s < e <= len(text)][:limit]
        views.append(ReasonView(reason.effect, reason_label(reason.signal),
                                [(s, e, trim(text[s:e], 80)) for s, e in spans]))
    return views


# The gauge's bands: where the model's labels change (p_false in [0, 1]).
GAUGE_BANDS = (("likely true", LIKELY_TRUE), ("uncertain", LIKELY_FALSE), ("likely false", 1.0))
