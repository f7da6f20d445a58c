"""Hostile titles, file names, tags, notes and ids never put an escape sequence on the terminal:
every command of the CLI is walked, and the app's dialog heading, toast and text fields are read
back as they render."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.geometry import Region

from reader.annotations import AnnotationStore
from reader.articles import Library
from reader.cli import main
from reader.commands import annotations as annotation_commands
from reader.text.terminal import BIDI_CONTROLS, escape_json_text, safe_display, safe_line, without_unsafe
from tests.helpers.pilot import wait_for_library

# A window title (OSC 0), a hyperlink (OSC 8), a screen clear (CSI), a one-byte CSI (C1), a bidi override.
HOSTILE = "\x1b]0;pwned\x07\x1b]8;;http://evil.example\x1b\\klick\x1b]8;;\x1b\\\x1b[2J\x9b31m\u202eevil"
NAME = "bericht\x1b]0;x\x07\u202e"  # a file name: no '/', still hostile
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f" + BIDI_CONTROLS + "\u2028\u2029]")
SENTENCE = "Der Gipfel in Alaska endete ohne Einigung."


def build_library(root: Path) -> str:
    """A library whose article has a hostile file name, title, source, URL and body; one broken
    file with a hostile name; one annotation with a hostile tag and note. Returns the article id."""
    articles = root / "articles"
    articles.mkdir(parents=True)
    (articles / f"{NAME}.txt").write_text(
        f"---\ntitle: Titel {HOSTILE}\nsource: Quelle {HOSTILE}\nurl: https://example.org/{HOSTILE}\n---\n"
        f"{SENTENCE} Danach sprach man von {HOSTILE} und mehr.\n",
        encoding="utf-8",
    )
    (articles / f"kaputt{NAME}.txt").write_bytes("Straße".encode("latin-1"))
    library = Library(root)
    store = AnnotationStore.open(library, author=f"autor {HOSTILE}")
    article = library.get(NAME)
    start = article.body.index("Gipfel")
    store.add(article, start, start + len("Gipfel"), [f"tag {HOSTILE}"], f"Notiz {HOSTILE}\nzweite Zeile")
    return article.id


def assert_clean(text: str, where: str) -> None:
    found = UNSAFE.search(text)
    assert found is None, (
        f"{where}: {found.group()!r} reaches the terminal in {text[max(0, found.start() - 40) : found.end() + 40]!r}"
    )


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Standard output counts as a terminal (click's runner captures it)."""
    monkeypatch.setattr(annotation_commands, "is_terminal", lambda stream: True)


def test_every_command_prints_hostile_text_safely(tmp_path: Path, terminal: None) -> None:
    root = tmp_path / "library"
    article_id = build_library(root)
    (tmp_path / f"leer{NAME}.html").write_text("<html><body><p>Zu kurz.</p></body></html>", encoding="utf-8")
    (tmp_path / f"kaputt{NAME}.json").write_text("{nicht json", encoding="utf-8")
    export = json.loads(CliRunner().invoke(main, ["--library", str(root), "export"]).stdout_bytes)
    export["annotations"][0]["id"] = f"id-{HOSTILE}"
    (tmp_path / "hostile-id.json").write_text(json.dumps(export), encoding="utf-8")
    lib = ["--library", str(root)]
    commands = [
        [*lib, "list"],
        [*lib, "list", "--json"],
        [*lib, "add", str(tmp_path / f"fehlt{NAME}.html")],
        [*lib, "add", str(tmp_path / f"leer{NAME}.html")],
        [*lib, "add", "--json", str(tmp_path / f"leer{NAME}.html")],
        [*lib, "annotate", f"fehlt{NAME}", "--exact", "Gipfel"],
        [*lib, "annotate", article_id, "--exact", "Alaska", "--tag", HOSTILE, "--note", HOSTILE],
        [*lib, "annotate", article_id, "--exact", f"nicht da {HOSTILE}"],
        [*lib, "import", str(tmp_path / "hostile-id.json")],
        [*lib, "annotations"],
        [*lib, "annotations", "--json"],
        [*lib, "annotations", "--article", f"fehlt{NAME}"],
        [*lib, "annotations", "--tag", f"tag {HOSTILE}"],
        [*lib, "export", "--format", "markdown"],
        [*lib, "export", "--format", "csv"],
        [*lib, "export", "--format", "json"],
        [*lib, "export", "--format", "w3c"],
        [*lib, "export", "--format", "markdown", "-o", str(tmp_path / f"export{NAME}.md")],
        [*lib, "import", str(tmp_path / f"fehlt{NAME}.json")],
        [*lib, "import", str(tmp_path / f"kaputt{NAME}.json")],
        [*lib, "import", "--dry-run", str(tmp_path / "hostile-id.json")],
        [*lib, "evaluate-model", str(tmp_path / f"fehlt{NAME}.tsv")],
        [*lib, "annotations", f"--{NAME}"],
        ["--library", str(tmp_path / f"fehlt{NAME}"), "list"],
    ]
    shown = ""
    for args in commands:
        result = CliRunner().invoke(main, args)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        for stream, text in (("stdout", result.stdout), ("stderr", result.stderr)):
            assert_clean(text, f"reader {' '.join(args[2:])} ({stream})")
        shown += result.output
    assert "␛]0;pwned" in shown and "⸮evil" in shown  # the hostile text was there, made visible


