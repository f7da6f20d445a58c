"""CSV for spreadsheets: one row per annotation.

UTF-8 with a byte-order mark: Excel opens BOM-less UTF-8 CSV as the Windows code page and turns
"Gipfeltreffen in Anchorage – Bilder für Putin" into "Bilder fÃ¼r Putin"; with the BOM Excel,
LibreOffice, Numbers, Google Sheets and pandas (encoding="utf-8-sig") all read it right.
Comma-separated with CRLF rows (RFC 4180). Cells that a spreadsheet would run as a formula
(starting with = + - @) get a leading apostrophe, so an exported note can never execute.
"""

from __future__ import annotations

import csv
import io

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
)
TAG_SEPARATOR = "; "
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def dumps(items: list[ExportItem], exported: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for item in items:
        annotation, article = item.annotation, item.article
        writer.writerow(
            [
                annotation.id,
                annotation.article_id,
                _safe(article.title if article else ""),
                article.source if article else "",
                article.date if article else "",
                item.anchor.state.value,
                annotation.start,
                annotation.end,
                _safe(annotation.exact),
                _safe(TAG_SEPARATOR.join(annotation.tags)),
                _safe(annotation.note),
                _safe(annotation.author),
                annotation.created,
                annotation.updated,
                annotation.colour,
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
