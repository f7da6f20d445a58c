"""Import: every malformed kind is refused with where and what, and nothing is written."""

from __future__ import annotations

import gc
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from reader.annotations import AnchorState, AnnotationStore
from reader.articles import Article, Library
from reader.exchange import ImportRefused, export_bytes, import_file
from tests.helpers.readings import same_reading

ARTICLE_ID = "treffen-trump-putin-no-deal"


def files_under(root: Path) -> dict[str, bytes]:
    return (
        {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
        if root.exists()
        else {}
    )


@pytest.fixture
def exported(store: AnnotationStore, library: Library, tmp_path: Path) -> dict[str, Any]:
    article = library.get(ARTICLE_ID)
    start = article.body.index("Keine Einigung")
    store.add(article, start, start + 29, ["Framing"], "Kernaussage")
    store.add(article, 0, 36, ["Zitat verkürzt"])
    store.add(library.get("gipfel-der-leere-inszenierung"), 10, 60, note="zweiter Artikel")
    return json.loads(export_bytes(store, library, "json").decode("utf-8"))


def write(tmp_path: Path, document: Any, name: str = "import.json") -> Path:
    path = tmp_path / name
    path.write_text(document if isinstance(document, str) else json.dumps(document), encoding="utf-8")
    return path


def refused(second_library: Library, path: Path) -> str:
    store = AnnotationStore.open(second_library)
    before = files_under(second_library.annotations_dir)
    with pytest.raises(ImportRefused) as error:
        import_file(store, second_library.articles(), path)
    assert len(store) == 0 and files_under(second_library.annotations_dir) == before
    message = str(error.value)
    assert "\n" not in message
    return message


def mutate(document: dict[str, Any], change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    copy = json.loads(json.dumps(document))
    change(copy)
    return copy


def test_not_json(second_library: Library, tmp_path: Path) -> None:
    message = refused(second_library, write(tmp_path, '{"format": "reader-annotations", "annotations": [}'))
    assert message.startswith("is not JSON") and "line 1 column" in message


def test_not_utf8(second_library: Library, tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"note": "Gr\u00fc\u00dfe"}'.encode("latin-1"))
    assert refused(second_library, path).startswith("is not UTF-8")


def test_neither_format(second_library: Library, tmp_path: Path) -> None:
    assert "neither a reader annotations export" in refused(second_library, write(tmp_path, {"hello": 1}))


def test_schema_from_the_future(second_library: Library, exported: dict[str, Any], tmp_path: Path) -> None:
    document = mutate(exported, lambda d: d.update(schema=2))
    assert (
        refused(second_library, write(tmp_path, document))
        == "schema: version 2 is newer than this reader understands (1); update reader"
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["annotations"][1].pop("selectors"), "annotations[1].selectors: expected an object, found null"),
        (
            lambda d: d["annotations"][2]["selectors"]["quote"].pop("exact"),
            "annotations[2].selectors.quote.exact: missing",
        ),
        (lambda d: d["annotations"][0].pop("id"), "annotations[0].id: missing"),
        (lambda d: d["annotations"][0].pop("created"), "annotations[0].created: missing"),
        (
            lambda d: d["annotations"][0].update(created="gestern"),
            "annotations[0].created: 'gestern' is not an ISO 8601 time",
        ),
        (lambda d: d["annotations"][0].update(tags="Framing"), "annotations[0].tags: expected a list, found text"),
        (
            lambda d: d["annotations"][0]["selectors"]["position"].update(start="5"),
            "annotations[0].selectors.position.start: expected a whole number, found text",
        ),
        (lambda d: d.pop("annotations"), "annotations: missing"),
    ],
)
def test_missing_or_mistyped_fields(
    second_library: Library,
    exported: dict[str, Any],
    tmp_path: Path,
    change: Callable[[dict[str, Any]], None],
    expected: str,
) -> None:
    assert refused(second_library, write(tmp_path, mutate(exported, change))) == expected


def test_unknown_article(second_library: Library, exported: dict[str, Any], tmp_path: Path) -> None:
    document = mutate(exported, lambda d: d["annotations"][2]["article"].update(id="gibt-es-nicht"))
    assert (
        refused(second_library, write(tmp_path, document))
        == "annotations[2].article.id: no article 'gibt-es-nicht' in the library"
    )


