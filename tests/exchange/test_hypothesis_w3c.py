"""Hypothesis and W3C files as users meet them: the client's export and the API's format, replies
and page notes skipped and reported, tracking parameters ignored, link bodies and refinedBy
selectors accepted, and exports that say which text their offsets refer to."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reader.annotations import AnnotationStore
from reader.articles import Library
from reader.exchange import export_bytes, import_file

TEXT = "Der Gipfel in Alaska endete ohne Abkommen. Beide Seiten sprachen von Fortschritt."
URL = "https://www.example.org/politik/gipfel-alaska"


def _article(library: Library) -> None:
    (library.articles_dir / "gipfel-url.txt").write_text(f"---\nurl: {URL}\n---\n{TEXT}\n", encoding="utf-8")


def _hypothesis(annotation_id: str, uri: str, exact: str, **extra: Any) -> dict[str, Any]:
    """An annotation as the Hypothesis API returns it (hypothesis/h, api-reference)."""
    at = TEXT.index(exact)
    return {
        "id": annotation_id,
        "created": "2025-08-16T09:30:00.000000+00:00",
        "updated": "2025-08-16T09:31:00.000000+00:00",
        "user": "acct:anna_analyse@hypothes.is",
        "uri": uri,
        "text": "Wer spricht hier?",
        "tags": ["Framing/Erfolg"],
        "group": "__world__",
        "permissions": {"read": ["group:__world__"]},
        "target": [
            {
                "source": uri,
                "selector": [
                    {
                        "type": "RangeSelector",
                        "startContainer": "/div[1]/p[3]",
                        "startOffset": 0,
                        "endContainer": "/div[1]/p[3]",
                        "endOffset": 20,
                    },
                    {"type": "TextPositionSelector", "start": 4000 + at, "end": 4000 + at + len(exact)},
                    {"type": "TextQuoteSelector", "exact": exact, "prefix": TEXT[max(0, at - 10) : at], "suffix": ""},
                ],
            }
        ],
        "document": {"title": ["Gipfel in Alaska"]},
        "links": {"html": f"https://hypothes.is/a/{annotation_id}"},
        "user_info": {"display_name": "Anna Analyse"},
        "flagged": False,
        "hidden": False,
        **extra,
    }


def _write(tmp_path: Path, document: Any, name: str = "hypothesis.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _rest(uri: str) -> list[dict[str, Any]]:
    reply = _hypothesis("Reply0000000000000001", uri, "Beide Seiten", references=["Abc123DefGhi456JklMno"])
    page_note = _hypothesis("PageNote0000000000001", uri, "Gipfel")
    page_note["target"] = [{"source": uri}]
    elsewhere = _hypothesis("Elsewhere000000000001", "https://other.example/x", "Gipfel")
    return [reply, page_note, elsewhere]


def test_the_client_export_imports_what_fits_and_reports_the_rest(library: Library, tmp_path: Path) -> None:
    _article(library)
    tracked = f"{URL}/?utm_source=newsletter&utm_medium=email#top"  # as visited, from a newsletter
    document = {
        "export_date": "2025-08-20T10:00:00.000Z",
        "export_userid": "acct:anna_analyse@hypothes.is",
        "client_version": "1.1500.0",
        "annotations": [_hypothesis("Abc123DefGhi456JklMno", tracked, "ohne Abkommen"), *_rest(tracked)],
    }
    store = AnnotationStore.open(library)
    report = import_file(store, library.articles(), _write(tmp_path, document))
    assert (report.format, report.read, report.added) == ("hypothesis", 4, 1)
    assert len(report.skipped) == 3
    assert "a reply" in report.skipped[0] and "a page note" in report.skipped[1]
    assert "no article in the library with the URL 'https://other.example/x'" in report.skipped[2]
    (imported,) = store.all()
    assert imported.exact == "ohne Abkommen" and TEXT[imported.start : imported.end] == "ohne Abkommen"
    assert (imported.tags, imported.note, imported.author) == (("Framing/Erfolg",), "Wer spricht hier?", "Anna Analyse")
    assert imported.created == "2025-08-16T09:30:00.000Z"


def test_the_api_search_result_imports_too(library: Library, tmp_path: Path) -> None:
    _article(library)
    rows = [_hypothesis("Abc123DefGhi456JklMno", URL, "Fortschritt"), *_rest(URL)]
    report = import_file(
        AnnotationStore.open(library), library.articles(), _write(tmp_path, {"total": 4, "rows": rows})
    )
    assert (report.added, len(report.skipped)) == (1, 3)
    single = _write(tmp_path, _hypothesis("Single00000000000001", URL, "Beide Seiten"), "one.json")
    assert import_file(AnnotationStore.open(library), library.articles(), single).added == 1


def test_w3c_link_bodies_and_refined_selectors_are_accepted(library: Library, tmp_path: Path) -> None:
    _article(library)
    document = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationPage",
        "id": "http://example.org/page1",
        "items": [
            {  # the model's example 1: a link body on a whole page (no passage: reported)
                "id": "http://example.org/anno1",
                "type": "Annotation",
                "body": "http://example.org/post1",
                "target": "http://example.com/page1",
            },
            {  # a link body on a passage, given by a fragment refined by a quote (model 4.2.9)
                "id": "http://example.org/anno2",
                "type": "Annotation",
                "body": [
                    {"id": "http://example.org/analysis1.mp3", "format": "audio/mpeg"},
                    "http://example.org/post2",
                ],
                "target": {
                    "source": URL,
                    "selector": {
                        "type": "FragmentSelector",
                        "value": "para1",
                        "refinedBy": {"type": "TextQuoteSelector", "exact": "endete ohne Abkommen"},
                    },
                },
            },
            {  # only a CSS selector: reported by name
                "id": "http://example.org/anno3",
                "type": "Annotation",
                "target": {"source": URL, "selector": {"type": "CssSelector", "value": "#elemid > .elemclass + p"}},
            },
        ],
    }
    store = AnnotationStore.open(library)
    report = import_file(store, library.articles(), _write(tmp_path, document, "w3c.jsonld"))
    assert report.added == 1
    (imported,) = store.all()
    assert imported.exact == "endete ohne Abkommen"
    assert imported.note == "http://example.org/analysis1.mp3\n\nhttp://example.org/post2"
    assert "no selector" in report.skipped[0]
    assert "given only by CssSelector" in report.skipped[1]


def test_w3c_export_gives_current_offsets_and_names_the_text_version(library: Library) -> None:
    _article(library)
    store = AnnotationStore.open(library)
    article = library.get("gipfel-url")
    moved = store.add(article, TEXT.index("Beide"), TEXT.index("Beide") + 12, ["Ton"])
    lost = store.add(article, TEXT.index("ohne"), TEXT.index("ohne") + 13, ["Ton"])
    changed_text = "Vorweg ein neuer Satz. " + TEXT.replace("ohne Abkommen", "mit vagen Zusagen")
    article.path.write_text(f"---\nurl: {URL}\n---\n{changed_text}\n", encoding="utf-8")
    current = library.get("gipfel-url")
    document = json.loads(export_bytes(store, library, "w3c"))
    targets = {item["id"].removeprefix("urn:uuid:"): item["target"] for item in document["first"]["items"]}
    re_anchored = targets[moved.id]
    position = next(s for s in re_anchored["selector"] if s["type"] == "TextPositionSelector")
    assert current.body[position["start"] : position["end"]] == "Beide Seiten"
    assert (re_anchored["reader:textVersion"], re_anchored["reader:anchor"]) == (current.version, "re-anchored")
    orphan = targets[lost.id]
    assert [s["type"] for s in orphan["selector"]] == ["TextQuoteSelector"]
    assert orphan["selector"][0]["exact"] == "ohne Abkommen"
    assert (orphan["reader:textVersion"], orphan["reader:anchor"]) == (article.version, "orphaned")


def test_csv_export_gives_current_offsets_and_names_the_text_version(library: Library) -> None:
    import csv
    import io

    _article(library)
    store = AnnotationStore.open(library)
    article = library.get("gipfel-url")
    moved = store.add(article, TEXT.index("Beide"), TEXT.index("Beide") + 12, ["Ton"])
    article.path.write_text(f"---\nurl: {URL}\n---\nVorweg ein neuer Satz. {TEXT}\n", encoding="utf-8")
    current = library.get("gipfel-url")
    text = export_bytes(store, library, "csv").decode("utf-8").removeprefix("\ufeff")
    row = next(r for r in csv.DictReader(io.StringIO(text)) if r["id"] == moved.id)
    assert current.body[int(row["start"]) : int(row["end"])] == row["passage"] == "Beide Seiten"
    assert (row["state"], row["text_version"]) == ("re-anchored", current.version)
