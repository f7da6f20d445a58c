"""Fixtures for the annotation tests: the sample article they annotate (the library and store are
the shared ones, tests/conftest.py)."""

from __future__ import annotations

import pytest

from reader.articles import Article, Library


@pytest.fixture
def article(library: Library) -> Article:
    return library.get("treffen-trump-putin-no-deal")