def test_offsets_beyond_the_text(second_library: Library, exported: dict[str, Any], tmp_path: Path) -> None:
    length = len(second_library.get(exported["annotations"][1]["article"]["id"]).body)

    def stretch(document: dict[str, Any]) -> None:
        item = document["annotations"][1]
        item["selectors"]["position"] = {"start": 9000 - len(item["selectors"]["quote"]["exact"]), "end": 9000}

    message = refused(second_library, write(tmp_path, mutate(exported, stretch)))
    assert message == f"annotations[1].selectors.position.end: 9,000 is beyond the article's {length:,} characters"


def test_quote_that_does_not_match_the_claimed_version(
    second_library: Library, exported: dict[str, Any], tmp_path: Path
) -> None:
    def shift(document: dict[str, Any]) -> None:
        position = document["annotations"][0]["selectors"]["position"]
        position["start"] += 1
        position["end"] += 1

    assert "annotations[0].selectors.quote.exact: does not match the article text" in refused(
        second_library, write(tmp_path, mutate(exported, shift))
    )


def test_duplicate_ids_in_one_file(second_library: Library, exported: dict[str, Any], tmp_path: Path) -> None:
    document = mutate(exported, lambda d: d["annotations"].append(d["annotations"][0]))
    assert refused(second_library, write(tmp_path, document)).startswith("annotations[3].id: ")


def test_later_problem_means_earlier_valid_annotations_are_not_written_either(
    second_library: Library, exported: dict[str, Any], tmp_path: Path
) -> None:
    document = mutate(exported, lambda d: d["annotations"][-1]["selectors"]["position"].update(start=-3))
    assert (
        refused(second_library, write(tmp_path, document)) == "annotations[2].selectors.position.start: -3 is negative"
    )


def test_merge_by_revision_edited_copy_wins_stale_copy_is_kept(
    store: AnnotationStore, library: Library, exported: dict[str, Any], tmp_path: Path
) -> None:
    first, second = exported["annotations"][0], exported["annotations"][1]
    store.update(second["id"], note="lokal weiter bearbeitet")  # the file's copy of it is now stale

    def edit(document: dict[str, Any]) -> None:
        document["annotations"][0]["note"] = "in der Datei bearbeitet"  # edited after the export

    path = write(tmp_path, mutate(exported, edit))
    dry = import_file(store, library.articles(), path, dry_run=True)
    assert (dry.added, dry.updated, dry.unchanged, dry.kept_local, dry.conflicts) == (0, 1, 2, 1, 0)
    assert store.get(first["id"]).note == first["note"]  # dry run wrote nothing
    report = import_file(store, library.articles(), path)
    assert (report.added, report.updated, report.unchanged, report.conflicts) == (0, 1, 2, 0)
    reopened = AnnotationStore.open(library)
    assert reopened.get(first["id"]).note == "in der Datei bearbeitet"
    assert reopened.get(second["id"]).note == "lokal weiter bearbeitet"
    assert "1 updated" in report.summary() and "older revision" in report.summary()


def test_import_reanchors_in_edited_text_and_keeps_orphans(
    second_library: Library, exported: dict[str, Any], tmp_path: Path
) -> None:
    article = second_library.get(ARTICLE_ID)
    text = article.path.read_text(encoding="utf-8")
    opening = article.body[:36]
    article.path.write_text(
        text.replace("Keine Einigung", "Vorab: Keine Einigung").replace(opening, "Ganz anders."), encoding="utf-8"
    )
    edited = second_library.get(ARTICLE_ID)
    store = AnnotationStore.open(second_library)
    report = import_file(store, second_library.articles(), write(tmp_path, exported))
    assert (report.added, report.orphaned) == (3, 1)
    states = {hit.annotation.note or hit.annotation.tags[0]: hit for hit in store.for_article(edited)}
    moved = states["Kernaussage"]
    assert moved.state is AnchorState.ANCHORED  # saved at its new place, on the current version
    assert edited.body[moved.start : moved.end] == "Keine Einigung, kein Abkommen"
    assert states["Zitat verkürzt"].state is AnchorState.ORPHANED


