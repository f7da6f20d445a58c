"""The Compare tab (f), the shared-passage layer with p, role nouns as mentions, and o ranking the
library by related coverage — the real app with the shipped pipeline, driven by Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from reader.tui.highlights import HighlightedEntity, HighlightedPassage
from reader.tui.messages import OpenArticles
from reader.tui.screens.compare import CompareScreen
from reader.tui.screens.picker import ArticlePicker
from reader.tui.widgets.compare_pane import ComparePane
from reader.tui.widgets.side_panel import SidePanel
from tests.helpers.news_mix import unrelated_articles
from tests.helpers.pilot import passage_of, wait_for_library

pytestmark = pytest.mark.ui

SOURCE = "gipfeltreffen-putin-trump-erwartungen"
SUMMIT = {
    "fuenf-erkenntnisse-gipfel-alaska",
    "gipfel-der-leere-inszenierung",
    SOURCE,
    "putin-gewinnt-zeit-krieg-ausweiten",
    "treffen-trump-putin-no-deal",
}


def add_agency_copy(library: Path) -> str:
    """An article that took three paragraphs of SOURCE word for word, like agency copy, and adds its own."""
    paragraphs = [p for p in (library / "articles" / f"{SOURCE}.txt").read_text(encoding="utf-8").split("\n") if p]
    body = [
        "Gipfel ohne Ergebnis",
        paragraphs[2],
        "Im Hafen von Kiel legten am Abend drei Segelschiffe aus Norwegen mit vielen Touristen an.",
        paragraphs[4],
    ]
    (library / "articles" / "agentur-kopie.txt").write_text("\n".join(body) + "\n", encoding="utf-8")
    return "agentur-kopie"


async def open_analysed(pilot, article_ids: list[str], total: int) -> CompareScreen:
    app = pilot.app
    await wait_for_library(pilot, rows=total)
    app.post_message(OpenArticles(article_ids))
    for _ in range(1200):
        await pilot.pause(0.05)
        analysis = app.session.library_analysis
        if isinstance(app.screen, CompareScreen) and analysis is not None and len(analysis.article_ids) == total:
            break
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    await pilot.pause()
    return screen


async def test_compare_tab_shared_passages_and_role_mentions(make_app, library_dir: Path) -> None:
    copy = add_agency_copy(library_dir)
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await open_analysed(pilot, [SOURCE, copy], total=6)
        source, agency = screen.columns

        # the gutter marks the copied sentences; the status line says so; p jumps to the other version
        shared = [h for h in agency.view.highlights("passage") if passage_of(h).cluster is not None]
        assert len(shared) >= 3 and all(h.gutter_mark == "≡" for h in shared)
        only = [h for h in agency.view.highlights("passage") if passage_of(h).cluster is None]
        assert any("Segelschiffe" in agency.article.body[h.start : h.end] for h in only)
        first = min(shared, key=lambda h: h.start)
        agency.view.focus()
        agency.view.move_cursor(first.start)
        await pilot.pause()
        assert isinstance(first.data, HighlightedPassage) and "shared with 1 other" in first.data.describe().plain
        await pilot.press("p")
        await pilot.pause()
        assert app.focused is source.view
        start, end = source.view.selection
        assert source.article.body[start:end] == agency.article.body[first.start : first.end]

        # "der Kremlchef" is one of Putin's mentions: a person highlight, followed with n/N
        roles = [
            h
            for h in source.view.highlights("entity")
            if isinstance(h.data, HighlightedEntity) and source.article.body[h.start : h.end] == "dem Kremlchef"
        ]
        assert roles and roles[0].data.entity.name == "Wladimir Putin"
        entry = app.session.library_analysis.entity("wladimir putin")
        assert (roles[0].start, roles[0].end) in entry.mentions[SOURCE]

        # the Compare tab: mentions per person, epithets, share of voice, shared passages
        await pilot.press("f")
        await pilot.pause()
        pane = screen.query_one(ComparePane)
        text = str(pane.query_one("#compare-report").render())
        for part in ("Mentions per person", "Epithets", "der Kremlchef", "Share of voice", "Shared passages", "≡ 1,2"):
            assert part in text, part
        await pilot.press("f")
        await pilot.pause()
        assert not screen.query_one(SidePanel).shown


async def test_o_lists_the_likeliest_related_articles_first(make_app, library_dir: Path) -> None:
    for article_id, text in unrelated_articles(40):
        (library_dir / "articles" / f"{article_id}.txt").write_text(text, encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await wait_for_library(pilot, rows=45)
        app.post_message(OpenArticles([SOURCE]))
        for _ in range(200):
            await pilot.pause(0.05)
            if isinstance(app.screen, CompareScreen):
                break
        await pilot.press("o")
        for _ in range(600):
            await pilot.pause(0.05)
            if isinstance(app.screen, ArticlePicker):
                break
        picker = app.screen
        assert isinstance(picker, ArticlePicker)
        options = picker.query_one(OptionList)
        top = [options.get_option_at_index(i).id for i in range(4)]
        assert set(top) == SUMMIT - {SOURCE}
        await pilot.press("escape")


def test_compare_panel_snapshot(snap_compare, library_dir: Path, make_app) -> None:
    async def open_panel(pilot) -> None:
        screen = await open_analysed(pilot, [SOURCE, "treffen-trump-putin-no-deal"], total=5)
        assert screen is not None
        await pilot.press("f")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(160, 50), run_before=open_panel)
