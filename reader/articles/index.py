"""A library's parsed articles in SQLite, so the next start reads rows instead of parsing files.

One SQLite file (WAL mode) per library folder in the cache (`$READER_CACHE_DIR/library/`): a
row per article file with its (mtime, ctime, size), the Article's metadata as parsed and a
checksum of them, and an FTS5 table with each article's title, outlet and text for the
library's filter. Starting reads the metadata rows only; an article's body is read from the
index when something first asks for it (IndexedArticle), and checked against the article's
version, which is the SHA-256 of the body: a body changed in the index is never shown, the
file is read instead.

The index is a cache, never the source of truth. A row is used only while its file still has
its stat key, while its metadata match their checksum, are of their types and name the file;
any other row is parsed from its file again and written back. The index as a whole is used
only while its meta table names this format, the parsing code that wrote it (a fingerprint of
the modules that turn a file into an Article) and this library folder: a damaged file (not a
database, malformed pages) or a foreign one is deleted and built anew, never trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import orjson

from .article import Article, article_version, paragraph_offsets

FORMAT = "reader-library-index-sqlite-1"
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
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL, size INTEGER NOT NULL,
    fields BLOB NOT NULL,
    checksum TEXT NOT NULL,
    has_text INTEGER NOT NULL DEFAULT 0
);
CREATE VIRTUAL TABLE texts USING fts5(title, source, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
"""
# every row that names a file (rows that do not are never matched, never used), and whether its
# stored values are of their types: checked by SQLite, not by a Python step per row
_LOAD = """
SELECT rowid, path, mtime_ns, ctime_ns, size, fields, checksum, has_text,
    typeof(fields) = 'blob' AND typeof(mtime_ns) = 'integer' AND typeof(ctime_ns) = 'integer'
    AND typeof(size) = 'integer' AND min(mtime_ns, ctime_ns, size) >= 0
FROM articles WHERE typeof(path) = 'text'
"""
_WORD = re.compile(r"\w+")


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
    return index_dir / f"{hashlib.sha256(str(root).encode('utf-8')).hexdigest()[:16]}.sqlite"


def checksum(fields: bytes) -> str:
    """The fingerprint of an article's metadata as serialised: any change to any value changes it."""
    return hashlib.sha256(fields).hexdigest()[:32]


def _metadata(article: Article) -> bytes:
    return orjson.dumps(
        {
            "id": article.id,
            "title": article.title,
            "source": article.source,
            "date": article.date,
            "url": article.url,
            "language": article.language,
            "author": article.author,
            "warnings": list(article.warnings),
            "version": article.version,
            "words": article.words,
        }
    )


# the metadata's keys in the order _metadata writes them, and the type of each value
_FIELDS = ("id", "title", "source", "date", "url", "language", "author", "warnings", "version", "words")
_FIELD_TYPES = (str, str, str, str, str, str, str, list, str, int)


def fts_query(text: str) -> str | None:
    """Each word of the filter as a prefix ("Luka" finds "Lukaschenko"), all of them required."""
    words = _WORD.findall(text)
    return " ".join(f'"{word}"*' for word in words) if words else None


class IndexedArticle(Article):
    """An Article restored from the index: its body is read from there when first asked for.

    Equal to the Article parsed from the same file, and pickled as one (with its body)."""

    _index: LibraryIndex
    _rowid: int
    _path_text: str

    @property
    def path(self) -> Path:  # made when first asked for: listing needs only its text
        made = self.__dict__.get("_path")
        if made is None:
            made = self.__dict__["_path"] = Path(self._path_text)
        return made

    @property
    def path_text(self) -> str:
        return self._path_text

    @property
    def body(self) -> str:
        loaded = self.__dict__.get("_body")
        if loaded is None:
            loaded = self.__dict__["_body"] = self._index.body_of(self)
        return loaded

    @property
    def paragraphs(self) -> tuple[tuple[int, int], ...]:
        found = self.__dict__.get("_paragraphs")
        if found is None:
            found = self.__dict__["_paragraphs"] = paragraph_offsets(self.body)
        return found

    def _fields(self) -> tuple[Any, ...]:
        return (self.id, self.path, self.body, self.title, self.source, self.date, self.url, self.language)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Article):
            return NotImplemented
        values = (self.author, self.warnings, self.version, self.words, self.paragraphs)
        theirs = (other.author, other.warnings, other.version, other.words, other.paragraphs)
        return values == theirs and self._fields() == (
            other.id,
            other.path,
            other.body,
            other.title,
            other.source,
            other.date,
            other.url,
            other.language,
        )

    def __hash__(self) -> int:
        return hash((self.id, self.path, self.version))

    def __reduce__(self) -> tuple[Any, ...]:
        fields = (self.id, self.path, self.body, self.title, self.source, self.date, self.url, self.language)
        return (Article, (*fields, self.author, self.warnings))


