"""A corpus of hostile article files: the library loads the rest, reports each bad one in one line,
nothing crashes, and no escape sequence reaches the terminal."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.articles import Library, read_article_file
from reader.articles.loader import ArticleFileError
from reader.text.terminal import safe_display
from tests.helpers.pilot import wait_for_library

UNSAFE = ("\x1b", "\x07", "\x08", "\x9b", "\u202e", "\u2066", "\x00")


def build_hostile_library(root: Path, *, huge: bool) -> dict[str, str | None]:
    """Write the corpus; returns file name → expected reason fragment (None: must load)."""
    articles = root / "articles"
    articles.mkdir(parents=True)
    expected: dict[str, str | None] = {}

    def put(name: str, data: bytes | str, reason: str | None) -> None:
        (articles / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        expected[name] = reason

    put("empty.txt", b"", "is empty")
    put("binary.txt", bytes(range(256)) * 4, "looks binary")
    put("latin1.txt", "Über die Straße in Köln.".encode("latin-1"), "is not UTF-8")
    put("utf16.txt", codecs.BOM_UTF16_LE + "Hallo Welt.".encode("utf-16-le"), "is UTF-16 text")
    put("frontmatter-open.md", "---\ntitle: Kaputt\nText ohne Ende.\n", "never closed")
    put("frontmatter-bad.md", "---\n[bold]: - x\n---\nText.\n", "is not 'key: value'")
    put("markup.txt", "[bold red]Fett[/] und [link=http://x]Link[/link]. [/]\n", None)
    put(
        "ansi.txt",
        "Farbe \x1b[31mrot\x1b[0m, Titel \x1b]0;pwned\x07, Link \x1b]8;;http://evil\x1b\\klick\x1b]8;;\x1b\\.\n",
        None,
    )
    put("controls.txt", "Glocke \x07 Rücktaste \x08\x08 Seitenvorschub \x0c CSI \u009b31m.\n", None)
    put("bidi.txt", "Rechnung \u202eexe.txt\u202c und \u2066isoliert\u2069.\n", None)
    put("one-long-line.txt", ("Wort " * 200_000) + "\n", None)
    if huge:
        paragraph = "Ein Absatz über den Gipfel in Anchorage, der sich wiederholt. " * 30 + "\n"
        with (articles / "huge.txt").open("w", encoding="utf-8") as handle:
            while handle.tell() < 50 * 1024 * 1024:
                handle.write(paragraph)
        expected["huge.txt"] = None
    put("normal.txt", "Ein ganz normaler Artikel über Alaska.\n", None)

    def link(name: str, target: Path | str, reason: str | None) -> None:
        (articles / name).symlink_to(target)
        expected[name] = reason

    outside = root.parent / f"{root.name}-outside"
    (outside / "geheim").mkdir(parents=True, exist_ok=True)
    (outside / "geheim" / "brief.txt").write_text("Ein Brief von außerhalb der Bibliothek.\n", encoding="utf-8")
    (root / "notizen").mkdir()
    (root / "notizen" / "entwurf.txt").write_text(
        "Ein Entwurf in der Bibliothek, außerhalb von articles.\n", encoding="utf-8"
    )
    (articles / "teil").mkdir()
    (articles / "teil" / "kapitel.txt").write_text("Ein Kapitel in einem Unterordner.\n", encoding="utf-8")
    expected["kapitel.txt"] = None
    link("passwd.txt", "/etc/passwd", "is a symlink pointing outside the library")
    link("brief.txt", outside / "geheim" / "brief.txt", "is a symlink pointing outside the library")
    link("geheim", outside / "geheim", "is a symlink pointing outside the library")  # a folder
    link("weg.txt", "/nonexistent/weg.txt", "is a symlink pointing outside the library")
    link("verloren.txt", "teil/fehlt.txt", "cannot be read: No such file or directory")
    link("entwurf.txt", "../notizen/entwurf.txt", None)  # inside the library folder: read
    link("auch-normal.txt", "normal.txt", None)
    link("teil-nochmal", "teil", None)  # the same folder twice: its files once
    link("schleife", ".", None)  # a loop
    for name in ("teil-nochmal", "schleife"):
        del expected[name]  # folders, not articles: nothing to load or report
    os.mkfifo(articles / "pipe.txt")
    expected["pipe.txt"] = "is a named pipe (FIFO), not a regular file"
    return expected


@pytest.mark.slow
def test_library_loads_the_rest_and_reports_each_bad_file(tmp_path: Path) -> None:
    expected = build_hostile_library(tmp_path, huge=True)
    scan = Library(tmp_path).scan()
    loaded = {article.path.name for article in scan.articles}
    assert loaded == {name for name, reason in expected.items() if reason is None}
    reasons = {problem.path.name: str(problem) for problem in scan.problems}
    assert set(reasons) == {name for name, reason in expected.items() if reason is not None}
    for name, line in reasons.items():
        reason = expected[name]
        assert reason is not None and reason in line
        assert "\n" not in line and len(line) < 200
        assert not any(char in line for char in UNSAFE)
    huge = next(a for a in scan.articles if a.path.name == "huge.txt")
    assert huge.words > 7_000_000


@pytest.mark.ui
async def test_app_shows_hostile_articles_without_leaking_escapes(tmp_path: Path, make_app) -> None:
    expected = build_hostile_library(tmp_path, huge=False)
    app = make_app(tmp_path)
    loadable = sorted(name for name, reason in expected.items() if reason is None)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_library(pilot, rows=len(loadable))
        status = str(app.library_screen.query_one("#library-status").render())
        assert "skipped" in status
        table = app.library_screen.table
        cells = " ".join(cell for row in range(table.row_count) for cell in table.cell_texts(row))
        cells += "".join(table.render_line(y).text for y in range(table.size.height))
        assert not any(char in cells for char in UNSAFE)
        for row in range(table.row_count):
            table.move_cursor(row)
            await pilot.press("enter")
            await pilot.pause()
            view = app.screen.columns[0].view
            await pilot.press("G")
            shown = "".join(view.render_line(y).text for y in range(view.scrollable_content_region.height))
            header = str(app.screen.columns[0].query_one(".column-header").render())
            assert not any(char in shown + header for char in UNSAFE)
            await pilot.press("q")


@pytest.fixture
def make_app(tmp_path: Path):
    from reader.settings import Settings
    from reader.tui.app import ReaderApp

    return lambda library: ReaderApp(Settings.resolve(library=library, author="tester"))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600) | st.text(max_size=600).map(lambda t: t.encode("utf-8")))
def test_any_bytes_load_or_fail_with_one_line(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "x.txt"
    path.write_bytes(data)
    try:
        article = read_article_file(path)
    except ArticleFileError as error:
        assert "\n" not in str(error)
        return
    assert article.body and "\n\n\n" not in article.body
    for start, end in article.paragraphs:
        paragraph = article.body[start:end]
        assert paragraph and paragraph == paragraph.strip() and "\n" not in paragraph
    assert len(safe_display(article.body)) == len(article.body)


# ---- special files named on the command line: never read forever, never hang ------------------


def run_reader(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real command in its own process, so a hang fails the test instead of stalling it."""
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], cwd=cwd, capture_output=True, text=True, timeout=60, check=False
    )


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.html"
    os.mkfifo(path)
    return path


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["add", "/dev/zero"], "skipped /dev/zero: is a character device, not a regular file\n"),
        (["import", "/dev/zero"], "Error: zero: is a character device, not a regular file; nothing was imported\n"),
        (["analyze", "/dev/zero"], "Error: zero is a character device, not a regular file\n"),
    ],
)
def test_dev_zero_is_refused_in_one_line(tmp_path: Path, command: list[str], expected: str) -> None:
    (tmp_path / "articles").mkdir()
    run = run_reader("--library", str(tmp_path), *command, cwd=tmp_path)
    assert (run.returncode, run.stderr) == (1, expected)


