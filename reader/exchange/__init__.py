"""Export and import of annotations: the project's JSON, W3C Web Annotation, Markdown and CSV.

One module per format (reader_json, w3c, markdown, csv_table); importing.py reads the two JSON
formats back with validation before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from datetime import datetime, timezone
from pathlib import Path

from ..annotations import AnnotationStore, utc_now
from ..annotations.bulk import gc_paused
from ..library import Library
from . import csv_table, markdown, reader_json, w3c
from .fields import ImportRefused
from .importing import ImportReport, import_file, plan_import, read_import_file
from .items import ExportItem, collect_items, write_file

Writer = Callable[[list[ExportItem], str], bytes]  # items, export time -> UTF-8 file content

# format name -> (writer, file extension)
FORMATS: dict[str, tuple[Writer, str]] = {
    "json": (reader_json.dumps, "json"),
    "w3c": (w3c.dumps, "jsonld"),
    "markdown": (markdown.dumps, "md"),
    "csv": (csv_table.dumps, "csv"),
}
EXPORTS_DIRNAME = "exports"


def export_bytes(
    store: AnnotationStore,
    library: Library,
    fmt: str = "json",
    article_ids: Iterable[str] = (),
    tags: Iterable[str] = (),
    csv_delimiter: str = csv_table.DEFAULT_DELIMITER,
) -> bytes:
    """The annotations (all, or of some articles, or with any of some tags) in one format, UTF-8.

    `csv_delimiter` separates the CSV columns (EXCEL_DELIMITER for German Excel).
    """
    writer, _ = FORMATS[fmt]
    if fmt == "csv":
        writer = partial(csv_table.dumps, delimiter=csv_delimiter)
    with gc_paused():
        return writer(collect_items(store, library.articles(), article_ids, tags), utc_now())


def export_text(
    store: AnnotationStore,
    library: Library,
    fmt: str = "json",
    article_ids: Iterable[str] = (),
    tags: Iterable[str] = (),
) -> str:
    """Like export_bytes, as text (for showing an export in the app)."""
    return export_bytes(store, library, fmt, article_ids, tags).decode("utf-8")


def export_to_directory(store: AnnotationStore, library: Library, fmt: str = "json") -> Path:
    """Write all annotations to annotations/exports/<UTC timestamp>.<ext>; returns the path."""
    _, extension = FORMATS[fmt]
    folder = library.annotations_dir / EXPORTS_DIRNAME
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    path = folder / f"{stamp}.{extension}"
    counter = 2
    while path.exists():
        path = folder / f"{stamp}-{counter}.{extension}"
        counter += 1
    write_file(path, export_bytes(store, library, fmt))
    return path


__all__ = [
    "FORMATS",
    "ExportItem",
    "ImportRefused",
    "ImportReport",
    "collect_items",
    "export_bytes",
    "export_text",
    "export_to_directory",
    "import_file",
    "plan_import",
    "read_import_file",
    "write_file",
]
