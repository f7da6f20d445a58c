"""What one run of the app knows: its settings, the library and its latest scan, the annotation
store with this session's undo history, the analyses and the pipeline that made them.

The app owns the one Session and hands it to every screen it makes. Screens read it; only the
app changes it, in its message handlers, and then tells the screens with a message (LibraryChanged,
StoreChanged, AnalysisChanged) — screens ask the app for things with messages too (messages.py).
The store and the history are the annotation core itself: a screen saves through them, on the
app's thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..analysis import ArticleAnalysis
from ..articles import Article, Library, LibraryScan
from ..nlp.identity import PipelineInfo
from ..settings import Settings

if TYPE_CHECKING:  # imported when first used (the rules and the store take long to import), not at start
    from ..analysis import LibraryAnalysis
    from ..annotations import AnnotationStore, History


@dataclass
class Session:
    settings: Settings
    library: Library
    scan: LibraryScan = field(default_factory=lambda: LibraryScan((), ()))
    store: AnnotationStore | None = None  # opened with the first scan, in a worker
    history: History | None = None  # undo and redo of this session's annotation changes
    analyses: dict[str, ArticleAnalysis] = field(default_factory=dict)  # article id → its latest analysis
    library_analysis: LibraryAnalysis | None = None  # the analyses of the current versions, across articles
    pipeline: PipelineInfo | None = None  # the pipeline the analysis process loaded
    analysis_status: str = "loading the language pipeline …"

    @classmethod
    def start(cls, settings: Settings) -> Session:
        return cls(settings, Library(settings.library, settings.library_index_dir))

    def article(self, article_id: str) -> Article | None:
        """The scanned article with this id, if the library holds it."""
        return next((article for article in self.scan.articles if article.id == article_id), None)
