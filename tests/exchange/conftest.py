"""Fixtures for export/import tests: temporary libraries with the sample articles, and the schema."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from reader.annotations import AnnotationStore
from reader.exchange.reader_json import SCHEMA_PATH
from reader.library import Library

REPO = Path(__file__).resolve().parents[2]


def copy_sample_library(root: Path) -> Library:
    shutil.copytree(REPO / "articles", root / "articles")
    return Library(root)


@pytest.fixture(scope="session")
def make_library() -> Callable[[Path], Library]:
    return copy_sample_library


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return copy_sample_library(tmp_path / "one")


@pytest.fixture
def empty_library(tmp_path: Path) -> Library:
    return copy_sample_library(tmp_path / "two")


@pytest.fixture
def store(library: Library) -> AnnotationStore:
    return AnnotationStore.open(library, author="tester")


@pytest.fixture(scope="session")
def schema_validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
