"""model.built: the Annotation an import builds in bulk is the one the constructor builds."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from reader.annotations import Annotation, TextPosition, TextQuote
from reader.annotations.model import built

FIELDS = ("a1", "art", "v1", 3, 8, "Passt", "vor ", " nach", ("Framing", "Bild"), "Notiz", "Ich")
TIMES = ("2025-08-16T09:30:00.000Z", "2025-08-17T09:30:00.000Z", "0123456789abcdef", ("fedcba9876543210",))


def by_constructor(tags: tuple[str, ...] = FIELDS[8]) -> Annotation:
    annotation_id, article_id, version, start, end, exact, prefix, suffix, _, note, author = FIELDS
    created, updated, revision, ancestors = TIMES
    return Annotation(
        annotation_id,
        article_id,
        version,
        TextPosition(start, end),
        TextQuote(exact, prefix, suffix),
        tags,
        note,
        author,
        created,
        updated,
        revision,
        ancestors,
    )


@pytest.mark.parametrize("tags", [("Framing", "Bild"), ()])
def test_built_is_the_constructors_annotation(tags: tuple[str, ...]) -> None:
    annotation_id, article_id, version, start, end, exact, prefix, suffix, _, note, author = FIELDS
    made = built(annotation_id, article_id, version, start, end, exact, prefix, suffix, tags, note, author, *TIMES)
    expected = by_constructor(tags)
    assert type(made) is Annotation and type(made.position) is TextPosition and type(made.quote) is TextQuote
    assert made == expected and hash(made) == hash(expected) and repr(made) == repr(expected)
    assert {f.name: getattr(made, f.name) for f in dataclasses.fields(Annotation)} == {
        f.name: getattr(expected, f.name) for f in dataclasses.fields(Annotation)
    }  # the fields outside equality too: revision, ancestors, colour
    assert pickle.loads(pickle.dumps(made)) == expected and copy.copy(made) == expected


def test_built_is_frozen_like_any_annotation() -> None:
    made = built(*FIELDS, *TIMES)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.note = "anders"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.position.start = 0  # type: ignore[misc]
    assert dataclasses.replace(made, note="anders").note == "anders"
