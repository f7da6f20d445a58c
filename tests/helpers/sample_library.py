"""The bundled sample library (articles/), copied so that no test touches the repository's files."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.articles import Library

REPO = Path(__file__).resolve().parents[2]
SAMPLE_ARTICLES = REPO / "articles"
SAMPLE_ARTICLE_IDS = tuple(sorted(path.stem for path in SAMPLE_ARTICLES.glob("*.txt")))


def copy_sample_library(root: Path) -> Library:
    """A library folder at `root` holding a copy of the five bundled articles (no annotations/ yet)."""
    shutil.copytree(SAMPLE_ARTICLES, root / "articles")
    return Library(root)
