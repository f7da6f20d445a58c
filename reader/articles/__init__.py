"""The articles of a library: their files on disk, metadata and body text, the index of parsed
articles, and the library folder that holds them (Library). No UI in here."""

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
