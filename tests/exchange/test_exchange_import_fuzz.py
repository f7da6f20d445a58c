"""Property: whatever a damaged export file holds, import either takes it whole (every saved
annotation sits on its quoted text, or is an orphan) or refuses it in one line with nothing
written — never another exception, never half an import."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from reader.annotations import AnchorState, AnnotationStore
from reader.articles import Library
from reader.exchange import ImportRefused, export_bytes, import_file
from tests.helpers.sample_library import copy_sample_library

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.text(max_size=40) | st.floats(allow_nan=False),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3),
    max_leaves=6,
)


def paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in a JSON document: dict keys and list indexes down to the leaves."""
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += paths(value, (*prefix, index))
    return found


def files_under(root: Path) -> dict[str, bytes]:
    return (
        {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
        if root.exists()
        else {}
    )


def sample_export(root: Path) -> dict[str, Any]:
    library = copy_sample_library(root)
    store = AnnotationStore.open(library, author="tester")
    first, second = library.articles()[:2]
    store.add(first, 10, 60, ["Framing", "Zitat verkürzt"], "eine Notiz\nmit zwei Zeilen")
    store.add(second, 0, 25, ["Faktencheck"])
    return json.loads(export_bytes(store, library, "json").decode("utf-8"))


EXPORTED = sample_export(Path(tempfile.mkdtemp(prefix="reader-fuzz-")))
PLACES = [place for place in paths(EXPORTED) if place]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    changes=st.lists(
        st.tuples(st.sampled_from(PLACES), st.one_of(st.just("delete"), JSON_VALUES)), min_size=1, max_size=3
    )
)
def test_a_damaged_export_is_taken_whole_or_refused_in_one_line(tmp_path_factory, changes) -> None:
    document = json.loads(json.dumps(EXPORTED))
    for place, value in changes:
        parent = document
        try:
            for step in place[:-1]:
                parent = parent[step]
            if value == "delete":
                del parent[place[-1]]
            else:
                parent[place[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed this place
    root = tmp_path_factory.mktemp("library")
    library = copy_sample_library(root)
    path = root / "import.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    store = AnnotationStore.open(library)
    before = files_under(library.annotations_dir)
    try:
        report = import_file(store, library.articles(), path)
    except ImportRefused as refused:
        event("refused")
        assert "\n" not in str(refused) and str(refused)
        assert len(store) == 0 and files_under(library.annotations_dir) == before
        return
    event("taken")
    reopened = AnnotationStore.open(Library(root))
    assert len(reopened) == report.added == len(document["annotations"])
    for anchored in reopened.anchor_all(library.articles()):
        if anchored.state is not AnchorState.ORPHANED:
            body = library.get(anchored.annotation.article_id).body
            assert body[anchored.start : anchored.end] == anchored.annotation.exact


@settings(max_examples=150, deadline=None)
@given(
    changes=st.lists(
        st.tuples(st.sampled_from(PLACES), st.one_of(st.just("delete"), JSON_VALUES)), min_size=1, max_size=3
    )
)
def test_the_typed_decoding_declines_or_reads_as_the_general_reading(changes) -> None:
    """Whatever a damaged export holds, the one-pass typed decoding (reader_json.parse_plain)
    either declines it or reads exactly what the general reading reads."""
    import orjson

    from reader.exchange.reader_json import is_reader_json, parse, parse_plain
    from tests.helpers.readings import same_reading

    document = json.loads(json.dumps(EXPORTED))
    for place, value in changes:
        parent = document
        try:
            for step in place[:-1]:
                parent = parent[step]
            if value == "delete":
                del parent[place[-1]]
            else:
                parent[place[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    raw = json.dumps(document).encode("utf-8")
    fast = parse_plain(raw)
    event("declined" if fast is None else "read")
    if fast is not None:
        loaded = orjson.loads(raw)
        assert is_reader_json(loaded)
        assert same_reading(fast, parse(loaded))
