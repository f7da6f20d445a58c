"""Messages the app's parts send each other, as small dataclasses."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from ..annotations import AnnotationStore
from ..articles import LibraryScan


@dataclass
class OpenArticles(Message):
    """Open these article ids side by side (from the library screen)."""

    article_ids: list[str]


@dataclass
class LibraryLoaded(Message):
    """A library scan finished in a worker; the first one also opened the annotation store."""

    scan: LibraryScan
    store: AnnotationStore | None = None


@dataclass
class JumpTo(Message):
    """Show this passage of this article: focus its column (opening it if needed) and select it."""

    article_id: str
    start: int
    end: int


@dataclass
class TagChosen(Message):
    """Filter the annotations panel by this tag ('' clears the filter)."""

    tag: str


@dataclass
class EntityChosen(Message):
    """Follow this entity (library key) across the open columns."""

    key: str


@dataclass
class QuoteGroupChosen(Message):
    """Show how each outlet worded this utterance."""

    group_id: str


@dataclass
class PipelineReady(Message):
    """The analysis process loaded its pipeline (`info`, with a warning in `text` if it fell back
    to the shipped one), or could not (`info` None, `text` says why in one line)."""

    info: dict | None
    text: str = ""


@dataclass
class AnalysesReady(Message):
    """Analyses computed or read from the cache in a worker, by article id, and what failed."""

    analyses: dict
    failures: list


class StoreChanged(Message):
    """The annotation store changed on disk (another window, the CLI, an import): redraw from it."""

    bubble = False


@dataclass
class ResolveConflict(Message):
    """Show the versions of this annotation side by side and keep the one the reader picks."""

    annotation_id: str
