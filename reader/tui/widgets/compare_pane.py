"""The Compare tab of the side panel: how the open articles frame the story — mentions per person,
epithets, share of voice, shared and unique passages — as small tables and unicode bars."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...framing import EpithetForm, FramingReport
from ..highlights import ENTITY_COLOURS, one_line

COLUMN_COLOURS = ("#f5a97f", "#8aadf4", "#a6da95", "#c6a0f6")
BAR_WIDTH = 18
PEOPLE = 6
FORMS = 6
SPEAKERS = 5


def bar(value: float, scale: float, width: int = BAR_WIDTH) -> str:
    """value/scale as block characters, in eighths of a cell (crisp in any terminal font)."""
    if scale <= 0 or value <= 0:
        return ""
    eighths = max(1, round(min(1.0, value / scale) * width * 8))
    full, rest = divmod(eighths, 8)
    return "█" * full + ("" if rest == 0 else " ▏▎▍▌▋▊▉"[rest])


def render_report(report: FramingReport) -> Text:
    """The whole tab as one Text: every name and form through one_line (the sanitiser)."""
    ids = report.article_ids
    colour = {article_id: COLUMN_COLOURS[n % len(COLUMN_COLOURS)] for n, article_id in enumerate(ids)}
    out = Text()

    def heading(title: str) -> None:
        out.append(f"\n{title}\n", style="bold underline")

    out.append("columns ", style="dim")
    for n, article_id in enumerate(ids, 1):
        out.append(f"{n}", style=Style(color=colour[article_id], bold=True))
        out.append(" ")
    people = [p for p in report.epithets if p.total > 1][:PEOPLE]
    top = max((n for p in people for n in p.mentions.values()), default=0)
    heading("Mentions per person")
    for person in people:
        out.append("● ", style=Style(color=ENTITY_COLOURS.get(person.label, "#cccccc")))
        out.append(one_line(person.name, 40) + "\n", style="bold")
        for n, article_id in enumerate(ids, 1):
            count = person.mentions.get(article_id, 0)
            out.append(f" {n} ")
            out.append(bar(count, top).ljust(BAR_WIDTH), style=Style(color=colour[article_id]))
            out.append(f" {count}\n", style="dim" if not count else "")
    heading("Epithets (uses per column)")
    for person in people[:4]:
        out.append(one_line(person.name, 40) + "\n", style="bold")
        for form in person.forms[:FORMS] if len(person.forms) <= FORMS else _widest(person.forms):
            cells = " ".join(f"{form.counts.get(a, 0) or '·':>2}" for a in ids)
            style = "italic" if form.kind == "role" else ""
            out.append(f"  {one_line(form.form, 24):<24} ", style=style)
            out.append(cells + "\n", style="dim")
    heading("Share of voice")
    for n, outlet in enumerate(report.voices, 1):
        out.append(f"{n} ", style=Style(color=colour[outlet.article_id], bold=True))
        out.append(f"{outlet.words} words of speech\n", style="dim")
        for speaker in outlet.speakers[:SPEAKERS]:
            out.append(f"  {one_line(speaker.name, 16):<16} ")
            out.append(bar(speaker.share, 1.0, 14).ljust(14), style=Style(color=colour[outlet.article_id]))
            out.append(f" {100 * speaker.share:3.0f}%  {speaker.quotes}❝ {speaker.reported}↪\n", style="dim")
        only = report.only_quoted_by.get(outlet.article_id, [])
        if only:
            out.append("  only here: " + one_line(", ".join(only), 60) + "\n", style="italic dim")
    heading("Shared passages")
    if not report.shared.clusters:
        out.append("no sentence shared word for word or nearly\n", style="dim")
    for cluster in report.shared.clusters[:12]:
        columns = ",".join(str(ids.index(a) + 1) for a in cluster.articles if a in ids)
        out.append(f"≡ {columns} {100 * cluster.similarity:.0f}% ", style="bold")
        out.append(one_line(cluster.members[0].text, 60) + "\n")
    for n, article_id in enumerate(ids, 1):
        out.append(f"{n} ", style=Style(color=colour[article_id], bold=True))
        out.append(f"{len(report.shared.unique.get(article_id, ()))} sentences only here\n", style="dim")
    out.append("\np on a shared sentence (≡ in the gutter) jumps to the next outlet's version\n", style="dim italic")
    return out


def _widest(forms: tuple[EpithetForm, ...]) -> list[EpithetForm]:
    """The most used names and roles, at most FORMS, the roles given room."""
    names = [f for f in forms if f.kind == "name"][:2]
    roles = [f for f in forms if f.kind == "role"][: FORMS - len(names)]
    return names + roles


class ComparePane(VerticalScroll):
    DEFAULT_CSS = """
    ComparePane { height: 1fr; padding: 0 1; }
    """

    can_focus = True

    def compose(self) -> ComposeResult:
        yield Static(Text("waiting for the analysis …"), id="compare-report")

    def show(self, report: FramingReport | None) -> None:
        self.query_one("#compare-report", Static).update(render_report(report) if report else Text("waiting …"))
