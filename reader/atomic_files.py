"""Replacing a file so that a crash leaves the old or the new one, never half of either.

The `*_in` variants work inside a folder tree that must not be left through a symbolic link
(the annotation store): every folder is opened with O_NOFOLLOW relative to its parent's
descriptor, and files are created, renamed and removed relative to the folder's descriptor, so a
link planted anywhere below the root fails with ELOOP instead of being followed.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path

TEMP_SUFFIX = ".tmp"
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_READ_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK


def temp_name_for(name: str, token: str | None = None) -> str:
    """A fresh hidden temp name for a file called `name`, to be created in the same folder.
    `token` (8 hex digits, secrets.token_hex(4)) may be one drawn for several files of one
    change, whose names differ already."""
    return f".{name}.{os.getpid()}.{token or secrets.token_hex(4)}{TEMP_SUFFIX}"


def temp_path_for(path: Path) -> Path:
    """A fresh hidden temp name beside `path` (same folder, so os.replace is atomic)."""
    return path.with_name(temp_name_for(path.name))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def write_temp(name: str, data: bytes, *, durable: bool = True, dir_fd: int | None = None) -> str:
    """Create a fresh temp file for `name` holding `data`; returns the temp file's name.

    With `dir_fd`, `name` is a bare file name in that folder. On any OSError the temp file is
    removed and the error raised.
    """
    temp = temp_name_for(Path(name).name) if dir_fd is not None else str(temp_path_for(Path(name)))
    write_new_file(temp, data, durable=durable, dir_fd=dir_fd)
    return temp


def write_new_file(name: str, data: bytes, *, durable: bool = True, dir_fd: int | None = None) -> None:
    """Create the file `name`, which must not exist yet, holding `data` (fsynced when `durable`).
    On any OSError the file is removed and the error raised."""
    fd: int | None = None
    try:
        # O_EXCL with O_CREAT never follows a link: a planted one makes this fail, not write through it.
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644, dir_fd=dir_fd)
        _write_all(fd, data)
        if durable:
            os.fsync(fd)
        os.close(fd)
        fd = None
    except BaseException:
        if fd is not None:
            os.close(fd)
        remove_quietly(name, dir_fd=dir_fd)
        raise


def remove_quietly(name: str, *, dir_fd: int | None = None) -> None:
    with suppress(OSError):
        os.unlink(name, dir_fd=dir_fd)


def replace_atomically(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write `data` to a temp file beside `path` and rename it over `path`.

    `durable` fsyncs before the rename (the data must survive a power cut, as notes must; a cache
    need not). On any OSError the temp file is removed and the error raised.
    """
    temp = write_temp(str(path), data, durable=durable)
    try:
        os.replace(temp, path)
    except BaseException:
        remove_quietly(temp)
        raise


def replace_atomically_in(root: Path, relative: str, data: bytes, *, durable: bool = True) -> None:
    """replace_atomically for `root/relative`, creating missing folders, never through a link.
    `durable` also fsyncs the folder after the rename, so that a save reported done stays done."""
    *folders, name = relative.split("/")
    with open_folder(root, folders, create=True) as dir_fd:
        temp = write_temp(name, data, durable=durable, dir_fd=dir_fd)
        try:
            os.replace(temp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
        except BaseException:
            remove_quietly(temp, dir_fd=dir_fd)
            raise
        if durable:
            fsync_folder(dir_fd)


def open_folder_fd(root: Path, folders: Sequence[str], *, create: bool = False) -> int:
    """A descriptor of root/folders[0]/folders[1]/…; neither `root` nor any folder may be a link.

    Missing folders are created when `create` (else FileNotFoundError). A link anywhere raises
    OSError ELOOP (or ENOTDIR). The caller closes the descriptor.
    """
    fd = os.open(root, _DIR_FLAGS)
    try:
        for folder in folders:
            if not folder or folder in (".", "..") or "/" in folder:
                raise ValueError(f"not a folder name: {folder!r}")
            try:
                next_fd = os.open(folder, _DIR_FLAGS, dir_fd=fd)
            except FileNotFoundError:
                if not create:
                    raise
                with suppress(FileExistsError):  # made by another process just now
                    os.mkdir(folder, 0o755, dir_fd=fd)
                next_fd = os.open(folder, _DIR_FLAGS, dir_fd=fd)
            os.close(fd)
            fd = next_fd
    except BaseException:
        os.close(fd)
        raise
    return fd


class FolderFds:
    """Descriptors of folders below a root, each opened once (never through a link) and closed
    with `stack`: a change of 1,280 shard files otherwise opens every folder on the way to each.
    Without `create`, a missing folder is remembered as missing (FileNotFoundError each time)."""

    def __init__(self, root: Path, stack: ExitStack, *, create: bool = False) -> None:
        self.root, self.stack, self.create = root, stack, create
        self.fds: dict[tuple[str, ...], int] = {}
        self.missing: set[tuple[str, ...]] = set()

    def fd(self, folders: tuple[str, ...]) -> int:
        if folders in self.missing:
            raise FileNotFoundError(errno.ENOENT, "no such folder", "/".join(folders))
        if folders not in self.fds:
            try:
                fd = open_folder_fd(self.root, folders, create=self.create)
            except FileNotFoundError:
                self.missing.add(folders)
                raise
            self.stack.callback(os.close, fd)
            self.fds[folders] = fd
        return self.fds[folders]


@contextmanager
def open_folder(root: Path, folders: Sequence[str], *, create: bool = False) -> Iterator[int]:
    fd = open_folder_fd(root, folders, create=create)
    try:
        yield fd
    finally:
        os.close(fd)


def read_regular_file(name: str, *, dir_fd: int | None = None) -> bytes:
    """The bytes of a regular file, never through a link (ELOOP) and never a FIFO or device."""
    fd = os.open(name, _READ_FLAGS, dir_fd=dir_fd)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", name)
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_regular_file_in(root: Path, relative: str) -> bytes:
    *folders, name = relative.split("/")
    with open_folder(root, folders) as dir_fd:
        return read_regular_file(name, dir_fd=dir_fd)


def fsync_folder(dir_fd: int) -> None:
    """Make renames and removals in a folder durable (a power cut keeps them)."""
    with suppress(OSError):  # some file systems cannot fsync a folder; the rename itself is still atomic
        os.fsync(dir_fd)
