"""Adding one article to the library from a web address, an HTML file, a text file or stdin.

Each source becomes a new file in `articles/` that the library reads like any other, unless the
library already has the article (same address, or same body text). Nothing is written when a
source fails; the AddError says why in one line.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, TextIO

from ..articles import (
    ARTICLE_SUFFIXES,
    Article,
    ArticleFileError,
    Library,
    decode_article_bytes,
    parse_article,
    read_article_file,
)
from ..articles.frontmatter import FrontMatterError, parse_front_matter, render_front_matter
from ..articles.loader import MAX_ARTICLE_BYTES
from ..regular_files import FileRefused, read_regular_file
from .decoding import binary_kind, decode_page, looks_like_html, unusable_charsets
from .errors import AddError
from .extract import ExtractedArticle, extract_article
from .fetch import DEFAULT_TIMEOUT, TEXT_TYPES, UNTYPED, fetch_page
from .slug import slugify
from .urls import clean_url, has_web_scheme, is_web_url, url_key
from .writing import article_text, write_new_file

STDIN = "-"
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = ARTICLE_SUFFIXES
NEW_FILE_SUFFIX = ".txt"
SAME_URL = "same URL"
SAME_TEXT = "same text"
# "www.…", or a dotted host name followed by a path: a web address without its scheme.
_LOOKS_LIKE_ADDRESS = re.compile(r"^(?:www\.[\w.-]+|[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}/)")

Progress = Callable[[str], None]


@dataclass(frozen=True)
class AddResult:
    """The outcome of adding one source: the article it added, or the one already there."""

    article: Article  # the new article as the library reads it, or the existing duplicate
    duplicate_reason: str = ""  # SAME_URL or SAME_TEXT when nothing was added
    notes: tuple[str, ...] = ()  # what the reader should know, e.g. a declared charset that was ignored

    @property
    def added(self) -> bool:
        return not self.duplicate_reason

    @property
    def duplicate_of(self) -> str | None:
        """The id of the existing article this source duplicates, or None if it was added."""
        return None if self.added else self.article.id


@dataclass(frozen=True)
class _Draft:
    """An article file about to be written, and the addresses its article is known by."""

    text: str
    stem: str
    suffix: str
    urls: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def add_source(
    library: Library,
    source: str,
    *,
    stdin: TextIO | BinaryIO | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> AddResult:
    """Add one source: an http(s) URL, a file path (.html/.htm, .txt/.md, or sniffed), or '-'.

    '-' reads `stdin` (text or bytes): HTML if it looks like HTML, else plain text. `progress`
    receives short status lines ('Fetching …', 'Saved …') as the work goes on; it is called on
    the caller's thread. Setting `cancel` (from any thread) stops a download at once and saves
    nothing. Raises AddError with a one-line reason; then nothing was written.
    """
    report = progress or _ignore
    source = source.strip()  # an address pasted with a line break or spaces around it
    if not library.root.is_dir():
        raise AddError(f"cannot be saved: the library folder {library.root} does not exist")
    if source == STDIN:
        draft = _draft_from_stdin(stdin, report)
    elif has_web_scheme(source):
        if not is_web_url(source):
            raise AddError("is not a valid web address")
        existing = find_same_url(library.articles(), [source])
        if existing is not None:
            return AddResult(existing, SAME_URL)
        draft = _draft_from_web(source, timeout, report, cancel)
    else:
        draft = _draft_from_file(source, report)
    return _save(library, draft, report, cancel)


def find_same_url(articles: Iterable[Article], urls: Sequence[str]) -> Article | None:
    """The first article whose recorded address names the same page as one of `urls`."""
    keys = {url_key(url) for url in urls if url and is_web_url(url)}
    if not keys:
        return None
    return next((a for a in articles if a.url and is_web_url(a.url) and url_key(a.url) in keys), None)


def find_same_text(articles: Iterable[Article], version: str) -> Article | None:
    """The first article with the same body text (by content hash)."""
    return next((a for a in articles if a.version == version), None)


def _save(library: Library, draft: _Draft, report: Progress, cancel: threading.Event | None) -> AddResult:
    _check_readable(draft.text)
    article = _parse(draft)
    report("Checking the library for duplicates")
    articles = library.articles()
    same_url = find_same_url(articles, [*draft.urls, article.url])
    if same_url is not None:
        return AddResult(same_url, SAME_URL, draft.notes)
    same_text = find_same_text(articles, article.version)
    if same_text is not None:
        return AddResult(same_text, SAME_TEXT, draft.notes)
    taken = {path.stem for path in library.article_paths()}
    if cancel is not None and cancel.is_set():
        raise AddError("was cancelled; nothing was saved")
    path = write_new_file(library.articles_dir, draft.stem, draft.suffix, draft.text, taken)
    report(f"Saved {path.relative_to(library.root)}")
    try:
        return AddResult(read_article_file(path), notes=draft.notes)
    except ArticleFileError as error:
        raise AddError(f"was saved as {path} but cannot be read back: {error}") from None


def _check_readable(text: str) -> None:
    """What is about to be written must be a text the library reads: no NUL anywhere (the
    library's own probe looks at the start only), nothing its decoding rules refuse."""
    if "\x00" in text:
        raise AddError("looks binary (contains NUL bytes), not text")
    _decode_text(text.encode("utf-8"))


def _parse(draft: _Draft) -> Article:
    """The article as the library will read the draft; an unreadable draft is an AddError."""
    try:
        article = parse_article(draft.text, Path(draft.stem + draft.suffix), draft.stem)
    except FrontMatterError as error:
        raise AddError(str(error)) from None
    if not article.body:
        raise AddError("has no body text")
    return article


def _draft_from_web(url: str, timeout: float, report: Progress, cancel: threading.Event | None) -> _Draft:
    page = fetch_page(url, timeout=timeout, progress=report, cancel=cancel)
    requested = (clean_url(url), clean_url(page.url))
    text = decode_page(page.data, page.charset)
    notes = _charset_notes(page.data, page.charset)
    if page.media_type in TEXT_TYPES or (page.media_type == UNTYPED and not looks_like_html(text)):
        if not text.strip():
            raise AddError("is empty")
        return replace(_text_draft(_with_url(text, clean_url(page.url)), "", NEW_FILE_SUFFIX, requested), notes=notes)
    return replace(_draft_from_html(text, page.url, requested, report), notes=notes)


def _draft_from_file(source: str, report: Progress) -> _Draft:
    path = Path(source).expanduser()
    if not path.exists():
        hint = "; for a web page give the whole address (https://…)" if _LOOKS_LIKE_ADDRESS.match(source) else ""
        raise AddError(f"no such file{hint}")
    if path.is_dir():
        raise AddError("is a folder, not a file")
    report(f"Reading {path.name}")
    try:
        data = read_regular_file(path, MAX_ARTICLE_BYTES)
    except FileRefused as error:
        hint = "; to read from a pipe, give - and redirect the pipe to standard input" if error.kind == "pipe" else ""
        raise AddError(f"{error}{hint}") from None
    except OSError as error:
        raise AddError(f"cannot be read: {error.strerror or error}") from None
    return _draft_from_bytes(data, path.suffix.lower(), slugify(path.stem), report)


def _draft_from_stdin(stdin: TextIO | BinaryIO | None, report: Progress) -> _Draft:
    if stdin is None:
        raise AddError("no standard input to read")
    report("Reading standard input")
    content = stdin.read(MAX_ARTICLE_BYTES + 1)
    data = content.encode("utf-8") if isinstance(content, str) else content
    if len(data) > MAX_ARTICLE_BYTES:
        raise AddError(f"is too large (over {MAX_ARTICLE_BYTES // (1024 * 1024)} MB)")
    return _draft_from_bytes(data, "", "", report)


def _draft_from_bytes(data: bytes, suffix: str, stem: str, report: Progress) -> _Draft:
    """A file's or stdin's content: .txt/.md by the library's rules; else HTML by suffix or by
    its look, else plain text."""
    if suffix in TEXT_SUFFIXES:
        return _text_draft(_decode_text(data), stem, suffix)
    if not data.strip():
        raise AddError("is empty")
    kind = binary_kind(data)
    if kind:
        raise AddError(f"is {kind}, not an article text or web page")
    if suffix in HTML_SUFFIXES or _sniff_html(data):
        return replace(_draft_from_html(decode_page(data), "", (), report), notes=_charset_notes(data))
    return _text_draft(_decode_text(data), stem, NEW_FILE_SUFFIX)


def _with_headline(title: str, paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    if not title or (paragraphs and paragraphs[0] == title):
        return paragraphs
    return (title, *paragraphs)


def _draft_from_html(html: str, url: str, urls: tuple[str, ...], report: Progress) -> _Draft:
    report("Extracting the article from the page")
    extracted = extract_article(html, url)
    return _Draft(
        # the headline opens the text as well as the front matter: it is read, annotated and analysed
        text=article_text(_front_matter_fields(extracted), _with_headline(extracted.title, extracted.paragraphs)),
        stem=slugify(extracted.title),
        suffix=NEW_FILE_SUFFIX,
        urls=(*urls, extracted.url),
    )


def _front_matter_fields(extracted: ExtractedArticle) -> dict[str, str]:
    return {
        "title": extracted.title,
        "source": extracted.source,
        "date": extracted.date,
        "url": extracted.url,
        "language": extracted.language,
        "author": extracted.author,
    }


def _text_draft(text: str, stem: str, suffix: str, urls: tuple[str, ...] = ()) -> _Draft:
    """A plain-text article kept as written, so the library's own inference applies.

    Without a usable name (stdin, or a file name without Latin letters) it is named after the
    title the library infers.
    """
    draft = _Draft(text, stem, suffix, urls)
    if not stem:
        draft = _Draft(text, slugify(_parse(draft).title), suffix, urls)
    return draft


def _with_url(text: str, url: str) -> str:
    """Record where a plain text came from, unless it carries its own front matter."""
    try:
        has_front_matter = parse_front_matter(text).body_start > 0
    except FrontMatterError:
        return text  # a broken block: _parse reports it
    return text if has_front_matter else render_front_matter({"url": url}) + "\n" + text


def _decode_text(data: bytes) -> str:
    """The library's decoding rules: UTF-8, not empty, not binary."""
    try:
        return decode_article_bytes(data)
    except ArticleFileError as error:
        raise AddError(str(error)) from None


def _charset_notes(data: bytes, header_charset: str | None = None) -> tuple[str, ...]:
    return tuple(
        f"the declared charset {label[:40]!r} is not a text encoding; read as UTF-8 (or Windows-1252)"
        for label in unusable_charsets(data, header_charset)
    )


def _sniff_html(data: bytes) -> bool:
    return looks_like_html(data[:4096].decode("utf-8", errors="replace"))


def _ignore(_message: str) -> None:
    """The progress callback when the caller wants none."""
