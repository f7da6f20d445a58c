"""The compare screen: one to four articles side by side, each scrolling on its own.

The columns live in a ColumnDeck (widgets/column_deck.py), which turns them into tabs on a
terminal too narrow for them; the annotation keys are AnnotationActions (annotation_actions.py).
The screen draws the session's analysis and annotations over the columns, and redraws when the
app tells it (AnalysisChanged, StoreChanged).
"""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Click, Resize
from textual.screen import Screen
from textual.widgets import Static

from ...analysis import ArticleAnalysis, LibraryAnalysis
from ...annotations.tags import tag_colour, tag_key
from ...articles import Article
from ...collector import CollectorPause
from ...framing import FramingReport, framing_report
from ...text.search import find_all, next_hit
from ...text.terminal import safe_line
from ..highlights import (
    HighlightedEntity,
    HighlightedQuote,
    analysis_layers,
    annotation_highlights,
    focus_highlights,
    legend,
    passage_highlights,
    search_highlights,
)
from ..messages import (
    AnalyseArticles,
    AnalysisChanged,
    ColumnsStyled,
    EntityChosen,
    JumpTo,
    QuoteGroupChosen,
    ReloadLibrary,
    ResolveConflict,
    StoreChanged,
    TagChosen,
)
from ..session import Session
from ..widgets.article_column import ArticleColumn
from ..widgets.column_deck import ColumnDeck
from ..widgets.compare_pane import ComparePane
from ..widgets.fitted_line import FittedLine
from ..widgets.key_hints import KeyHints
from ..widgets.names_pane import NamesPane
from ..widgets.notes_pane import NotesPane
from ..widgets.quotes_pane import QuotesPane
from ..widgets.reading_view import ReadingView
from ..widgets.search_bar import SearchAsked, SearchBar
from ..widgets.side_panel import SidePanel
from ..widgets.tags_pane import TagsPane
from .annotation_actions import AnnotationActions
from .metadata_editor import edit_metadata
from .picker import ArticlePicker, related_scores
from .quote_group import QuoteGroupScreen

MAX_COLUMNS = 4
MIN_COLUMN_WIDTH = 44
PANEL_WIDTH = 50
OPEN_GC_PAUSE_LIMIT_S = 2.0  # the collector resumes once the columns are styled, at the latest after this
RELATED_NOTICE_AT = 500  # a library this big may take a moment the first time (the related index is built)
PANE_LISTS = {
    "notes": "#notes-list",
    "tags": "#tags-list",
    "names": "#names-list",
    "quotes": "#quotes-list",
    "compare": "ComparePane",
}


