"""Reading one article file: decode it as UTF-8 or say in one line why it cannot be read."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from ..regular_files import FileRefused, read_regular_file
from .article import Article, parse_article
from .frontmatter import FrontMatterError

MAX_ARTICLE_BYTES = 200 * 1024 * 1024
_BINARY_PROBE = 8192
_FOREIGN_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


@dataclass(frozen=True)
class LoadProblem:
    """A file the library skipped, and why, in words a reader can act on."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path.name}: {self.reason}"


class ArticleFileError(Exception):
    """Raised with a one-line reason when a file is not a readable article."""


def decode_article_bytes(data: bytes) -> str:
    if not data.strip():
        raise ArticleFileError("is empty")
    for bom, name in _FOREIGN_BOMS:
        if data.startswith(bom):
            raise ArticleFileError(f"is {name} text, not UTF-8; save it as UTF-8")
    if b"\x00" in data[:_BINARY_PROBE]:
        raise ArticleFileError("looks binary (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex().upper()
        raise ArticleFileError(f"is not UTF-8 (byte 0x{bad} at offset {error.start}); save it as UTF-8") from None
    return text.removeprefix("\ufeff")


def read_article_file(path: Path, article_id: str | None = None) -> Article:
    """Load one file as an Article; raises ArticleFileError with a one-line reason."""
    try:
        data = read_regular_file(path, MAX_ARTICLE_BYTES)
    except FileRefused as error:
        raise ArticleFileError(str(error)) from None
    except OSError as error:
        raise ArticleFileError(f"cannot be read: {error.strerror or error}") from None
    text = decode_article_bytes(data)
    try:
        article = parse_article(text, path, article_id or path.stem)
    except FrontMatterError as error:
        raise ArticleFileError(str(error)) from None
    if not article.body:
        raise ArticleFileError("has no body text")
    return article
