"""The Textual app: owns the session, makes the screens, and does the long work in workers.

Screens ask with messages (OpenArticles, ReloadLibrary, AnalyseArticles) and are told with
messages (LibraryChanged, StoreChanged, AnalysisChanged), posted to each screen on the stack;
they read the session, which only the app changes (session.py).
"""

from __future__ import annotations

import asyncio
import importlib
import os
import signal
import sys
import termios
import threading
import time
from collections.abc import Iterable, Sequence
from contextlib import suppress
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.filter import LineFilter
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import get_current_worker

from ..analysis import AnalysisCache, ArticleAnalysis
from ..articles import Article, LibraryScan
from ..nlp.identity import PipelineInfo, peek_fingerprint
from ..settings import Settings
from ..text.counting import plural
from ..text.terminal import safe_display, safe_line
from .commands import screen_commands
from .key_pacing import KeyPacer
from .messages import (
    AnalyseArticles,
    AnalysesReady,
    AnalysisChanged,
    ExportFinished,
    JumpTo,
    LibraryAnalysisBuilt,
    LibraryChanged,
    LibraryLoaded,
    LibraryReading,
    OpenArticles,
    OpenPassage,
    PipelineReady,
    ReloadLibrary,
    StoreChanged,
)
from .screens.help import HelpScreen
from .screens.library import LibraryScreen
from .session import Session
from .terminal_filter import TerminalSafeFilter

if TYPE_CHECKING:  # the store and the analysis process are imported once the first rows show (see load_library)
    from ..analysis.service import AnalysisProcess
    from ..annotations import StoreSnapshot
    from ..annotations.codebook import Code

AUTO_ANALYSE_WORDS = 100_000  # longer articles are analysed on request only (CLI), not on open
STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)
LIBRARY_ANALYSIS_PAUSE_S = 1.0  # between two builds of the library analysis while analyses keep arriving…
LIBRARY_ANALYSIS_DUTY = 4  # …and at least this many times as long as the last build took: it holds the GIL
# A thread worker holding the GIL (the library analysis is pure Python) makes the UI thread wait up to
# the switch interval (5 ms) each time it wants the GIL back, many times per keystroke: a shorter one.
SWITCH_INTERVAL_S = 0.0005
# The compare screen is imported this long after the whole table shows, not at once: an import's
# compiling holds the GIL the UI thread (and the thread writing the frame) needs for the first rows.
WARM_IMPORTS_AFTER_S = 1.0
TERMINAL_CHECK_S = 1.0  # how often the app looks whether its terminal is still there
STORE_CHECK_S = 1.0  # how often the app looks for changes other windows, the CLI or an import made
EXPORT_LABELS = {
    "json": "JSON",
    "w3c": "W3C Web Annotations (JSON-LD)",
    "markdown": "Markdown",
    "csv": "CSV",
    "qdpx": "REFI-QDA project (MAXQDA, ATLAS.ti, NVivo, QualCoder)",
}


