"""The compare screen: one to four articles side by side, each scrolling on its own.

On a terminal too narrow for the columns, they become tabs: the columns stay mounted (keeping
their scroll positions and cursors) and only the active one is displayed.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Static, Tab, Tabs

from ...annotations import (
    Annotation,
    AnnotationError,
    AnnotationNotFound,
    EditConflict,
    RecordGone,
    StoreError,
    TagError,
    locate,
)
from ...annotations.model import clean_note
from ...annotations.tags import tag_colour
from ...articles import Article
from ...text.shortening import cut, one_line
from ...text.terminal import safe_display
from ..highlights import (
    HighlightedAnnotation,
    HighlightedEntity,
    HighlightedQuote,
    annotation_highlights,
    boilerplate_highlights,
    entity_highlights,
    focus_highlights,
    legend,
    quote_highlights,
)
from ..messages import EntityChosen, JumpTo, QuoteGroupChosen, ResolveConflict, StoreChanged, TagChosen
from ..widgets.article_column import ArticleColumn
from ..widgets.key_hints import KeyHints
from ..widgets.names_pane import NamesPane
from ..widgets.notes_pane import NotesPane
from ..widgets.quotes_pane import QuotesPane
from ..widgets.reading_view import ReadingView
from ..widgets.side_panel import SidePanel
from ..widgets.tags_pane import TagsPane
from .annotation_editor import AnnotationDraft, AnnotationEditor, ConfirmDialog
from .conflict import ConflictDialog
from .picker import ArticlePicker
from .quote_group import QuoteGroupScreen

MAX_COLUMNS = 4
MIN_COLUMN_WIDTH = 44
PANEL_WIDTH = 50
SAVE_FAILED = object()  # what _store_call answers when the store refused a change
# a disk or store problem, a passage too long, a tag too long: one line each, and the dialog comes back
SAVE_REFUSALS = (StoreError, AnnotationError, TagError)


class CompareScreen(Screen[None]):
    BINDINGS = [
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
        Binding("q,escape", "back", "Back"),
        Binding("question_mark", "app.help", "Help"),
    ]
    DEFAULT_CSS = """
    CompareScreen > Tabs { display: none; }
    CompareScreen.narrow > Tabs { display: block; }
    CompareScreen > #columns { height: 1fr; }
    CompareScreen > #legend { height: 1; padding: 0 1; background: $panel; }
    CompareScreen.narrow ArticleColumn { display: none; border-right: none; }
    CompareScreen.narrow ArticleColumn.active { display: block; }
    """

    def __init__(self, articles: list[Article], library_articles: list[Article]) -> None:
        super().__init__()
        self.initial = articles[:MAX_COLUMNS]
        self.library_articles = library_articles
        self._serial = 0
        self.layer_switches = {"entity": True, "quote": True, "annotation": True}
        self.followed: str | None = None  # the entity key whose mentions are in the focus layer

    def compose(self) -> ComposeResult:
        columns = [ArticleColumn(article, id=self._next_id()) for article in self.initial]
        yield Tabs(*[_tab_for(column) for column in columns])
        yield SidePanel()
        with Horizontal(id="columns"):
            yield from columns
        yield Static(Text(""), id="legend")
        yield KeyHints()

    def _next_id(self) -> str:
        self._serial += 1
        return f"column-{self._serial}"

    def on_mount(self) -> None:
        self._apply_width(self.size.width)
        if self.columns:
            self.columns[0].view.focus()
        self.refresh_annotations()
        self.call_after_refresh(self.refresh_analysis)  # the text first, its highlights right after

    # ----- analysis -----------------------------------------------------------------------

    @property
    def analysis(self):
        return getattr(self.app, "library_analysis", None)

    def refresh_analysis(self) -> None:
        """Draw entity and quote layers from the library's analysis; the text was there already."""
        library = self.analysis
        for column in self.columns:
            view = column.view
            if library is not None and column.article.id in library.article_ids:
                analysis = library.article(column.article.id)
                if analysis.version == column.article.version:
                    view.set_layer("entity", entity_highlights(analysis, library))
                    view.set_layer("quote", quote_highlights(analysis, library))
                    view.set_layer("structure", boilerplate_highlights(analysis))
                    view.set_sentences([(s.start, s.end) for s in analysis.sentences])
            column.set_status(column.describe_cursor())
        self._refresh_focus()
        if self.query_one(SidePanel).shown:
            open_ids = [a.id for a in self.open_articles()]
            self.query_one(NamesPane).show(library, open_ids)
            self.query_one(QuotesPane).show(library, self.library_articles, open_ids)
        self.refresh_legend()

    def refresh_legend(self) -> None:
        status = getattr(self.app, "analysis_status", "")
        self.query_one("#legend", Static).update(legend(self.layer_switches, status))

    def _refresh_focus(self) -> None:
        library = self.analysis
        entry = library.entity(self.followed) if library is not None and self.followed else None
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
        entry = self.analysis.entity(self.followed) if self.analysis else None
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
        cursor = column.view.cursor
        after = [s for s in starts if s > cursor] if step > 0 else [s for s in starts if s < cursor]
        target = (after[0] if step > 0 else after[-1]) if after else (starts[0] if step > 0 else starts[-1])
        column.view.move_cursor(target)
        column.view.scroll_to_offset(target)

    def _highlighted_under_cursor(self, kind: type):
        column = self.focused_column()
        if column is None:
            return None, []
        view = column.view
        return column, [h for h in view.highlights_at(view.cursor) if isinstance(h.data, kind)]

    def action_compare_quote(self) -> None:
        column, found = self._highlighted_under_cursor(HighlightedQuote)
        groups = [h.data.group for h in found if h.data.group]
        if not groups:
            self.notify("The cursor is not on a quotation that other articles render too.", severity="warning")
            return
        self.post_message(QuoteGroupChosen(groups[-1]))

    def on_quote_group_chosen(self, message: QuoteGroupChosen) -> None:
        library = self.analysis
        if library is None:
            return
        articles = {a.id: a for a in self.library_articles}

        async def go(target: tuple[str, int, int] | None) -> None:
            if target is not None:
                await self.on_jump_to(JumpTo(*target))

        self.app.push_screen(QuoteGroupScreen(library.group(message.group_id), articles), go)

    # ----- annotations --------------------------------------------------------------------

    @property
    def store(self):
        return getattr(self.app, "store", None)

    def refresh_annotations(self) -> None:
        """Redraw every column's annotation layer and the notes and tags panes from the store."""
        store = self.store
        if store is None:
            return
        for column in self.columns:
            column.view.set_layer("annotation", annotation_highlights(store.for_article(column.article)))
            column.set_status(column.describe_cursor())
        if not self.query_one(SidePanel).shown:
            return
        articles = list(self.library_articles)
        open_ids = [a.id for a in self.open_articles()]
        self.query_one(NotesPane).show(store.anchor_all(articles), articles, open_ids, store.conflicts())
        tags = store.tags()
        self.query_one(TagsPane).show(tags, {tag: tag_colour(tag) for tag, _ in tags})

    def on_store_changed(self, message: StoreChanged) -> None:
        """Another window, the CLI or an import changed the store: redraw highlights and panes."""
        self.refresh_annotations()

    def _writable_store(self):
        store = self.store
        if store is None:
            self.notify("The annotation store is still loading.", severity="warning")
            return None
        if store.read_only:
            self.notify(f"Annotations are read-only: {store.problems[0]}", severity="error", markup=False)
            return None
        return store

    def _annotation_under_cursor(self) -> tuple[ArticleColumn, HighlightedAnnotation] | None:
        column = self.focused_column()
        if column is None:
            return None
        marks = [
            h.data for h in column.view.highlights_at(column.view.cursor) if isinstance(h.data, HighlightedAnnotation)
        ]
        if not marks:
            self.notify("The cursor is not on an annotation.", severity="warning")
            return None
        return column, marks[-1]

    def action_annotate(self, target: str) -> None:
        column = self.focused_column()
        if column is None or self._writable_store() is None:
            return
        view = column.view
        span = None
        if target in ("entity", "quote"):
            kind = HighlightedEntity if target == "entity" else HighlightedQuote
            marks = [h for h in view.highlights_at(view.cursor) if isinstance(h.data, kind)]
            if not marks:
                self.notify(
                    f"The cursor is not on a {'name' if target == 'entity' else 'quotation'}.", severity="warning"
                )
                return
            span = (marks[-1].start, marks[-1].end)
        elif target == "selection":
            span = view.selection
        if span is None:
            span = view.current_span("sentence")
        if span is None:
            return
        start, end = span
        passage = column.article.body[start:end]
        known = [tag for tag, _ in self.store.tags()]

        title = f"Annotate — {column.article.display_title}"

        def save(draft: AnnotationDraft | None) -> None:
            if draft is None:
                return
            if (
                self._store_call(lambda: self.app.history.add(column.article, start, end, draft.tags, draft.note))
                is SAVE_FAILED
            ):
                self._reopen_unsaved(passage, title, draft, known, save)
                return
            view.action_clear_selection()

        self.app.push_screen(AnnotationEditor(passage, title=title, known_tags=known), save)

    def action_edit_annotation(self) -> None:
        found = self._annotation_under_cursor()
        store = self._writable_store() if found is not None else None
        if found is None or store is None:
            return
        column, mark = found
        store.reload_if_changed()  # open the dialog on the revision on disk now
        annotation_id = mark.anchored.annotation.id
        if annotation_id not in store:
            self.notify("This annotation was deleted elsewhere (another window or process).", severity="warning")
            self.refresh_annotations()
            return
        base = store.get(annotation_id)
        known = [tag for tag, _ in store.tags()]
        editor = AnnotationEditor(
            base.exact, title="Edit annotation", tags=list(base.tags), note=base.note, known_tags=known
        )
        self.app.push_screen(editor, self._edit_saver(column, base, known))

    def _edit_saver(self, column: ArticleColumn, base: Annotation, known: list[str]):
        """Save only the fields the reader changed, on top of the disk; a field also changed
        elsewhere since `base` brings the dialog back with both versions."""

        def save(draft: AnnotationDraft | None) -> None:
            if draft is None:
                return
            store = self.store
            changes: dict[str, object] = {}
            if store.canonical_tags(draft.tags) != base.tags:
                changes["tags"] = draft.tags
            if clean_note(draft.note) != base.note:
                changes["note"] = draft.note
            if not changes:
                return
            expected = {name: getattr(base, name) for name in changes}
            try:
                self.app.history.update(base.id, expected=expected, **changes)
            except EditConflict as conflict:
                theirs = conflict.current
                self.notify(
                    "Changed elsewhere while you edited: both versions are in the dialog — "
                    "ctrl+s saves yours, ctrl+t takes theirs, ctrl+b keeps both.",
                    severity="warning",
                    timeout=15,
                    markup=False,
                )
                editor = AnnotationEditor(
                    base.exact,
                    title="Edit annotation — CHANGED ELSEWHERE",
                    tags=list(draft.tags),
                    note=draft.note,
                    known_tags=known,
                    theirs=AnnotationDraft(list(theirs.tags), theirs.note),
                )
                self.refresh_annotations()
                self.app.push_screen(editor, self._edit_saver(column, theirs, known))
                return
            except (RecordGone, AnnotationNotFound):
                self.refresh_annotations()
                self._offer_as_new(column, base, draft, known)
                return
            except SAVE_REFUSALS as error:
                self.notify(str(error), severity="error", timeout=15, markup=False)
                self._reopen_unsaved(base.exact, "Edit annotation", draft, known, save)
                return
            self.refresh_annotations()

        return save

    def _offer_as_new(self, column: ArticleColumn, base: Annotation, draft: AnnotationDraft, known: list[str]) -> None:
        """The annotation was deleted elsewhere while edited: what was typed is kept, and saving
        makes it a new annotation on the same passage (if the passage is still in the text)."""
        anchor = locate(column.article.body, column.article.version, base)
        if anchor.start is None or anchor.end is None:
            self.notify(
                "Deleted elsewhere, and its passage is gone from the text: copy your note from the dialog.",
                severity="error",
                markup=False,
            )
            self._reopen_unsaved(base.exact, "Edit annotation — DELETED ELSEWHERE", draft, known, lambda _: None)
            return
        start, end = anchor.start, anchor.end
        self.notify(
            "Deleted elsewhere while you edited: ctrl+s saves yours as a new annotation.",
            severity="warning",
            markup=False,
        )
        title = "Edit annotation — DELETED ELSEWHERE: ctrl+s saves it as new"

        def save_new(again: AnnotationDraft | None) -> None:
            if again is None:
                return
            if (
                self._store_call(lambda: self.app.history.add(column.article, start, end, again.tags, again.note))
                is SAVE_FAILED
            ):
                self._reopen_unsaved(base.exact, title, again, known, save_new)

        self.app.push_screen(
            AnnotationEditor(base.exact, title=title, tags=list(draft.tags), note=draft.note, known_tags=known),
            save_new,
        )

    def on_resolve_conflict(self, message: ResolveConflict) -> None:
        store = self._writable_store()
        if store is None:
            return
        store.reload_if_changed()
        conflict = store.conflict(message.annotation_id)
        if conflict is None:
            self.notify("That conflict was resolved elsewhere.")
            self.refresh_annotations()
            return

        def chosen(keep: str | None) -> None:
            if keep is None:
                return
            if self._store_call(lambda: store.resolve(conflict.annotation_id, keep)) is not SAVE_FAILED:
                self.notify("Kept the version you picked; the other is history now.", markup=False)

        self.app.push_screen(ConflictDialog(conflict), chosen)

    def _reopen_unsaved(self, passage: str, title: str, draft: AnnotationDraft, known: list[str], save) -> None:
        """A save the store refused must not lose what the reader typed: the editor comes back
        holding it, to try again (ctrl+s) or copy it out."""
        editor = AnnotationEditor(
            passage,
            title=f"{title} — NOT SAVED, see the message",
            tags=list(draft.tags),
            note=draft.note,
            known_tags=known,
        )
        self.app.push_screen(editor, save)

    def action_delete_annotation(self) -> None:
        found = self._annotation_under_cursor()
        if found is None or self._writable_store() is None:
            return
        _, mark = found
        annotation = mark.anchored.annotation
        passage = one_line(annotation.exact, 60)

        def answer(confirmed: bool | None) -> None:
            if confirmed:
                self._store_call(lambda: self.app.history.delete(annotation.id))

        self.app.push_screen(ConfirmDialog(f"Delete the annotation on „{passage}“? (u undoes it)"), answer)

    def action_undo(self) -> None:
        if self._writable_store() is None:
            return
        change = self._store_call(self.app.history.undo)
        if change is SAVE_FAILED:
            return
        self.notify(f"Undid {change.describe()}" if change else "Nothing to undo.", markup=False)

    def action_redo(self) -> None:
        if self._writable_store() is None:
            return
        change = self._store_call(self.app.history.redo)
        if change is SAVE_FAILED:
            return
        self.notify(f"Redid {change.describe()}" if change else "Nothing to redo.", markup=False)

    def _store_call(self, call):
        """Run a store change; a refusal becomes one line on screen (and SAVE_FAILED), never a crash."""
        try:
            result = call()
        except SAVE_REFUSALS as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return SAVE_FAILED
        self.refresh_annotations()
        return result

    def action_jump_annotation(self, step: int) -> None:
        column = self.focused_column()
        if column is None:
            return
        starts = sorted({h.start for h in column.view.highlights("annotation")})
        if not starts:
            self.notify("No annotations in this article.")
            return
        cursor = column.view.cursor
        after = [s for s in starts if s > cursor] if step > 0 else [s for s in starts if s < cursor]
        target = (after[0] if step > 0 else after[-1]) if after else (starts[0] if step > 0 else starts[-1])
        column.view.move_cursor(target)

    async def action_panel(self, pane: str) -> None:
        panel = self.query_one(SidePanel)
        if panel.shown and panel.active == pane:
            self.action_close_panel()
            return
        await panel.open(pane)
        self._apply_width(self.size.width)
        self.refresh_annotations()
        self.refresh_analysis()
        targets = {"notes": "#notes-list", "tags": "#tags-list", "names": "#names-list", "quotes": "#quotes-list"}
        self.query_one(targets[pane]).focus()

    def action_close_panel(self) -> None:
        panel = self.query_one(SidePanel)
        panel.close()
        self._apply_width(self.size.width)
        column = self.focused_column() or (self.columns[0] if self.columns else None)
        if column:
            column.view.focus()

    async def on_jump_to(self, message: JumpTo) -> None:
        column = next((c for c in self.columns if c.article.id == message.article_id), None)
        if column is None:
            article = next((a for a in self.library_articles if a.id == message.article_id), None)
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

    @property
    def columns(self) -> list[ArticleColumn]:
        return list(self.query(ArticleColumn))

    def open_articles(self) -> list[Article]:
        return [column.article for column in self.columns]

    # ----- layout: columns or tabs ----------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        panel = self.query_one(SidePanel)
        if panel.shown:
            width -= panel.outer_size.width or PANEL_WIDTH
        self.set_class(width < MIN_COLUMN_WIDTH * max(1, len(self.columns)) and len(self.columns) > 1, "narrow")

    def focused_column(self) -> ArticleColumn | None:
        """The column holding focus, or the last one that did while the side panel has it."""
        focused = self.focused
        for column in self.columns:
            if focused is not None and (focused is column or column in focused.ancestors):
                self._last_column = column
                return column
        last = getattr(self, "_last_column", None)
        return last if last in self.columns else None

    def _mark_active(self, active: ArticleColumn | None) -> None:
        for column in self.columns:
            column.set_class(column is active, "active")
        if active is not None:
            tabs = self.query_one(Tabs)
            tab_id = f"tab-{active.id}"
            if tabs.active != tab_id and tabs.query(f"#{tab_id}"):
                tabs.active = tab_id

    @on(Tabs.TabActivated)
    def _tab_activated(self, event: Tabs.TabActivated) -> None:
        if event.tab is None or event.tab.id is None:
            return
        column_id = event.tab.id.removeprefix("tab-")
        for column in self.columns:
            if column.id == column_id and self.focused_column() is not column:
                column.view.focus()

    def on_descendant_focus(self) -> None:
        self._mark_active(self.focused_column())

    # ----- actions ------------------------------------------------------------------------

    def action_cycle_column(self, step: int) -> None:
        columns = self.columns
        if not columns:
            return
        current = self.focused_column()
        index = columns.index(current) if current in columns else -1
        columns[(index + step) % len(columns)].view.focus()

    def action_add_article(self) -> None:
        if len(self.columns) >= MAX_COLUMNS:
            self.notify(f"At most {MAX_COLUMNS} articles side by side; close one with x first.", severity="warning")
            return
        open_ids = {a.id for a in self.open_articles()}
        candidates = [a for a in self.library_articles if a.id not in open_ids]
        if not candidates:
            self.notify("Every article of the library is open already.")
            return
        self.app.push_screen(ArticlePicker(candidates), self._add_chosen)

    async def _add_chosen(self, article_id: str | None) -> None:
        article = next((a for a in self.library_articles if a.id == article_id), None)
        if article is None:
            return
        await self.add_column(article)

    async def add_column(self, article: Article) -> ArticleColumn:
        column = ArticleColumn(article, id=self._next_id())
        await self.query_one("#columns", Horizontal).mount(column)
        await self.query_one(Tabs).add_tab(_tab_for(column))
        self._apply_width(self.size.width)
        column.view.focus()
        self.refresh_annotations()
        self.refresh_analysis()
        self.app.analyze([article])
        return column

    async def action_close_column(self) -> None:
        column = self.focused_column()
        if column is None:
            return
        if len(self.columns) == 1:
            self.app.pop_screen()
            return
        index = self.columns.index(column)
        await self.query_one(Tabs).remove_tab(f"tab-{column.id}")
        await column.remove()
        self._apply_width(self.size.width)
        remaining = self.columns
        remaining[min(index, len(remaining) - 1)].view.focus()

    def action_back(self) -> None:
        self.app.pop_screen()

    def on_click(self, event) -> None:
        for column in self.columns:
            if event.widget is column or (event.widget is not None and column in event.widget.ancestors):
                if not isinstance(event.widget, ReadingView):
                    column.view.focus()


def _tab_for(column: ArticleColumn) -> Tab:
    return Tab(Text(cut(safe_display(column.article.display_title), 28)), id=f"tab-{column.id}")
