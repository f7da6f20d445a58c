"""Pilot test: who said it, as the app shows it — the written mention when no name is known,
reported speech in its own style and in the Quotes panel, boilerplate dimmed and not counted."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from reader.tui.highlights import HighlightedBoilerplate, HighlightedQuote
from reader.tui.screens.compare import CompareScreen
from reader.tui.widgets.fitted_line import FittedLine
from tests.helpers.pilot import quote_of, wait_for_library

pytestmark = pytest.mark.ui  # the real app, headless: `make test-fast` leaves these out

ARTICLE = """Brand in der Altstadt
In der Nacht zum Sonntag ist in der Altstadt ein Dachstuhl ausgebrannt.
„Das Feuer hat sich sehr schnell über das ganze Dach ausgebreitet“, sagte ein Polizeisprecher am Morgen.
Der Sprecher sagte außerdem, die Ursache sei noch völlig unklar.
Mehr zum Thema
Feuerwehr: Warum alte Dachstühle so schnell brennen
Altstadt: „Wir brauchen endlich Rauchmelder“ – ein Besuch
"""


def analysed_library(tmp_path: Path) -> Path:
    library = tmp_path / "brand-library"
    (library / "articles").mkdir(parents=True)
    (library / "annotations").mkdir()
    (library / "articles" / "brand.txt").write_text(ARTICLE, encoding="utf-8")
    return library


async def open_article(pilot) -> CompareScreen:
    app = pilot.app
    await wait_for_library(pilot, rows=1)
    await pilot.press("enter")
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    for _ in range(600):
        await pilot.pause(0.05)
        if app.session.library_analysis is not None and app.session.library_analysis.article_ids:
            break
    assert app.session.library_analysis is not None
    await pilot.pause()
    return screen


async def test_the_written_mention_reported_speech_and_boilerplate_in_the_app(make_app, tmp_path: Path) -> None:
    app = make_app(analysed_library(tmp_path))
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await open_article(pilot)
        column = screen.columns[0]
        view = column.view
        body = column.article.body
        marks = [h for h in view.highlights("quote") if isinstance(h.data, HighlightedQuote)]
        speech = next(h for h in marks if quote_of(h).quote.kind == "speech" and not quote_of(h).quote.boilerplate)
        reported = next(h for h in marks if quote_of(h).quote.kind == "indirect")
        assert body[reported.start : reported.end] == "die Ursache sei noch völlig unklar"

        view.focus()
        view.move_cursor(speech.start + 3)
        await pilot.pause()
        status = str(column.query_one(".column-status").render())
        assert "ein Polizeisprecher" in status and "speaker unknown" not in status

        view.move_cursor(reported.start + 3)
        await pilot.pause()
        status = str(column.query_one(".column-status").render())
        assert "reported speech" in status and "Der Sprecher" in status

        teaser = body.index("Altstadt: ")
        assert any(isinstance(h.data, HighlightedBoilerplate) for h in view.highlights_at(teaser))
        assert any(quote_of(h).quote.boilerplate for h in marks if h.start > teaser)
        assert "teaser" in str(screen.query_one("#legend", FittedLine).render())

        await pilot.press("z")
        await pilot.pause()
        listing = screen.query_one("#quotes-list", OptionList)
        labels = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        ids = [listing.get_option_at_index(i).id or "" for i in range(listing.option_count)]
        assert any(label.startswith("ein Polizeisprecher") for label in labels)
        assert any(option_id.startswith("indirect:") for option_id in ids)
        assert any(label.startswith("in teasers and promos (not counted)") for label in labels)
        listing.highlighted = next(i for i, option_id in enumerate(ids) if option_id.startswith("indirect:"))
        await pilot.press("enter")
        await pilot.pause()
        assert view.selection == (reported.start, reported.end)
