"""Markdown, CSV and W3C writers, filters, and exporting into annotations/exports/."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.annotations import AnnotationStore
from reader.articles import Library
from reader.exchange import FORMATS, export_bytes, export_to_directory, read_import_file
from reader.exchange.csv_table import COLUMNS
from reader.exchange.markdown import paragraphs

ARTICLE_ID = "treffen-trump-putin-no-deal"
OTHER_ID = "gipfel-der-leere-inszenierung"


def annotate_samples(store: AnnotationStore, library: Library) -> None:
    article = library.get(ARTICLE_ID)
    start = article.body.index("Keine Einigung")
    store.add(article, start, start + 29, ["Framing", "Faktencheck"], '=HYPERLINK("http://x")\nZeile zwei')
    store.add(library.get(OTHER_ID), 0, 40, ["zitat verkürzt"])


def test_markdown_has_a_section_per_article_with_block_quotes(store: AnnotationStore, library: Library) -> None:
    annotate_samples(store, library)
    library.get(OTHER_ID).path.write_text("Völlig neuer Text.\n", encoding="utf-8")
    text = export_bytes(store, library, "markdown").decode("utf-8")
    assert text.startswith("# Annotations\n")
    assert "## Treffen von Trump und Putin: No Deal" in text
    assert "> Keine Einigung, kein Abkommen" in text
    assert "**Tags:** `Framing`, `Faktencheck`" in text
    assert "### Not found in the current text" in text.split("## Völlig neuer Text.")[1]


def test_csv_opens_in_spreadsheets_and_never_runs_a_formula(store: AnnotationStore, library: Library) -> None:
    annotate_samples(store, library)
    text = export_bytes(store, library, "csv").decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert list(rows[0]) == list(COLUMNS) and len(rows) == 2
    framed = next(row for row in rows if row["article_id"] == ARTICLE_ID)
    assert framed["tags"] == "Framing; Faktencheck"
    assert framed["note"] == '\'=HYPERLINK("http://x")\nZeile zwei'
    assert framed["passage"] == "Keine Einigung, kein Abkommen" and framed["state"] == "anchored"


def test_w3c_collection_shape(store: AnnotationStore, library: Library) -> None:
    annotate_samples(store, library)
    document = json.loads(export_bytes(store, library, "w3c").decode("utf-8"))
    assert document["@context"] == ["http://www.w3.org/ns/anno.jsonld", {"reader": "urn:reader:terms:"}]
    assert document["type"] == "AnnotationCollection" and document["total"] == 2
    page = document["first"]
    assert page["type"] == "AnnotationPage" and page["id"].startswith("urn:uuid:") and page["id"] != document["id"]
    framed = next(item for item in page["items"] if item["target"]["source"].endswith(ARTICLE_ID))
    assert framed["id"].startswith("urn:uuid:")
    assert [b["purpose"] for b in framed["body"]] == ["tagging", "tagging", "commenting"]
    assert {s["type"] for s in framed["target"]["selector"]} == {"TextQuoteSelector", "TextPositionSelector"}
    assert framed["target"]["source"] == f"urn:reader:article:{ARTICLE_ID}"


def test_w3c_source_is_the_article_url_when_known(store: AnnotationStore, library: Library) -> None:
    path = library.articles_dir / "mit-url.txt"
    path.write_text(
        "---\nurl: https://example.org/gipfel\n---\nEin Text über den Gipfel in Alaska.\n", encoding="utf-8"
    )
    store.add(library.get("mit-url"), 4, 8)
    document = json.loads(export_bytes(store, library, "w3c").decode("utf-8"))
    assert document["first"]["items"][0]["target"]["source"] == "https://example.org/gipfel"


def test_filters_by_article_and_tag_case_insensitively(store: AnnotationStore, library: Library) -> None:
    annotate_samples(store, library)
    by_article = json.loads(export_bytes(store, library, "json", article_ids=[OTHER_ID]).decode("utf-8"))["annotations"]
    assert [item["article"]["id"] for item in by_article] == [OTHER_ID]
    by_tag = json.loads(export_bytes(store, library, "json", tags=["ZITAT  Verkürzt"]).decode("utf-8"))["annotations"]
    assert [item["tags"] for item in by_tag] == [["zitat verkürzt"]]
    assert json.loads(export_bytes(store, library, "json", tags=["unbekannt"]).decode("utf-8"))["annotations"] == []


def test_export_to_directory_writes_each_format_under_exports(store: AnnotationStore, library: Library) -> None:
    annotate_samples(store, library)
    paths = [export_to_directory(store, library, fmt) for fmt in FORMATS]
    assert len(set(paths)) == len(FORMATS) == 5
    for path, (_, extension) in zip(paths, FORMATS.values(), strict=True):
        assert path.parent == library.annotations_dir / "exports" and path.suffix == f".{extension}"
        assert path.stat().st_size > 0
    assert read_import_file(paths[0])[0] == "json" and len(read_import_file(paths[1])[1]) == 2
    again = export_to_directory(store, library, "json")
    assert again != paths[0] and again.parent == paths[0].parent
    assert list(library.annotations_dir.rglob("*.tmp")) == []


# ---- hostile notes, passages and titles -------------------------------------------------------

HOSTILE_NOTES = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[klick](javascript:alert(1)) und <javascript:alert(1)> und ![bild](javascript:x)",
    "<div>\nroh\n</div>",
    "# Überschrift\n## zweite",
    "* Punkt\n- Strich\n+ Plus\n1. eins\n2) zwei",
    "> zitiert\n>> doppelt",
    "```\nunclosed fence",
    "~~~python\nnoch einer",
    "| a | b |\n|---|---|\n| c | d |",
    "Text\n===\nmehr\n---",
    "***\n___",
    "**fett** _kursiv_ `code` ~~weg~~ #tag $x^2$ {.klasse}",
    "Zeile eins\nZeile zwei\n\nneuer Absatz\n    eingerückt",
    "Endet mit Backslash \\\nund &amp; &lt;b&gt; AT&T",
]


def markdown_parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def note_paragraphs(note: str) -> list[str]:
    """What a reader should see of a note: its paragraphs, each with its lines (stripped)."""
    blocks: list[list[str]] = [[]]
    for line in note.split("\n"):
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    return ["\n".join(block) for block in blocks if block]


def inline_text(token) -> str:
    """An inline token's text as rendered: line breaks as '\\n', no markup; raw HTML fails."""
    parts = []
    for child in token.children:
        assert child.type not in (
            "html_inline",
            "link_open",
            "image",
            "code_inline",
            "em_open",
            "strong_open",
            "s_open",
        ), child
        parts.append("\n" if child.type in ("softbreak", "hardbreak") else child.content)
    return "".join(parts)


