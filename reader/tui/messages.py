"""The messages of the app and its screens, as small dataclasses with typed fields.

Screens ask the app (these bubble up to it): OpenArticles, OpenPassage, ReloadLibrary, AnalyseArticles.
The app tells the screens (posted to each screen on the stack, never bubbling back):
LibraryChanged, StoreChanged, AnalysisChanged. Workers and threads report to the app:
LibraryReading, LibraryLoaded, PipelineReady, AnalysesReady, LibraryAnalysisBuilt, ExportFinished.
Within the compare screen, its panes and dialogs: ColumnsStyled (its own worker), JumpTo, TagChosen,
EntityChosen, QuoteGroupChosen, ResolveConflict.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from ..analysis import ArticleAnalysis
from ..articles import Article, LibraryScan
from ..nlp.identity import PipelineInfo
from .widgets.reading_view import Highlight

if TYPE_CHECKING:  # the library analysis, framing and the store are imported when first used, not at start
    from ..analysis import LibraryAnalysis
    from ..annotations import AnnotationStore
    from ..framing import FramingReport

# ---- screens ask the app ---------------------------------------------------------------


@dataclass
class OpenArticles(Message):
    """Open these article ids side by side (from the library screen)."""

    article_ids: list[str]


@dataclass
class OpenPassage(Message):
    """Open this article and select this passage (from the coding matrix or agreement screens)."""

    article_id: str
    start: int
    end: int


@dataclass
class ReloadLibrary(Message):
    """Scan the library folder again (after `r`, or an article was added)."""


@dataclass
class AnalyseArticles(Message):
    """Analyse these articles if their current version is not analysed yet (a column opened)."""

    articles: list[Article]


# ---- the app tells the screens -----------------------------------------------------------


class LibraryChanged(Message):
    """A library scan finished: the session holds its articles and the files it skipped."""

    bubble = False


class StoreChanged(Message):
    """The annotation store changed on disk (another window, the CLI, an import): redraw from it."""

    bubble = False


class AnalysisChanged(Message):
    """The session's analyses or the analysis status changed: redraw names and quotations."""

    bubble = False


# ---- workers and threads report to the app --------------------------------------------------


@dataclass
class LibraryReading(Message):
    """The part of a scan read so far (`scan.complete` False), while the worker reads on."""

    scan: LibraryScan


@dataclass
class LibraryLoaded(Message):
    """A library scan finished in a worker; the first one also opened the annotation store."""

    scan: LibraryScan
    store: AnnotationStore | None = None


@dataclass
class PipelineReady(Message):
    """The analysis process loaded its pipeline (`info`, with a warning in `text` if it fell back
    to the shipped one), or could not (`info` None, `text` says why in one line)."""

    info: PipelineInfo | None
    text: str = ""


@dataclass
class AnalysesReady(Message):
    """Analyses computed or read from the cache in a worker, by article id, and what failed."""

    analyses: dict[str, ArticleAnalysis]
    failures: list[str]


@dataclass
class LibraryAnalysisBuilt(Message):
    """The analyses across articles, built in a worker from the session's analyses."""

    library_analysis: LibraryAnalysis
    analysed: int


@dataclass
class ExportFinished(Message):
    """An export written in a worker (`path`, `count` annotations), or why it was not (`error`)."""

    path: Path | None
    count: int
    error: str = ""


# ---- within the compare screen --------------------------------------------------------------


@dataclass
class ColumnsStyled(Message):
    """The compare screen's worker built every layer of the analysed columns (article id ->
    layer -> highlights) and the comparison of the open articles, for its styling `generation`."""

    generation: int
    layers: dict[str, dict[str, list[Highlight]]]
    framing: FramingReport | None


@dataclass
class JumpTo(Message):
    """Show this passage of this article: focus its column (opening it if needed) and select it."""

    article_id: str
    start: int
    end: int


@dataclass
class TagChosen(Message):
    """Filter the notes panel by this tag ('' clears the filter)."""

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
class ResolveConflict(Message):
    """Show the versions of this annotation side by side and keep the one the reader picks."""

    annotation_id: str
