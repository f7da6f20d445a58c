"""Fixtures for the annotation tests: a temporary library holding copies of the sample articles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.annotations import AnnotationStore
from reader.library import Article, Library

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def library(tmp_path: Path) -> Library:
    shutil.copytree(REPO / "articles", tmp_path / "articles")
    return Library(tmp_path)


@pytest.fixture
def article(library: Library) -> Article:
    return library.get("treffen-trump-putin-no-deal")


@pytest.fixture
def store(library: Library) -> AnnotationStore:
    return AnnotationStore.open(library, author="tester")
