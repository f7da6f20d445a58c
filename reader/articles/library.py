"""Library: the articles of one library directory, loaded lazily and re-read only when changed."""

from __future__ import annotations

import operator
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..collector import gc_paused
from ..regular_files import refusal_for
from .article import Article
from .index import LibraryIndex, StatKey, index_path
from .loader import ArticleFileError, LoadProblem, read_article_file

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
ARTICLES_DIRNAME = "articles"
ANNOTATIONS_DIRNAME = "annotations"
SYNC_TEXTS = 200  # a scan that parsed at most this many articles indexes their texts at once
FIRST_PROGRESS_S = 0.15  # a scan still going after this long shows what it has read so far…
PROGRESS_EVERY_S = 0.5  # …and again this often


def _suffix(name: str) -> str:
    """A file name's last suffix, as `PurePath.suffix` finds it (without building a Path)."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


class ArticleNotFound(KeyError):
    def __str__(self) -> str:
        return f"no article {self.args[0]!r} in the library, and no such file"


@dataclass(frozen=True)
class LibraryScan:
    articles: tuple[Article, ...]
    problems: tuple[LoadProblem, ...]  # files skipped, and why
    complete: bool = True  # False: the part of a scan read so far (Library.scan's progress)

    @property
    def warnings(self) -> tuple[str, ...]:
        """What was read with a caveat, one line each ("x.txt: date 'gestern' is not YYYY-MM-DD; ignored")."""
        return tuple(f"{article.path.name}: {warning}" for article in self.articles for warning in article.warnings)


class Library:
    """The articles under `<root>/articles/` and the annotations under `<root>/annotations/`."""

    def __init__(self, root: Path, index_dir: Path | None = None) -> None:
        """`index_dir`: where to keep the parsed articles between runs (see index.py); None keeps
        them in memory only."""
        self.root = Path(root).expanduser().resolve()
        self.articles_dir = self.root / ARTICLES_DIRNAME
        self.annotations_dir = self.root / ANNOTATIONS_DIRNAME
        # keyed by the file's path as text: at 100,000 files, building and hashing a Path per file
        # was about a fourth of a warm `reader list` (profiled)
        self._cache: dict[str, tuple[StatKey, Article | LoadProblem]] = {}
        self._lock = threading.Lock()
        self.index = LibraryIndex(index_path(Path(index_dir), self.root), self.root) if index_dir is not None else None
        self._index_read = False
        self._recheck: set[str] = set()  # rows of the index that failed their checks: written anew

    def article_paths(self) -> list[Path]:
        """Article files, sorted; hidden files and folders are not part of the library."""
        return [Path(path) for path, _ in self._walk([])]

    def _walk(self, problems: list[LoadProblem]) -> Iterator[tuple[str, os.stat_result]]:
        """The article files under articles/, in path order, each as its path's text (what
        `str(Path)` gives) with what stat says of it, as they are found (a scan shows the first
        while the walk goes on); the article-named entries skipped unread go to `problems`.

        A symlink is followed only where it resolves inside the library folder (or inside the
        folder articles/ itself links to): `articles/passwd.txt → /etc/passwd`, or a linked
        folder outside, is skipped with the reason. A named pipe or device is skipped too, so
        nothing ever blocks on it; a folder reached twice through links is listed once.
        """
        if not self.articles_dir.is_dir():
            return
        homes = (self.root, self.articles_dir.resolve())
        seen = {self.articles_dir.resolve()}
        # depth first, each folder's entries by name: the order of sorting the paths by their parts
        stack = [iter(self._entries(self.articles_dir, problems))]
        while stack:
            entry = next(stack[-1], None)
            if entry is None:
                stack.pop()
                continue
            name = entry.name
            if name.startswith("."):
                continue
            is_article = _suffix(name).lower() in ARTICLE_SUFFIXES
            if entry.is_symlink():
                target = Path(entry.path).resolve()
                if not any(target.is_relative_to(home) for home in homes):
                    if is_article or target.is_dir():
                        problems.append(LoadProblem(Path(entry.path), "is a symlink pointing outside the library"))
                    continue
            try:
                is_folder = entry.is_dir()
                info = entry.stat() if is_article and not is_folder else None
            except OSError as error:  # a link to nothing, or a file gone meanwhile
                if is_article:
                    problems.append(LoadProblem(Path(entry.path), f"cannot be read: {error.strerror or error}"))
                continue
            if is_folder:
                real = Path(entry.path).resolve()
                if real not in seen:
                    seen.add(real)
                    stack.append(iter(self._entries(Path(entry.path), problems)))
            elif info is not None:
                refusal = refusal_for(info.st_mode)
                if refusal is None:
                    yield entry.path, info
                else:
                    problems.append(LoadProblem(Path(entry.path), str(refusal)))

    @staticmethod
    def _entries(folder: Path, problems: list[LoadProblem]) -> list[os.DirEntry[str]]:
        try:
            with os.scandir(folder) as entries:
                return sorted(entries, key=operator.attrgetter("name"))
        except OSError as error:
            problems.append(LoadProblem(folder, f"cannot be listed: {error.strerror or error}"))
            return []

    def scan(self, progress: Callable[[LibraryScan], None] | None = None) -> LibraryScan:
        """Load every article file, reusing those unchanged since the last scan.

        `progress` is called with the articles read so far (`complete` False) after
        FIRST_PROGRESS_S and then every PROGRESS_EVERY_S while the scan goes on, so a large
        library can show its first rows long before the last file is read."""
        articles: list[Article] = []
        problems: list[LoadProblem] = []
        if not self.articles_dir.is_dir():
            problems.append(LoadProblem(self.articles_dir, f"no {ARTICLES_DIRNAME}/ folder in {self.root}"))
            return LibraryScan((), tuple(problems))
        seen_ids: dict[str, str] = {}
        with self._lock, gc_paused():
            began = time.monotonic()
            if self.index is not None and not self._index_read:
                self._index_read = True
                entries, self._recheck = self.index.load()
                self._cache.update(entries)
            paths: set[str] = set()
            written: list[tuple[str, StatKey, Article]] = []
            removed: list[str] = []
            report_at = began + FIRST_PROGRESS_S
            cache = self._cache
            for path, info in self._walk(problems):
                paths.add(path)
                key = (info.st_mtime_ns, info.st_ctime_ns, info.st_size)
                cached = cache.get(path)
                if cached is not None and cached[0] == key:  # the common case, so no call for it
                    result, was_indexed = cached[1], None
                else:
                    result, was_indexed = self._parse(path, key, cached)
                if was_indexed is not None:  # parsed anew
                    if isinstance(result, Article):
                        written.append((path, self._cache[path][0], result))
                    elif was_indexed:
                        removed.append(path)
                if isinstance(result, LoadProblem):
                    problems.append(result)
                elif result.id in seen_ids:
                    problems.append(
                        LoadProblem(
                            Path(path),
                            f"has the same id {result.id!r} as {os.path.basename(seen_ids[result.id])}; rename one",
                        )
                    )
                else:
                    seen_ids[result.id] = path
                    articles.append(result)
                if progress is not None and time.monotonic() >= report_at:
                    progress(LibraryScan(tuple(articles), tuple(problems), complete=False))
                    report_at = time.monotonic() + PROGRESS_EVERY_S
            stale = set(self._cache) - paths
            for path in stale:
                if isinstance(self._cache.pop(path)[1], Article):
                    removed.append(path)
            removed.extend(self._recheck - paths)
            self._recheck.clear()
            if self.index is not None:
                self.index.update(written, removed)
                if self.index.texts_pending <= SYNC_TEXTS:
                    self.index.index_texts()
        return LibraryScan(tuple(articles), tuple(problems))

    def index_texts(self, stop: Callable[[], bool] = lambda: False) -> None:
        """Put the texts of articles parsed anew into the index's full-text table (slow for
        thousands: the app does it in a worker after the table shows; the filter searches those
        not indexed yet in memory meanwhile). `stop` ends it early, between batches."""
        if self.index is not None:
            self.index.index_texts(stop=stop)

    def _parse(
        self, path: str, key: StatKey, cached: tuple[StatKey, Article | LoadProblem] | None
    ) -> tuple[Article | LoadProblem, bool]:
        """The file's article (or why it cannot be read), parsed anew as its stat key changed, and
        whether the index held a row of the file (to replace, or delete if it became unreadable)."""
        try:
            result: Article | LoadProblem = read_article_file(Path(path))
        except ArticleFileError as error:
            result = LoadProblem(Path(path), str(error))
        self._cache[path] = (key, result)
        return result, path in self._recheck or (cached is not None and isinstance(cached[1], Article))

    def articles(self) -> tuple[Article, ...]:
        return self.scan().articles

    def search(self, query: str) -> set[str] | None:
        """Ids of the articles whose title, outlet or text hold each word of the query, from the
        index's full-text table; None where there is no index to ask."""
        return self.index.search(query) if self.index is not None else None

    def get(self, article_id: str) -> Article:
        for article in self.articles():
            if article.id == article_id:
                return article
        raise ArticleNotFound(article_id)

    def resolve(self, ref: str) -> Article:
        """An article by id, or any UTF-8 text file by path (its id is the file name's stem)."""
        try:
            return self.get(ref)
        except ArticleNotFound:
            pass
        path = Path(ref).expanduser()
        if path.exists() and not path.is_dir():  # a pipe or a device is refused by the reader, in one line
            try:
                return read_article_file(path.resolve())
            except ArticleFileError as error:
                raise ArticleFileError(f"{path.name} {error}") from None
        raise ArticleNotFound(ref)
