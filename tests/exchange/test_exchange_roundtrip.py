"""Export → import into an empty library → export gives the same annotations (json and w3c)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.annotations import Annotation, AnnotationStore, TextPosition, new_annotation_id, quote_at
from reader.articles import Library
from reader.exchange import export_bytes, import_file
from tests.helpers.sample_library import SAMPLE_ARTICLE_IDS, copy_sample_library

TAGS = ["Framing", "Zitat verkürzt", "Faktencheck", "Quelle fehlt", "Ökonomie", "🇺🇦 Ukraine", 'say "no"']
note_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from('\n"\\,;=äöüß„“'),
    max_size=60,
).map(lambda note: note.replace("\r", "").rstrip())
timestamps = st.datetimes(
    max_value=__import__("datetime").datetime(2025, 12, 31), timezones=st.just(__import__("datetime").timezone.utc)
).map(lambda moment: moment.isoformat(timespec="milliseconds").replace("+00:00", "Z"))


@st.composite
def annotation_for(draw: st.DrawFn, library: Library) -> Annotation:
    article = library.get(draw(st.sampled_from(SAMPLE_ARTICLE_IDS)))
    start = draw(st.integers(0, len(article.body) - 2))
    end = draw(st.integers(start + 1, min(len(article.body), start + 300)))
    created = draw(timestamps)
    return Annotation(
        id=new_annotation_id(),
        article_id=article.id,
        article_version=article.version,
        position=TextPosition(start, end),
        quote=quote_at(article.body, start, end),
        tags=tuple(draw(st.lists(st.sampled_from(TAGS), max_size=3, unique=True))),
        note=draw(note_text),
        author=draw(st.sampled_from(["ana", "Jörg", ""])),
        created=created,
        updated=max(created, draw(timestamps)),
    )


def annotations_of(export: str) -> list[dict]:
    records = json.loads(export)["annotations"]
    return sorted(records, key=lambda record: record["id"])


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data(), fmt=st.sampled_from(["json", "w3c"]))
def test_export_import_export_gives_the_same_annotations(
    data: st.DataObject,
    fmt: str,
    schema_validator: jsonschema.protocols.Validator,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = copy_sample_library(Path(folder) / "source")
        target = copy_sample_library(Path(folder) / "target")
        originals = data.draw(st.lists(annotation_for(source), min_size=1, max_size=10))
        source_store = AnnotationStore.open(source)
        source_store.put_many(originals)

        exported = export_bytes(source_store, source, fmt).decode("utf-8")
        file = Path(folder) / f"export.{fmt}"
        file.write_text(exported, encoding="utf-8")
        target_store = AnnotationStore.open(target)
        report = import_file(target_store, target.articles(), file)
        assert (report.added, report.updated, report.orphaned) == (len(originals), 0, 0)

        first = export_bytes(source_store, source, "json").decode("utf-8")
        second = export_bytes(AnnotationStore.open(target), target, "json").decode("utf-8")
        schema_validator.validate(json.loads(first))
        schema_validator.validate(json.loads(second))
        assert annotations_of(second) == annotations_of(first)
        assert {a.id: a for a in AnnotationStore.open(target).all()} == {a.id: a for a in originals}

        again = import_file(AnnotationStore.open(target), target.articles(), file)
        assert (again.added, again.updated, again.unchanged) == (0, 0, len(originals))
