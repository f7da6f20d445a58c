"""`reader compare` on the bundled articles: JSON keys, Markdown, and an HTML report that opens in
real headless Chromium without console errors (skipped, with the reason, where Chromium is missing)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from reader.cli import main
from reader.framing import framing_report
from reader.framing.html_report import render_html
from tests.helpers.sample_library import SAMPLE_ARTICLE_IDS, copy_sample_library

pytestmark = pytest.mark.slow
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
MAX_REPORT_BYTES = 2 * 1024 * 1024


@pytest.fixture(scope="module")
def html_report(sample_analysis, sample_articles) -> str:
    return render_html(framing_report(sample_analysis, sample_articles), sample_analysis)


def test_compare_json_has_the_contract_keys(tmp_path: Path) -> None:
    copy_sample_library(tmp_path)
    out = tmp_path / "compare.json"
    result = CliRunner().invoke(
        main, ["--library", str(tmp_path), "compare", *SAMPLE_ARTICLE_IDS[:2], "--format", "json", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert {"epithets", "voices", "shared", "articles", "quote_groups"} <= data.keys()
    assert [a["id"] for a in data["articles"]] == list(SAMPLE_ARTICLE_IDS[:2])
    trump = next(p for p in data["epithets"] if p["key"] == "donald trump")
    assert any(f["key"] == "us präsident" and f["kind"] == "role" for f in trump["forms"])
    assert {o["article"] for o in data["voices"]["outlets"]} == set(SAMPLE_ARTICLE_IDS[:2])


def test_compare_markdown_parses_with_a_table_per_person(tmp_path: Path) -> None:
    copy_sample_library(tmp_path)
    result = CliRunner().invoke(main, ["--library", str(tmp_path), "compare", *SAMPLE_ARTICLE_IDS, "--format", "md"])
    assert result.exit_code == 0, result.output
    tokens = MarkdownIt("commonmark").enable("table").parse(result.output)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h3"]
    assert "Donald Trump (91 mentions)" in headings or any(h.startswith("Donald Trump") for h in headings)
    assert sum(1 for t in tokens if t.type == "table_open") >= 8


def test_compare_refuses_an_unknown_article_in_one_line(tmp_path: Path) -> None:
    copy_sample_library(tmp_path)
    result = CliRunner().invoke(main, ["--library", str(tmp_path), "compare", "nicht-da"])
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1


def test_the_html_report_is_self_contained_and_small(html_report: str) -> None:
    assert len(html_report.encode()) <= MAX_REPORT_BYTES
    assert "<script" not in html_report and "<link" not in html_report
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", html_report)
    assert "@import" not in html_report and "url(" not in html_report
    assert 'name="viewport"' in html_report
    for article_id in SAMPLE_ARTICLE_IDS:
        assert html_report.count("<article ") == len(SAMPLE_ARTICLE_IDS), article_id


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium)")
@pytest.mark.parametrize("width", [1400, 390])
def test_the_html_report_opens_in_chromium_without_console_errors(html_report: str, tmp_path: Path, width: int) -> None:
    page = tmp_path / "report.html"
    page.write_text(html_report, encoding="utf-8")
    shot = tmp_path / f"report-{width}.png"
    assert CHROMIUM is not None
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr",
            "--v=0",
            f"--window-size={width},2400",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    refused = [line for line in done.stderr.splitlines() if "Content Security Policy" in line or "Refused" in line]
    assert done.returncode == 0, done.stderr[-2000:]
    assert console == [] and refused == []
    assert shot.exists() and shot.stat().st_size > 10_000


def test_the_html_report_carries_the_annotations_and_their_notes(tmp_path: Path) -> None:
    from reader.annotations import AnnotationStore

    library = copy_sample_library(tmp_path)
    (tmp_path / "annotations").mkdir()
    article = library.get(SAMPLE_ARTICLE_IDS[0])
    start = article.body.index("Putin")
    store = AnnotationStore.open(library, author="tester")
    store.add(article, start, start + 5, tags=["Framing"], note="Wie <b>nennt</b> man ihn?")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        main, ["--library", str(tmp_path), "compare", *SAMPLE_ARTICLE_IDS[:2], "--format", "html", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert 'class="note"' in page or " note" in page
    assert "Wie &lt;b&gt;nennt&lt;/b&gt; man ihn?" in page and "<b>nennt</b>" not in page
    assert "<h3>Notes</h3>" in page
