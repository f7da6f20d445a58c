"""Messages the app's parts send each other, as small dataclasses."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from ..library import LibraryScan


@dataclass
class OpenArticles(Message):
    """Open these article ids side by side (from the library screen)."""

    article_ids: list[str]


@dataclass
class LibraryLoaded(Message):
    """A library scan finished in a worker."""

    scan: LibraryScan
