"""The compare screen: one to four articles side by side, each scrolling on its own.

The columns live in a ColumnDeck (widgets/column_deck.py), which turns them into tabs on a
terminal too narrow for them; the annotation keys are AnnotationActions (annotation_actions.py).
The screen draws the session's analysis and annotations over the columns, and redraws when the
app tells it (AnalysisChanged, StoreChanged).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Click, Resize
from textual.screen import Screen
from textual.widgets import Static

from ...analysis import LibraryAnalysis
from ...annotations.tags import tag_colour
from ...articles import Article
from ...framing import FramingReport, framing_report
from ..highlights import (
    HighlightedQuote,
    annotation_highlights,
    boilerplate_highlights,
    entity_highlights,
    focus_highlights,
    legend,
    passage_highlights,
    quote_highlights,
)
from ..messages import (
    AnalyseArticles,
    AnalysisChanged,
    EntityChosen,
    JumpTo,
    QuoteGroupChosen,
    ResolveConflict,
    StoreChanged,
    TagChosen,
)
from ..session import Session
from ..widgets.article_column import ArticleColumn
from ..widgets.column_deck import ColumnDeck
from ..widgets.compare_pane import ComparePane
from ..widgets.key_hints import KeyHints
from ..widgets.names_pane import NamesPane
from ..widgets.notes_pane import NotesPane
from ..widgets.quotes_pane import QuotesPane
from ..widgets.reading_view import ReadingView
from ..widgets.side_panel import SidePanel
from ..widgets.tags_pane import TagsPane
from .annotation_actions import AnnotationActions
from .picker import ArticlePicker, related_scores
from .quote_group import QuoteGroupScreen

MAX_COLUMNS = 4
MIN_COLUMN_WIDTH = 44
PANEL_WIDTH = 50
RELATED_NOTICE_AT = 500  # a library this big may take a moment the first time (the related index is built)
PANE_LISTS = {
    "notes": "#notes-list",
    "tags": "#tags-list",
    "names": "#names-list",
    "quotes": "#quotes-list",
    "compare": "ComparePane",
}


class CompareScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "cycle_column(1)", "Next column"),
        Binding("shift+tab", "cycle_column(-1)", "Previous column", show=False),
        Binding("o", "add_article", "Add article"),
        Binding("x", "close_column", "Close column"),
        Binding("1", "toggle_layer('entity')", "Names on/off", show=False),
        Binding("2", "toggle_layer('quote')", "Quotes on/off", show=False),
        Binding("3", "toggle_layer('annotation')", "Notes on/off", show=False),
        Binding("e", "panel('names')", "Names"),
        Binding("z", "panel('quotes')", "Quotes"),
        Binding("n", "jump_focus(1)", "Next mention", show=False),
        Binding("N", "jump_focus(-1)", "Previous mention", show=False),
        Binding("c", "compare_quote", "Compare wording", show=False),
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
        Binding("q,escape", "back", "Back"),
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
        self.framing: FramingReport | None = None  # how the open articles frame the story (the Compare tab)

    def compose(self) -> ComposeResult:
        yield SidePanel()
        yield self.deck
        yield Static(Text(""), id="legend")
        yield KeyHints()

    def on_mount(self) -> None:
        self._apply_width(self.size.width)
        if self.columns:
            self.columns[0].view.focus()
        self.refresh_annotations()
        self.call_after_refresh(self.refresh_analysis)  # the text first, its highlights right after

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
        """Draw entity and quote layers from the library's analysis; the text was there already."""
        library_analysis = self.library_analysis
        for column in self.columns:
            view = column.view
            if library_analysis is not None and column.article.id in library_analysis.article_ids:
                analysis = library_analysis.article(column.article.id)
                if analysis.version == column.article.version:
                    view.set_layer("entity", entity_highlights(analysis, library_analysis))
                    view.set_layer("quote", quote_highlights(analysis, library_analysis))
                    view.set_layer("structure", boilerplate_highlights(analysis))
                    view.set_sentences([(s.start, s.end) for s in analysis.sentences])
        self._refresh_framing()  # before the status lines: they tell the passage under the cursor too
        for column in self.columns:
            column.set_status(column.describe_cursor())
        self._refresh_focus()
        if self.query_one(SidePanel).shown:
            open_ids = [a.id for a in self.open_articles()]
            self.query_one(NamesPane).show(library_analysis, open_ids)
            self.query_one(QuotesPane).show(library_analysis, self.session.scan.articles, open_ids)
            self.query_one(ComparePane).show(self.framing)
        self.refresh_legend()

    def _refresh_framing(self) -> None:
        """The comparison of the open articles that have their analysis, and its passage layer."""
        library_analysis = self.library_analysis
        analysed = [
            column.article
            for column in self.columns
            if library_analysis is not None
            and column.article.id in library_analysis.article_ids
            and library_analysis.article(column.article.id).version == column.article.version
        ]
        self.framing = framing_report(library_analysis, analysed) if library_analysis and analysed else None
        analysed_ids = {a.id for a in analysed}
        for column in self.columns:
            shown = len(analysed) > 1 and column.article.id in analysed_ids
            passages = passage_highlights(self.framing, column.article.id) if self.framing and shown else []
            column.view.set_layer("passage", passages)

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
        column = self.focused_column() or (self.columns[0] if self.columns else None)
        if column is not None:
            column.view.focus()
            self.action_jump_focus(1)

    def action_jump_focus(self, step: int) -> None:
        column = self.focused_column()
        if column is None:
            return
        starts = sorted({h.start for h in column.view.highlights("focus")})
        if not starts:
            self.notify("Choose a name in the names panel (e) to follow its mentions.", severity="warning")
            return
        target = _next_start(starts, column.view.cursor, step)
        column.view.move_cursor(target)
        column.view.scroll_to_offset(target)

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

        self.app.push_screen(QuoteGroupScreen(library_analysis.group(message.group_id), articles), go)

    # ----- annotations --------------------------------------------------------------------

    def refresh_annotations(self) -> None:
        """Redraw every column's annotation layer and the notes and tags panes from the store."""
        store = self.session.store
        if store is None:
            return
        colours = store.code_colours()
        for column in self.columns:
            column.view.set_layer("annotation", annotation_highlights(store.for_article(column.article), colours))
            column.set_status(column.describe_cursor())
        if not self.query_one(SidePanel).shown:
            return
        articles = list(self.session.scan.articles)
        open_ids = [a.id for a in self.open_articles()]
        self.query_one(NotesPane).show(store.anchor_all(articles), articles, open_ids, store.conflicts())
        tags = store.tags()
        self.query_one(TagsPane).show(tags, {tag: tag_colour(tag) for tag, _ in tags})

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
        column.view.select(message.start, message.end)
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
        self.set_class(width < MIN_COLUMN_WIDTH * max(1, len(self.columns)) and len(self.columns) > 1, "narrow")

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

    def action_back(self) -> None:
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
