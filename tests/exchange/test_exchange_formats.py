"""Markdown, CSV and W3C writers, filters, and exporting into annotations/exports/."""

from __future__ import annotations

import csv
import io
import json

from reader.annotations import AnnotationStore
from reader.exchange import FORMATS, export_text, export_to_directory, read_import_file
from reader.exchange.csv_table import COLUMNS
from reader.library import Library

ARTICLE_ID = "treffen-trump-putin-no-deal"
OTHER_ID = "gipfel-der-leere-inszenierung"


def annotate_samples(store: AnnotationStore, library: Library) -> None:
    article = library.get(ARTICLE_ID)
    start = article.body.index("Keine Einigung")
    store.add(article, start, start + 29, ["Framing", "Faktencheck"], "=HYPERLINK(\"http://x\")\nZeile zwei")
    store.add(library.get(OTHER_ID), 0, 40, ["zitat verkürzt"])


def test_markdown_has_a_section_per_article_with_block_quotes(store: AnnotationStore, library: Library) -> None:
    annotate_samples(store, library)
    library.get(OTHER_ID).path.write_text("Völlig neuer Text.\n", encoding="utf-8")
    text = export_text(store, library, "markdown")
    assert text.startswith("# Annotations\n")
    assert "## Treffen von Trump und Putin: No Deal" in text
    assert "> Keine Einigung, kein Abkommen" in text
    assert "**Tags:** `Framing`, `Faktencheck`" in text
    assert "### Not found in the current text" in text.split("## Völlig neuer Text.")[1]


def test_csv_opens_in_spreadsheets_and_never_runs_a_formula(store: AnnotationStore, library: Library) -> None:
    annotate_samples(store, library)
    text = export_text(store, library, "csv")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert list(rows[0]) == list(COLUMNS) and len(rows) == 2
    framed = next(row for row in rows if row["article_id"] == ARTICLE_ID)
    assert framed["tags"] == "Framing; Faktencheck"
    assert framed["note"] == "'=HYPERLINK(\"http://x\")\nZeile zwei"
    assert framed["passage"] == "Keine Einigung, kein Abkommen" and framed["state"] == "anchored"


def test_w3c_collection_shape(store: AnnotationStore, library: Library) -> None:
    annotate_samples(store, library)
    document = json.loads(export_text(store, library, "w3c"))
    assert document["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert document["type"] == "AnnotationCollection" and document["total"] == 2
    page = document["first"]
    assert page["type"] == "AnnotationPage"
    framed = next(item for item in page["items"] if item["target"]["source"].endswith(ARTICLE_ID))
    assert framed["id"].startswith("urn:uuid:")
    assert [b["purpose"] for b in framed["body"]] == ["tagging", "tagging", "commenting"]
    assert {s["type"] for s in framed["target"]["selector"]} == {"TextQuoteSelector", "TextPositionSelector"}
    assert framed["target"]["source"] == f"urn:reader:article:{ARTICLE_ID}"


def test_w3c_source_is_the_article_url_when_known(store: AnnotationStore, library: Library) -> None:
    path = library.articles_dir / "mit-url.txt"
    path.write_text("---\nurl: https://example.org/gipfel\n---\nEin Text über den Gipfel in Alaska.\n", encoding="utf-8")
    store.add(library.get("mit-url"), 4, 8)
    document = json.loads(export_text(store, library, "w3c"))
    assert document["first"]["items"][0]["target"]["source"] == "https://example.org/gipfel"


def test_filters_by_article_and_tag_case_insensitively(store: AnnotationStore, library: Library) -> None:
    annotate_samples(store, library)
    by_article = json.loads(export_text(store, library, "json", article_ids=[OTHER_ID]))["annotations"]
    assert [item["article"]["id"] for item in by_article] == [OTHER_ID]
    by_tag = json.loads(export_text(store, library, "json", tags=["ZITAT  Verkürzt"]))["annotations"]
    assert [item["tags"] for item in by_tag] == [["zitat verkürzt"]]
    assert json.loads(export_text(store, library, "json", tags=["unbekannt"]))["annotations"] == []


def test_export_to_directory_writes_each_format_under_exports(store: AnnotationStore, library: Library) -> None:
    annotate_samples(store, library)
    paths = [export_to_directory(store, library, fmt) for fmt in FORMATS]
    assert len(set(paths)) == 4
    for path, (_, extension) in zip(paths, FORMATS.values()):
        assert path.parent == library.annotations_dir / "exports" and path.suffix == f".{extension}"
        assert path.stat().st_size > 0
    assert read_import_file(paths[0])[0] == "json" and len(read_import_file(paths[1])[1]) == 2
    again = export_to_directory(store, library, "json")
    assert again != paths[0] and again.parent == paths[0].parent
    assert list(library.annotations_dir.rglob("*.tmp")) == []
