"""Comparing two readings of an import file."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from reader.exchange.importing import _as_in_file


def same_reading(fast: Any, slow: Any) -> bool:
    """Whether two readings of a file (lists of Incoming) are the same, revision and lineage included."""
    if len(fast) != len(slow):
        return False
    for one, other in zip(fast, slow, strict=True):
        planned, expected = _as_in_file(one, one.annotation), _as_in_file(other, other.annotation)
        if not (
            planned == expected
            and (planned.revision, planned.ancestors, planned.colour)
            == (expected.revision, expected.ancestors, expected.colour)
            and replace(one, annotation=expected, lineage_computed=False)
            == replace(other, annotation=expected, lineage_computed=False)
        ):
            return False
    return True
