"""`reader list`, plain and `--json`: the same bytes as they always were, from files or from the index.

The expected output is written here the way the command wrote it before it was made fast: the
summaries of the articles parsed from their files (no index), through `json.dumps` and the
sanitiser, and one `say` per line.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from reader.articles import Library
from reader.cli import main
from reader.text.terminal import escape_json_text, safe_line

HOSTILE_TITLE = 'Zitat "in Anführung" \\ Rückstrich \x1b[31mrot\x1b[0m \u202e umgedreht \x7f Ende\tTab'
# line ends only Python's splitlines knows: in a headline (front matter would end the line there)
BREAKING_HEADLINE = "Zeilen\x85ende und \u2028 Trenner im Kopf"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def odd_library(library_dir: Path) -> Path:
    """The sample library plus files with odd names, odd metadata and odd places."""
    articles = library_dir / "articles"
    _write(articles / "Straße und Ärger.txt", "Ein Titel mit Leerzeichen im Namen\nDer Text spricht von Ärger.\n")
    _write(
        articles / "tief" / "unten" / "ganz.md",
        f"---\ntitle: {HOSTILE_TITLE}\nsource: Blatt 📰\ndate: 2024-02-29\n---\nKurz.\n",
    )
    _write(articles / "kopfzeile.txt", f"{BREAKING_HEADLINE}\nDer Text darunter.\n")
    _write(articles / "GROSS.TXT", "Die Endung in großen Buchstaben wird gelesen.\n")
    _write(articles / "a" / "doppelt.txt", "Einmal so.\n")
    _write(articles / "b" / "doppelt.md", "Einmal anders.\n")
    _write(articles / "versteckt" / ".geheim.txt", "Versteckte Dateien gehören nicht dazu.\n")
    (articles / "kaputt.txt").write_bytes(b"\x00\x01binary")
    (articles / "verweis.txt").symlink_to(articles / "GROSS.TXT")
    # a name that is not UTF-8: Python keeps its byte as a lone surrogate, which orjson refuses
    with open(os.fsencode(articles) + b"/latin-\xe4.txt", "wb") as file:
        file.write(b"Ein Name in Latin-1.\n")
    return library_dir


def _expected_json(root: Path) -> str:
    summaries = [article.summary() for article in Library(root).scan().articles]
    return escape_json_text(json.dumps(summaries, ensure_ascii=False, indent=2)) + "\n"


def _expected_plain(root: Path) -> str:
    return "".join(
        safe_line(f"{a.id:40.40}  {a.date or '—':10}  {a.source or '—':16.16}  {a.words:>6}  {a.title}") + "\n"
        for a in Library(root).scan().articles
    )


def _list(root: Path, *options: str) -> tuple[str, str]:
    result = CliRunner().invoke(main, ["--library", str(root), "list", *options])
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


@pytest.mark.parametrize("options", [("--json",), ()], ids=["json", "plain"])
def test_the_listing_is_the_same_first_from_files_then_from_the_index(
    odd_library: Path, options: tuple[str, ...]
) -> None:
    expected = _expected_json(odd_library) if options else _expected_plain(odd_library)
    first, first_errors = _list(odd_library, *options)  # no index yet: every file parsed
    again, again_errors = _list(odd_library, *options)  # from the index
    assert first == again == expected
    assert first_errors == again_errors
    assert "skipped kaputt.txt: " in first_errors and "has the same id 'doppelt'" in first_errors
    if options:
        rows = json.loads(first)
        assert len(rows) == 12  # five of the sample, six odd ones, the link; not the hidden, broken, doubled
        assert {"GROSS", "verweis", "ganz", "kopfzeile", "latin-\udce4", "Straße und Ärger"} <= {
            row["id"] for row in rows
        }
    else:
        assert len(first.splitlines()) == 12


def test_a_file_changed_between_two_listings_is_listed_as_it_is_now(odd_library: Path) -> None:
    _list(odd_library, "--json")
    _write(odd_library / "articles" / "tief" / "unten" / "ganz.md", "Jetzt ganz anders und ohne Kopf.\n")
    (odd_library / "articles" / "Straße und Ärger.txt").unlink()
    _write(odd_library / "articles" / "neu.txt", "Neu dazu.\n")
    listed, _ = _list(odd_library, "--json")
    assert listed == _expected_json(odd_library)
    rows = {row["id"]: row for row in json.loads(listed)}
    assert rows["ganz"]["title"] == "Jetzt ganz anders und ohne Kopf." and "neu" in rows
    assert "Straße und Ärger" not in rows


def test_a_lone_surrogate_is_one_replacement_on_screen_and_the_same_code_point_in_json() -> None:
    name = "latin-\udce4.txt"
    assert safe_line(name) == "latin-\ufffd.txt" and len(safe_line(name)) == len(name)
    escaped = escape_json_text(json.dumps([name], ensure_ascii=False))
    assert escaped == '["latin-\\udce4.txt"]' and json.loads(escaped) == [name]