class CompareScreen(Screen[None]):
    AUTO_FOCUS = "ReadingView"  # the first column's, as it is composed: not a hidden Tab first, then the view
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "cycle_column(1)", "Next column"),
        Binding("shift+tab", "cycle_column(-1)", "Previous column", show=False),
        Binding("o", "add_article", "Add article"),
        Binding("x", "close_column", "Close column"),
        Binding("m", "edit_metadata", "Details", show=False),
        Binding("1", "toggle_layer('entity')", "Names on/off", show=False),
        Binding("2", "toggle_layer('quote')", "Quotes on/off", show=False),
        Binding("3", "toggle_layer('annotation')", "Notes on/off", show=False),
        Binding("P", "panel('names')", "Names"),
        Binding("z", "panel('quotes')", "Quotes"),
        Binding("slash", "search(False, False)", "Search", show=False),
        Binding("backslash", "search(True, False)", "Search backward", show=False),
        Binding("F", "search(False, True)", "Search every column", show=False),
        Binding("n", "next_hit(1)", "Next hit or mention", show=False),
        Binding("N", "next_hit(-1)", "Previous hit or mention", show=False),
        Binding("c", "compare_quote", "Compare wording", show=False),
        Binding("S", "sync_scroll", "Scroll the columns together on/off", show=False),
        Binding("equals_sign", "align", "Align the columns at this quotation or name", show=False),
        Binding("a", "annotate('selection')", "Annotate"),
        Binding("s", "annotate('sentence')", "Annotate sentence", show=False),
        Binding("E", "annotate('entity')", "Annotate name", show=False),
        Binding("Z", "annotate('quote')", "Annotate quote", show=False),
        Binding("i", "edit_annotation", "Edit note", show=False),
        Binding("D", "delete_annotation", "Delete note", show=False),
        Binding("u", "undo", "Undo", show=False),
        Binding("U,ctrl+r", "redo", "Redo", show=False),
        Binding("right_square_bracket", "jump_annotation(1)", "Next note", show=False),
        Binding("left_square_bracket", "jump_annotation(-1)", "Previous note", show=False),
        Binding("A", "panel('notes')", "Notes"),
        Binding("T", "panel('tags')", "Tags", show=False),
        Binding("f", "panel('compare')", "Compare"),
        Binding("p", "jump_passage", "Other version", show=False),
        Binding("escape", "escape", "Back", show=False),
        Binding("q", "back", "Back"),
        Binding("question_mark", "app.help", "Help"),
    ]
    DEFAULT_CSS = """
    CompareScreen > #legend { height: 1; padding: 0 1; background: $panel; }
    CompareScreen.narrow ColumnDeck > Tabs { display: block; }
    CompareScreen.narrow ArticleColumn { display: none; border-right: none; }
    CompareScreen.narrow ArticleColumn.active { display: block; }
    """

    def __init__(self, session: Session, articles: list[Article]) -> None:
        super().__init__()
        self.session = session
        self.deck = ColumnDeck(articles[:MAX_COLUMNS])
        self.annotating = AnnotationActions(self)
        self.layer_switches = {"entity": True, "quote": True, "annotation": True}
        self.followed: str | None = None  # the entity key whose mentions are in the focus layer
        self.search_query = ""  # the last search, its hits in each column's search layer
        self.search_backward = False
        self.n_moves = "search"  # what n / N move through: the last search or the followed name's mentions
        self.synchronised = False  # S: scrolling one column scrolls the others by as many lines
        self.framing: FramingReport | None = None  # how the open articles frame the story (the Compare tab)
        self._styling = 0  # which refresh_analysis the worker's layers belong to
        self._styled = 0  # the last one whose layers are drawn
        self._opening = CollectorPause()  # from composing until the columns are styled and drawn

    def compose(self) -> ComposeResult:
        self._opening.pause()
        yield SidePanel()
        yield self.deck
        yield SearchBar()
        yield FittedLine(id="legend")
        yield KeyHints()

    def on_mount(self) -> None:
        self._apply_width(self.size.width)
        if self.columns and self.focused is not self.columns[0].view:
            self.columns[0].view.focus()
        self.refresh_annotations()
        self.call_after_refresh(self.refresh_analysis)  # the text first, its highlights right after
        self.set_timer(OPEN_GC_PAUSE_LIMIT_S, self._opening.resume)

    def on_unmount(self) -> None:
        self._opening.resume()

    @property
    def columns(self) -> list[ArticleColumn]:
        return self.deck.columns

    def open_articles(self) -> list[Article]:
        return self.deck.articles

    def focused_column(self) -> ArticleColumn | None:
        return self.deck.focused_column()

    # ----- analysis -----------------------------------------------------------------------

    @property
    def library_analysis(self) -> LibraryAnalysis | None:
        return self.session.library_analysis

    def on_analysis_changed(self, message: AnalysisChanged) -> None:
        self.refresh_analysis()

    def refresh_analysis(self) -> None:
        """Draw entity and quote layers from the library's analysis; the text was there already.

        The lines on screen (and a screen either side) are styled at once; every layer of the
        whole text, and the comparison of the open articles (which a 50,000-word article needs
        a second for), come from a worker (`ColumnsStyled`). The comparison is made when it is
        shown: passages shared by two or more analysed columns, or the side panel open."""
        library_analysis = self.library_analysis
        analysed = self._analysed_columns()
        for column, analysis in analysed:
            assert library_analysis is not None
            column.view.set_layers(analysis_layers(analysis, library_analysis, column.view.visible_span()))
            column.view.set_sentences([(s.start, s.end) for s in analysis.sentences])
        self._styling += 1
        if library_analysis is not None and analysed:
            compared = len(analysed) > 1 or self.query_one(SidePanel).shown
            self._style_in_background(library_analysis, [(c.article, a) for c, a in analysed], compared, self._styling)
        else:
            self._styled = self._styling
            self._show_framing(None)
            self.call_after_refresh(self._opening.resume)
        self._show_analysis(library_analysis)

    @property
    def styled(self) -> bool:
        """Whether every layer of the whole text is drawn (not only the lines that were on screen)."""
        return self._styled == self._styling

    def _analysed_columns(self) -> list[tuple[ArticleColumn, ArticleAnalysis]]:
        """The open columns whose current text the library's analysis covers, with their analysis."""
        library_analysis = self.library_analysis
        if library_analysis is None:
            return []
        analysed = []
        for column in self.columns:
            if column.article.id in library_analysis.article_ids:
                analysis = library_analysis.article(column.article.id)
                if analysis.version == column.article.version:
                    analysed.append((column, analysis))
        return analysed

    # a description of its own: Textual's default is the repr of every argument (the whole analysis)
    @work(thread=True, exclusive=True, group="compare-styling", description="styling the open columns")
    def _style_in_background(
        self,
        library_analysis: LibraryAnalysis,
        analysed: list[tuple[Article, ArticleAnalysis]],
        compared: bool,
        generation: int,
    ) -> None:
        layers = {article.id: analysis_layers(analysis, library_analysis) for article, analysis in analysed}
        framing = framing_report(library_analysis, [article for article, _ in analysed]) if compared else None
        self.post_message(ColumnsStyled(generation, layers, framing))

    def on_columns_styled(self, message: ColumnsStyled) -> None:
        if message.generation != self._styling:
            return  # the analysis or the columns changed meanwhile: a newer styling is on its way
        self._styled = message.generation
        for column in self.columns:
            layers = message.layers.get(column.article.id)
            if layers is not None:
                column.view.set_layers(layers)
        self._show_framing(message.framing)
        for column in self.columns:  # the status tells the highlights under the cursor
            column.set_status(column.describe_cursor())
        if self.query_one(SidePanel).shown:  # the names and quotes panes were filled already
            self.query_one(ComparePane).show(self.framing)
        self.call_after_refresh(self._opening.resume)

    def _show_framing(self, framing: FramingReport | None) -> None:
        """The comparison of the open articles that have their analysis, and its passage layer."""
        self.framing = framing
        analysed_ids = set(framing.article_ids) if framing is not None else set()
        for column in self.columns:
            shown = len(analysed_ids) > 1 and column.article.id in analysed_ids
            passages = passage_highlights(framing, column.article.id) if framing and shown else []
            column.view.set_layer("passage", passages)

    def _show_analysis(self, library_analysis: LibraryAnalysis | None) -> None:
        """Status lines, the followed name, the side panel's panes and the legend, from the analysis."""
        for column in self.columns:
            column.set_status(column.describe_cursor())
        self._refresh_focus()
        if self.query_one(SidePanel).shown:
            open_ids = [a.id for a in self.open_articles()]
            self.query_one(NamesPane).show(library_analysis, open_ids)
            self.query_one(QuotesPane).show(library_analysis, self.session.scan.articles, open_ids)
            self.query_one(ComparePane).show(self.framing)
        self.refresh_legend()

    def action_jump_passage(self) -> None:
        """From a shared sentence to the same passage in the next open outlet that has it."""
        column = self.focused_column()
        cluster = (
            self.framing.shared.cluster_at(column.article.id, column.view.cursor) if column and self.framing else None
        )
        if column is None or cluster is None:
            self.notify("Not on a shared sentence (≡ in the gutter; f shows the comparison).", severity="warning")
            return
        order = [c.article.id for c in self.columns]
        members = sorted((m for m in cluster.members if m.article_id in order), key=lambda m: order.index(m.article_id))
        here = next(i for i, m in enumerate(members) if m.article_id == column.article.id)
        target = members[(here + 1) % len(members)]
        other = self.deck.column_of(target.article_id)
        if other is None:
            return
        other.view.focus()
        other.view.select(target.start, target.end)
        other.view.scroll_to_offset(target.start, center=True)

    def refresh_legend(self) -> None:
        self.query_one("#legend", Static).update(legend(self.layer_switches, self.session.analysis_status))

    def _refresh_focus(self) -> None:
        library_analysis = self.library_analysis
        entry = library_analysis.entity(self.followed) if library_analysis is not None and self.followed else None
        for column in self.columns:
            spans = entry.mentions.get(column.article.id, ()) if entry is not None else ()
            column.view.set_layer("focus", focus_highlights(spans))

    def action_toggle_layer(self, layer: str) -> None:
        self.layer_switches[layer] = not self.layer_switches[layer]
        for column in self.columns:
            column.view.set_layer_visible(layer, self.layer_switches[layer])
        self.refresh_legend()

    def on_entity_chosen(self, message: EntityChosen) -> None:
        self.followed = None if self.followed == message.key else message.key
        self._refresh_focus()
        if self.followed is None:
            self.notify("Stopped following.")
            return
        library_analysis = self.library_analysis
        entry = library_analysis.entity(self.followed) if library_analysis else None
        name = entry.name if entry else self.followed
        counts = ", ".join(str(entry.count(c.article.id)) for c in self.columns) if entry else ""
        self.notify(f"Following {name}: {counts} mentions by column; n / N jump", markup=False)
        self.n_moves = "mentions"
        column = self.focused_column() or (self.columns[0] if self.columns else None)
        if column is not None:
            column.view.focus()
            self.action_jump_focus(1)

    def action_jump_focus(self, step: int) -> None:
        column = self.focused_column()
        if column is None:
            return
        spans = sorted({(h.start, h.end) for h in column.view.highlights("focus")})
        if not spans:
            self.notify("Choose a name in the names panel (P) to follow its mentions.", severity="warning")
            return
        found = next_hit(spans, column.view.cursor, step)
        assert found is not None
        index, wrapped = found
        self._go_to(column, spans[index][0], f"mention {index + 1}/{len(spans)}", wrapped, step)

    def _go_to(self, column: ArticleColumn, offset: int, position: str, wrapped: bool, step: int) -> None:
        """Move the cursor to a hit or mention; the status line says which, and when n / N wrapped."""
        if wrapped:
            position += " — wrapped to the top" if step > 0 else " — wrapped to the bottom"
        column.position = position
        column.view.move_cursor(offset)
        column.view.scroll_to_offset(offset)
        column.set_status(column.describe_cursor())

    # ----- scrolling the columns together ----------------------------------------------------

    def action_sync_scroll(self) -> None:
        self.synchronised = not self.synchronised
        if self.synchronised:
            self.notify("The columns scroll together (S again: each on its own); = aligns them at a quotation or name.")
        else:
            self.notify("Each column scrolls on its own.")

    def on_reading_view_scrolled(self, message: ReadingView.Scrolled) -> None:
        if not self.synchronised:
            return
        for column in self.columns:
            view = column.view
            if view is not message.view:
                view.scroll_to(y=view.scroll_offset.y + message.lines, animate=False, immediate=True)

    def action_align(self) -> None:
        """=: every column shows its rendering of the quotation under the cursor (its quote group),
        or else its first mention of the name under the cursor, on the same row as here."""
        column = self.focused_column()
        library_analysis = self.library_analysis
        if column is None or library_analysis is None:
            self.notify("Nothing to align by yet: the analysis is not ready.", severity="warning")
            return
        view = column.view
        under = [h.data for h in view.highlights_at(view.cursor)]
        groups = [d.group for d in under if isinstance(d, HighlightedQuote) and d.group]
        targets: dict[str, int] = {}
        if groups:
            for member in library_analysis.group(groups[-1]).members:
                targets.setdefault(member.article_id, member.quote.start)
            what = "quotation"
        else:
            names = [d.entity.key for d in under if isinstance(d, HighlightedEntity)]
            entry = library_analysis.entity(names[-1]) if names else None
            if entry is None:
                self.notify("Put the cursor on a quotation other outlets render, or on a name.", severity="warning")
                return
            targets = {article_id: spans[0][0] for article_id, spans in entry.mentions.items() if spans}
            what = f"first mention of {entry.name}"
        row = view.cursor_row()
        missing = []
        for other in self.columns:
            if other is column:
                continue
            if other.article.id in targets:
                other.view.show_at_row(targets[other.article.id], row)
            else:
                missing.append(str(self.columns.index(other) + 1))
        note = f"; not in column {', '.join(missing)}" if missing else ""
        self.notify(safe_line(f"Aligned at the {what}{note}."), markup=False)

    # ----- search -------------------------------------------------------------------------

    async def action_search(self, backward: bool, every_column: bool) -> None:
        if self.columns:
            await self.query_one(SearchBar).open(backward=backward, every_column=every_column, last=self.search_query)

    def on_search_asked(self, message: SearchAsked) -> None:
        column = self.focused_column() or (self.columns[0] if self.columns else None)
        if column is not None:
            column.view.focus()
        if message.query is None or column is None:
            return
        query = " ".join(message.query.split())
        if not query:
            self.clear_search()
            return
        self.search_query, self.search_backward, self.n_moves = query, message.backward, "search"
        searched = self.columns if message.every_column else [column]
        for other in self.columns:
            other.search_hits = find_all(other.article.body, query) if other in searched else []
            other.view.set_layer("search", search_highlights(other.search_hits))
            other.position = ""
            other.set_status(other.describe_cursor())
        if message.every_column:
            counts = " · ".join(str(len(c.search_hits)) for c in self.columns)
            self.notify(f"„{safe_line(query)}“: {counts} hits by column; n / N move, tab goes to the next column")
        if not column.search_hits:
            self.notify(f"Not found in this article: „{safe_line(query)}“", severity="warning", markup=False)
            return
        self.action_next_hit(1)

    def clear_search(self) -> bool:
        """Drop the current search's hits; False if there were none."""
        had = any(column.search_hits for column in self.columns)
        self.search_query = ""
        for column in self.columns:
            column.search_hits = []
            column.view.set_layer("search", [])
            column.position = ""
            column.set_status(column.describe_cursor())
        return had

    def action_next_hit(self, step: int) -> None:
        """n / N: the next hit of the last search (N the other way; a backward search reverses
        both), or the followed name's next mention if that was chosen last."""
        if self.n_moves == "mentions" or not self.search_query:
            self.action_jump_focus(step)
            return
        column = self.focused_column()
        if column is None:
            return
        if not column.search_hits:  # a column the search did not cover yet (tab after `/`)
            column.search_hits = find_all(column.article.body, self.search_query)
            column.view.set_layer("search", search_highlights(column.search_hits))
        direction = -step if self.search_backward else step
        found = next_hit(column.search_hits, column.view.cursor, direction)
        if found is None:
            column.position = ""
            self.notify(
                f"Not found in this article: „{safe_line(self.search_query)}“", severity="warning", markup=False
            )
            return
        index, wrapped = found
        hits = column.search_hits
        self._go_to(
            column, hits[index][0], f"/{safe_line(self.search_query)} {index + 1}/{len(hits)}", wrapped, direction
        )

    def action_compare_quote(self) -> None:
        column = self.focused_column()
        view = column.view if column is not None else None
        under = [h.data for h in view.highlights_at(view.cursor)] if view is not None else []
        groups = [data.group for data in under if isinstance(data, HighlightedQuote) and data.group]
        if not groups:
            self.notify("The cursor is not on a quotation that other articles render too.", severity="warning")
            return
        self.post_message(QuoteGroupChosen(groups[-1]))

    def on_quote_group_chosen(self, message: QuoteGroupChosen) -> None:
        library_analysis = self.library_analysis
        if library_analysis is None:
            return
        articles = {a.id: a for a in self.session.scan.articles}

        async def go(target: tuple[str, int, int] | None) -> None:
            if target is not None:
                await self.on_jump_to(JumpTo(*target))

        open_ids = [a.id for a in self.open_articles()]
        self.app.push_screen(QuoteGroupScreen(library_analysis.group(message.group_id), articles, open_ids), go)

    # ----- annotations --------------------------------------------------------------------

    def refresh_annotations(self) -> None:
        """Redraw every column's annotation layer and the notes and tags panes from the store."""
        store = self.session.store
        if store is None:
            return
        colours = store.shown_colours()
        for column in self.columns:
            column.view.set_layer("annotation", annotation_highlights(store.for_article(column.article), colours))
            column.set_status(column.describe_cursor())
        if not self.query_one(SidePanel).shown:
            return
        articles = list(self.session.scan.articles)
        open_ids = [a.id for a in self.open_articles()]
        self.query_one(NotesPane).show(store.anchor_all(articles), articles, open_ids, store.conflicts(), colours)
        tags = store.tags()
        self.query_one(TagsPane).show(tags, {tag: colours.get(tag_key(tag), tag_colour(tag)) for tag, _ in tags})

    def on_store_changed(self, message: StoreChanged) -> None:
        """Another window, the CLI or an import changed the store: redraw highlights and panes."""
        self.refresh_annotations()

    def action_annotate(self, target: str) -> None:
        self.annotating.annotate(target)

    def action_edit_annotation(self) -> None:
        self.annotating.edit()

    def action_delete_annotation(self) -> None:
        self.annotating.delete()

    def action_undo(self) -> None:
        self.annotating.undo()

    def action_redo(self) -> None:
        self.annotating.redo()

    def on_resolve_conflict(self, message: ResolveConflict) -> None:
        self.annotating.resolve_conflict(message.annotation_id)

    def action_jump_annotation(self, step: int) -> None:
        column = self.focused_column()
        if column is None:
            return
        starts = sorted({h.start for h in column.view.highlights("annotation")})
        if not starts:
            self.notify("No annotations in this article.")
            return
        column.view.move_cursor(_next_start(starts, column.view.cursor, step))

    # ----- the side panel -----------------------------------------------------------------

    async def action_panel(self, pane: str) -> None:
        panel = self.query_one(SidePanel)
        if panel.shown and panel.active == pane:
            self.action_close_panel()
            return
        await panel.open(pane)
        self._apply_width(self.size.width)
        self.refresh_annotations()
        self.refresh_analysis()
        self.query_one(PANE_LISTS[pane]).focus()

    def action_close_panel(self) -> None:
        panel = self.query_one(SidePanel)
        panel.close()
        self._apply_width(self.size.width)
        column = self.focused_column() or (self.columns[0] if self.columns else None)
        if column:
            column.view.focus()

    async def on_jump_to(self, message: JumpTo) -> None:
        column = self.deck.column_of(message.article_id)
        if column is None:
            article = self.session.article(message.article_id)
            if article is None:
                return
            if len(self.columns) >= MAX_COLUMNS:
                self.notify(f"At most {MAX_COLUMNS} articles side by side; close one with x first.", severity="warning")
                return
            column = await self.add_column(article)
            self.refresh_annotations()
        column.view.focus()
        # the passage selected, the cursor on its first character: `c`, `a`, `i` act on it at once
        column.view.select(message.end, message.start)
        column.view.scroll_to_offset(message.start, center=True)

    async def on_tag_chosen(self, message: TagChosen) -> None:
        self.query_one(NotesPane).set_tag(message.tag)
        await self.action_panel("notes")

    # ----- layout: columns or tabs ----------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        panel = self.query_one(SidePanel)
        if panel.shown:
            width -= panel.outer_size.width or PANEL_WIDTH
        narrow = width < MIN_COLUMN_WIDTH * max(1, len(self.columns)) and len(self.columns) > 1
        if narrow:
            self.deck.show_tabs()
        self.set_class(narrow, "narrow")

    # ----- columns --------------------------------------------------------------------------

    def action_cycle_column(self, step: int) -> None:
        self.deck.cycle(step)

    def action_add_article(self) -> None:
        if len(self.columns) >= MAX_COLUMNS:
            self.notify(f"At most {MAX_COLUMNS} articles side by side; close one with x first.", severity="warning")
            return
        open_ids = {a.id for a in self.open_articles()}
        candidates = [a for a in self.session.scan.articles if a.id not in open_ids]
        if not candidates:
            self.notify("Every article of the library is open already.")
            return
        if len(candidates) > RELATED_NOTICE_AT:
            self.notify("Ranking the library by how likely each article covers the same story …", timeout=3)
        self.run_worker(
            lambda: self._offer_related(candidates), thread=True, exclusive=True, group="related", exit_on_error=False
        )

    def _offer_related(self, candidates: list[Article]) -> None:
        """In a worker: the candidates, likeliest to cover the same story as the open columns first."""
        scores = related_scores(
            self.session.settings.cache_dir, self.session.library.root, self.session.scan.articles, self.open_articles()
        )
        ranked = sorted(candidates, key=lambda a: -scores.get(a.id, 0.0))
        self.app.call_from_thread(self.app.push_screen, ArticlePicker(ranked, scores), self._add_chosen)

    async def _add_chosen(self, article_id: str | None) -> None:
        article = self.session.article(article_id) if article_id is not None else None
        if article is None:
            return
        await self.add_column(article)

    async def add_column(self, article: Article) -> ArticleColumn:
        column = await self.deck.add_column(article)
        self._apply_width(self.size.width)
        column.view.focus()
        self.refresh_annotations()
        self.refresh_analysis()
        self.post_message(AnalyseArticles([article]))
        return column

    async def action_close_column(self) -> None:
        column = self.focused_column()
        if column is None:
            return
        if len(self.columns) == 1:
            self.app.pop_screen()
            return
        await self.deck.remove_column(column)
        self._apply_width(self.size.width)

    def action_edit_metadata(self) -> None:
        """m: the focused article's title, outlet, date and URL, written as its front matter."""
        column = self.focused_column()
        if column is None:
            return

        def saved(article: Article) -> None:
            column.show_details(article)
            self.post_message(ReloadLibrary())

        edit_metadata(self, column.article, saved)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_escape(self) -> None:
        """The innermost thing first: the side panel, the search's hits, then the comparison
        itself (a selection is the reading view's own escape, the search line its own)."""
        if self.query_one(SidePanel).shown:
            self.action_close_panel()
        elif not self.clear_search():
            self.app.pop_screen()

    def on_click(self, event: Click) -> None:
        for column in self.columns:
            in_column = event.widget is column or (event.widget is not None and column in event.widget.ancestors)
            if in_column and not isinstance(event.widget, ReadingView):
                column.view.focus()


def _next_start(starts: list[int], cursor: int, step: int) -> int:
    """The next start after the cursor (step 1) or the one before it (-1), round the ends."""
    after = [s for s in starts if s > cursor] if step > 0 else [s for s in starts if s < cursor]
    return (after[0] if step > 0 else after[-1]) if after else (starts[0] if step > 0 else starts[-1])
