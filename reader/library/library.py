"""Library: the articles of one library directory, loaded lazily and re-read only when changed."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from .article import Article
from .index import StatKey, index_path, read_index, write_index
from .loader import ArticleFileError, LoadProblem, read_article_file

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
ARTICLES_DIRNAME = "articles"
ANNOTATIONS_DIRNAME = "annotations"


class ArticleNotFound(KeyError):
    def __str__(self) -> str:
        return f"no article {self.args[0]!r} in the library, and no such file"


@dataclass(frozen=True)
class LibraryScan:
    articles: tuple[Article, ...]
    problems: tuple[LoadProblem, ...]


class Library:
    """The articles under `<root>/articles/` and the annotations under `<root>/annotations/`."""

    def __init__(self, root: Path, index_dir: Path | None = None) -> None:
        """`index_dir`: where to keep the parsed articles between runs (see index.py); None keeps
        them in memory only."""
        self.root = Path(root).expanduser().resolve()
        self.articles_dir = self.root / ARTICLES_DIRNAME
        self.annotations_dir = self.root / ANNOTATIONS_DIRNAME
        self._cache: dict[Path, tuple[StatKey, Article | LoadProblem]] = {}
        self._lock = threading.Lock()
        self._index_file = index_path(Path(index_dir), self.root) if index_dir is not None else None
        self._index_read = False

    def article_paths(self) -> list[Path]:
        """Article files, sorted; hidden files and folders are not part of the library."""
        if not self.articles_dir.is_dir():
            return []
        found = []
        for path in self.articles_dir.rglob("*"):
            relative = path.relative_to(self.articles_dir)
            if any(part.startswith(".") for part in relative.parts):
                continue
            if path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file():
                found.append(path)
        return sorted(found)

    def scan(self) -> LibraryScan:
        """Load every article file, reusing those unchanged since the last scan."""
        articles: list[Article] = []
        problems: list[LoadProblem] = []
        if not self.articles_dir.is_dir():
            problems.append(LoadProblem(self.articles_dir, f"no {ARTICLES_DIRNAME}/ folder in {self.root}"))
            return LibraryScan((), tuple(problems))
        seen_ids: dict[str, Path] = {}
        with self._lock:
            if self._index_file is not None and not self._index_read:
                self._index_read = True
                self._cache.update(read_index(self._index_file, self.root))
            paths = self.article_paths()
            changed = 0
            for path in paths:
                result, index_changes = self._load(path)
                changed += index_changes
                if isinstance(result, LoadProblem):
                    problems.append(result)
                    continue
                if result.id in seen_ids:
                    problems.append(
                        LoadProblem(path, f"has the same id {result.id!r} as {seen_ids[result.id].name}; rename one")
                    )
                    continue
                seen_ids[result.id] = path
                articles.append(result)
            stale = set(self._cache) - set(paths)
            for path in stale:
                del self._cache[path]
            if self._index_file is not None and (changed or stale):
                entries = {p: (key, a) for p, (key, a) in self._cache.items() if isinstance(a, Article)}
                write_index(self._index_file, self.root, entries)
        return LibraryScan(tuple(articles), tuple(problems))

    def _load(self, path: Path) -> tuple[Article | LoadProblem, bool]:
        """The file's article (or why it cannot be read), and whether the saved index changes
        with it (an article parsed anew, or one that became unreadable)."""
        try:
            stat = path.stat()
            key = (stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size)
        except OSError as error:
            return LoadProblem(path, f"cannot be read: {error.strerror or error}"), False
        cached = self._cache.get(path)
        if cached and cached[0] == key:
            return cached[1], False
        try:
            result: Article | LoadProblem = read_article_file(path)
        except ArticleFileError as error:
            result = LoadProblem(path, str(error))
        self._cache[path] = (key, result)
        return result, isinstance(result, Article) or (cached is not None and isinstance(cached[1], Article))

    def articles(self) -> tuple[Article, ...]:
        return self.scan().articles

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