def test_w3c_from_other_tools(second_library: Library, tmp_path: Path) -> None:
    article: Article = second_library.get(ARTICLE_ID)
    start = article.body.index("Keine Einigung")
    single = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://example.org/anno/17",
        "type": "Annotation",
        "bodyValue": "Nur eine Notiz",
        "target": {
            "source": f"urn:reader:article:{ARTICLE_ID}",
            "selector": {"type": "TextQuoteSelector", "exact": "Keine Einigung, kein Abkommen"},
        },
    }
    position_only = {
        "id": "urn:uuid:7f9c2f8e-8a43-4a6e-9c1d-0a7e1b2c3d4e",
        "type": "Annotation",
        "body": {"type": "TextualBody", "purpose": "tagging", "value": "Framing"},
        "creator": {"type": "Person", "nickname": "jo"},
        "created": "2025-08-16T10:00:00+02:00",
        "target": [
            {
                "source": f"urn:reader:article:{ARTICLE_ID}",
                "selector": [{"type": "TextPositionSelector", "start": 0, "end": 5}],
            }
        ],
    }
    store = AnnotationStore.open(second_library)
    assert import_file(store, second_library.articles(), write(tmp_path, single)).added == 1
    assert import_file(store, second_library.articles(), write(tmp_path, [position_only], "list.json")).added == 1
    note = store.get("https://example.org/anno/17")
    assert (note.note, note.start, note.end) == ("Nur eine Notiz", start, start + 29)
    tagged = store.get("7f9c2f8e-8a43-4a6e-9c1d-0a7e1b2c3d4e")
    assert (tagged.tags, tagged.exact, tagged.author) == (("Framing",), article.body[:5], "jo")


def test_w3c_target_without_selector_is_skipped_and_reported(second_library: Library, tmp_path: Path) -> None:
    document = [{"id": "x", "type": "Annotation", "target": f"urn:reader:article:{ARTICLE_ID}"}]
    report = import_file(AnnotationStore.open(second_library), second_library.articles(), write(tmp_path, document))
    assert (report.read, report.added) == (1, 0)
    assert report.skipped == (
        "[0].target: names only a resource, with no selector saying which passage (a page note or a reply)",
    )


def test_w3c_unknown_url_is_skipped_and_reported(second_library: Library, tmp_path: Path) -> None:
    document = {
        "type": "AnnotationPage",
        "items": [
            {
                "id": "x",
                "type": "Annotation",
                "target": {
                    "source": "https://example.org/x",
                    "selector": {"type": "TextPositionSelector", "start": 0, "end": 3},
                },
            }
        ],
    }
    report = import_file(AnnotationStore.open(second_library), second_library.articles(), write(tmp_path, document))
    assert report.added == 0 and report.skipped == (
        "items[0].target.source: no article in the library with the URL 'https://example.org/x'",
    )


def test_every_json_export_is_valid_against_the_schema(
    store: AnnotationStore, library: Library, exported: dict[str, Any], schema_validator: jsonschema.protocols.Validator
) -> None:
    schema_validator.validate(exported)
    article = library.get(ARTICLE_ID)
    article.path.write_text("Ganz neuer Text ohne die alten Stellen.\n", encoding="utf-8")
    with_orphans = json.loads(export_bytes(store, library, "json").decode("utf-8"))
    schema_validator.validate(with_orphans)
    assert {item["anchor"]["state"] for item in with_orphans["annotations"]} == {"orphaned", "anchored"}
    library.get("gipfel-der-leere-inszenierung").path.unlink()
    without_article = json.loads(export_bytes(store, library, "json").decode("utf-8"))
    schema_validator.validate(without_article)
    assert any(item["anchor"]["version"] is None for item in without_article["annotations"])
    schema_validator.validate(
        json.loads(export_bytes(AnnotationStore.open(library.root / "nothing"), library, "json").decode("utf-8"))
    )


