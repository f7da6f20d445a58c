"""A library's parsed articles on disk, so the next start reads one file instead of parsing all.

One JSON file per library folder in the cache (`$READER_CACHE_DIR/library/`), holding each
article file's (mtime, ctime, size) and the Article parsed from it. An entry is used only while
its file still has them; the index as a whole only while the parsing code is the code that
wrote it (its fingerprint covers the modules that turn a file into an Article). The index is a
cache, never the source of truth, so nothing in it is trusted unchecked: each entry carries a
checksum of its fields (SHA-256 of them as written), and one whose fields do not match
it, whose values are not of their types or whose id is not its file's name is parsed from its
file again. So a body changed in the index, or damaged on disk, is never shown instead of the
file. Checking costs one hash over the bodies, not a second parse. A damaged file counts as no
index. It is replaced atomically, so a crash leaves the old one or the new one.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import orjson

from ..atomic_files import replace_atomically
from ..regular_files import FileRefused, read_regular_file
from .article import Article

FORMAT = "reader-library-index"
MAX_INDEX_BYTES = 4 * 1024 * 1024 * 1024  # the bodies of a very large library
# the modules that turn a file into an Article, relative to the reader package
_PARSING_MODULES = (
    "articles/article.py",
    "articles/frontmatter.py",
    "articles/infer.py",
    "articles/loader.py",
    "articles/index.py",
    "text/marks.py",
    "text/segments.py",
    "text/shortening.py",
)
# (mtime_ns, ctime_ns, size): ctime changes with every write, even one that puts the mtime back
StatKey = tuple[int, int, int]


def _code_fingerprint() -> str:
    """A hash of the parsing modules' source; where no source ships, the package version."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    try:
        for name in _PARSING_MODULES:
            digest.update((package / name).read_bytes())
    except OSError:
        from .. import __version__

        return "version-" + __version__
    return digest.hexdigest()[:16]


CODE_FINGERPRINT = _code_fingerprint()


def index_path(index_dir: Path, root: Path) -> Path:
    return index_dir / f"{hashlib.sha256(str(root).encode('utf-8')).hexdigest()[:16]}.json"


def _article_fields(article: Article) -> dict[str, Any]:
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


_TEXT_FIELDS = ("id", "body", "title", "source", "date", "url", "language", "author", "version")


def checksum(fields: dict[str, Any]) -> str:
    """The fingerprint of an article's fields as serialised: any change to any value changes it."""
    return hashlib.sha256(orjson.dumps(fields)).hexdigest()[:32]


def _restore(path: Path, fields: Any, stored_checksum: Any) -> Article:
    """An Article as it was parsed, without parsing, hashing and counting again; ValueError
    unless the fields are the ones written for this file, and whole."""
    if not isinstance(fields, dict) or stored_checksum != checksum(fields):
        raise ValueError("the entry does not match its checksum")
    if not all(isinstance(fields.get(name), str) for name in _TEXT_FIELDS) or fields["id"] != path.stem:
        raise ValueError("the entry is not an article of this file")
    warnings, words, flat = fields.get("warnings"), fields.get("words"), fields.get("paragraphs")
    if not (isinstance(warnings, list) and _is_count(words) and isinstance(flat, list) and len(flat) % 2 == 0):
        raise ValueError("the entry is not whole")
    article = object.__new__(Article)
    values = {
        "id": fields["id"],
        "path": path,
        "body": fields["body"],
        "title": fields["title"],
        "source": fields["source"],
        "date": fields["date"],
        "url": fields["url"],
        "language": fields["language"],
        "author": fields["author"],
        "warnings": tuple(warnings),
        "version": fields["version"],
        "words": words,
        "paragraphs": tuple(zip(flat[0::2], flat[1::2], strict=True)),  # even length, checked above,
    }
    for name, value in values.items():
        object.__setattr__(article, name, value)
    return article


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def read_index(file: Path, root: Path) -> dict[Path, tuple[StatKey, Article]]:
    """The usable entries of an index file: none when it is missing, foreign, stale or damaged
    as a whole; an entry that fails its checks is left out (its file is parsed again)."""
    try:
        data = orjson.loads(read_regular_file(file, MAX_INDEX_BYTES))
    except (OSError, FileRefused, ValueError):
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("files"), list):
        return {}
    if data.get("format") != FORMAT or data.get("code") != CODE_FINGERPRINT or data.get("root") != str(root):
        return {}
    entries = {}
    for entry in data["files"]:
        try:
            relative, key, fields, stored_checksum = entry
            if not (
                isinstance(relative, str) and isinstance(key, list) and len(key) == 3 and all(_is_count(n) for n in key)
            ):
                raise ValueError("not a (path, stat key, article, checksum) entry")
            path = root / relative
            entries[path] = ((key[0], key[1], key[2]), _restore(path, fields, stored_checksum))
        except (ValueError, TypeError):
            continue
    return entries


def write_index(file: Path, root: Path, entries: dict[Path, tuple[StatKey, Article]]) -> None:
    """Replace the index atomically; a cache folder that cannot be written costs speed only."""
    files = []
    for path, (key, article) in sorted(entries.items()):
        fields = _article_fields(article)
        files.append([path.relative_to(root).as_posix(), list(key), fields, checksum(fields)])
    data = orjson.dumps({"format": FORMAT, "code": CODE_FINGERPRINT, "root": str(root), "files": files})
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        replace_atomically(file, data, durable=False)
    except OSError:
        pass
