"""The comparison as one self-contained HTML page to send to a colleague.

No scripts, fonts or style sheets from elsewhere: one inline <style>, system fonts, CSS bars for
the charts. Every piece of outside text (article text, titles, names, notes, tags) is made safe
with the terminal sanitiser's visible symbols first (bidirectional overrides must not reorder the
page either) and then HTML-escaped. Columns sit side by side on a wide screen and stack on a phone.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise

from ..analysis import INDIRECT, SPEECH, LibraryAnalysis
from ..annotations import AnchoredAnnotation, AnchorState
from ..articles import Article
from ..text.terminal import safe_display
from .report import FramingReport, outlet_label

PALETTE = ("#d9480f", "#1971c2", "#2f9e44", "#ae3ec9", "#e67700", "#0c8599", "#c2255c", "#5c940d")
CHART_PEOPLE = 6
LABEL_NAMES = {"PER": "person", "LOC": "place", "ORG": "organisation", "MISC": "other name"}

STYLE = """
:root{color-scheme:light dark;--fg:#1d1d1f;--bg:#fdfdfb;--muted:#6b6b70;--line:#d8d8dc;--per:#b3541e;
--loc:#0b7285;--org:#1c58b5;--misc:#7b3fa8;--speech:#fff3bf;--term:#e7f5ff;--rep:#fff9db;--note:#e5dbff}
@media (prefers-color-scheme:dark){:root{--fg:#e8e8ea;--bg:#1b1b1d;--muted:#9a9aa2;--line:#3a3a40;
--per:#f5a97f;--loc:#8bd5ca;--org:#8aadf4;--misc:#c6a0f6;--speech:#4a3f16;--term:#1d3347;--rep:#3a3418;--note:#3b3157}}
*{box-sizing:border-box}body{margin:0;padding:1rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;
color:var(--fg);background:var(--bg);overflow-wrap:anywhere}
h1{font-size:1.4rem;margin:.2rem 0 1rem}h2{font-size:1.15rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:1rem 0 .3rem}small,.muted{color:var(--muted)}
table{border-collapse:collapse;margin:.3rem 0 1rem;font-size:.9rem;display:block;overflow-x:auto;max-width:100%}
th,td{overflow-wrap:normal;border:1px solid var(--line);padding:.2rem .45rem;text-align:left;vertical-align:top}td.n{text-align:right}
.bars{margin:.2rem 0 1rem}.bar-row{display:grid;grid-template-columns:minmax(6rem,12rem) 1fr 3.5rem;gap:.4rem;
align-items:center;font-size:.85rem}.bar{height:.8rem;border-radius:2px;min-width:1px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(20rem,1fr));gap:.5rem 1.5rem}
.key{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.3rem;vertical-align:-1px}
.columns{display:grid;grid-template-columns:repeat(var(--n),minmax(18rem,1fr));gap:1rem;overflow-x:auto}
@media (max-width:48rem){.columns{grid-template-columns:1fr}}
article{border-top:4px solid var(--c);padding-top:.4rem}article p{margin:.5rem 0}
.PER{color:var(--per);font-weight:600}.LOC{color:var(--loc)}.ORG{color:var(--org)}.MISC{color:var(--misc)}
.speech{background:var(--speech);font-style:italic}.term{background:var(--term);font-style:italic}
.indirect{background:var(--rep)}.note{background:var(--note);border-bottom:2px solid #7048e8}
.teaser{opacity:.55}.shared{text-decoration:underline dotted 2px;text-underline-offset:3px}
a.mark{font-size:.75rem;text-decoration:none;margin-left:.15rem;padding:0 .2rem;border:1px solid var(--line);border-radius:3px}
a.only{color:var(--muted)}del,ins{text-decoration:none}mark.changed{background:#ffc9c9;color:#1d1d1f}
.legend span{margin-right:.8rem}ol.notes{font-size:.9rem}
"""


def esc(text: str) -> str:
    """Outside text for the page: unsafe characters as visible symbols, then HTML-escaped."""
    return html.escape(safe_display(text), quote=True)


def render_html(
    report: FramingReport,
    library_analysis: LibraryAnalysis,
    annotations: Mapping[str, Sequence[AnchoredAnnotation]] | None = None,
) -> str:
    annotations = annotations or {}
    colours = {a.id: PALETTE[n % len(PALETTE)] for n, a in enumerate(report.articles)}
    names = {a.id: outlet_label(a) for a in report.articles}
    parts = [
        "<!DOCTYPE html>",
        '<html lang="de"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{esc('Vergleich: ' + ' · '.join(names.values()))}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>How {len(report.articles)} articles frame the story</h1>",
        _outlet_keys(report, colours, names),
        '<nav><a href="#epithets">Epithets</a> · <a href="#voices">Voices</a> · <a href="#shared">Shared passages</a>'
        ' · <a href="#quotes">Quotations</a> · <a href="#articles">Articles</a></nav>',
        _epithets(report, colours, names),
        _voices(report, colours, names),
        _shared(report, names),
        _quote_groups(report, names),
        _articles(report, library_analysis, annotations, colours),
        "</body></html>",
    ]
    return "\n".join(parts)


def _outlet_keys(report: FramingReport, colours: Mapping[str, str], names: Mapping[str, str]) -> str:
    rows = "".join(
        f'<li><span class="key" style="background:{colours[a.id]}"></span><b>{esc(names[a.id])}</b> — '
        f"{esc(a.display_title)} <small>{esc(a.date)} · {a.words} words</small></li>"
        for a in report.articles
    )
    return f"<ul>{rows}</ul>"


def _bar(label: str, value: float, scale: float, colour: str, shown: str) -> str:
    width = 0 if scale <= 0 or value <= 0 else max(0.5, 100 * value / scale)
    return (
        f'<div class="bar-row"><span>{label}</span><span class="bar" style="width:{width:.1f}%;background:{colour}">'
        f"</span><span>{esc(shown)}</span></div>"
    )


def _epithets(report: FramingReport, colours: Mapping[str, str], names: Mapping[str, str]) -> str:
    ids = report.article_ids
    head = "".join(f"<th>{esc(names[i])}</th>" for i in ids)
    out = ['<section id="epithets"><h2>Epithets: how each outlet names them</h2>']
    people = [p for p in report.epithets if p.total > 1][:12]
    top = max((n for p in people for n in p.mentions.values()), default=0)
    out.append("<h3>Mentions per person per outlet</h3><div class='cards'>")
    for person in people[:CHART_PEOPLE]:
        out.append(f"<div><b>{esc(person.name)}</b><div class='bars'>")
        out.extend(
            _bar(esc(names[i]), person.mentions.get(i, 0), top, colours[i], str(person.mentions.get(i, 0))) for i in ids
        )
        out.append("</div></div>")
    out.append("</div>")
    for person in people:
        out.append(
            f"<h3>{esc(person.name)} <small>{LABEL_NAMES.get(person.label, person.label)} · {person.total} mentions"
            "</small></h3>"
        )
        out.append(f"<table><tr><th>form</th><th>kind</th>{head}<th>all</th></tr>")
        for form in person.forms:
            cells = "".join(f'<td class="n">{form.counts.get(i, "") or ""}</td>' for i in ids)
            out.append(f"<tr><td>{esc(form.form)}</td><td>{form.kind}</td>{cells}<td class='n'>{form.total}</td></tr>")
        out.append("</table>")
    out.append("</section>")
    return "\n".join(out)


def _voices(report: FramingReport, colours: Mapping[str, str], names: Mapping[str, str]) -> str:
    out = ['<section id="voices"><h2>Voices: who is quoted, and how much</h2>']
    out.append("<div class='cards'>")
    for outlet in report.voices:
        colour = colours[outlet.article_id]
        out.append(f"<div><h3>{esc(names[outlet.article_id])} <small>{outlet.words} words of speech</small></h3>")
        out.append("<div class='bars'>")
        out.extend(_bar(esc(s.name), s.share, 1.0, colour, f"{100 * s.share:.0f}%") for s in outlet.speakers[:8])
        out.append("</div><table><tr><th>speaker</th><th>quotes</th><th>direct words</th><th>reported</th>")
        out.append("<th>indirect words</th><th>share</th></tr>")
        for s in outlet.speakers:
            out.append(
                f"<tr><td>{esc(s.name)}</td><td class='n'>{s.quotes}</td><td class='n'>{s.direct_words}</td>"
                f"<td class='n'>{s.reported}</td><td class='n'>{s.indirect_words}</td>"
                f"<td class='n'>{100 * s.share:.0f}%</td></tr>"
            )
        out.append("</table>")
        only = report.only_quoted_by.get(outlet.article_id, [])
        if only:
            out.append(f"<p><small>Only this outlet quotes: {esc(', '.join(only))}</small></p>")
        out.append("</div>")
    out.append("</div></section>")
    return "\n".join(out)


def _anchor(cluster_id: str, article_id: str, ids: Sequence[str]) -> str:
    return f"{cluster_id}-a{ids.index(article_id)}"


def _shared(report: FramingReport, names: Mapping[str, str]) -> str:
    ids = list(report.article_ids)
    out = ['<section id="shared"><h2>Shared passages</h2>']
    if not report.shared.clusters:
        out.append("<p class='muted'>No sentence is shared word for word or nearly by two of these articles.</p>")
    for cluster in report.shared.clusters:
        out.append(f"<h3>{len(cluster.articles)} outlets · similarity {100 * cluster.similarity:.0f}%</h3><ul>")
        out.extend(
            f'<li><a href="#{_anchor(cluster.id, m.article_id, ids)}">{esc(names[m.article_id])}</a>: {esc(m.text)}</li>'
            for m in cluster.members
        )
        out.append("</ul>")
    whole: dict[str, int] = {}
    for paragraph in report.shared.paragraphs:
        whole[paragraph.article_id] = whole.get(paragraph.article_id, 0) + 1
    out.append("<h3>Only here</h3><table><tr><th>outlet</th><th>sentences only it has</th>")
    out.append("<th>paragraphs shared whole</th></tr>")
    for article_id, passages in report.shared.unique.items():
        out.append(
            f"<tr><td>{esc(names[article_id])}</td><td class='n'>{len(passages)}</td>"
            f"<td class='n'>{whole.get(article_id, 0)}</td></tr>"
        )
    out.append("</table></section>")
    return "\n".join(out)


def _quote_groups(report: FramingReport, names: Mapping[str, str]) -> str:
    from .wording import CHANGED, word_changes

    out = ['<section id="quotes"><h2>One quotation, several wordings</h2>']
    if not report.quote_groups:
        out.append("<p class='muted'>No quotation appears in two of these articles.</p>")
    for group in report.quote_groups:
        out.append(f"<h3>{esc(group.speaker or 'speaker unknown')}</h3><ul>")
        reference = group.renderings[0].text
        for n, rendering in enumerate(group.renderings):
            pieces = word_changes(reference, rendering.text) if n else [("equal", rendering.text)]
            text = "".join(
                f'<mark class="changed">{esc(piece)}</mark>' if kind == CHANGED else esc(piece)
                for kind, piece in pieces
            )
            out.append(f"<li><b>{esc(names[rendering.article_id])}</b>: „{text}“</li>")
        out.append("</ul>")
    out.append("<p><small>Marked: words that differ from the first rendering.</small></p></section>")
    return "\n".join(out)


def _articles(
    report: FramingReport,
    library_analysis: LibraryAnalysis,
    annotations: Mapping[str, Sequence[AnchoredAnnotation]],
    colours: Mapping[str, str],
) -> str:
    ids = list(report.article_ids)
    out = [
        '<section id="articles"><h2>The articles side by side</h2>',
        '<p class="legend"><span class="PER">person</span><span class="LOC">place</span>'
        '<span class="ORG">organisation</span><span class="MISC">other name</span><span class="speech">speech</span>'
        '<span class="term">term</span><span class="indirect">reported speech</span><span class="note">annotation</span>'
        '<span class="shared">shared with another outlet</span> <a class="mark">⇄n</a> jumps to the next version</p>',
        f'<div class="columns" style="--n:{len(ids)}">',
    ]
    for article in report.articles:
        out.append(_article(article, report, library_analysis, annotations.get(article.id, ()), colours, ids))
    out.append("</div></section>")
    return "\n".join(out)


def _article(
    article: Article,
    report: FramingReport,
    library_analysis: LibraryAnalysis,
    anchored: Sequence[AnchoredAnnotation],
    colours: Mapping[str, str],
    ids: list[str],
) -> str:
    analysis = library_analysis.article(article.id)
    layers: list[tuple[int, int, str, str]] = []  # start, end, class, title
    for entity in analysis.entities:
        label = LABEL_NAMES.get(entity.label, entity.label)
        layers.append((entity.start, entity.end, entity.label, f"{entity.name} ({label})"))
    for mention in analysis.role_mentions:
        if mention.key and not mention.apposition:
            layers.append((mention.start, mention.end, "PER", library_analysis.names.name(mention.key)))
    for quote in analysis.quotes:
        kind = "speech" if quote.kind == SPEECH else "term"
        layers.append((quote.start, quote.end, kind, quote.speaker or quote.speaker_text or ""))
    for quote in analysis.indirect:
        if quote.kind == INDIRECT:
            layers.append((quote.start, quote.end, "indirect", quote.speaker or quote.speaker_text or ""))
    for start, end in analysis.boilerplate:
        layers.append((start, end, "teaser", "teaser, promo or note"))
    notes = [a for a in anchored if a.state is not AnchorState.ORPHANED and a.start is not None and a.end is not None]
    for n, item in enumerate(notes, 1):
        assert item.start is not None and item.end is not None
        layers.append((item.start, item.end, "note", f"[{n}] " + ", ".join(item.annotation.tags)))
    marks: dict[int, str] = {}  # offset → the mark to put there
    for cluster in report.shared.clusters:
        members = [m for m in cluster.members if m.article_id in ids]
        for k, member in enumerate(members):
            if member.article_id != article.id:
                continue
            layers.append((member.start, member.end, "shared", f"shared with {len(cluster.articles) - 1} other(s)"))
            following = members[(k + 1) % len(members)]
            marks[member.end] = (
                f'<a class="mark" id="{_anchor(cluster.id, member.article_id, ids)}" '
                f'href="#{_anchor(cluster.id, following.article_id, ids)}" '
                f'title="shared with {len(cluster.articles) - 1} other(s): next version">⇄{len(cluster.articles) - 1}</a>'
            )
    for passage in report.shared.unique.get(article.id, ()):
        marks.setdefault(passage.end, '<a class="mark only" title="only here">◦</a>')
    body = article.body
    paragraphs = []
    for p_start, p_end in article.paragraphs:
        paragraphs.append(f"<p>{_segments(body, p_start, p_end, layers, marks)}</p>")
    note_list = "".join(
        f"<li><b>{esc(', '.join(item.annotation.tags) or '(no tag)')}</b> — „{esc(body[item.start : item.end][:200])}“"
        f"{'<br>' + esc(item.annotation.note) if item.annotation.note else ''}</li>"
        for item in notes
        if item.start is not None and item.end is not None
    )
    return (
        f'<article style="--c:{colours[article.id]}"><h3>{esc(article.display_title)}</h3>'
        f"<small>{esc(article.source)} {esc(article.date)} · {article.words} words</small>"
        + "".join(paragraphs)
        + (f"<h3>Notes</h3><ol class='notes'>{note_list}</ol>" if note_list else "")
        + "</article>"
    )


def _segments(
    text: str, start: int, end: int, layers: Iterable[tuple[int, int, str, str]], marks: Mapping[int, str]
) -> str:
    """The paragraph text cut at every layer boundary, each piece in a span with the classes on it."""
    inside = [(s, e, c, t) for s, e, c, t in layers if s < end and e > start]
    cuts = sorted({start, end} | {max(start, s) for s, _, _, _ in inside} | {min(end, e) for _, e, _, _ in inside})
    cuts += [m for m in marks if start < m <= end and m not in cuts]
    cuts.sort()
    out = []
    for left, right in pairwise(cuts):
        active = [(c, t) for s, e, c, t in inside if s <= left and right <= e]
        piece = esc(text[left:right])
        if active:
            classes = " ".join(dict.fromkeys(c for c, _ in active))
            title = " · ".join(dict.fromkeys(t for _, t in active if t))
            piece = f'<span class="{classes}" title="{esc(title)}">{piece}</span>'
        out.append(piece)
        if right in marks:
            out.append(marks[right])
    return "".join(out)
