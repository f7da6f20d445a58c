"""Shared fixtures: throwaway copies of the bundled sample library, and an environment of their own.

Helpers that tests import are in tests/helpers/, never here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.annotations import AnnotationStore
from reader.articles import Library
from tests.helpers.sample_library import copy_sample_library


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    """A library folder holding a copy of the five bundled articles and an empty annotations/."""
    copy_sample_library(tmp_path)
    (tmp_path / "annotations").mkdir()
    return tmp_path


@pytest.fixture
def library(tmp_path: Path) -> Library:
    """A copy of the sample library (its annotations/ folder not made yet)."""
    return copy_sample_library(tmp_path / "one")


@pytest.fixture
def second_library(tmp_path: Path) -> Library:
    """Another copy of the sample library, with no annotations: another machine, say."""
    return copy_sample_library(tmp_path / "two")


@pytest.fixture
def store(library: Library) -> AnnotationStore:
    return AnnotationStore.open(library, author="tester")


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep caches and settings from the developer's machine out of the tests."""
    for name in ("READER_LIBRARY", "READER_MODEL", "READER_AUTHOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
