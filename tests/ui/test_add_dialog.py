"""The add dialog against a server that trickles: cancelling stops the download at once, and
quitting (ctrl+q, ctrl+c) ends the process promptly while a fetch is under way."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from textual.widgets import Input

from reader.tui.screens.add_article import AddArticleDialog
from tests.helpers.pilot import wait_for_library
from tests.helpers.web_pages import http_response, news_html, trickling_server

pytestmark = pytest.mark.ui  # the real app, headless: `make test-fast` leaves these out

SLOW_PAGE = http_response(news_html().encode("utf-8"))  # one byte every half second: minutes


async def start_adding(pilot, url: str) -> AddArticleDialog:
    await wait_for_library(pilot)
    await pilot.press("a")
    dialog = pilot.app.screen
    assert isinstance(dialog, AddArticleDialog)
    dialog.query_one("#source", Input).value = url
    await pilot.press("enter")
    for _ in range(40):
        await pilot.pause(0.05)
        if "Fetching" in str(dialog.query_one("#progress").render()):
            return dialog
    raise AssertionError("the download did not start")


@pytest.mark.parametrize("how", ["escape", "button"])
async def test_a_download_is_cancelled_at_once(make_app, library_dir: Path, how: str) -> None:
    before = sorted(p.name for p in (library_dir / "articles").iterdir())
    with trickling_server(SLOW_PAGE) as url:
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            dialog = await start_adding(pilot, url)
            if how == "escape":
                await pilot.press("escape")
            else:
                await pilot.click("#cancel")
            await pilot.pause()
            assert not isinstance(app.screen, AddArticleDialog)
            assert dialog.thread is not None
            dialog.thread.join(timeout=1.5)  # the fetch's sockets were shut: it ends now, not at the timeout
            assert not dialog.thread.is_alive()
    assert sorted(p.name for p in (library_dir / "articles").iterdir()) == before


APP_SCRIPT = """
import sys, time
from reader.settings import Settings
from reader.tui.app import ReaderApp
from reader.tui.screens.add_article import AddArticleDialog

async def drive(pilot):
    app = pilot.app
    for _ in range(200):
        await pilot.pause(0.05)
        if app.library_screen.scan.articles:
            break
    await pilot.press("a")
    app.screen.query_one("#source").value = sys.argv[2]
    await pilot.press("enter")
    for _ in range(100):
        await pilot.pause(0.05)
        if "Fetching" in str(app.screen.query_one("#progress").render()):
            break
    await pilot.pause(0.3)
    assert isinstance(app.screen, AddArticleDialog) and app.screen.busy
    print("quitting", time.monotonic(), flush=True)
    await pilot.press(sys.argv[3])

ReaderApp(Settings.resolve(library=sys.argv[1], author="tester")).run(headless=True, auto_pilot=drive)
print("returned", time.monotonic(), flush=True)
"""


@pytest.mark.parametrize("key", ["ctrl+q", "ctrl+c"])
def test_quitting_while_a_fetch_runs_ends_the_process_promptly(library_dir: Path, key: str) -> None:
    with trickling_server(SLOW_PAGE) as url:
        process = subprocess.Popen(
            [sys.executable, "-c", APP_SCRIPT, str(library_dir), url, key],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        try:
            out, err = process.communicate(timeout=60)
        finally:
            process.kill()
        ended = time.monotonic()
    assert process.returncode == 0, err
    quitting = float(next(line for line in out.splitlines() if line.startswith("quitting")).split()[1])
    assert ended - quitting < 4, out  # not the 20 s default timeout, let alone the trickle's minutes
    assert "leaked semaphore" not in err and "Traceback" not in err, err


async def test_ctrl_c_copies_a_selection_in_a_text_field_instead_of_quitting(make_app) -> None:
    from textual.widgets.input import Selection

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_library(pilot)
        await pilot.press("a", *"https://example.org/x")
        box = app.screen.query_one("#source", Input)
        box.selection = Selection(0, len(box.value))
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.is_running and app.clipboard == "https://example.org/x"
        box.selection = Selection.cursor(0)
        await pilot.press("ctrl+c")  # nothing selected: quit
        await pilot.pause()
        assert not app.is_running


async def test_a_page_declaring_a_charset_that_is_no_text_encoding_is_added_with_a_note(
    make_app, tmp_path: Path
) -> None:
    from tests.helpers.web_pages import page_declaring

    page = tmp_path / "seite.html"
    page.write_bytes(page_declaring("base64"))
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for_library(pilot, rows=5)
        await pilot.press("a")
        app.screen.query_one("#source", Input).value = str(page)
        await pilot.press("enter")
        for _ in range(200):
            await pilot.pause(0.05)
            if app.library_screen.table.row_count == 6:
                break
        assert app.is_running and app.library_screen.table.row_count == 6
        messages = [n.message for n in app._notifications]
        assert any(
            m.startswith("Added ") and "Note: the declared charset 'base64' is not a text encoding" in m
            for m in messages
        )
