"""Export and import of annotations: the project's JSON, W3C Web Annotation, Markdown, CSV and
REFI-QDA (.qdpx, for MAXQDA, ATLAS.ti, NVivo, QualCoder).

One module per format (reader_json, w3c, markdown, csv_table, qdpx); importing.py reads the two
JSON formats back with validation before anything is written, refi_import.py a .qdpx or .qde.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from ..annotations import StoreError, utc_now
from ..annotations.codebook import Code
from ..annotations.paths import EXPORTS_DIRNAME
from ..annotations.storage import describe_os_error
from ..articles import Library
from ..atomic_files import replace_atomically_in
from ..collector import gc_paused
from . import csv_table, markdown, qdpx, reader_json, w3c
from .fields import ImportRefused
from .importing import ImportReport, import_file, plan_import, read_import_file
from .items import AnnotationSource, ExportItem, collect_items, write_file
from .output import ExportRefused, write_export

Writer = Callable[[list[ExportItem], str], bytes]  # items, export time -> UTF-8 file content

# format name -> (writer, file extension)
FORMATS: dict[str, tuple[Writer, str]] = {
    "json": (reader_json.dumps, "json"),
    "w3c": (w3c.dumps, "jsonld"),
    "markdown": (markdown.dumps, "md"),
    "csv": (csv_table.dumps, "csv"),
    "qdpx": (qdpx.dumps, "qdpx"),
}


def export_bytes(
    store: AnnotationSource,
    library: Library,
    fmt: str = "json",
    article_ids: Iterable[str] = (),
    tags: Iterable[str] = (),
    csv_delimiter: str = csv_table.DEFAULT_DELIMITER,
    codes: Sequence[Code] = (),
) -> bytes:
    """The annotations (all, or of some articles, or with any of some tags) in one format, UTF-8
    (a zip for qdpx).

    `csv_delimiter` separates the CSV columns (EXCEL_DELIMITER for German Excel); `codes` is the
    codebook a qdpx project carries (the codes the annotations use are added to it).
    """
    writer, _ = FORMATS[fmt]
    if fmt == "csv":
        writer = partial(csv_table.dumps, delimiter=csv_delimiter)
    elif fmt == "qdpx":
        writer = partial(qdpx.dumps, codes=codes)
    with gc_paused():
        return writer(collect_items(store, library.articles(), article_ids, tags), utc_now())


def export_to_directory(
    store: AnnotationSource,
    library: Library,
    fmt: str = "json",
    codes: Sequence[Code] = (),
    csv_delimiter: str = csv_table.DEFAULT_DELIMITER,
) -> Path:
    """Write all annotations to annotations/exports/<UTC timestamp>.<ext>; returns the path
    (`codes`: the codebook a qdpx project carries; `csv_delimiter`: the CSV's column delimiter).

    Written inside the store without following links: a linked exports/ folder is refused.
    """
    _, extension = FORMATS[fmt]
    folder = library.annotations_dir / EXPORTS_DIRNAME
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    name = f"{stamp}.{extension}"
    counter = 2
    while os.path.lexists(folder / name):
        name = f"{stamp}-{counter}.{extension}"
        counter += 1
    data = export_bytes(store, library, fmt, codes=codes, csv_delimiter=csv_delimiter)
    try:
        library.annotations_dir.mkdir(parents=True, exist_ok=True)
        replace_atomically_in(library.annotations_dir, f"{EXPORTS_DIRNAME}/{name}", data)
    except OSError as error:
        raise StoreError(describe_os_error(error, folder / name, "the export")) from None
    return folder / name


__all__ = [
    "FORMATS",
    "AnnotationSource",
    "ExportItem",
    "ExportRefused",
    "ImportRefused",
    "ImportReport",
    "collect_items",
    "export_bytes",
    "export_to_directory",
    "import_file",
    "plan_import",
    "read_import_file",
    "write_export",
    "write_file",
]
