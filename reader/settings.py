"""Settings: command-line flags first, then environment variables (READER_*), then defaults."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path

from .text.repair import repair_surrogates


def default_author() -> str:
    try:
        return repair_surrogates(getpass.getuser())
    except (KeyError, OSError):  # no login name (e.g. a container without a passwd entry)
        return "unknown"


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "reader"


@dataclass(frozen=True)
class Settings:
    library: Path
    model: str | None
    author: str
    cache_dir: Path

    @classmethod
    def resolve(
        cls,
        library: str | Path | None = None,
        model: str | None = None,
        author: str | None = None,
        cache_dir: str | Path | None = None,
    ) -> Settings:
        env = os.environ
        return cls(
            library=Path(library or env.get("READER_LIBRARY") or Path.cwd()).expanduser(),
            model=model or env.get("READER_MODEL") or None,
            # a Latin-1 READER_AUTHOR or --author arrives as surrogate escapes: repaired, never an error
            author=repair_surrogates(author or env.get("READER_AUTHOR") or "") or default_author(),
            cache_dir=Path(cache_dir or env.get("READER_CACHE_DIR") or default_cache_dir()).expanduser(),
        )

    @property
    def library_index_dir(self) -> Path:
        """Where the parsed articles of each library are kept between runs."""
        return self.cache_dir / "library"
