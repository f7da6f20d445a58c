"""Undo and redo of annotation changes within one session, driven by the UI.

Every change goes through `History`, which saves it via the store and remembers the annotation
before and after. Undo and redo are new writes that revert (or re-apply) only what the step
changed — for an edit, only the fields it changed — and only if those still hold what the step
left there, checked on disk under the store's lock. If another window or process changed them in
between, the step is refused (`UndoConflict`) and dropped: a newer edit made elsewhere is never
overwritten by an undo. An undone delete restores the same id, unless the id is in use again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..articles import Article
from ..text.shortening import one_line
from .model import Annotation
from .storage import EditConflict, RecordGone, StoreError
from .store import AnnotationNotFound, AnnotationStore

ChangeKind = Literal["add", "edit", "delete"]
EDITABLE_FIELDS = ("tags", "note")


class UndoConflict(StoreError):
    """The annotation changed elsewhere since this step; the step was dropped."""


@dataclass(frozen=True, slots=True)
class Change:
    kind: ChangeKind
    before: Annotation | None  # None for an add
    after: Annotation | None  # None for a delete
    fields: tuple[str, ...] = EDITABLE_FIELDS  # what an edit changed

    @property
    def annotation_id(self) -> str:
        annotation = self.after or self.before
        assert annotation is not None
        return annotation.id

    def describe(self) -> str:
        """A short label for a menu or status line, e.g. 'delete “Keine Einigung, kein…”'."""
        annotation = self.after or self.before
        assert annotation is not None
        return f"{self.kind} “{one_line(annotation.exact, 24)}”"


def _values(annotation: Annotation | None, fields: Iterable[str]) -> dict[str, Any]:
    assert annotation is not None
    return {name: getattr(annotation, name) for name in fields}


class History:
    """The session's undo and redo stacks over one store."""

    def __init__(self, store: AnnotationStore, limit: int = 500) -> None:
        self.store = store
        self.limit = limit
        self._undo: list[Change] = []
        self._redo: list[Change] = []

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def add(self, article: Article, start: int, end: int, tags: Iterable[str] = (), note: str = "") -> Annotation:
        annotation = self.store.add(article, start, end, tags, note)
        self._remember(Change("add", None, annotation))
        return annotation

    def update(
        self,
        annotation_id: str,
        *,
        tags: Iterable[str] | None = None,
        note: str | None = None,
        expected: Mapping[str, Any] | None = None,
    ) -> Annotation:
        """Change tags and/or note (see AnnotationStore.edit, also for `expected`)."""
        before, after = self.store.edit(annotation_id, tags=tags, note=note, expected=expected)
        fields = tuple(name for name in EDITABLE_FIELDS if getattr(before, name) != getattr(after, name))
        if fields:
            self._remember(Change("edit", before, after, fields))
        return after

    def delete(self, annotation_id: str) -> Annotation:
        deleted = self.store.delete(annotation_id)
        self._remember(Change("delete", deleted, None))
        return deleted

    def undo(self) -> Change | None:
        """Revert the last change; returns it, or None when there is nothing to undo."""
        if not self._undo:
            return None
        change = self._undo[-1]
        self._apply(self._undo, change, "undo", change.after, change.before)
        self._redo.append(self._undo.pop())
        return change

    def redo(self) -> Change | None:
        """Re-apply the last undone change; returns it, or None when there is nothing to redo."""
        if not self._redo:
            return None
        change = self._redo[-1]
        self._apply(self._redo, change, "redo", change.before, change.after)
        self._undo.append(self._redo.pop())
        return change

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()

    def _remember(self, change: Change) -> None:
        self._undo.append(change)
        del self._undo[: -self.limit]
        self._redo.clear()

    def _apply(
        self, stack: list[Change], change: Change, verb: str, now: Annotation | None, target: Annotation | None
    ) -> None:
        """Go from `now` (what the step left) to `target`, if the disk still shows `now`.

        A refused step is dropped (UndoConflict); a failed save (disk full) keeps it.
        """
        fields = change.fields if change.kind == "edit" else EDITABLE_FIELDS
        try:
            if target is None:  # undo an add, redo a delete
                self.store.reload_if_changed()
                self.store.delete(change.annotation_id, expected=_values(now, fields))
            elif now is None:  # undo a delete, redo an add
                self.store.restore(target)
            else:
                self.store.reload_if_changed()
                self.store.update(change.annotation_id, expected=_values(now, fields), **_values(target, fields))
        except (EditConflict, RecordGone, AnnotationNotFound):
            stack.pop()
            raise UndoConflict(
                f"cannot {verb} {change.describe()}: the annotation was changed elsewhere since"
            ) from None
