"""Where `reader export -o PATH` writes, and how, so that it never replaces what it should not.

- `-` is standard output: the CLI writes it as it writes an export without -o.
- A special file — a FIFO, a character device, a socket, and anything under /dev or /proc
  (/dev/stdout, /dev/fd/3, /proc/self/fd/1) — is opened and written as a stream: never renamed
  over, never created, never truncated.
- A symbolic link is refused (it would be replaced by a file), unless it leads to a special file.
- A regular file (or a new name) is replaced atomically: readers see the old or the new file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..annotations import StoreError
from ..annotations.storage import os_reason
from .items import write_file

STREAM_PREFIXES = ("/dev/", "/proc/")


class ExportRefused(StoreError):
    """The export cannot go where it was asked to; the message is one line."""


def _is_special(mode: int) -> bool:
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISSOCK(mode) or stat.S_ISBLK(mode)


def write_stream(path: str, data: bytes) -> None:
    """Write to an existing special file (appending, so a redirected regular file keeps `>>`)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as error:
        raise ExportRefused(f"cannot write the export to {path}: {os_reason(error)}") from None
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as error:
        raise ExportRefused(f"cannot write the export to {path}: {os_reason(error)}") from None
    finally:
        os.close(fd)


def write_export(path: str, data: bytes) -> None:
    """Write an export to PATH (not '-') as described in the module docstring."""
    if os.path.abspath(path).startswith(STREAM_PREFIXES):
        write_stream(path, data)
        return
    try:
        link = os.lstat(path)
    except FileNotFoundError:
        link = None
    except OSError as error:
        raise ExportRefused(f"cannot write the export to {path}: {os_reason(error)}") from None
    if link is not None and stat.S_ISLNK(link.st_mode):
        try:
            target = os.stat(path)
        except OSError:
            target = None
        if target is not None and _is_special(target.st_mode):
            write_stream(path, data)
            return
        raise ExportRefused(
            f"{path} is a symbolic link; it was not replaced — give the file it points to, or another name"
        )
    if link is not None and stat.S_ISDIR(link.st_mode):
        raise ExportRefused(f"{path} is a folder; give a file name")
    if link is not None and _is_special(link.st_mode):
        write_stream(path, data)
        return
    write_file(Path(path), data)