def _storable(path_text: str) -> bool:
    """Whether SQLite can hold the path: not a file name with bytes that are not UTF-8, which
    Python keeps as lone surrogates (and would make every scan fail on that one file)."""
    try:
        path_text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _stem(path_text: str) -> str:
    """The file name without its last suffix, as `PurePath.stem` gives it (without building a Path)."""
    name = path_text.rpartition("/")[2]
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def _restore(index: LibraryIndex, rowid: int, path_text: str, raw: bytes, stored_checksum: str) -> IndexedArticle:
    """An Article as it was parsed, without parsing, hashing and counting again; ValueError
    unless the metadata are the ones written for this file, and whole."""
    if stored_checksum != checksum(raw):
        raise ValueError("the row does not match its checksum")
    fields = orjson.loads(raw)
    # the checks of every row of a 100,000-article library, so as few Python steps as can be: exactly
    # the keys written, in their order (nothing else of the row gets in), each of its type
    if type(fields) is not dict or tuple(fields) != _FIELDS or tuple(map(type, fields.values())) != _FIELD_TYPES:
        raise ValueError("the row is not whole")
    if fields["id"] != _stem(path_text):
        raise ValueError("the row is not an article of this file")
    warnings = fields["warnings"]
    if fields["words"] < 0 or (warnings and not all(type(w) is str for w in warnings)):
        raise ValueError("the row is not whole")
    fields["warnings"] = tuple(warnings)
    fields["_path_text"], fields["_index"], fields["_rowid"] = path_text, index, rowid
    article = object.__new__(IndexedArticle)
    object.__setattr__(article, "__dict__", fields)  # the decoded dict is the instance's own: no copy
    return article


