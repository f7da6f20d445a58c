"""Undo and redo of annotation changes within one session, driven by the UI.

Every change goes through `History`, which saves it via the store and remembers the annotation
before and after. Undo writes the "before" back (an undone delete restores the same id), redo
writes the "after". If another process changed the annotation in between, undo/redo refuses
(`UndoConflict`) rather than overwrite that newer work, and drops the step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from ..library import Article
from .model import Annotation
from .storage import StoreError
from .store import AnnotationStore

ChangeKind = Literal["add", "edit", "delete"]


class UndoConflict(StoreError):
    """The annotation changed elsewhere since this step; the step was dropped."""


@dataclass(frozen=True, slots=True)
class Change:
    kind: ChangeKind
    before: Annotation | None  # None for an add
    after: Annotation | None  # None for a delete

    @property
    def annotation_id(self) -> str:
        annotation = self.after or self.before
        assert annotation is not None
        return annotation.id

    def describe(self) -> str:
        """A short label for a menu or status line, e.g. 'delete “Keine Einigung, kein…”'."""
        annotation = self.after or self.before
        assert annotation is not None
        passage = " ".join(annotation.exact.split())
        passage = passage if len(passage) <= 24 else passage[:23] + "…"
        return f"{self.kind} “{passage}”"


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

    def next_undo(self) -> Change | None:
        return self._undo[-1] if self._undo else None

    def next_redo(self) -> Change | None:
        return self._redo[-1] if self._redo else None

    def add(self, article: Article, start: int, end: int, tags: Iterable[str] = (), note: str = "") -> Annotation:
        annotation = self.store.add(article, start, end, tags, note)
        self._record(Change("add", None, annotation))
        return annotation

    def update(self, annotation_id: str, **changes: object) -> Annotation:
        """Same arguments as AnnotationStore.update (tags, note, article, start, end)."""
        before = self.store.get(annotation_id)
        after = self.store.update(annotation_id, **changes)  # type: ignore[arg-type]
        if after != before:
            self._record(Change("edit", before, after))
        return after

    def delete(self, annotation_id: str) -> Annotation:
        deleted = self.store.delete(annotation_id)
        self._record(Change("delete", deleted, None))
        return deleted

    def undo(self) -> Change | None:
        """Revert the last change; returns it, or None when there is nothing to undo."""
        if not self._undo:
            return None
        change = self._undo[-1]
        self._apply(self._undo, change, "undo", expected=change.after, target=change.before)
        self._redo.append(self._undo.pop())
        return change

    def redo(self) -> Change | None:
        """Re-apply the last undone change; returns it, or None when there is nothing to redo."""
        if not self._redo:
            return None
        change = self._redo[-1]
        self._apply(self._redo, change, "redo", expected=change.before, target=change.after)
        self._undo.append(self._redo.pop())
        return change

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()

    def _record(self, change: Change) -> None:
        self._undo.append(change)
        del self._undo[: -self.limit]
        self._redo.clear()

    def _apply(
        self, stack: list[Change], change: Change, verb: str, expected: Annotation | None, target: Annotation | None
    ) -> None:
        """Write `target` if the annotation is still `expected`; a failed save keeps the step."""
        self.store.reload_if_changed()
        annotation_id = change.annotation_id
        current = self.store.get(annotation_id) if annotation_id in self.store else None
        if current != expected:
            stack.pop()
            raise UndoConflict(f"cannot {verb} {change.describe()}: the annotation was changed elsewhere since")
        if target is None:
            self.store.delete(annotation_id)
        else:
            self.store.put(target)
