"""The coding matrix: how many passages carry each code, per article or per outlet.

A passage counts once per code it carries, in the column of its article (or of the article's
outlet, its `source`); passages whose article left the library count under its id (or under
"(not in library)" by outlet). Every code of the codebook is a row, used or not, so the matrix
shows what was never coded too; each cell keeps the ids of its passages, to jump to them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..annotations import Annotation, tag_key
from ..annotations.codebook import Code
from ..articles import Article

BY = ("article", "outlet")
UNKNOWN_OUTLET = "(no outlet)"
NOT_IN_LIBRARY = "(not in library)"


@dataclass(frozen=True, slots=True)
class CodingMatrix:
    by: str  # "article" or "outlet"
    columns: tuple[str, ...]
    codes: tuple[str, ...]
    cells: dict[tuple[str, str], tuple[str, ...]]  # (code, column) -> annotation ids

    def count(self, code: str, column: str) -> int:
        return len(self.cells.get((code, column), ()))

    def row_total(self, code: str) -> int:
        return sum(self.count(code, column) for column in self.columns)

    def as_json(self) -> dict[str, object]:
        return {
            "by": self.by,
            "columns": list(self.columns),
            "rows": [
                {
                    "code": code,
                    "counts": {column: self.count(code, column) for column in self.columns},
                    "total": self.row_total(code),
                }
                for code in self.codes
            ],
        }

    def as_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["code", *self.columns, "total"])
        for code in self.codes:
            writer.writerow([_cell_text(code), *(self.count(code, c) for c in self.columns), self.row_total(code)])
        return out.getvalue()


def _cell_text(text: str) -> str:
    """A spreadsheet must not run a code name as a formula (=, +, -, @ first)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def coding_matrix(
    annotations: Iterable[Annotation], articles: Sequence[Article], codes: Sequence[Code], by: str = "article"
) -> CodingMatrix:
    if by not in BY:
        raise ValueError(f"by must be one of {', '.join(BY)}")
    by_id = {article.id: article for article in articles}
    spelling = {tag_key(code.name): code.name for code in codes}
    cells: dict[tuple[str, str], list[str]] = {}
    used_columns: set[str] = set()
    for annotation in annotations:
        column = _column(annotation.article_id, by_id, by)
        used_columns.add(column)
        for tag in annotation.tags:
            code = spelling.setdefault(tag_key(tag), tag)
            cells.setdefault((code, column), []).append(annotation.id)
    if by == "article":
        columns = [article.id for article in articles] + sorted(used_columns - by_id.keys())
    else:
        outlets = {(article.source or UNKNOWN_OUTLET) for article in articles} | used_columns
        columns = sorted(outlets, key=str.casefold)
    return CodingMatrix(
        by,
        tuple(columns),
        tuple(spelling.values()) if not codes else tuple(dict.fromkeys([*(c.name for c in codes), *spelling.values()])),
        {key: tuple(ids) for key, ids in cells.items()},
    )


def _column(article_id: str, by_id: dict[str, Article], by: str) -> str:
    article = by_id.get(article_id)
    if by == "article":
        return article_id
    if article is None:
        return NOT_IN_LIBRARY
    return article.source or UNKNOWN_OUTLET
