"""The bundled articles analysed once by the shipped pipeline, for the framing tests that read them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis import LibraryAnalysis, analyze_article
from reader.articles import Article, Library
from reader.nlp.pipeline import load_pipeline
from tests.helpers.sample_library import copy_sample_library


@pytest.fixture(scope="session")
def sample_articles(tmp_path_factory: pytest.TempPathFactory) -> list[Article]:
    library: Library = copy_sample_library(Path(tmp_path_factory.mktemp("framing")))
    return sorted(library.scan().articles, key=lambda a: a.id)


@pytest.fixture(scope="session")
def sample_analysis(sample_articles: list[Article]) -> LibraryAnalysis:
    pipeline = load_pipeline(None)
    return LibraryAnalysis(analyze_article(a, pipeline.nlp, pipeline.info.fingerprint) for a in sample_articles)
