"""A Rich report of one Analysis for the terminal.

Every untrusted string (article text, title, entity names...) goes in as `rich.text.Text`,
never as a markup string: an article containing "[bold]" or "[/]" must print literally.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from rumorscope.render import (
    GAUGE_BANDS,
    attribution_sources,
    people,
    reason_views,
    summary_counts,
    trim,
)
from rumorscope.schema import Analysis, Attribution

HEDGE_STYLE = "bold black on yellow"
DENIAL_STYLE = "bold white on red"
TIMEX_STYLE = "underline cyan"
CERTAINTY_STYLES = {
    "asserted": "green", "hedged": "yellow", "disputed": "magenta", "denied": "bold red",
}
SOURCE_STYLES = {
    "named_person": "green", "anonymous": "red", "outlet": "blue", "official": "cyan",
    "social_media": "magenta", "unspecified": "yellow",
}
CONTENT_WIDTH = 90
LABEL_STYLES = {"likely_false": "bold red", "likely_true": "bold green"}
GAUGE_STYLES = {"likely true": "green", "uncertain": "yellow", "likely false": "red"}
GAUGE_WIDTH = 20


def render_analysis(analysis: Analysis, console: Console) -> None:
    """Print the whole report of one article: header, tables, marked-up text, credibility."""
    console.print(_header(analysis))
    for warning in analysis.warnings:
        console.print(Text.assemble(("warning: ", "bold yellow"), warning))
    console.print(_summary(analysis))
    if analysis.sourcing.claims:
        console.print(Text.assemble(("Sourcing: ", "bold"), analysis.sourcing.summary))
    for table in (_people_table(analysis), _timeline_table(analysis),
                  _attribution_table(analysis)):
        if table.row_count:
            console.print(table)
    others = [e for e in analysis.entities if e.type != "PERSON"]
    if others:
        console.print(Text.assemble(("Other entities: ", "bold"),
                                    ", ".join(f"{e.name} ({e.type})" for e in others)))
    console.print(Panel(_marked_text(analysis), title="Text", title_align="left",
                        subtitle=_legend(), subtitle_align="left", box=box.ROUNDED))
    if analysis.credibility.label != "unscored":
        console.print(_credibility(analysis))
    console.print()


def _header(analysis: Analysis) -> Panel:
    """Title panel with the article's metadata; a missing publication date is flagged."""
    article = analysis.article
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column()
    published = (Text(article.published) if article.published else
                 Text("no publication date: relative dates left unresolved", style="bold red"))
    rows = [("outlet", article.outlet), ("published", published), ("byline", article.byline),
            ("credit", article.credit), ("url", article.url), ("id", article.id)]
    for label, value in rows:
        if value:
            grid.add_row(label, value if isinstance(value, Text) else Text(value))
    title = Text(article.title or "(untitled article)", style="bold")
    return Panel(Group(title, grid), box=box.HEAVY, border_style="bright_blue")


def _summary(analysis: Analysis) -> Text:
    """One line of counts, e.g. `4 entities · 3 hedges · 1 denials · ...`."""
    parts = [f"{n} {label}" for label, n in summary_counts(analysis).items()]
    return Text(" · ".join(parts), style="bold")


def _people_table(analysis: Analysis) -> Table:
    """Name, aliases and facts of each person."""
    table = Table(title="People", title_justify="left", box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Name", style="bold", ratio=2)
    table.add_column("Aliases", ratio=2)
    table.add_column("Facts", ratio=4)
    for person in people(analysis):
        table.add_row(Text(person.name), Text(", ".join(person.aliases)),
                      Text("\n".join(person.fact_lines())))
    return table


def _timeline_table(analysis: Analysis) -> Table:
    """Events in date order, with their certainty coloured and the source they rest on."""
    sources = attribution_sources(analysis)
    table = Table(title="Timeline", title_justify="left", box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Event", ratio=5)
    table.add_column("Certainty", no_wrap=True)
    table.add_column("Source", ratio=2)
    for event in sorted(analysis.timeline, key=lambda e: e.date):
        table.add_row(Text(event.date), Text(event.event),
                      Text(event.certainty, style=CERTAINTY_STYLES.get(event.certainty, "")),
                      Text(sources.get(event.attribution or "", "")))
    return table


def _attribution_table(analysis: Analysis) -> Table:
    """Who said what: the source with its type and relaying outlet, the cue with the kind
    of quotation, and the content, which gets the width that is left."""
    table = Table(title="Attributions", title_justify="left", box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Source", ratio=2)
    table.add_column("Cue", min_width=14, max_width=16)
    table.add_column("Content", ratio=5)
    for attribution in analysis.attributions:
        table.add_row(*_attribution_row(attribution))
    return table


def _attribution_row(attribution: Attribution) -> list[Text]:
    """The cells of one attribution row."""
    source = attribution.source
    label = Text(source.text + (f" → {source.resolves_to}" if source.resolves_to else ""))
    label.append("\n" + source.type.replace("_", " "), style=SOURCE_STYLES.get(source.type, ""))
    if attribution.speaker:
        label.append(f"\nquoting {attribution.speaker}", style="dim")
    if attribution.via:
        label.append(f"\nvia {attribution.via}", style="dim")
    cue = Text(attribution.cue.text)
    cue.append("\n" + ("direct" if attribution.direct_quote else "indirect"), style="dim")
    return [label, cue, Text(trim(attribution.content.text, CONTENT_WIDTH))]


def _marked_text(analysis: Analysis) -> Text:
    """The article text with hedges, denials and time expressions styled by span."""
    text = Text(analysis.article.text)
    for timex in analysis.timexes:
        text.stylize(TIMEX_STYLE, *timex.span)
    for hedge in analysis.hedges:
        text.stylize(DENIAL_STYLE if hedge.kind == "denial" else HEDGE_STYLE, *hedge.span)
    return text


def _legend() -> Text:
    """Key to the styles used in the text panel."""
    return Text.assemble(("hedge", HEDGE_STYLE), " ", ("denial", DENIAL_STYLE), " ",
                         ("time expression", TIMEX_STYLE))


def _credibility(analysis: Analysis) -> Text:
    """Label and probability on a gauge, the model, and the strongest reasons, each with
    the passages of the text it rests on (quoted, with their character offsets)."""
    cred = analysis.credibility
    style = LABEL_STYLES.get(cred.label, "bold yellow")
    line = Text.assemble(("Credibility: ", "bold"), (cred.label.replace("_", " "), style))
    if cred.p_false is not None:
        line.append("  ")
        line.append_text(gauge(cred.p_false))
        line.append(f" p_false {cred.p_false:.2f}")
    if cred.model:
        line.append(f"  model {cred.model}", style="dim")
    for reason in reason_views(analysis)[:5]:
        line.append(f"\n  {reason.effect:+.2f} ", style="red" if reason.effect > 0 else "green")
        line.append(reason.label)
        for start, end, passage in reason.evidence:
            line.append(f"\n        “{passage}”", style="italic")
            line.append(f" [{start}:{end}]", style="dim")
    return line


def gauge(p_false: float, width: int = GAUGE_WIDTH) -> Text:
    """A bar from "likely true" (left, green) to "likely false" (right, red), filled up to
    p_false, each cell coloured by the band it falls in."""
    filled = round(max(0.0, min(1.0, p_false)) * width)
    bar = Text("▕")
    for cell in range(width):
        upper = (cell + 0.5) / width
        band = next(name for name, top in GAUGE_BANDS if upper <= top)
        bar.append("█" if cell < filled else "░", style=GAUGE_STYLES[band])
    bar.append("▏")
    return bar
