"""Shared fixtures: a throwaway copy of the bundled library, so tests never touch the repo's files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BUNDLED_ARTICLES = REPO / "articles"


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    """A library folder holding a copy of the five bundled articles and an empty annotations/."""
    shutil.copytree(BUNDLED_ARTICLES, tmp_path / "articles")
    (tmp_path / "annotations").mkdir()
    return tmp_path


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep caches and settings from the developer's machine out of the tests."""
    for name in ("READER_LIBRARY", "READER_MODEL", "READER_AUTHOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
