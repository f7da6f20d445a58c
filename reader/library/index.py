"""A library's parsed articles on disk, so the next start reads one file instead of parsing all.

One JSON file per library folder in the cache (`$READER_CACHE_DIR/library/`), holding each
article file's (mtime, ctime, size) and the Article parsed from it. An entry is used only while
its file still has them; the index as a whole only while the parsing code is the code that
wrote it (its fingerprint covers the modules that turn a file into an Article). Anything
unreadable is ignored — the index is a cache, never the source of truth — and it is replaced
atomically, so a crash leaves the old one or the new one.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import orjson

from ..atomic_files import replace_atomically
from .article import Article

FORMAT = "reader-library-index"
_PARSING_MODULES = ("article.py", "frontmatter.py", "infer.py", "loader.py", "index.py")
# (mtime_ns, ctime_ns, size): ctime changes with every write, even one that puts the mtime back
StatKey = tuple[int, int, int]


def _code_fingerprint() -> str:
    """A hash of the parsing modules' source; where no source ships, the package version."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    try:
        for name in _PARSING_MODULES:
            digest.update((here / name).read_bytes())
    except OSError:
        from .. import __version__

        return "version-" + __version__
    return digest.hexdigest()[:16]


CODE_FINGERPRINT = _code_fingerprint()


def index_path(index_dir: Path, root: Path) -> Path:
    return index_dir / f"{hashlib.sha256(str(root).encode('utf-8')).hexdigest()[:16]}.json"


def _article_record(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "body": article.body,
        "title": article.title,
        "source": article.source,
        "date": article.date,
        "url": article.url,
        "language": article.language,
        "author": article.author,
        "warnings": list(article.warnings),
        "version": article.version,
        "words": article.words,
        "paragraphs": [offset for span in article.paragraphs for offset in span],
    }


def _restore(path: Path, record: dict[str, Any]) -> Article:
    """An Article as it was parsed, without parsing, hashing and counting again."""
    article = object.__new__(Article)
    flat = record["paragraphs"]
    values = {
        "id": record["id"],
        "path": path,
        "body": record["body"],
        "title": record["title"],
        "source": record["source"],
        "date": record["date"],
        "url": record["url"],
        "language": record["language"],
        "author": record["author"],
        "warnings": tuple(record["warnings"]),
        "version": record["version"],
        "words": record["words"],
        "paragraphs": tuple(zip(flat[0::2], flat[1::2])),
    }
    for name, value in values.items():
        object.__setattr__(article, name, value)
    return article


def read_index(file: Path, root: Path) -> dict[Path, tuple[StatKey, Article]]:
    """The usable entries of an index file; empty when it is missing, foreign, stale or damaged."""
    try:
        data = orjson.loads(file.read_bytes())
        if data.get("format") != FORMAT or data.get("code") != CODE_FINGERPRINT or data.get("root") != str(root):
            return {}
        entries = {}
        for relative, (mtime_ns, ctime_ns, size), record in data["files"]:
            path = root / relative
            entries[path] = ((int(mtime_ns), int(ctime_ns), int(size)), _restore(path, record))
        return entries
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def write_index(file: Path, root: Path, entries: dict[Path, tuple[StatKey, Article]]) -> None:
    """Replace the index atomically; a cache folder that cannot be written costs speed only."""
    files = [
        [path.relative_to(root).as_posix(), list(key), _article_record(article)]
        for path, (key, article) in sorted(entries.items())
    ]
    data = orjson.dumps({"format": FORMAT, "code": CODE_FINGERPRINT, "root": str(root), "files": files})
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        replace_atomically(file, data, durable=False)
    except OSError:
        pass
