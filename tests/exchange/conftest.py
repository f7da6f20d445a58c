"""Fixtures for export/import tests: the JSON Schema every export is validated against (the
libraries and store are the shared ones, tests/conftest.py)."""

from __future__ import annotations

import json

import jsonschema
import pytest

from reader.exchange.reader_json import SCHEMA_PATH


@pytest.fixture(scope="session")
def schema_validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
