"""Turning domain records (annotations, entities, quotes) into the reading view's highlight layers.

Each highlight carries a small `mark` object that says, in one line, what it marks: the column's
status line shows it when the cursor is on it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.color import Color

from ..annotations import AnchoredAnnotation, AnchorState
from .safe_text import safe_display
from .widgets.reading_view import Highlight

READING_BACKGROUND = Color.parse("#1e1e1e")
ANNOTATION_TINT = 0.30  # how much of the tag colour shows through behind annotated text


def tint(colour: str, amount: float = ANNOTATION_TINT) -> str:
    """The colour mixed into the reading background: readable text on a coloured wash."""
    return READING_BACKGROUND.blend(Color.parse(colour), amount).hex


def one_line(text: str, limit: int = 60) -> str:
    text = " ".join(safe_display(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class AnnotationMark:
    anchored: AnchoredAnnotation

    @property
    def annotation_id(self) -> str:
        return self.anchored.annotation.id

    def describe(self) -> Text:
        annotation = self.anchored.annotation
        text = Text("✎ ", style=Style(color=annotation.colour, bold=True))
        text.append(", ".join(safe_display(tag) for tag in annotation.tags) or "(no tag)", style=Style(color=annotation.colour))
        if annotation.note:
            text.append(" — " + one_line(annotation.note, 50))
        if self.anchored.state is AnchorState.REANCHORED:
            text.append(" (re-anchored)", style="italic")
        return text


def annotation_highlights(anchored: Iterable[AnchoredAnnotation]) -> list[Highlight]:
    """Anchored and re-anchored annotations as tinted passages with a gutter bar; orphans have no place."""
    highlights = []
    for item in anchored:
        if item.state is AnchorState.ORPHANED or item.start is None or item.end is None:
            continue
        colour = item.annotation.colour
        highlights.append(
            Highlight(
                item.start,
                item.end,
                Style(bgcolor=tint(colour)),
                "annotation",
                AnnotationMark(item),
                gutter=Style(color=colour, bold=True),
            )
        )
    return highlights