def test_a_named_pipe_never_hangs_add_or_import(tmp_path: Path, fifo: Path) -> None:
    (tmp_path / "articles").mkdir()
    run = run_reader("--library", str(tmp_path), "add", str(fifo), cwd=tmp_path)
    assert run.returncode == 1
    assert run.stderr == (
        f"skipped {fifo}: is a named pipe (FIFO), not a regular file; "
        "to read from a pipe, give - and redirect the pipe to standard input\n"
    )
    run = run_reader("--library", str(tmp_path), "import", str(fifo), cwd=tmp_path)
    assert (run.returncode, run.stderr) == (
        1,
        "Error: pipe.html: is a named pipe (FIFO), not a regular file; nothing was imported\n",
    )


def test_a_file_growing_past_the_cap_while_read_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cap holds for what is read, not for what stat said (here: a file that claims less)."""
    from reader import regular_files
    from reader.regular_files import FileRefused, read_regular_file

    path = tmp_path / "x.txt"
    path.write_bytes(b"a" * 5000)
    real_fstat = os.fstat
    monkeypatch.setattr(
        regular_files.os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 0, *real_fstat(fd)[7:]))
    )
    with pytest.raises(FileRefused, match="too large"):
        read_regular_file(path, 4096)
    assert read_regular_file(path, 5000) == b"a" * 5000
