"""The comparison as Markdown: the tables of the report, every piece of outside text escaped."""

from __future__ import annotations

from ..exchange import markdown
from ..text.terminal import safe_line
from .report import FramingReport, outlet_label


def escaped_line(text: str) -> str:
    """Outside text on one Markdown line: controls and bidi overrides visible, markup literal."""
    return markdown.escaped_line(safe_line(text))


def bar(share: float, width: int = 20) -> str:
    """A share 0…1 as a bar of block characters, eighths for the last cell."""
    eighths = round(max(0.0, min(1.0, share)) * width * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + ("" if rest == 0 else " ▏▎▍▌▋▊▉"[rest])


def render_markdown(report: FramingReport) -> str:
    ids = report.article_ids
    names = {a.id: escaped_line(outlet_label(a)) for a in report.articles}
    lines = [f"# How {len(ids)} articles frame the story", ""]
    for n, article in enumerate(report.articles, 1):
        lines.append(
            f"{n}. **{names[article.id]}** — {escaped_line(article.display_title)}"
            f" ({', '.join(filter(None, [escaped_line(article.date), f'{article.words} words']))})"
        )
    lines += ["", "## Epithets", ""]
    for person in [p for p in report.epithets if p.total > 1][:15]:
        lines += [f"### {escaped_line(person.name)} ({person.total} mentions)", ""]
        lines.append("| form | kind | " + " | ".join(names[i] for i in ids) + " | all |")
        lines.append("|---|---|" + "---:|" * (len(ids) + 1))
        for form in person.forms:
            cells = " | ".join(str(form.counts.get(i, "")) for i in ids)
            lines.append(f"| {escaped_line(form.form)} | {form.kind} | {cells} | {form.total} |")
        lines.append("")
    lines += ["## Voices", ""]
    for outlet in report.voices:
        lines += [f"### {names[outlet.article_id]} ({outlet.words} words of speech)", ""]
        lines.append("| speaker | quotes | direct words | reported | indirect words | share | |")
        lines.append("|---|---:|---:|---:|---:|---:|---|")
        for s in outlet.speakers:
            lines.append(
                f"| {escaped_line(s.name)} | {s.quotes} | {s.direct_words} | {s.reported} | {s.indirect_words} |"
                f" {100 * s.share:.0f}% | `{bar(s.share)}` |"
            )
        only = report.only_quoted_by.get(outlet.article_id, [])
        if only:
            lines += ["", "Only this outlet quotes: " + escaped_line(", ".join(only))]
        lines.append("")
    lines += ["## Shared passages", ""]
    if not report.shared.clusters:
        lines += ["No sentence is shared word for word or nearly by two of these articles.", ""]
    for cluster in report.shared.clusters:
        lines += [f"- {len(cluster.articles)} outlets, similarity {100 * cluster.similarity:.0f}%:"]
        lines += [f"  - **{names[m.article_id]}**: {escaped_line(m.text)}" for m in cluster.members]
    lines += ["", "| outlet | sentences only it has |", "|---|---:|"]
    lines += [f"| {names[i]} | {len(p)} |" for i, p in report.shared.unique.items()]
    lines += ["", "## One quotation, several wordings", ""]
    for group in report.quote_groups:
        lines.append(f"- {escaped_line(group.speaker or 'speaker unknown')}")
        for r in group.renderings:
            changed = f" (changed: {escaped_line(', '.join(r.changed))})" if r.changed else ""
            lines.append(f"  - **{names[r.article_id]}**: „{escaped_line(r.text)}“{changed}")
    lines.append("")
    return "\n".join(lines)
