"""What the compare screen's annotation keys do: annotate, edit, delete, undo, redo, and settle a
conflict — each through the dialog it needs, then the session's history (which saves to the store).

A save the store refuses (disk full, read-only, a passage or tag too long) is one line on screen
and brings the dialog back holding what the reader typed; a field changed elsewhere meanwhile
brings it back with both versions. Nothing here is a widget: the screen owns one AnnotationActions
and its bindings call it.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Literal, TypeVar

from textual.notifications import SeverityLevel

from ...annotations import (
    Annotation,
    AnnotationError,
    AnnotationNotFound,
    AnnotationStore,
    EditConflict,
    History,
    RecordGone,
    StoreError,
    TagError,
    locate,
)
from ...annotations.model import clean_note
from ...text.shortening import one_line
from ..highlights import HighlightedAnnotation, HighlightedEntity, HighlightedQuote
from ..widgets.article_column import ArticleColumn
from .annotation_editor import AnnotationDraft, AnnotationEditor, ConfirmDialog
from .conflict import ConflictDialog

if TYPE_CHECKING:
    from .compare import CompareScreen

T = TypeVar("T")
# a disk or store problem, a passage too long, a tag too long: one line each, and the dialog comes back
SAVE_REFUSALS = (StoreError, AnnotationError, TagError)
Save = Callable[[AnnotationDraft | None], None]


class _Refused(Enum):
    REFUSED = "refused"


REFUSED = _Refused.REFUSED  # what `_store_call` answers when the store refused a change


class AnnotationActions:
    def __init__(self, screen: CompareScreen) -> None:
        self.screen = screen
        self.session = screen.session

    def notify(
        self,
        message: str,
        *,
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        self.screen.notify(message, severity=severity, timeout=timeout, markup=markup)

    def _open_store(self) -> tuple[AnnotationStore, History] | None:
        """The store and history for a save: a refusal (read-only meanwhile) is the save's to report."""
        store, history = self.session.store, self.session.history
        return (store, history) if store is not None and history is not None else None

    def _writable(self) -> tuple[AnnotationStore, History] | None:
        store, history = self.session.store, self.session.history
        if store is None or history is None:
            self.notify("The annotation store is still loading.", severity="warning")
            return None
        if store.read_only:
            self.notify(f"Annotations are read-only: {store.problems[0]}", severity="error", markup=False)
            return None
        return store, history

    def _annotation_under_cursor(self) -> tuple[ArticleColumn, HighlightedAnnotation] | None:
        column = self.screen.deck.focused_column()
        if column is None:
            return None
        found = [
            h.data for h in column.view.highlights_at(column.view.cursor) if isinstance(h.data, HighlightedAnnotation)
        ]
        if not found:
            self.notify("The cursor is not on an annotation.", severity="warning")
            return None
        return column, found[-1]

    def annotate(self, target: str) -> None:
        """Annotate the selection, the sentence, or the name or quotation under the cursor."""
        column = self.screen.deck.focused_column()
        writable = self._writable() if column is not None else None
        if column is None or writable is None:
            return
        store, history = writable
        view = column.view
        span = None
        if target in ("entity", "quote"):
            kind = HighlightedEntity if target == "entity" else HighlightedQuote
            under = [h for h in view.highlights_at(view.cursor) if isinstance(h.data, kind)]
            if not under:
                self.notify(
                    f"The cursor is not on a {'name' if target == 'entity' else 'quotation'}.", severity="warning"
                )
                return
            span = (under[-1].start, under[-1].end)
        elif target == "selection":
            span = view.selection
        if span is None:
            span = view.current_span("sentence")
        if span is None:
            return
        start, end = span
        article = column.article
        passage = article.body[start:end]
        known = [tag for tag, _ in store.tags()]
        title = f"Annotate — {article.display_title}"

        def save(draft: AnnotationDraft | None) -> None:
            if draft is None:
                return
            if self._store_call(lambda: history.add(article, start, end, draft.tags, draft.note)) is REFUSED:
                self._reopen_unsaved(passage, title, draft, known, save)
                return
            view.action_clear_selection()

        self.screen.app.push_screen(AnnotationEditor(passage, title=title, known_tags=known), save)

    def edit(self) -> None:
        found = self._annotation_under_cursor()
        writable = self._writable() if found is not None else None
        if found is None or writable is None:
            return
        store, _ = writable
        column, highlighted = found
        store.reload_if_changed()  # open the dialog on the revision on disk now
        annotation_id = highlighted.annotation_id
        if annotation_id not in store:
            self.notify("This annotation was deleted elsewhere (another window or process).", severity="warning")
            self.screen.refresh_annotations()
            return
        base = store.get(annotation_id)
        known = [tag for tag, _ in store.tags()]
        editor = AnnotationEditor(
            base.exact, title="Edit annotation", tags=list(base.tags), note=base.note, known_tags=known
        )
        self.screen.app.push_screen(editor, self._edit_saver(column, base, known))

    def _edit_saver(self, column: ArticleColumn, base: Annotation, known: list[str]) -> Save:
        """Save only the fields the reader changed, on top of the disk; a field also changed
        elsewhere since `base` brings the dialog back with both versions."""

        def save(draft: AnnotationDraft | None) -> None:
            opened = self._open_store() if draft is not None else None
            if draft is None or opened is None:
                return
            store, history = opened
            tags = draft.tags if store.canonical_tags(draft.tags) != base.tags else None
            note = draft.note if clean_note(draft.note) != base.note else None
            changed = [name for name, value in (("tags", tags), ("note", note)) if value is not None]
            if not changed:
                return
            expected = {name: getattr(base, name) for name in changed}
            try:
                history.update(base.id, tags=tags, note=note, expected=expected)
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
                self.screen.refresh_annotations()
                self.screen.app.push_screen(editor, self._edit_saver(column, theirs, known))
                return
            except (RecordGone, AnnotationNotFound):
                self.screen.refresh_annotations()
                self._offer_as_new(column, base, draft, known)
                return
            except SAVE_REFUSALS as error:
                self.notify(str(error), severity="error", timeout=15, markup=False)
                self._reopen_unsaved(base.exact, "Edit annotation", draft, known, save)
                return
            self.screen.refresh_annotations()

        return save

    def _offer_as_new(self, column: ArticleColumn, base: Annotation, draft: AnnotationDraft, known: list[str]) -> None:
        """The annotation was deleted elsewhere while edited: what was typed is kept, and saving
        makes it a new annotation on the same passage (if the passage is still in the text)."""
        article = column.article
        anchor = locate(article.body, article.version, base)
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
            opened = self._open_store() if again is not None else None
            if again is None or opened is None:
                return
            _, history = opened
            if self._store_call(lambda: history.add(article, start, end, again.tags, again.note)) is REFUSED:
                self._reopen_unsaved(base.exact, title, again, known, save_new)

        self.screen.app.push_screen(
            AnnotationEditor(base.exact, title=title, tags=list(draft.tags), note=draft.note, known_tags=known),
            save_new,
        )

    def resolve_conflict(self, annotation_id: str) -> None:
        writable = self._writable()
        if writable is None:
            return
        store, _ = writable
        store.reload_if_changed()
        conflict = store.conflict(annotation_id)
        if conflict is None:
            self.notify("That conflict was resolved elsewhere.")
            self.screen.refresh_annotations()
            return

        def chosen(keep: str | None) -> None:
            if keep is None:
                return
            if self._store_call(lambda: store.resolve(conflict.annotation_id, keep)) is not REFUSED:
                self.notify("Kept the version you picked; the other is history now.", markup=False)

        self.screen.app.push_screen(ConflictDialog(conflict), chosen)

    def _reopen_unsaved(self, passage: str, title: str, draft: AnnotationDraft, known: list[str], save: Save) -> None:
        """A save the store refused must not lose what the reader typed: the editor comes back
        holding it, to try again (ctrl+s) or copy it out."""
        editor = AnnotationEditor(
            passage,
            title=f"{title} — NOT SAVED, see the message",
            tags=list(draft.tags),
            note=draft.note,
            known_tags=known,
        )
        self.screen.app.push_screen(editor, save)

    def delete(self) -> None:
        found = self._annotation_under_cursor()
        writable = self._writable() if found is not None else None
        if found is None or writable is None:
            return
        _, history = writable
        annotation = found[1].anchored.annotation
        passage = one_line(annotation.exact, 60)

        def answer(confirmed: bool | None) -> None:
            if confirmed:
                self._store_call(lambda: history.delete(annotation.id))

        self.screen.app.push_screen(ConfirmDialog(f"Delete the annotation on „{passage}“? (u undoes it)"), answer)

    def undo(self) -> None:
        writable = self._writable()
        if writable is None:
            return
        change = self._store_call(writable[1].undo)
        if change is REFUSED:
            return
        self.notify(f"Undid {change.describe()}" if change else "Nothing to undo.", markup=False)

    def redo(self) -> None:
        writable = self._writable()
        if writable is None:
            return
        change = self._store_call(writable[1].redo)
        if change is REFUSED:
            return
        self.notify(f"Redid {change.describe()}" if change else "Nothing to redo.", markup=False)

    def _store_call(self, call: Callable[[], T]) -> T | Literal[_Refused.REFUSED]:
        """Run a store change; a refusal becomes one line on screen (and REFUSED), never a crash."""
        try:
            result = call()
        except SAVE_REFUSALS as error:
            self.notify(str(error), severity="error", timeout=15, markup=False)
            return REFUSED
        self.screen.refresh_annotations()
        return result