class ReaderApp(App[None]):
    TITLE = "reader"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", show=False),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
        Binding("ctrl+c", "copy_or_quit", "Copy the selection (OSC 52), else quit", show=False, priority=True),
    ]

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self._terminal_filter = TerminalSafeFilter()
        self.key_pacer = KeyPacer(self)
        self.session = Session.start(settings)
        self.library_screen = LibraryScreen(self.session)
        self.analysis_process: AnalysisProcess | None = None
        self._opened: set[str] = set()  # articles the reader opened: analysed first
        self._store_notices: set[str] = set()  # store problems and warnings already shown
        self._conflicts_shown = 0
        self._library_analysis_building = False  # one build at a time; analyses arriving meanwhile wait
        self._library_analysis_stale = False  # analyses arrived during the build: build again after it
        self._library_analysis_began = 0.0  # when the last build started (time.monotonic)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification passes the sanitiser: many quote titles, tags, notes or file names."""
        super().notify(safe_display(message), title=safe_line(title), severity=severity, timeout=timeout, markup=markup)

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then the one that keeps unsafe characters off the terminal."""
        return [*super().get_line_filters(), self._terminal_filter]

    def action_copy_or_quit(self) -> None:
        """ctrl+c copies what is selected (in a text field or on screen) and otherwise quits, on
        every screen and dialog: Textual's own ctrl+c only hints at ctrl+q, or copies nothing."""
        focused = self.focused
        # Input, TextArea and the reading view each say what they have selected, under this name
        selected = getattr(focused, "selected_text", "") if focused is not None else ""
        selected = selected or self.screen.get_selected_text() or ""
        if selected:
            self.copy_to_clipboard(selected)
        else:
            self.exit()

    async def on_event(self, event: events.Event) -> None:
        """Keys from the terminal go through the pacer (key_pacing.py): none is lost in a burst."""
        if isinstance(event, events.Key) and self.key_pacer.take(event):
            return
        await super().on_event(event)

    def on_mount(self) -> None:
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        self.key_pacer.start()
        self._handle_stop_signals(install=True)
        terminal = sys.__stdin__
        if not self.is_headless and terminal is not None and terminal.isatty():
            threading.Thread(
                target=self._watch_terminal, args=(terminal.fileno(),), name="terminal watch", daemon=True
            ).start()
        self.push_screen(self.library_screen)
        self.load_library()

    def _handle_stop_signals(self, *, install: bool) -> None:
        """SIGTERM, SIGHUP from a closed terminal or SIGINT end the app as quitting does (the analysis
        process stopped, nothing left behind), with the exit status 128 + the signal's number."""
        loop = asyncio.get_running_loop()
        for signum in STOP_SIGNALS:
            try:
                if install:
                    loop.add_signal_handler(signum, partial(self.exit, None, 128 + signum))
                else:
                    loop.remove_signal_handler(signum)
            except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no such signal here
                return

    def _watch_terminal(self, terminal: int) -> None:
        """End the app when its terminal has gone without a SIGHUP reaching it: under `make run`,
        make leads the terminal's session and takes the hangup. Textual's input thread then spins
        on the end of its input, its output thread dies writing to the dead terminal, and the UI
        thread blocks on the full write queue — so this is a thread, and it does not go through
        `exit`, which would wait on that queue too. The store loses nothing: every save is atomic
        and on disk when it returns."""
        while True:
            time.sleep(TERMINAL_CHECK_S)
            try:
                termios.tcgetattr(terminal)
            except (termios.error, OSError):
                break
        if self.analysis_process is not None:
            self.analysis_process.close()
        os._exit(128 + signal.SIGHUP)

    def _tell_screens(self, message_type: type[Message]) -> None:
        """Post a fresh message of this type to every screen on the stack; each redraws from the session."""
        for screen in self.screen_stack:
            screen.post_message(message_type())

    # ----- the library ----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="library")
    def load_library(self) -> None:
        session = self.session
        scan = session.library.scan(progress=self._show_partial_scan)
        store = None
        if session.store is None:
            from ..annotations import AnnotationStore  # here, in the worker: its import need not delay the first rows

            store = AnnotationStore.open(session.library, author=session.settings.author)
        self.post_message(LibraryLoaded(scan, store))
        worker = get_current_worker()  # cancelled when the app quits: quitting never waits for the index
        session.library.index_texts(stop=lambda: worker.is_cancelled)  # a first run's full-text index

    def _show_partial_scan(self, partial: LibraryScan) -> None:
        """Called in the library worker while a scan reads on."""
        self.post_message(LibraryReading(partial))

    def on_library_reading(self, message: LibraryReading) -> None:
        """Show the first rows of a large library while the rest is read; a reload (the whole
        library shown already) is not shown in parts."""
        session = self.session
        if session.scan.complete and session.scan.articles:
            return
        session.scan = message.scan
        self._tell_screens(LibraryChanged)

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        session = self.session
        session.scan = message.scan
        if message.store is not None:
            session.store = message.store
            from ..annotations import History

            session.history = History(message.store)
            self._report_store_state()
            self.set_interval(STORE_CHECK_S, self.check_store)
        elif session.store is not None:
            self.check_store()
        self._tell_screens(LibraryChanged)
        if message.store is not None:  # the first scan
            threading.Thread(target=self._read_cached_analyses, args=(message.scan.articles,), daemon=True).start()
            self.start_analysis()
            self.set_timer(WARM_IMPORTS_AFTER_S, self._warm_compare_screen)
        else:
            if session.analyses:
                self._rebuild_library_analysis()
            self.analyze(session.scan.articles)

    def on_reload_library(self, message: ReloadLibrary) -> None:
        self.load_library()

    def _warm_compare_screen(self) -> None:
        """Import the compare screen in a thread once the whole table has shown: what Enter opens
        next then does not wait for its modules (a tenth of a second, half of it compiling their
        source where no bytecode is cached)."""
        threading.Thread(
            target=importlib.import_module, args=(".screens.compare", __package__), name="warm imports", daemon=True
        ).start()

    def on_open_articles(self, message: OpenArticles) -> None:
        from .screens.compare import CompareScreen  # imported already once the table showed (_warm_compare_screen)

        by_id = {a.id: a for a in self.session.scan.articles}
        articles = [by_id[i] for i in message.article_ids if i in by_id]
        if articles:
            self._opened.update(article.id for article in articles)
            self.push_screen(CompareScreen(self.session, articles))

    def on_open_passage(self, message: OpenPassage) -> None:
        article = self.session.article(message.article_id)
        if article is None:
            self.notify(f"{message.article_id} is not in the library any more", severity="warning", markup=False)
            return
        from .screens.compare import CompareScreen

        self._opened.add(article.id)
        screen = CompareScreen(self.session, [article])
        self.push_screen(screen)
        jump = JumpTo(article.id, message.start, message.end)
        self.call_after_refresh(screen.post_message, jump)

    # ----- the annotation store, shared with other windows and processes ---------------------

    def check_store(self) -> None:
        """Pick up what other windows, the CLI or an import saved, and tell the screens.

        Cheap when nothing changed (one open of the change log); runs every STORE_CHECK_S.
        """
        store = self.session.store
        if store is None or not store.reload_if_changed():
            return
        self._report_store_state()
        self._tell_screens(StoreChanged)

    def _report_store_state(self) -> None:
        """Problems (read-only), warnings (files not loaded) and new conflicts, each shown once."""
        store = self.session.store
        if store is None:
            return
        for problem in store.problems:
            if problem not in self._store_notices:
                self._store_notices.add(problem)
                self.notify(f"Annotations are read-only: {problem}", severity="error", timeout=20, markup=False)
        for warning in store.warnings:
            if warning not in self._store_notices:
                self._store_notices.add(warning)
                self.notify(f"Annotations: {warning}", severity="warning", timeout=20, markup=False)
        count = len(store.conflicts())
        if count > self._conflicts_shown:
            self.notify(
                f"{plural(count, 'annotation')} {'have' if count != 1 else 'has'} conflicting versions (both kept): "
                "the Notes panel (A) marks them, r there picks one",
                severity="warning",
                timeout=20,
                markup=False,
            )
        self._conflicts_shown = count

    # ----- the language pipeline and the analysis ---------------------------------------------

    def _read_cached_analyses(self, articles: Iterable[Article]) -> None:
        """Show what was analysed before at once: the cache needs no spaCy, only the fingerprint."""
        settings = self.session.settings
        fingerprint = peek_fingerprint(settings.model)
        if fingerprint is None:
            return
        cache = AnalysisCache(settings.cache_dir)
        found = {a.id: hit for a in articles if (hit := cache.get(a, fingerprint)) is not None}
        if found:
            with suppress(RuntimeError):  # the app has quit
                self.call_from_thread(self.post_message, AnalysesReady(found, []))

    def start_analysis(self) -> None:
        """spaCy loads and runs in its own process: the library and the texts stay responsive."""
        from ..analysis.service import AnalysisProcess  # here: after the first rows, not before them

        settings = self.session.settings
        self.analysis_process = AnalysisProcess(
            settings.model, settings.cache_dir, self._pipeline_from_thread, self._report_analyses
        )

    def _pipeline_from_thread(self, info: dict[str, Any] | None, text: str | None) -> None:
        self._post_from_thread(PipelineReady(PipelineInfo(**info) if info is not None else None, text or ""))

    def _post_from_thread(self, message: Message) -> None:
        """For the analysis relay thread; RuntimeError tells it the app has quit."""
        if not self.is_running:
            raise RuntimeError("the app has quit")
        self.call_from_thread(self.post_message, message)

    def on_pipeline_ready(self, message: PipelineReady) -> None:
        session = self.session
        if message.info is None:
            session.analysis_status = "no language pipeline: " + message.text
            self.notify(message.text, title="No analysis", severity="error", timeout=20, markup=False)
            self._tell_screens(AnalysisChanged)
            return
        session.pipeline = message.info
        if message.text:
            self.notify(message.text, severity="warning", timeout=15, markup=False)
        session.analysis_status = message.info.label
        opened_first = sorted(session.scan.articles, key=lambda a: a.id not in self._opened)
        self.analyze(opened_first)

    def on_unmount(self) -> None:
        self.key_pacer.stop()
        self._handle_stop_signals(install=False)
        if self.analysis_process is not None:
            self.analysis_process.close()

    def on_analyse_articles(self, message: AnalyseArticles) -> None:
        self._opened.update(article.id for article in message.articles)
        self.analyze(message.articles, first=True)

    def analyze(self, articles: Iterable[Article], *, first: bool = False) -> None:
        """Analyse (or read from the cache) the articles not analysed in their current version;
        `first`: before those submitted earlier (articles the reader opened).

        Articles longer than AUTO_ANALYSE_WORDS are left alone: the reader can still read them,
        and the CLI (`reader analyze ID`) analyses them on request.
        """
        session = self.session
        if session.pipeline is None or self.analysis_process is None:
            return  # queued when the pipeline is ready
        pending = [a for a in articles if (known := session.analyses.get(a.id)) is None or known.version != a.version]
        too_long = [a for a in pending if a.words > AUTO_ANALYSE_WORDS]
        for article in too_long:
            self.notify(
                f"{article.id}: {article.words:,} words — too long to analyse in the app; `reader analyze {article.id}` does it",
                severity="warning",
                markup=False,
            )
        if self.analysis_process.submit([a for a in pending if a.words <= AUTO_ANALYSE_WORDS], first=first):
            session.analysis_status = "analysing …"
            self._tell_screens(AnalysisChanged)

    def _report_analyses(self, batch: dict[str, ArticleAnalysis], failures: list[str]) -> None:
        """Called in the analysis thread: hand the results to the app's thread."""
        self._post_from_thread(AnalysesReady(batch, failures))

    def on_analyses_ready(self, message: AnalysesReady) -> None:
        for failure in message.failures:
            self.notify(failure, severity="error", markup=False)
        self.session.analyses.update(message.analyses)
        self._rebuild_library_analysis()

    def _rebuild_library_analysis(self) -> None:
        """From the analyses of the articles in the library now, in their current version: an
        article removed since (a reload) leaves the names, the quote groups and the count.

        Coalesced: a build takes long in a large library (and holds the GIL the UI needs), so while
        one runs (and for a pause after it), the batches arriving meanwhile only mark it stale; one
        build follows.
        """
        if self._library_analysis_building:
            self._library_analysis_stale = True
            return
        self._library_analysis_building, self._library_analysis_stale = True, False
        self._library_analysis_began = time.monotonic()
        session = self.session
        current = {a.id: a.version for a in session.scan.articles}
        usable = [a for article_id, a in session.analyses.items() if current.get(article_id) == a.version]
        threading.Thread(
            target=self._build_library_analysis, args=(usable,), name="library analysis", daemon=True
        ).start()

    def _build_library_analysis(self, analyses: list[ArticleAnalysis]) -> None:
        """Names, roles and quote groups across articles: the longer the library, the longer this takes
        (a minute and more for thousands of analyses). In a daemon thread, not a Textual worker:
        quitting never waits for it (the event loop's executor, which runs thread workers, is
        joined at exit, and a build cannot be stopped halfway)."""
        from ..analysis.library_analysis import LibraryAnalysis  # here: its rules' import can wait past start-up

        built = LibraryAnalysis(analyses)
        with suppress(RuntimeError):  # the app has quit meanwhile
            self._post_from_thread(LibraryAnalysisBuilt(built, len(analyses)))

    def _library_analysis_rested(self) -> None:
        """The pause after a build is over: build again if analyses arrived since."""
        self._library_analysis_building = False
        if self._library_analysis_stale:
            self._rebuild_library_analysis()

    def on_library_analysis_built(self, message: LibraryAnalysisBuilt) -> None:
        took = time.monotonic() - self._library_analysis_began
        self.set_timer(max(LIBRARY_ANALYSIS_PAUSE_S, LIBRARY_ANALYSIS_DUTY * took), self._library_analysis_rested)
        session = self.session
        session.library_analysis = message.library_analysis
        if session.pipeline is not None and self.analysis_process is not None and not self.analysis_process.busy:
            session.analysis_status = f"{session.pipeline.label} · {message.analysed} analysed"
        self._tell_screens(AnalysisChanged)

    # ----- help, the palette and exports -------------------------------------------------------

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from screen_commands(screen)
        from ..exchange import FORMATS  # here, as in _export: the formats' modules can wait past start-up

        for fmt, label in EXPORT_LABELS.items():
            yield SystemCommand(
                f"Export annotations as {label}",
                f"write every annotation to annotations/exports/<time>.{FORMATS[fmt][1]}",
                partial(self.action_export, fmt),
            )

    def action_export(self, fmt: str) -> None:
        """Export every annotation in a worker, from a snapshot of the store taken now."""
        store = self.session.store
        if store is None:
            self.notify("The annotation store is still loading.", severity="warning")
            return
        self._export(store.snapshot(), fmt, tuple(store.codebook()))

    @work(thread=True, group="export", description="export")  # not the repr of every annotation
    def _export(self, snapshot: StoreSnapshot, fmt: str, codes: tuple[Code, ...]) -> None:
        from ..annotations import StoreError
        from ..exchange import export_to_directory
        from ..exchange.csv_table import locale_delimiter

        try:
            # the palette's CSV is for the spreadsheet on this machine: its locale's delimiter
            path = export_to_directory(snapshot, self.session.library, fmt, codes, csv_delimiter=locale_delimiter())
        except StoreError as error:
            self.post_message(ExportFinished(None, 0, str(error)))
            return
        self.post_message(ExportFinished(path, len(snapshot)))

    def on_export_finished(self, message: ExportFinished) -> None:
        if message.path is None:
            self.notify(message.error, severity="error", markup=False)
            return
        root = self.session.library.root
        shown = message.path.relative_to(root) if message.path.is_relative_to(root) else message.path
        count = message.count
        self.notify(f"Exported {plural(count, 'annotation')} to {shown}", title="Export", markup=False)
