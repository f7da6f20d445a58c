"""The library: article files on disk, their metadata and body text. No UI in here."""

from .article import Article, article_version, parse_article
from .library import ARTICLE_SUFFIXES, ArticleNotFound, Library, LibraryScan
from .loader import ArticleFileError, LoadProblem, decode_article_bytes, read_article_file

__all__ = [
    "ARTICLE_SUFFIXES",
    "Article",
    "ArticleFileError",
    "ArticleNotFound",
    "Library",
    "LibraryScan",
    "LoadProblem",
    "article_version",
    "decode_article_bytes",
    "parse_article",
    "read_article_file",
]
