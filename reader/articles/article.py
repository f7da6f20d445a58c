"""Article: one article's metadata and body text, the single string every offset indexes."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from ..text.marks import CLOSING_BRACKETS, OPENING_BRACKETS, QUOTES_NOT_APOSTROPHES
from .frontmatter import KNOWN_KEYS, parse_front_matter
from .infer import infer_title, is_headline, strip_date_marker

PARAGRAPH_SEPARATOR = "\n\n"
LANGUAGE_SAMPLE_CHARS = 1500  # a German or English news text has dozens of function words in it
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_GERMAN_HINTS = {"der", "die", "das", "und", "nicht", "ist", "mit", "sich", "auf", "für", "dem", "ein", "eine"}
_ENGLISH_HINTS = {"the", "and", "of", "to", "is", "that", "with", "for", "was", "on", "are", "this"}
# words are split at whitespace and punctuation, not at hyphens or apostrophes ("der-die" is no hint)
_WORD_BREAKS = re.compile(rf"[\s.,;:!?/{re.escape(OPENING_BRACKETS + CLOSING_BRACKETS + QUOTES_NOT_APOSTROPHES)}]+")


def article_version(body: str) -> str:
    """A short content hash: equal bodies have equal versions, any edit changes it."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def count_words(text: str) -> int:
    """Whitespace-separated tokens, as `wc -w` counts them: cheap even for a 50 MB article."""
    return len(text.split())


def guess_language(body: str) -> str:
    """'de' or 'en' by function-word counts in the first ~250 words, else ''."""
    words = _WORD_BREAKS.split(body[:LANGUAGE_SAMPLE_CHARS].lower())
    german = sum(map(_GERMAN_HINTS.__contains__, words))
    english = sum(map(_ENGLISH_HINTS.__contains__, words))
    if max(german, english) < 3:
        return ""
    return "de" if german >= english else "en"


def paragraph_offsets(body: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each paragraph of a body, as PARAGRAPH_SEPARATOR separates them."""
    spans: list[tuple[int, int]] = []
    start = 0
    for paragraph in body.split(PARAGRAPH_SEPARATOR) if body else []:
        spans.append((start, start + len(paragraph)))
        start += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return tuple(spans)


@dataclass(frozen=True)
class Article:
    id: str
    path: Path
    body: str
    title: str = ""
    source: str = ""
    date: str = ""
    url: str = ""
    language: str = ""
    author: str = ""
    warnings: tuple[str, ...] = ()
    version: str = field(init=False)
    words: int = field(init=False)
    paragraphs: tuple[tuple[int, int], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "version", article_version(self.body))
        object.__setattr__(self, "words", count_words(self.body))
        object.__setattr__(self, "paragraphs", paragraph_offsets(self.body))

    @property
    def path_text(self) -> str:
        """`str(self.path)`, which an article restored from the index has without making the Path."""
        return str(self.path)

    @property
    def display_title(self) -> str:
        return self.title or self.id

    def summary(self) -> dict[str, str | int]:
        """The fields `reader list --json` prints (a contract for scripts)."""
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "date": self.date,
            "words": self.words,
            "path": self.path_text,
            "version": self.version,
        }


def source_from_url(url: str) -> str:
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.")


def parse_article(text: str, path: Path, article_id: str) -> Article:
    """Build an Article from a file's decoded text (front matter, then inference for the rest).

    Raises FrontMatterError when the file opens a front-matter block that cannot be read.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front = parse_front_matter(text)
    meta = front.fields
    warnings: list[str] = []
    unknown = sorted(set(meta) - set(KNOWN_KEYS))
    if unknown:
        warnings.append(f"front matter keys not used: {', '.join(unknown)}")

    paragraphs = [line.strip() for line in text[front.body_start :].split("\n") if line.strip()]
    date = meta.get("date", "")
    if date and not _ISO_DATE.match(date[:10]):
        warnings.append(f"date {date!r} is not YYYY-MM-DD; ignored")
        date = ""
    date = date[:10]
    if not date and paragraphs:
        date, rest = strip_date_marker(paragraphs[0])
        if date:
            paragraphs[0] = rest.strip()
            if not paragraphs[0]:
                paragraphs.pop(0)

    title = meta.get("title", "")
    if not title and len(paragraphs) > 1 and is_headline(paragraphs[0]):
        title = paragraphs[0]  # and it stays the body's first paragraph: headlines are read, coded, quoted
    if not title:
        title = infer_title(paragraphs)

    body = PARAGRAPH_SEPARATOR.join(paragraphs)
    url = meta.get("url", "")
    return Article(
        id=article_id,
        path=path,
        body=body,
        title=title,
        source=meta.get("source", "") or source_from_url(url),
        date=date,
        url=url,
        language=meta.get("language", "") or guess_language(body),
        author=meta.get("author", ""),
        warnings=tuple(warnings),
    )