def test_the_one_pass_reading_agrees_with_the_field_by_field_one(exported: dict[str, Any]) -> None:
    """reader_json reads the common item in one pass and hands anything else to the reading field
    by field: what the one pass accepts, the other accepts too and reads the same."""
    from reader.exchange.importing import _as_in_file
    from reader.exchange.reader_json import _parse_item, _PlainItems

    base = exported["annotations"][0]
    quote = base["selectors"]["quote"]
    variants: list[tuple[dict[str, Any], bool]] = [  # (item, whether the one pass reads it)
        (base, True),
        ({**base, "tags": [" Framing ", "framing", "Kon\u0308flikt"]}, True),  # cleaned as clean_tags does
        ({**base, "revision": "1" * 16, "ancestors": ["0" * 16] * 40}, True),  # ancestors cut to 32
        ({**base, "ancestors": [base["revision"], "0" * 16, "0" * 16]}, True),  # itself and repeats dropped
        ({**base, "created": "2025-08-16T11:30:00+02:00"}, False),  # another spelling: normalised
        ({**base, "created": "2025-02-30T11:30:00.000Z"}, False),  # no such day: refused
        ({**base, "updated": "2999-01-01T00:00:00.000Z"}, False),  # in the future: refused
        ({**base, "tags": ["x" * 300]}, False),  # too long: refused
        ({**base, "tags": [["nested"]]}, False),
        ({**base, "revision": "nothex"}, False),
        ({**base, "revision": "", "ancestors": ["0" * 16]}, False),  # ancestors without a revision
        ({**base, "note": None}, False),
        ({key: value for key, value in base.items() if key != "note"}, False),  # a field left out: its default
        ({**base, "id": "  "}, False),
        ({**base, "selectors": {**base["selectors"], "quote": {**quote, "prefix": "p" * 100}}}, False),  # cut
        ({**base, "selectors": {**base["selectors"], "position": {"start": True, "end": 3}}}, False),
    ]
    for item, one_pass in variants:
        fast = _PlainItems().parse(item, "annotations[0]")
        try:
            slow = _parse_item(item, "annotations[0]")
        except ImportRefused:
            slow = None
        assert (fast is not None) == one_pass, item
        if fast is not None:
            assert slow is not None
            assert fast.annotation == slow.annotation and fast.annotation.colour == slow.annotation.colour
            assert replace(fast, annotation=slow.annotation, lineage_computed=False) == slow
            # the one pass computes the revision and lineage the planning computes for the other
            planned_fast, planned_slow = _as_in_file(fast, fast.annotation), _as_in_file(slow, slow.annotation)
            assert planned_fast is fast.annotation
            assert (planned_fast.revision, planned_fast.ancestors) == (planned_slow.revision, planned_slow.ancestors)