class LibraryIndex:
    """The index file of one library folder; every method is safe to call from any thread.

    A cache folder that cannot be written, or a database that fails later, costs speed only:
    the index then stops being used (`usable` is False) and the library parses its files.
    """

    def __init__(self, file: Path, root: Path) -> None:
        self.file = file
        self.root = root
        self._prefix = os.path.join(str(root), "")  # a row's path is the text of the file's path after it
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._ids: dict[int, str] = {}  # rowid → article id, for the filter's answers
        self._pending: dict[int, Article] = {}  # rows whose text is not in the full-text table yet
        self._folded: dict[int, str] = {}  # their texts case-folded, while the filter searches them in memory

    @property
    def usable(self) -> bool:
        return self._connect() is not None

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None:
            return self._db
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        for _ in range(2):
            try:
                self._db = self._open()
                return self._db
            except sqlite3.DatabaseError:  # not a database, malformed, or another format: build anew
                self._discard()
            except OSError:
                return None
        return None

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.file, check_same_thread=False, isolation_level=None, timeout=10)
        try:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
            wanted = {"format": FORMAT, "code": CODE_FINGERPRINT, "root": str(self.root)}
            if not tables:
                db.execute("BEGIN IMMEDIATE")
                db.executescript(_SCHEMA)  # commits
                db.executemany("INSERT INTO meta VALUES (?, ?)", list(wanted.items()))
                return db
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall()) if "meta" in tables else {}
            if meta != wanted or not {"articles", "texts"} <= tables:
                raise sqlite3.DatabaseError("a foreign or outdated index")
            return db
        except BaseException:
            db.close()
            raise

    def _discard(self) -> None:
        """Delete the index file (and its WAL and shared-memory files) so that it is built anew."""
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                Path(f"{self.file}{suffix}").unlink()

    def _failed(self) -> None:
        """A database error in use: the file is damaged; start over with a new one next time."""
        self._discard()

    def load(self) -> tuple[dict[str, tuple[StatKey, IndexedArticle]], set[str]]:
        """The usable rows (path's text → stat key, article), and the paths of rows that failed their checks."""
        entries: dict[str, tuple[StatKey, IndexedArticle]] = {}
        failed: set[str] = set()
        with self._lock:
            db = self._connect()
            if db is None:
                return entries, failed
            try:
                rows = db.execute(_LOAD).fetchall()
            except sqlite3.DatabaseError:
                self._failed()
                return entries, failed
        prefix, ids, pending = self._prefix, {}, {}
        for rowid, relative, mtime, ctime, size, raw, stored, has_text, sound in rows:
            path = prefix + relative
            try:
                if not sound:
                    raise ValueError("not a row of this index")
                article = _restore(self, rowid, path, raw, stored)
            except (ValueError, TypeError):
                failed.add(path)
                continue
            entries[path] = ((mtime, ctime, size), article)
            ids[rowid] = article.id
            if has_text != 1:
                pending[rowid] = article
        with self._lock:
            self._ids.update(ids)
            self._pending.update(pending)
        return entries, failed

    def update(self, written: Iterable[tuple[str, StatKey, Article]], removed: Iterable[str]) -> None:
        """Write the articles parsed anew and delete the rows of files gone, in one transaction
        (each file named by its path's text, as Library keys them)."""
        written, removed = list(written), list(removed)
        if not written and not removed:
            return
        with self._lock:
            db = self._connect()
            if db is None:
                return
            try:
                db.execute("BEGIN IMMEDIATE")
                for path in [*removed, *(path for path, _, _ in written)]:
                    if _storable(path):
                        self._delete(db, self._relative(path))
                for path, (mtime, ctime, size), article in written:
                    if not _storable(path):  # parsed on every start instead
                        continue
                    raw = _metadata(article)
                    cursor = db.execute(
                        "INSERT INTO articles (path, mtime_ns, ctime_ns, size, fields, checksum) VALUES (?, ?, ?, ?, ?, ?)",
                        (self._relative(path), mtime, ctime, size, raw, checksum(raw)),
                    )
                    rowid = cursor.lastrowid
                    assert rowid is not None
                    self._ids[rowid] = article.id
                    self._pending[rowid] = article
                db.execute("COMMIT")
            except sqlite3.DatabaseError:
                self._failed()

    def _relative(self, path_text: str) -> str:
        """The row's path of a file under the library folder: its path's text after the folder's."""
        if not path_text.startswith(self._prefix):
            raise ValueError(f"{path_text} is not in the library folder {self.root}")
        return path_text[len(self._prefix) :]

    def _delete(self, db: sqlite3.Connection, relative: str) -> None:
        row = db.execute("SELECT rowid, has_text FROM articles WHERE path = ?", (relative,)).fetchone()
        if row is not None:
            db.execute("DELETE FROM articles WHERE rowid = ?", row[:1])
            if row[1] == 1:
                db.execute("DELETE FROM texts WHERE rowid = ?", row[:1])
            self._ids.pop(row[0], None)
            self._pending.pop(row[0], None)
            self._folded.pop(row[0], None)

    @property
    def texts_pending(self) -> int:
        """Articles whose text the full-text table does not hold yet (index_texts adds them)."""
        return len(self._pending)

    def index_texts(self, batch: int = 50, stop: Callable[[], bool] = lambda: False) -> None:
        """Put the pending articles' texts into the full-text table, a transaction per batch, so the
        filter and the bodies stay answerable meanwhile: the lock is held for one batch's writes,
        never while texts are read from files. Parsing and listing never wait for this: it is the
        slow part of a first run (FTS5 tokenises every word). `stop` is asked before each batch, so
        quitting never waits for it; what is left stays pending and is indexed on the next run."""
        while not stop():
            with self._lock:
                chosen = list(self._pending.items())[:batch]
            if not chosen:
                return
            texts = []
            for rowid, article in chosen:
                body = article.__dict__.get("_body") if isinstance(article, IndexedArticle) else article.body
                if body is None:  # restored from an index whose text was never written: from its file
                    body = self._body_from_file(article)
                texts.append((rowid, article, body))
            with self._lock:
                db = self._connect()
                if db is None:
                    return
                try:
                    db.execute("BEGIN IMMEDIATE")
                    for rowid, article, body in texts:
                        if self._pending.get(rowid) is not article:  # deleted or rewritten meanwhile
                            continue
                        if body is not None:
                            db.execute(
                                "INSERT INTO texts (rowid, title, source, body) VALUES (?, ?, ?, ?)",
                                (rowid, article.title, article.source, body),
                            )
                            db.execute("UPDATE articles SET has_text = 1 WHERE rowid = ?", (rowid,))
                        del self._pending[rowid]
                        self._folded.pop(rowid, None)
                    db.execute("COMMIT")
                except sqlite3.DatabaseError:
                    self._failed()
                    return

    @staticmethod
    def _body_from_file(article: Article) -> str | None:
        from .loader import ArticleFileError, read_article_file

        try:
            parsed = read_article_file(article.path)
        except ArticleFileError:
            return None
        return parsed.body if parsed.version == article.version else None

    def body_of(self, article: IndexedArticle) -> str:
        """The article's body from the index, if it is the body of its version; else from its file,
        if the file still holds that version; else ArticleFileError (changed since the scan)."""
        with self._lock:
            db = self._connect()
            body, has_row = None, False
            if db is not None:
                try:
                    row = db.execute("SELECT body FROM texts WHERE rowid = ?", (article._rowid,)).fetchone()
                    has_row = row is not None
                    body = row[0] if has_row and isinstance(row[0], str) else None
                except sqlite3.DatabaseError:
                    self._failed()
        if body is not None and article_version(body) == article.version:
            return body
        from .loader import ArticleFileError, read_article_file

        parsed = read_article_file(article.path)
        if parsed.version != article.version:
            raise ArticleFileError(f"{article.path.name} changed on disk since the library was read; reload it (r)")
        if has_row:  # the row's text was damaged (a missing one is pending: index_texts writes it)
            self._repair_text(article._rowid, parsed)
        return parsed.body

    def _repair_text(self, rowid: int, article: Article) -> None:
        """Write the text of a row whose body was damaged, so the filter finds what the file says."""
        with self._lock:
            db = self._connect()
            if db is None:
                return
            try:
                db.execute("BEGIN IMMEDIATE")
                db.execute("DELETE FROM texts WHERE rowid = ?", (rowid,))
                db.execute(
                    "INSERT INTO texts (rowid, title, source, body) VALUES (?, ?, ?, ?)",
                    (rowid, article.title, article.source, article.body),
                )
                db.execute("COMMIT")
            except sqlite3.DatabaseError:
                self._failed()

    def search(self, query: str) -> set[str] | None:
        """Ids of the articles whose title, outlet or text hold every word of the query (as a
        word's beginning); None when the index cannot answer (no index, or no words in the query).
        Articles whose text is not indexed yet are searched in memory meanwhile, each word of the
        query anywhere in their title, outlet or text (case aside)."""
        expression = fts_query(query)
        if expression is None:
            return None
        with self._lock:
            db = self._connect()
            if db is None:
                return None
            try:  # one row, not one per article: each row fetched is a round trip through the GIL
                (joined,) = db.execute(
                    "SELECT group_concat(rowid) FROM texts WHERE texts MATCH ?", (expression,)
                ).fetchone()
            except sqlite3.OperationalError:  # a query FTS5 cannot parse
                return None
            except sqlite3.DatabaseError:
                self._failed()
                return None
            ids, pending = self._ids, list(self._pending.items())
            found = set(filter(None, map(ids.get, map(int, joined.split(","))))) if joined else set()
        if pending:
            words = [word.casefold() for word in _WORD.findall(query)]
            for rowid, article in pending:
                text = self._folded.get(rowid)
                if text is None:
                    text = self._folded[rowid] = f" {article.title} {article.source} {article.body}".casefold()
                if all(word in text for word in words):
                    found.add(article.id)
        return found

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._db.close()
                self._db = None