@pytest.mark.parametrize("note", HOSTILE_NOTES)
def test_a_markdown_note_stays_text_in_its_place(store: AnnotationStore, library: Library, note: str) -> None:
    article = library.get(ARTICLE_ID)
    start = article.body.index("Keine Einigung")
    store.add(article, start, start + 29, ["Framing"], note)
    document = export_bytes(store, library, "markdown").decode("utf-8")
    tokens = markdown_parser().parse(document)
    blocks = [t.type for t in tokens if t.nesting == 1 or t.type in ("fence", "code_block", "html_block", "hr")]
    assert blocks.count("heading_open") == 2 and "html_block" not in blocks and "fence" not in blocks
    assert not {"bullet_list_open", "ordered_list_open", "table_open", "code_block", "hr"} & set(blocks)
    assert blocks.count("blockquote_open") == 1  # the passage's, and no other
    # after the passage and the tags line come the note's paragraphs, word for word
    paragraphs = [
        t
        for t, before in zip(tokens[1:], tokens, strict=False)
        if t.type == "inline" and before.type == "paragraph_open"
    ]
    expected = note_paragraphs(note)
    assert [inline_text(t) for t in paragraphs[-len(expected) :]] == expected
    html = markdown_parser().render(document)
    assert "<script" not in html and "<img" not in html and "href=" not in html and "<div" not in html


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 \n\t<>&#*_-+=.)|`~[]()!\\${}:/\"'")), max_size=60))
def test_any_note_reads_back_as_its_text(note: str) -> None:
    """Property: whatever punctuation a note holds, a Markdown viewer shows exactly its words."""
    tokens = markdown_parser().parse("\n\n".join(paragraphs(note)) + "\n")
    shown = [
        inline_text(t)
        for t, before in zip(tokens[1:], tokens, strict=False)
        if t.type == "inline" and before.type == "paragraph_open"
    ]
    assert all(t.type in ("paragraph_open", "paragraph_close", "inline") for t in tokens)
    assert shown == note_paragraphs(note)


