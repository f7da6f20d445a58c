"""Article files: their text (front matter, then one paragraph per line) and writing a new one
under a free name, never over an existing file."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from ..articles.frontmatter import render_front_matter
from .errors import AddError

FALLBACK_STEM = "artikel"


def article_text(fields: Mapping[str, str], paragraphs: Sequence[str]) -> str:
    """Front matter for the known fields, then the paragraphs, one a line, blank lines between."""
    return render_front_matter(dict(fields)) + "\n" + "\n\n".join(paragraphs) + "\n"


def write_new_file(directory: Path, stem: str, suffix: str, text: str, taken: Collection[str] = ()) -> Path:
    """Write text as UTF-8 to the first free `<stem>[-N]<suffix>` in directory (created if need
    be) and return its path.

    A name is free if no file has it and it is not in `taken` (the library's article ids, which
    are file stems across all suffixes and subfolders). Files are created exclusively, so an
    existing file is never overwritten, even by a concurrent writer; a failed write leaves no file.
    """
    try:
        directory.mkdir(exist_ok=True)
    except OSError as error:
        raise AddError(f"cannot be saved: {directory} cannot be created ({error.strerror or error})") from None
    stem = stem or FALLBACK_STEM
    number = 1
    while True:
        candidate = stem if number == 1 else f"{stem}-{number}"
        number += 1
        path = directory / f"{candidate}{suffix}"
        if candidate in taken:
            continue
        try:
            file = path.open("x", encoding="utf-8", newline="\n")
        except FileExistsError:
            continue
        except OSError as error:
            raise AddError(f"cannot be saved to {directory}: {error.strerror or error}") from None
        try:
            with file:
                file.write(text)
        except OSError as error:
            path.unlink(missing_ok=True)
            raise AddError(f"cannot be saved to {path}: {error.strerror or error}") from None
        return path
