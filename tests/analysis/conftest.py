"""Fixtures for the analysis tests: the small test pipeline (tests/helpers/pipelines.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from reader.analysis import ArticleAnalysis, analyze_article
from tests.helpers.pipelines import build_test_pipeline, make_article


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_test_pipeline()


@pytest.fixture
def analyse(nlp: Language) -> Callable[..., ArticleAnalysis]:
    def run(text: str, article_id: str = "test") -> ArticleAnalysis:
        return analyze_article(make_article(text, article_id), nlp, "test-pipeline")

    return run
