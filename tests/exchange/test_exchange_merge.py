"""Merging imports by revision: diverged copies are conflicts, visible and lossless (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from reader.annotations import AnnotationStore
from reader.articles import Library
from reader.exchange import ImportRefused, export_bytes, import_file

ARTICLE_ID = "treffen-trump-putin-no-deal"


def export_file(store: AnnotationStore, library: Library, path: Path, fmt: str = "json") -> Path:
    path.write_text(export_bytes(store, library, fmt).decode("utf-8"), encoding="utf-8")
    return path


@pytest.fixture
def machines(library: Library, second_library: Library, tmp_path: Path) -> tuple[AnnotationStore, AnnotationStore, str]:
    """Two libraries that share one annotation, as after a first sync."""
    here = AnnotationStore.open(library, author="hier")
    article = library.get(ARTICLE_ID)
    start = article.body.index("Keine Einigung")
    shared = here.add(article, start, start + 29, ["Framing"], "gemeinsamer Stand")
    there = AnnotationStore.open(second_library, author="dort")
    assert import_file(there, second_library.articles(), export_file(here, library, tmp_path / "first.json")).added == 1
    return here, there, shared.id


def test_edits_on_two_machines_are_a_conflict_with_both_kept(
    machines: tuple[AnnotationStore, AnnotationStore, str], library: Library, second_library: Library, tmp_path: Path
) -> None:
    here, there, shared = machines
    here.update(shared, note="hier weitergeschrieben")
    there.update(shared, tags=["Faktencheck"], note="dort weitergeschrieben")
    report = import_file(here, library.articles(), export_file(there, second_library, tmp_path / "there.json"))
    assert (report.updated, report.conflicts) == (0, 1) and "1 conflict" in report.summary()
    live = AnnotationStore.open(library)
    assert live.get(shared).note == "hier weitergeschrieben"  # the local one stays live
    [conflict] = live.conflicts()
    assert conflict.local is not None and conflict.local.note == "hier weitergeschrieben"
    assert [(v.tags, v.note) for v in conflict.versions] == [(("Faktencheck",), "dort weitergeschrieben")]

    again = import_file(here, library.articles(), tmp_path / "there.json")  # the same file again: nothing new
    assert (again.conflicts, again.unchanged) == (0, 1) and len(AnnotationStore.open(library).conflicts()) == 1

    kept = here.resolve(shared, conflict.versions[0].revision)
    assert kept is not None and kept.note == "dort weitergeschrieben" and here.conflicts() == []
    assert import_file(here, library.articles(), tmp_path / "there.json").conflicts == 0  # recognised as old now
    back = import_file(there, second_library.articles(), export_file(here, library, tmp_path / "here.json"))
    assert (back.conflicts, back.unchanged) == (0, 1)  # the kept version is theirs: nothing to do there


def test_keeping_the_local_version_makes_the_incoming_one_an_ancestor(
    machines: tuple[AnnotationStore, AnnotationStore, str], library: Library, second_library: Library, tmp_path: Path
) -> None:
    here, there, shared = machines
    here.update(shared, note="meins")
    there.update(shared, note="deins")
    import_file(here, library.articles(), export_file(there, second_library, tmp_path / "there.json"))
    incoming = here.conflict(shared).versions[0]  # type: ignore[union-attr]
    kept = here.resolve(shared, "local")
    assert kept is not None and kept.note == "meins" and incoming.revision in kept.ancestors
    back = import_file(there, second_library.articles(), export_file(here, library, tmp_path / "here.json"))
    assert back.updated == 1 and AnnotationStore.open(second_library).get(shared).note == "meins"


def test_a_file_dated_in_the_year_9999_is_refused_naming_the_record(
    machines: tuple[AnnotationStore, AnnotationStore, str], library: Library, tmp_path: Path
) -> None:
    here, _, shared = machines
    document = json.loads(export_bytes(here, library, "json").decode("utf-8"))
    document["annotations"][0]["updated"] = "9999-12-31T23:59:59.000Z"
    document["annotations"][0]["note"] = "aus der Zukunft"
    path = tmp_path / "future.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_file(here, library.articles(), path)
    assert (
        str(refused.value)
        == "annotations[0].updated: '9999-12-31T23:59:59.000Z' is in the future (this machine's clock says otherwise)"
    )
    assert AnnotationStore.open(library).get(shared).note == "gemeinsamer Stand"


def test_equal_times_with_different_content_are_a_conflict_not_the_local_copy_is_newer(
    machines: tuple[AnnotationStore, AnnotationStore, str], library: Library, tmp_path: Path
) -> None:
    here, _, shared = machines
    document = json.loads(export_bytes(here, library, "json").decode("utf-8"))
    item = document["annotations"][0]
    item["note"] = "anderer Inhalt, gleiche Zeit"
    del item["revision"], item["ancestors"]  # as from a tool that keeps no revisions
    path = tmp_path / "same-time.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    report = import_file(here, library.articles(), path)
    assert (report.conflicts, report.updated, report.kept_local) == (1, 0, 0)
    assert here.get(shared).note == "gemeinsamer Stand"
    assert here.conflict(shared).versions[0].note == "anderer Inhalt, gleiche Zeit"  # type: ignore[union-attr]


def w3c_annotation(**changes: Any) -> dict[str, Any]:
    annotation: dict[str, Any] = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "urn:uuid:7f9c2f8e-8a43-4a6e-9c1d-0a7e1b2c3d4e",
        "type": "Annotation",
        "bodyValue": "Notiz",
        "created": "2015-10-13",
        "modified": "2015-10-13T12:30:00+02:00",
        "target": {
            "source": f"urn:reader:article:{ARTICLE_ID}",
            "selector": {"type": "TextQuoteSelector", "exact": "Keine Einigung, kein Abkommen"},
        },
    }
    annotation.update(changes)
    return annotation


@pytest.mark.parametrize(
    ("created", "modified", "expected"),
    [
        ("2015-10-13", "2015-10-13T12:30:00+02:00", ("2015-10-13T00:00:00.000Z", "2015-10-13T10:30:00.000Z")),
        (
            "2015-10-13T10:00:00+00:00",
            "2015-10-13T10:00:00.5",
            ("2015-10-13T10:00:00.000Z", "2015-10-13T10:00:00.500Z"),
        ),
        ("20151013T1000-0130", "2015-10-13T11:30:00.123456Z", ("2015-10-13T11:30:00.000Z", "2015-10-13T11:30:00.123Z")),
    ],
)
def test_imported_times_are_normalised_so_our_export_keeps_our_schema(
    second_library: Library,
    tmp_path: Path,
    schema_validator: jsonschema.protocols.Validator,
    created: str,
    modified: str,
    expected: tuple[str, str],
) -> None:
    path = tmp_path / "odd-times.jsonld"
    path.write_text(json.dumps(w3c_annotation(created=created, modified=modified)), encoding="utf-8")
    store = AnnotationStore.open(second_library)
    assert import_file(store, second_library.articles(), path).added == 1
    [annotation] = AnnotationStore.open(second_library).all()
    assert (annotation.created, annotation.updated) == expected
    exported = json.loads(export_bytes(store, second_library, "json").decode("utf-8"))
    schema_validator.validate(exported)
    again = tmp_path / "again.json"
    again.write_text(json.dumps(exported), encoding="utf-8")  # and our export imports back as the same
    assert import_file(store, second_library.articles(), again).unchanged == 1


def test_a_200000_character_prefix_is_cut_to_the_context_size(second_library: Library, tmp_path: Path) -> None:
    selector = {
        "type": "TextQuoteSelector",
        "exact": "Keine Einigung, kein Abkommen",
        "prefix": "p" * 200_000,
        "suffix": "s" * 200_000,
    }
    path = tmp_path / "long.jsonld"
    path.write_text(
        json.dumps(w3c_annotation(target={"source": f"urn:reader:article:{ARTICLE_ID}", "selector": selector})),
        encoding="utf-8",
    )
    store = AnnotationStore.open(second_library)
    report = import_file(store, second_library.articles(), path)
    assert report.added == 1 and report.trimmed == 1 and "cut to 32 characters" in report.summary()
    [annotation] = AnnotationStore.open(second_library).all()
    assert len(annotation.quote.prefix) <= 32 and len(annotation.quote.suffix) <= 32


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"bodyValue": None}, "annotation.bodyValue: expected text, found null"),
        ({"creator": {"name": 5}}, "annotation.creator.name: expected text, found a number"),
        (
            {
                "target": {
                    "source": f"urn:reader:article:{ARTICLE_ID}",
                    "selector": {"type": "TextQuoteSelector", "exact": ""},
                }
            },
            "annotation.target.selector.exact: empty (a passage has at least one character)",
        ),
        (
            {
                "target": {
                    "source": f"urn:reader:article:{ARTICLE_ID}",
                    "selector": {"type": "TextPositionSelector", "start": 2**63, "end": 2**63 + 4},
                }
            },
            "annotation.target.selector.start: 9223372036854775808 is larger than 2^63−1",
        ),
        (
            {
                "target": {
                    "source": f"urn:reader:article:{ARTICLE_ID}",
                    "selector": {"type": "TextPositionSelector", "start": False, "end": 4},
                }
            },
            "annotation.target.selector.start: expected a whole number, found true/false",
        ),
        (
            {
                "target": {
                    "source": f"urn:reader:article:{ARTICLE_ID}",
                    "selector": {"type": "TextQuoteSelector", "exact": "x" * 50_001},
                }
            },
            "annotation.target.selector.exact: 50,001 characters, more than the 50,000 a passage may have",
        ),
    ],
)
def test_wrongly_typed_w3c_fields_are_refused_in_one_line(
    second_library: Library, tmp_path: Path, change: dict[str, Any], expected: str
) -> None:
    path = tmp_path / "bad.jsonld"
    path.write_text(json.dumps(w3c_annotation(**change)), encoding="utf-8")
    store = AnnotationStore.open(second_library)
    with pytest.raises(ImportRefused) as refused:
        import_file(store, second_library.articles(), path)
    assert str(refused.value) == expected
    assert len(AnnotationStore.open(second_library)) == 0


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("note", None, "annotations[0].note: expected text, found null"),
        ("tags", "Bild", "annotations[0].tags: expected a list, found text"),
        ("revision", "nicht-hex", "annotations[0].revision: 'nicht-hex' is not a revision (16 hex digits)"),
        ("ancestors", [7], "annotations[0].ancestors[0]: expected text, found a number"),
    ],
)
def test_wrongly_typed_reader_json_fields_are_refused_in_one_line(
    machines: tuple[AnnotationStore, AnnotationStore, str],
    library: Library,
    second_library: Library,
    tmp_path: Path,
    field: str,
    value: Any,
    expected: str,
) -> None:
    here = machines[0]
    document = json.loads(export_bytes(here, library, "json").decode("utf-8"))
    document["annotations"][0][field] = value
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_file(AnnotationStore.open(library), library.articles(), path)
    assert str(refused.value) == expected


def test_a_newer_copy_of_a_conflicting_version_replaces_it(
    machines: tuple[AnnotationStore, AnnotationStore, str], library: Library, second_library: Library, tmp_path: Path
) -> None:
    here, there, shared = machines
    here.update(shared, note="hier")
    there.update(shared, note="dort, erste Fassung")
    import_file(here, library.articles(), export_file(there, second_library, tmp_path / "one.json"))
    there.update(shared, note="dort, zweite Fassung")  # the other side kept editing its version
    report = import_file(here, library.articles(), export_file(there, second_library, tmp_path / "two.json"))
    assert report.conflicts == 1
    [conflict] = AnnotationStore.open(library).conflicts()
    assert [version.note for version in conflict.versions] == ["dort, zweite Fassung"]
