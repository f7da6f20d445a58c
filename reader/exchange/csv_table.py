"""CSV for spreadsheets: one row per annotation.

UTF-8 with a byte-order mark: Excel opens BOM-less UTF-8 CSV as the Windows code page and turns
"Gipfeltreffen in Anchorage – Bilder für Putin" into "Bilder fÃ¼r Putin"; with the BOM Excel,
LibreOffice, Numbers, Google Sheets and pandas (encoding="utf-8-sig") all read it right.
Comma-separated with CRLF rows (RFC 4180), or another delimiter: German Excel, where the comma
is the decimal separator, splits columns at ';' (EXCEL_DELIMITER). Text cells that a spreadsheet
would run as a formula (starting with = + - @, a tab or a carriage return) get a leading
apostrophe, so an exported note can never execute. Tags are joined by '; ' with a backslash
before a ';' or '\\' inside a tag, so a tag holding the separator is still one tag.
start, end and passage are where the annotation is in the current text (a re-anchored one at its
new place); an orphan keeps its stored ones; `text_version` names the text they refer to.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from .items import ExportItem

COLUMNS = (
    "id",
    "article_id",
    "article_title",
    "article_source",
    "article_date",
    "state",
    "start",
    "end",
    "passage",
    "tags",
    "note",
    "author",
    "created",
    "updated",
    "color",
    "article_url",  # added later: columns are only ever appended
    "text_version",  # the article text version start/end/passage refer to (issue 19)
)
TAG_SEPARATOR = "; "
DEFAULT_DELIMITER = ","
EXCEL_DELIMITER = ";"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def join_tags(tags: Iterable[str]) -> str:
    """'a; b' for the tags a and b; a ';' or a backslash inside a tag is escaped by a backslash."""
    return TAG_SEPARATOR.join(tag.replace("\\", "\\\\").replace(";", "\\;") for tag in tags)


def check_delimiter(delimiter: str) -> None:
    """A delimiter is one character that cannot be part of a quoted cell's syntax."""
    if len(delimiter) != 1 or delimiter in '"\r\n':
        raise ValueError(
            f"a CSV delimiter is one character other than a double quote or a line break, not {delimiter!r}"
        )


def dumps(items: list[ExportItem], exported: str, delimiter: str = DEFAULT_DELIMITER) -> bytes:
    check_delimiter(delimiter)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(COLUMNS)
    for item in items:
        annotation, article, anchor = item.annotation, item.article, item.anchor
        start, end, passage, version = annotation.start, annotation.end, annotation.exact, annotation.article_version
        if article is not None and anchor.start is not None and anchor.end is not None:
            start, end, version = anchor.start, anchor.end, article.version  # where it is in the current text
            passage = article.body[start:end]
        writer.writerow(
            [
                _safe(annotation.id),
                _safe(annotation.article_id),
                _safe(article.title if article else ""),
                _safe(article.source if article else ""),
                _safe(article.date if article else ""),
                anchor.state.value,
                start,
                end,
                _safe(passage),
                _safe(join_tags(annotation.tags)),
                _safe(annotation.note),
                _safe(annotation.author),
                _safe(annotation.created),
                _safe(annotation.updated),
                _safe(annotation.colour),
                _safe(article.url if article else ""),
                _safe(version),
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
