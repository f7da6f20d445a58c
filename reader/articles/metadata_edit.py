"""Editing an article's title, outlet, date and URL: written as the file's front matter.

The file's text after its front matter is kept byte for byte, and the new file must give the
same body (so the same version): annotations stay anchored. A change that would alter the body
(another date for a text dated by a `date YYYY-MM-DD` marker in its first line, which front
matter would leave in the body) is refused, as is a save over a file that changed on disk since
the editor read it. The file is replaced atomically.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..atomic_files import replace_atomically
from ..regular_files import FileRefused, read_regular_file
from .article import Article, parse_article
from .frontmatter import FrontMatterError, parse_front_matter, render_front_matter
from .loader import MAX_ARTICLE_BYTES, ArticleFileError, decode_article_bytes

EDITED_KEYS = ("title", "source", "date", "url")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class MetadataError(ValueError):
    """The metadata cannot be written; the message is one line for the status bar."""


@dataclass(frozen=True)
class MetadataDraft:
    title: str
    source: str
    date: str
    url: str


@dataclass(frozen=True)
class FileSnapshot:
    """What the editor read: the file's bytes' digest, to refuse a save over a changed file."""

    path: Path
    digest: str


def _read(path: Path) -> bytes:
    try:
        return read_regular_file(path, MAX_ARTICLE_BYTES)
    except (FileRefused, OSError) as error:
        raise MetadataError(f"{path.name}: cannot be read ({error})") from None


def snapshot(article: Article) -> FileSnapshot:
    return FileSnapshot(article.path, hashlib.sha256(_read(article.path)).hexdigest())


def draft_of(article: Article) -> MetadataDraft:
    return MetadataDraft(article.title, article.source, article.date, article.url)


def rewrite(text: str, article: Article, draft: MetadataDraft) -> str:
    """The file's text with front matter that says `draft` (other keys kept), the rest unchanged."""
    for name in ("title", "source", "url"):
        if "\n" in getattr(draft, name):
            raise MetadataError(f"the {name} must be one line")
    date = draft.date.strip()
    if date and not _ISO_DATE.match(date):
        raise MetadataError(f"the date must be YYYY-MM-DD, not {date!r}")
    front = parse_front_matter(text)
    fields = dict(front.fields)
    changed = {
        "title": draft.title.strip() if draft.title.strip() != article.title else fields.get("title", ""),
        "source": draft.source.strip(),
        # a date the text's own date marker gave stays there: written here, the marker would join the body
        "date": date if date != article.date else fields.get("date", ""),
        "url": draft.url.strip(),
    }
    ordered = {key: changed[key] for key in EDITED_KEYS}
    ordered.update({key: value for key, value in fields.items() if key not in EDITED_KEYS})
    rest = text[front.body_start :]
    return render_front_matter(ordered) + rest


def save(article: Article, read: FileSnapshot, draft: MetadataDraft) -> Article:
    """Write the draft into the article's file; the article as it reads now. Raises MetadataError."""
    data = _read(article.path)
    if hashlib.sha256(data).hexdigest() != read.digest:
        raise MetadataError(f"{article.path.name} changed on disk since it was opened here: reload (r) and edit again")
    try:
        text = decode_article_bytes(data)
        new_text = rewrite(text.replace("\r\n", "\n"), article, draft)
        updated = parse_article(new_text, article.path, article.id)
    except (ArticleFileError, FrontMatterError) as error:
        raise MetadataError(f"{article.path.name}: {error}") from None
    if updated.version != article.version:
        raise MetadataError("that would change the article's text (its first line dates it): edit the file itself")
    try:
        replace_atomically(article.path, new_text.encode("utf-8"))
    except OSError as error:
        raise MetadataError(f"{article.path.name}: cannot be written ({error.strerror or error})") from None
    return updated