def test_the_typed_decoding_agrees_with_the_general_reading(exported: dict[str, Any]) -> None:
    """parse_plain decodes reader's own export in one typed pass; anything it is not sure of it
    declines (None) and the general reading (orjson, then field by field) takes the file: what it
    accepts, the general reading accepts too and reads the same."""
    import orjson

    from reader.exchange.reader_json import is_reader_json, parse, parse_plain

    base = exported["annotations"][0]
    selectors, quote = base["selectors"], base["selectors"]["quote"]

    def document(*items: dict[str, Any], **top: Any) -> bytes:
        return orjson.dumps({**exported, "annotations": [*exported["annotations"], *items], **top})

    variants: list[tuple[bytes, bool]] = [  # (file, whether the typed pass reads it)
        (document(), True),
        (document({**base, "id": "zweite", "tags": [" Framing ", "framing"], "extra": [[[{"x": 1}]]]}), True),
        (document({**base, "id": "dritte", "revision": "1" * 16, "ancestors": ["0" * 16] * 40}), True),
        (document({**base, "id": "vierte", "ancestors": [base["revision"], "0" * 16]}), True),
        (document(generator="elsewhere", exported="whenever"), True),
        (document(schema=2), False),  # newer: refused by the general reading
        (document(schema=True), False),
        (document(format="other"), False),
        (document({**base, "created": "2025-08-16T11:30:00+02:00"}), False),  # another spelling
        (document({**base, "created": "2025-02-30T11:30:00.000Z"}), False),  # no such day
        (document({**base, "created": "\uff12\uff10\uff12\uff15-08-16T11:30:00.000Z"}), False),  # not ASCII digits
        (document({**base, "updated": "2999-01-01T00:00:00.000Z"}), False),  # in the future
        (document({**base, "tags": ["x" * 300]}), False),
        (document({**base, "tags": "Framing"}), False),
        (document({**base, "revision": "nothex"}), False),
        (document({**base, "revision": "0123456789ABCDEF"}), False),  # hex, but not lower case
        (document({**base, "revision": "0" * 15}), False),
        (document({**base, "revision": "0" * 17}), False),
        (document({**base, "revision": " " + "0" * 15}), False),
        (document({**base, "revision": "", "ancestors": ["0" * 16]}), False),
        (document({**base, "note": None}), False),
        (document({key: value for key, value in base.items() if key != "note"}), False),
        (document({key: value for key, value in base.items() if key != "selectors"}), False),
        (document({**base, "id": "  "}), False),
        (document({**base, "article": {**base["article"], "id": ""}}), False),
        (document({**base, "selectors": {**selectors, "quote": {**quote, "prefix": "p" * 100}}}), False),
        (document({**base, "selectors": {**selectors, "quote": {**quote, "exact": quote["exact"] + "x"}}}), False),
        (document({**base, "selectors": {**selectors, "position": {"start": True, "end": 3}}}), False),
        (document({**base, "selectors": {**selectors, "position": {"start": 1.0, "end": 3}}}), False),
        (document({**base, "selectors": {**selectors, "position": {"start": 2**63, "end": 2**63 + 3}}}), False),
        (document({**base, "selectors": {**selectors, "position": {"start": -3, "end": 0}}}), False),
        (document({**base, "selectors": {**selectors, "position": "0-3"}}), False),
        (document(base), True),  # an id twice: read alike, refused by the planning (test_duplicate_ids)
        (document({**base, "id": "ohne", "selectors": {**selectors, "quote": {"exact": quote["exact"]}}}), True),
        (
            document(
                {
                    **base,
                    "id": "mehr",
                    "selectors": {
                        "position": {**selectors["position"], "x": [1]},
                        "quote": {**quote, "x": None},
                        "y": {},
                    },
                }
            ),
            True,
        ),
        (document()[:-2], False),  # cut short: not JSON
        (document().replace(b'"tags":', b'"tags":[],"tags":', 1), True),  # a key twice: the last counts
        (document().replace(b'"note":"', b'"note":"\\ud800', 1), False),  # a lone surrogate
        (b'{"format":"reader-annotations","schema":1,"annotations":[]}', True),
        (b'{"format":"reader-annotations","schema":1,"annotations":{}}', False),
        (b'{"format":"reader-annotations","schema":1,"annotations":[], "x":' + b"[" * 5000 + b"]" * 5000 + b"}", False),
        (b"[]", False),
    ]
    for raw, one_pass in variants:
        fast = parse_plain(raw)
        try:
            loaded = orjson.loads(raw)
            slow = parse(loaded) if is_reader_json(loaded) else None
        except (ImportRefused, orjson.JSONDecodeError):
            slow = None
        assert (fast is not None) == one_pass, raw[-300:]
        if fast is not None:
            assert slow is not None and same_reading(fast, slow), raw[-300:]
            # the stored form it makes with the fields is the one the store would make
            assert all(item.record == item.annotation.to_record() for item in fast)


def test_an_import_leaves_its_annotations_in_the_oldest_generation(
    second_library: Library, tmp_path: Path, exported: dict[str, Any]
) -> None:
    """What an import built stays with the store: it is moved to the oldest generation unwalked,
    rather than walked by the next young collection; nothing is left frozen."""
    store = AnnotationStore.open(second_library)
    import_file(store, second_library.articles(), write(tmp_path, exported))
    imported = store.get(exported["annotations"][0]["id"])
    oldest = {id(thing) for thing in gc.get_objects(generation=2)}
    assert id(imported) in oldest and id(imported.position) in oldest
    assert gc.get_freeze_count() == 0 and gc.isenabled()


def test_the_collector_runs_again_after_an_import_accepted_or_refused(
    second_library: Library, tmp_path: Path, exported: dict[str, Any]
) -> None:
    """The import pauses the cycle collector while it builds its many objects, and only then."""
    store = AnnotationStore.open(second_library)
    import_file(store, second_library.articles(), write(tmp_path, exported))
    assert gc.isenabled()
    with pytest.raises(ImportRefused):
        import_file(store, second_library.articles(), write(tmp_path, '{"format": "reader-annotations", ['))
    assert gc.isenabled()