def test_a_hostile_title_and_passage_are_escaped_and_the_title_is_whole(
    store: AnnotationStore, library: Library
) -> None:
    title = "# <b>Gipfel</b> | *Putin* & [Trump](javascript:x) – ein sehr langer Titel, der nicht gekürzt wird, auch nach neunzig Zeichen nicht"
    path = library.articles_dir / "feindlich.txt"
    path.write_text(f"---\ntitle: {title}\n---\n> Zitat mit <script>x</script>\n- Liste\n", encoding="utf-8")
    article = library.get("feindlich")
    store.add(article, 0, len(article.body))
    tokens = markdown_parser().parse(export_bytes(store, library, "markdown").decode("utf-8"))
    headings = [
        inline_text(t)
        for t, before in zip(tokens[1:], tokens, strict=False)
        if t.type == "inline" and before.type == "heading_open"
    ]
    assert headings[1] == title
    quoted = [t for t in tokens if t.type == "blockquote_open"]
    assert len(quoted) == 1
    html = markdown_parser().render(export_bytes(store, library, "markdown").decode("utf-8"))
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<ul>" not in html


def test_tags_in_code_spans_cannot_break_out(store: AnnotationStore, library: Library) -> None:
    article = library.get(ARTICLE_ID)
    store.add(article, 0, 10, ["a`b", "``", "<i>x</i>"])
    line = next(
        line
        for line in export_bytes(store, library, "markdown").decode("utf-8").splitlines()
        if line.startswith("**Tags:**")
    )
    tokens = markdown_parser().parseInline(line)[0].children
    assert [t.content for t in tokens if t.type == "code_inline"] == ["a`b", "``", "<i>x</i>"]


def test_csv_tags_with_the_separator_stay_one_tag_and_every_text_cell_is_guarded(
    store: AnnotationStore, library: Library
) -> None:
    path = library.articles_dir / "formel.txt"
    path.write_text(
        "---\ntitle: =1+1\nsource: @quelle\nurl: https://example.org/formel\n---\nEin Text über Formeln in Tabellen.\n",
        encoding="utf-8",
    )
    article = library.get("formel")
    store.add(article, 0, 8, ["a; b", "c\\d", "-minus"])
    rows = list(csv.DictReader(io.StringIO(export_bytes(store, library, "csv").decode("utf-8").removeprefix("\ufeff"))))
    row = rows[0]
    assert row["tags"] == "a\\; b; c\\\\d; -minus"
    assert read_tags(row["tags"]) == ["a; b", "c\\d", "-minus"]
    assert (row["article_title"], row["article_source"]) == ("'=1+1", "'@quelle")
    assert row["article_url"] == "https://example.org/formel"
    assert list(row) == list(COLUMNS) and list(row)[-2:] == ["article_url", "text_version"]  # columns only appended
    assert row["text_version"] == article.version


def read_tags(cell: str) -> list[str]:
    """How a script reads the tags cell back: ';' separates unless a backslash escapes it."""
    tags, current, escaped = [], "", False
    for char in cell:
        if escaped:
            current, escaped = current + char, False
        elif char == "\\":
            escaped = True
        elif char == ";":
            tags.append(current.strip())
            current = ""
        else:
            current += char
    return [*tags, current.strip()]
