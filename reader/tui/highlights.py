"""Turning what the analysis and the store hold (entities, quotes, annotations) into the reading view's highlight layers.

Each highlight carries a small `Highlighted…` object that says, in one line, what it stands for: the column's
status line shows it when the cursor is on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.color import Color

from ..analysis import INDIRECT, SPEECH, ArticleAnalysis, Entity, EntityEntry, LibraryAnalysis, Quote
from ..annotations import AnchoredAnnotation, AnchorState, Annotation, tag_key
from ..framing import FramingReport, PassageCluster
from ..text import shortening
from ..text.counting import plural
from ..text.terminal import safe_display, safe_line
from .widgets.reading_view import Highlight

READING_BACKGROUND = Color.parse("#1e1e1e")
ENTITY_COLOURS = {"PER": "#f5a97f", "LOC": "#8bd5ca", "ORG": "#8aadf4", "MISC": "#c6a0f6"}
ENTITY_NAMES = {"PER": "person", "LOC": "place", "ORG": "organisation", "MISC": "other name"}
SPEECH_COLOUR = "#eed49f"
TERM_COLOUR = "#a5adcb"
INDIRECT_COLOUR = "#eed49f"  # reported speech: the speech hue as a faint wash, not as text colour
INDIRECT_TINT = 0.14
BOILERPLATE_STYLE = Style(dim=True)
# The followed name and the search hits are solid blocks, dark text on light: never mistaken for
# an annotation's wash (a tag colour mixed ANNOTATION_TINT into the dark background).
FOCUS_STYLE = Style(bgcolor="#f0f0f0", color="#1e1e1e", bold=True, underline=True)
SEARCH_STYLE = Style(bgcolor="#7fdbff", color="#1e1e1e")
ANNOTATION_TINT = 0.38  # how much of the tag colour shows through behind annotated text


def tint(colour: str, amount: float = ANNOTATION_TINT) -> str:
    """The colour mixed into the reading background: readable text on a coloured wash."""
    return READING_BACKGROUND.blend(Color.parse(colour), amount).hex


# one Style each, made once: a long article has thousands of highlights (tint() blends colours)
ENTITY_STYLES = {label: Style(color=colour) for label, colour in ENTITY_COLOURS.items()}
OTHER_ENTITY_STYLE = Style(color="#cccccc")
INDIRECT_STYLE = Style(bgcolor=tint(INDIRECT_COLOUR, INDIRECT_TINT))
SPEECH_STYLE = Style(color=SPEECH_COLOUR, italic=True)
TERM_STYLE = Style(color=TERM_COLOUR, italic=True)
SPEECH_GUTTER_STYLE = Style(color=SPEECH_COLOUR)


def one_line(text: str, limit: int = 60) -> str:
    """Outside text as a label on one line: made safe for the terminal, then shortened."""
    return shortening.one_line(safe_display(text), limit)


def shown_colour(annotation: Annotation, colours: Mapping[str, str] | None) -> str:
    """The colour an annotation is shown in: its first tag's in the store's distinct colours."""
    if colours and annotation.tags:
        return colours.get(tag_key(annotation.tags[0]), annotation.colour)
    return annotation.colour


@dataclass(frozen=True)
class HighlightedAnnotation:
    anchored: AnchoredAnnotation
    colour: str = ""

    @property
    def annotation_id(self) -> str:
        return self.anchored.annotation.id

    def describe(self) -> Text:
        annotation = self.anchored.annotation
        colour = self.colour or annotation.colour
        text = Text("✎ ", style=Style(color=colour, bold=True))
        text.append(", ".join(safe_display(tag) for tag in annotation.tags) or "(no tag)", style=Style(color=colour))
        if annotation.note:
            text.append(" — " + one_line(annotation.note, 50))
        if self.anchored.state is AnchorState.REANCHORED:
            text.append(" (re-anchored)", style="italic")
        return text


def annotation_highlights(
    anchored: Iterable[AnchoredAnnotation], colours: Mapping[str, str] | None = None
) -> list[Highlight]:
    """Anchored and re-anchored annotations as tinted passages with a gutter bar, in the colour of
    their first code (`colours`: tag key -> colour, the store's shown_colours); orphans have no place."""
    highlights = []
    for item in anchored:
        if item.state is AnchorState.ORPHANED or item.start is None or item.end is None:
            continue
        colour = shown_colour(item.annotation, colours)
        highlights.append(
            Highlight(
                item.start,
                item.end,
                Style(bgcolor=tint(colour)),
                "annotation",
                HighlightedAnnotation(item, colour),
                gutter=Style(color=colour, bold=True),
            )
        )
    return highlights


@dataclass(slots=True, unsafe_hash=True)  # not frozen, for speed, as Highlight (thousands per article)
class HighlightedEntity:
    entity: Entity
    entry: EntityEntry | None

    def describe(self) -> Text:
        entity = self.entity
        text = Text("● ", style=Style(color=ENTITY_COLOURS.get(entity.label, "#cccccc")))
        text.append(one_line(entity.name or entity.text, 40), style="bold")
        text.append(f" {ENTITY_NAMES.get(entity.label, entity.label)}", style="dim")
        if self.entry is not None:
            text.append(f" · {self.entry.count()}× in {plural(len(self.entry.articles), 'article')}", style="dim")
        return text


def speaker_label(quote: Quote) -> str:
    """Who said it, as well as the text tells: the canonical name, else the mention as written
    ("ein Polizeisprecher", an unresolved "er"), else "" (unknown)."""
    return quote.speaker or quote.speaker_text or ""


@dataclass(frozen=True)
class HighlightedQuote:
    quote: Quote
    article_id: str
    index: int
    group: str | None

    def describe(self) -> Text:
        quote = self.quote
        reported = quote.kind == INDIRECT
        colour = SPEECH_COLOUR if quote.kind in (SPEECH, INDIRECT) else TERM_COLOUR
        text = Text("↪ " if reported else "❝ ", style=Style(color=colour, bold=True))
        if quote.kind in (SPEECH, INDIRECT):
            speaker = speaker_label(quote)
            text.append(
                one_line(speaker, 40) if speaker else "speaker unknown", style="bold" if quote.speaker else "italic"
            )
            if reported:
                text.append(" · reported speech", style="dim")
            if quote.cue:
                text.append(f" ({one_line(quote.cue, 20)})", style="dim")
        else:
            text.append("term, not speech", style="italic")
        if quote.boilerplate:
            text.append(" · in a teaser or promo, not counted", style="dim")
        if self.group:
            text.append(" · c: how other outlets worded it", style="dim")
        return text


@dataclass(frozen=True)
class HighlightedBoilerplate:
    """A paragraph the analysis takes for a teaser, promo or rights note, not article text."""

    def describe(self) -> Text:
        return Text("▭ teaser, promo or note — not article text, its quotes not counted", style="dim italic")


Window = tuple[int, int] | None  # offsets [start, end) of the text to draw, None for all of it


def _in_window(start: int, end: int, window: Window) -> bool:
    return window is None or (start < window[1] and end > window[0])


def analysis_layers(
    analysis: ArticleAnalysis, library_analysis: LibraryAnalysis, window: Window = None
) -> dict[str, list[Highlight]]:
    """The reading view's layers an analysis draws (names, quotations, boilerplate), by layer;
    with a `window`, only what overlaps it: the lines on screen are styled first, the rest after."""
    return {
        "entity": entity_highlights(analysis, library_analysis, window),
        "quote": quote_highlights(analysis, library_analysis, window),
        "structure": boilerplate_highlights(analysis),
    }


def entity_highlights(
    analysis: ArticleAnalysis, library_analysis: LibraryAnalysis, window: Window = None
) -> list[Highlight]:
    """Names, and the role nouns that stand for a person ("der Kremlchef"): one of their mentions.

    Each key is looked up once (a long article names the same few people thousands of times, and
    a display name is a walk over the library's whole name map)."""
    entries: dict[str, EntityEntry | None] = {}
    names: dict[str, str] = {}

    def entry(key: str) -> EntityEntry | None:
        if key not in entries:
            entries[key] = library_analysis.entity(key)
        return entries[key]

    def name(key: str) -> str:
        if key not in names:
            names[key] = library_analysis.names.name(key)
        return names[key]

    roles = [
        Entity(m.start, m.end, "PER", m.text, m.key, name(m.key))
        for m in analysis.role_mentions
        if m.key is not None and not m.apposition and _in_window(m.start, m.end, window) and entry(m.key) is not None
    ]
    return [
        Highlight(
            entity.start,
            entity.end,
            ENTITY_STYLES.get(entity.label, OTHER_ENTITY_STYLE),
            "entity",
            HighlightedEntity(entity, entry(entity.key)),
        )
        for entity in (*analysis.entities, *roles)
        if _in_window(entity.start, entity.end, window)
    ]


SHARED_COLOUR = "#91d7e3"


@dataclass(frozen=True)
class HighlightedPassage:
    """A sentence other open outlets share word for word or nearly (cluster), or one only this one has."""

    cluster: PassageCluster | None

    def describe(self) -> Text:
        if self.cluster is None:
            return Text("◦ only here: no other open outlet reports this", style="dim italic")
        others = len(self.cluster.articles) - 1
        text = Text("≡ ", style=Style(color=SHARED_COLOUR, bold=True))
        text.append(f"shared with {others} other{'s' if others > 1 else ''}", style="bold")
        text.append(f" ({100 * self.cluster.similarity:.0f}% alike) · p: their version", style="dim")
        return text


def passage_highlights(report: FramingReport, article_id: str) -> list[Highlight]:
    """Shared sentences with a ≡ in the gutter; sentences only this outlet has with a faint ◦ when
    some passage is shared (else nearly every line would carry it: the status line still tells)."""
    highlights = [
        Highlight(
            member.start,
            member.end,
            Style(),
            "passage",
            HighlightedPassage(cluster),
            gutter=Style(color=SHARED_COLOUR, bold=True),
            gutter_mark="≡",
        )
        for cluster in report.shared.clusters
        for member in cluster.members
        if member.article_id == article_id
    ]
    marked = bool(report.shared.clusters)
    highlights += [
        Highlight(
            p.start,
            p.end,
            Style(),
            "passage",
            HighlightedPassage(None),
            gutter=Style(dim=True) if marked else None,
            gutter_mark="◦",
        )
        for p in report.shared.unique.get(article_id, ())
    ]
    return highlights


def quote_highlights(
    analysis: ArticleAnalysis, library_analysis: LibraryAnalysis, window: Window = None
) -> list[Highlight]:
    """Speech in warm italics with a gutter bar; terms (scare quotes, names, slogans) in cool
    italics; reported speech (indirect) on a faint warm wash, upright, under any quote in it."""
    highlights = [
        Highlight(
            quote.start,
            quote.end,
            INDIRECT_STYLE,
            "indirect",
            HighlightedQuote(quote, analysis.article_id, -1 - index, None),
        )
        for index, quote in enumerate(analysis.indirect)
        if _in_window(quote.start, quote.end, window)
    ]
    for index, quote in enumerate(analysis.quotes):
        if not _in_window(quote.start, quote.end, window):
            continue
        speech = quote.kind == SPEECH
        highlights.append(
            Highlight(
                quote.start,
                quote.end,
                SPEECH_STYLE if speech else TERM_STYLE,
                "quote",
                HighlightedQuote(
                    quote, analysis.article_id, index, library_analysis.group_of(analysis.article_id, index)
                ),
                gutter=SPEECH_GUTTER_STYLE if speech and quote.depth == 0 else None,
            )
        )
    return highlights


def boilerplate_highlights(analysis: ArticleAnalysis) -> list[Highlight]:
    """Teasers, promos and rights notes dimmed: visible, but set apart from the article."""
    return [
        Highlight(start, end, BOILERPLATE_STYLE, "structure", HighlightedBoilerplate())
        for start, end in analysis.boilerplate
    ]


def focus_highlights(spans: Iterable[tuple[int, int]]) -> list[Highlight]:
    """The mentions (or passage) the reader chose to follow, across every open column."""
    return [Highlight(start, end, FOCUS_STYLE, "focus") for start, end in spans]


def search_highlights(spans: Iterable[tuple[int, int]]) -> list[Highlight]:
    """The hits of the current search: their own layer, above every other."""
    return [Highlight(start, end, SEARCH_STYLE, "search") for start, end in spans]


def legend(layers: dict[str, bool], status: str) -> Text:
    """One line: entity colours, quote styles, which layers are on, and the analysis status."""
    text = Text(no_wrap=True, overflow="ellipsis")
    for label, colour in ENTITY_COLOURS.items():
        text.append("■ ", style=Style(color=colour))
        text.append(f"{ENTITY_NAMES[label]}  ", style="dim" if not layers["entity"] else "")
    text.append("„speech“", style=Style(color=SPEECH_COLOUR, italic=True, dim=not layers["quote"]))
    text.append(" ")
    text.append("‚term‘", style=Style(color=TERM_COLOUR, italic=True, dim=not layers["quote"]))
    text.append(" ")
    text.append("reported", style=Style(bgcolor=tint(INDIRECT_COLOUR, INDIRECT_TINT), dim=not layers["quote"]))
    text.append(" ")
    text.append("teaser", style=BOILERPLATE_STYLE)
    text.append("  ▌note", style=Style(color="#b4a7f5", dim=not layers["annotation"]))
    switches = "  │ " + " ".join(
        f"{key}:{name}{'' if layers[layer] else ' off'}"
        for key, name, layer in (("1", "names", "entity"), ("2", "quotes", "quote"), ("3", "notes", "annotation"))
    )
    text.append(switches, style="dim")
    if status:
        text.append("  │ " + safe_line(status), style="dim italic")
    return text
