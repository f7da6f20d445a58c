"""Reading members of a zip someone else wrote (a .qdpx) without trusting it.

Nothing is extracted to disk: members are read into memory by name. A member name that could
point outside the archive's own tree (absolute, "..", a drive, a backslash, a NUL) is never read
and is reported. Sizes are capped on what is actually decompressed, not on what the header
claims, so a zip bomb stops at the cap; so does an archive with absurdly many members.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

MAX_MEMBERS = 100_000
MAX_MEMBER_BYTES = 512 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
_CHUNK = 1 << 20


class ArchiveRefused(ValueError):
    """The archive cannot be read safely; the message is one line."""


def is_safe_name(name: str) -> bool:
    """Whether a member name stays inside the archive's tree (relative, no "..", POSIX separators)."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return False
    normal = posixpath.normpath(name)
    return not (normal == ".." or normal.startswith("../") or normal.startswith("/"))


@dataclass
class SafeArchive:
    """An open zip with its safe member names; `read` decompresses one member within the caps."""

    archive: zipfile.ZipFile
    names: dict[str, zipfile.ZipInfo]  # normalised name -> member
    unsafe: list[str] = field(default_factory=list)
    read_bytes: int = 0

    @classmethod
    def open(cls, path: Path) -> SafeArchive:
        try:
            archive = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            raise ArchiveRefused(f"is not a readable zip file ({error})") from None
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            archive.close()
            raise ArchiveRefused(f"holds {len(members):,} files, more than {MAX_MEMBERS:,}")
        names: dict[str, zipfile.ZipInfo] = {}
        unsafe: list[str] = []
        for info in members:
            if info.is_dir():
                continue
            if is_safe_name(info.filename):
                names[posixpath.normpath(info.filename)] = info
            else:
                unsafe.append(info.filename)
        return cls(archive, names, unsafe)

    def find(self, name: str) -> str | None:
        """The member of this name (exact, else ignoring case, as Windows-made archives need), or None."""
        if not is_safe_name(name):
            return None
        normal = posixpath.normpath(name)
        if normal in self.names:
            return normal
        folded = normal.casefold()
        return next((member for member in self.names if member.casefold() == folded), None)

    def read(self, name: str) -> bytes:
        """A member's bytes; ArchiveRefused past the size caps or when it cannot be decompressed."""
        info = self.names[name]
        limit = min(MAX_MEMBER_BYTES, MAX_TOTAL_BYTES - self.read_bytes)
        chunks: list[bytes] = []
        size = 0
        try:
            with self.archive.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise ArchiveRefused(
                            f"{name} decompresses to more than {limit:,} bytes (a zip bomb?); nothing was imported"
                        )
                    chunks.append(chunk)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
            raise ArchiveRefused(f"{name} cannot be decompressed ({error})") from None
        self.read_bytes += size
        return b"".join(chunks)

    def close(self) -> None:
        self.archive.close()
