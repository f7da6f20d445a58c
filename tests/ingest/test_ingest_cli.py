"""`reader add` as a user runs it: a real process, real stdin, output lines and exit status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from reader.articles import Library
from tests.helpers.web_pages import (
    NEWS_CANONICAL,
    LocalServer,
    articles_in,
    http_response,
    news_html,
    page_declaring,
    trickling_server,
)

NEWS_STEM = "gipfel-in-anchorage-viel-symbolik-wenig-substanz"
ADDED_NEWS = f"added {NEWS_STEM}: Gipfel in Anchorage: Viel Symbolik, wenig Substanz (Tagesblick, 2025-08-16)"


def reader(library: Library, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("READER_")}
    return subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(library.root), *args],
        input=stdin.decode("utf-8", errors="surrogateescape") if stdin else "",
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        env=env,
        timeout=60,
        check=False,
    )


def test_several_sources_are_independent_and_any_failure_sets_the_exit_status(
    library: Library, server: LocalServer, tmp_path: Path
) -> None:
    page = tmp_path / "seite.html"
    page.write_text(news_html(), encoding="utf-8")
    notes = tmp_path / "kiew.txt"
    notes.write_text("Lagebericht aus Kiew\n\nIn der Nacht heulten erneut die Sirenen.\n", encoding="utf-8")
    run = reader(
        library, "add", str(page), server.url("/fehlt"), server.url("/politik/gipfel-anchorage.html"), str(notes)
    )
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        ADDED_NEWS,
        f"skipped {server.url('/politik/gipfel-anchorage.html')}: duplicate of {NEWS_STEM} (same URL)",
        "added kiew: Lagebericht aus Kiew",
    ]
    assert run.stderr.splitlines() == [f"skipped {server.url('/fehlt')}: answered HTTP 404 (Not Found)"]
    assert articles_in(library) == [f"{NEWS_STEM}.txt", "kiew.txt"]


def test_all_sources_added_or_already_there_exit_zero(library: Library, tmp_path: Path) -> None:
    page = tmp_path / "seite.html"
    page.write_text(news_html(), encoding="utf-8")
    first = reader(library, "add", str(page))
    second = reader(library, "add", str(page))
    assert (first.returncode, first.stdout, first.stderr) == (0, ADDED_NEWS + "\n", "")
    assert (second.returncode, second.stdout) == (0, f"skipped {page}: duplicate of {NEWS_STEM} (same URL)\n")


def test_text_from_stdin(library: Library) -> None:
    run = reader(library, "add", "-", stdin="Sanktionen bleiben\nDie EU hält an ihren Sanktionen fest.\n".encode())
    assert (run.returncode, run.stdout, run.stderr) == (0, "added sanktionen-bleiben: Sanktionen bleiben\n", "")


def test_html_from_stdin(library: Library) -> None:
    run = reader(library, "add", "-", stdin=news_html().encode("utf-8"))
    assert run.stdout == ADDED_NEWS + "\n"


def test_bad_stdin_is_one_line_on_stderr(library: Library) -> None:
    run = reader(library, "add", "-", stdin=b"\xe4\xf6\xfc kein UTF-8\n")
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr == "skipped stdin: is not UTF-8 (byte 0xE4 at offset 0); save it as UTF-8\n"
    assert articles_in(library) == []


def test_the_timeout_option_applies(library: Library, server: LocalServer) -> None:
    run = reader(library, "add", "--timeout", "0.3", server.url("/langsam"))
    assert (run.returncode, run.stderr) == (1, f"skipped {server.url('/langsam')}: timed out after 0.3 s\n")


def test_json_output_lists_every_source_with_its_status(library: Library, server: LocalServer) -> None:
    url = server.url("/politik/gipfel-anchorage.html")
    run = reader(library, "add", "--json", url, url, server.url("/dokument.pdf"))
    assert run.returncode == 1
    records = json.loads(run.stdout)
    assert [(r["input"], r["status"], r["reason"]) for r in records] == [
        (url, "added", ""),
        (url, "duplicate", "same URL"),
        (server.url("/dokument.pdf"), "failed", "is a PDF document, not a web page"),
    ]
    listed = json.loads(reader(library, "list", "--json").stdout)
    assert {k: records[0][k] for k in listed[0]} == listed[0]
    assert listed[0]["id"] == NEWS_STEM
    assert Library(library.root).get(NEWS_STEM).url == NEWS_CANONICAL


def test_without_sources_the_usage_is_shown(library: Library) -> None:
    run = reader(library, "add")
    assert run.returncode == 2
    assert "Missing argument 'SOURCE...'" in run.stderr


def test_a_page_declaring_base64_or_rot13_is_added_from_a_file_and_from_stdin(library: Library, tmp_path: Path) -> None:
    page = tmp_path / "seite.html"
    page.write_bytes(page_declaring("base64"))
    run = reader(library, "add", str(page))
    assert run.returncode == 0 and run.stdout.startswith(f"added {NEWS_STEM}"), run.stderr
    assert (
        run.stderr
        == f"note: {page}: the declared charset 'base64' is not a text encoding; read as UTF-8 (or Windows-1252)\n"
    )
    run = reader(library, "add", "-", stdin=page_declaring("rot13"))
    assert run.returncode == 0 and "duplicate of" in run.stdout and "'rot13' is not a text encoding" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_trickling_server_ends_at_the_timeout_in_one_line(library: Library) -> None:
    started = time.monotonic()  # the same command failing at once: start-up and imports, on this machine now
    reader(library, "add", str(library.root / "missing.html"))
    baseline = time.monotonic() - started
    with trickling_server(http_response(news_html().encode("utf-8")), interval=0.5) as url:
        started = time.monotonic()
        run = reader(library, "add", url, "--timeout", "1")
        elapsed = time.monotonic() - started
    assert run.returncode == 1 and run.stderr == f"skipped {url}: timed out after 1 s\n"
    assert elapsed < baseline + 3  # the fetch itself stops at 1 s; the page would trickle on far longer
    assert articles_in(library) == []