def test_json_output_escapes_losslessly(tmp_path: Path) -> None:
    root = tmp_path / "library"
    build_library(root)
    result = CliRunner().invoke(main, ["--library", str(root), "list", "--json"])
    assert_clean(result.stdout, "list --json")
    assert json.loads(result.stdout)[0]["title"] == f"Titel {HOSTILE}"


def test_an_export_to_a_file_or_pipe_keeps_the_exact_text(tmp_path: Path) -> None:
    root = tmp_path / "library"
    build_library(root)
    out = tmp_path / "export.md"
    CliRunner().invoke(main, ["--library", str(root), "export", "--format", "markdown", "-o", str(out)])
    piped = CliRunner().invoke(main, ["--library", str(root), "export", "--format", "markdown"]).stdout_bytes
    assert out.read_bytes() == piped.replace(_exported_line(piped), _exported_line(out.read_bytes()))
    assert b"Notiz \x1b\\]0;pwned" in piped  # exact, only Markdown-escaped


def _exported_line(data: bytes) -> bytes:
    found = re.search(rb"^Exported .*$", data, re.MULTILINE)
    assert found is not None, data
    return found.group()


def test_a_real_terminal_gets_the_safe_markdown_export(tmp_path: Path) -> None:
    """Standard output on a pseudo-terminal: the command itself notices and sanitises."""
    root = tmp_path / "library"
    build_library(root)
    controller, terminal_side = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "--library", str(root), "export", "--format", "markdown"],
        stdout=terminal_side,
        stderr=subprocess.PIPE,
        env={**os.environ, "TERM": "dumb"},
    )
    os.close(terminal_side)
    received = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 20)
        if not ready:
            break
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the command exited and closed its side
            break
        if not chunk:
            break
        received += chunk
    os.close(controller)
    assert process.stderr is not None
    assert process.wait(timeout=20) == 0, process.stderr.read()
    text = received.decode("utf-8").replace("\r\n", "\n")
    assert "Notiz ␛\\]0;pwned" in text
    assert_clean(text, "export --format markdown on a terminal")


def test_the_sanitiser_modes() -> None:
    assert safe_display("a\x1bb\nc") == "a␛b\nc" and len(safe_display(HOSTILE)) == len(HOSTILE)
    assert safe_line("a\nb\x9b") == "a␤b\ufffd"
    assert without_unsafe("a\x1b]0;x\x07b\u202ec\td") == "a]0;xbc\td"
    assert json.loads(escape_json_text(json.dumps(HOSTILE, ensure_ascii=False))) == HOSTILE
    assert_clean(escape_json_text(json.dumps({"k": HOSTILE}, ensure_ascii=False)), "escape_json_text")


@pytest.fixture
def make_app():
    from reader.settings import Settings
    from reader.tui.app import ReaderApp

    return lambda library: ReaderApp(Settings.resolve(library=library, author="tester"))


def rendered(widget) -> str:
    """The widget's lines as its content renders them (before the app's final filter)."""
    return "".join(widget.render_line(y).text for y in range(widget.size.height))


def shown_on_terminal(widget) -> str:
    """The widget's lines as they go to the terminal (after every line filter)."""
    region = Region(0, 0, widget.size.width, widget.size.height)
    return "".join(strip.text for strip in widget.render_lines(region))


@pytest.mark.ui
async def test_app_dialog_heading_toast_and_fields_are_safe(tmp_path: Path, make_app) -> None:
    from textual.widgets import Input, Label, TextArea
    from textual.widgets._toast import Toast

    from reader.tui.screens.annotation_editor import AnnotationEditor

    root = tmp_path / "library"
    build_library(root)
    app = make_app(root)
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await wait_for_library(pilot, rows=1)
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen.columns[0].view
        body = app.screen.columns[0].article.body
        view.move_cursor(body.index("Gipfel"))
        await pilot.press("i")  # edit the annotation under the cursor: its tags and note fill the fields
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, AnnotationEditor)
        note = editor.query_one("#note", TextArea)
        tags = editor.query_one("#tags", Input)
        assert "\x1b" in rendered(note) + rendered(tags)  # Textual's fields draw what they hold …
        assert_clean(
            shown_on_terminal(note) + shown_on_terminal(tags), "the edit dialog's fields"
        )  # … the filter drops it
        await pilot.press("escape")
        await pilot.pause()
        view.move_cursor(body.index("Danach"))
        await pilot.press("s")  # annotate the sentence under the cursor: the dialog's heading names the title
        await pilot.pause()
        heading = app.screen.query(Label).first()
        assert "Titel ␛]0;pwned" in rendered(heading)
        assert_clean(rendered(heading), "the dialog heading")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("u")  # the undo toast quotes the passage, hostile text included
        for _ in range(50):
            await pilot.pause(0.05)
            toasts = list(app.screen.query(Toast))
            if any("Undid" in rendered(toast) for toast in toasts):
                break
        text = " ".join(rendered(toast) for toast in toasts)
        assert "Undid" in text
        assert_clean(text, "the undo toast")
