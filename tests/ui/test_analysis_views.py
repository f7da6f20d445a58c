"""Pilot tests of the analysis in the app with the real shipped pipeline: highlights arrive after the
text, names are followed across columns, quotes are listed by speaker and compared across outlets."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from reader.tui.highlights import HighlightedEntity, HighlightedQuote
from reader.tui.screens.compare import CompareScreen
from reader.tui.screens.quote_group import QuoteGroupScreen
from tests.helpers.pilot import entity_of, quote_of, wait_for_library

pytestmark = pytest.mark.ui  # the real app, headless: `make test-fast` leaves these out


async def open_two_analysed(pilot) -> CompareScreen:
    app = pilot.app
    await wait_for_library(pilot, rows=5)
    await pilot.press("space", "space", "enter")
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    # the text is there at once, before any analysis
    assert screen.columns[0].view.line_count > 0
    for _ in range(600):
        await pilot.pause(0.05)
        analysis = app.session.library_analysis
        if analysis is not None and len(analysis.article_ids) == 5:
            break
    assert app.session.library_analysis is not None and len(app.session.library_analysis.article_ids) == 5
    await pilot.pause()
    return screen


async def test_names_are_highlighted_and_followed_across_columns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(220, 50)) as pilot:
        screen = await open_two_analysed(pilot)
        first, second = screen.columns
        entities = first.view.highlights("entity")
        assert entities and all(isinstance(h.data, HighlightedEntity) for h in entities)
        putin = next(h for h in entities if first.article.body[h.start : h.end] == "Wladimir Putin")
        assert entity_of(putin).entity.label == "PER"

        # the names panel counts mentions per column; following a name marks it in every column
        await pilot.press("P")
        names = screen.query_one("#names-list", OptionList)
        keys = [names.get_option_at_index(i).id for i in range(names.option_count)]
        key = entity_of(putin).entity.key
        names.highlighted = keys.index(key)
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is first.view
        entry = app.session.library_analysis.entity(key)
        for column in (first, second):
            focus = column.view.highlights("focus")
            assert {(h.start, h.end) for h in focus} == set(entry.mentions.get(column.article.id, ()))
        starts = sorted(h.start for h in first.view.highlights("focus"))
        assert first.view.cursor == starts[0]
        await pilot.press("n")
        assert first.view.cursor == starts[1]
        await pilot.press("N")
        assert first.view.cursor == starts[0]
        assert "Wladimir Putin" in str(first.query_one(".column-status").render())

        # layer switches hide and show highlights
        await pilot.press("1")
        assert (not first.view.layer_visible("entity") and not first.view.highlights_at(putin.start)) or all(
            not isinstance(h.data, HighlightedEntity) for h in first.view.highlights_at(putin.start)
        )
        await pilot.press("1")
        assert any(isinstance(h.data, HighlightedEntity) for h in first.view.highlights_at(putin.start))


async def test_quotes_by_speaker_and_the_same_quote_across_outlets(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(220, 50)) as pilot:
        screen = await open_two_analysed(pilot)
        view = screen.columns[0].view
        quotes = [h for h in view.highlights("quote") if isinstance(h.data, HighlightedQuote)]
        assert quotes
        speech = [h for h in quotes if quote_of(h).quote.kind == "speech" and quote_of(h).quote.speaker]
        assert speech, "some speech is attributed to a speaker"

        await pilot.press("z")
        listing = screen.query_one("#quotes-list", OptionList)
        labels = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert any(label.startswith(quote_of(speech[0]).quote.speaker or "") for label in labels)

        grouped = next((h for h in quotes if quote_of(h).group), None)
        if grouped is None:  # the two open articles share no utterance: open a group from the list
            ids = [listing.get_option_at_index(i).id or "" for i in range(listing.option_count)]
            listing.highlighted = next(i for i, option_id in enumerate(ids) if option_id.startswith("group:"))
            await pilot.press("enter")
        else:
            view.focus()
            view.move_cursor(grouped.start)
            await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, QuoteGroupScreen)
        group = app.screen.group
        assert len(group.members) >= 2 and len(group.articles) >= 2
        member = group.members[app.screen.numbers.index(1)]  # numbered as the comparison's columns
        await pilot.press("1")
        await pilot.pause()
        column = next(c for c in screen.columns if c.article.id == member.article_id)
        assert column.view.selection == (member.quote.start, member.quote.end)


async def test_annotate_the_name_under_the_cursor(make_app, library_dir) -> None:
    from reader.annotations import AnnotationStore
    from reader.articles import Library

    app = make_app()
    async with app.run_test(size=(220, 50)) as pilot:
        screen = await open_two_analysed(pilot)
        view = screen.columns[0].view
        entity = view.highlights("entity")[0]
        view.move_cursor(entity.start + 1)
        await pilot.press("E", *"Person", "ctrl+s")
        await pilot.pause()
        [saved] = AnnotationStore.open(Library(library_dir)).all()
        assert (saved.start, saved.end) == (entity.start, entity.end)


async def test_cached_analyses_show_without_loading_spacy(make_app, library_dir, monkeypatch) -> None:
    from reader.analysis import AnalysisCache, analyze_cached
    from reader.articles import Library
    from reader.nlp.pipeline import load_pipeline
    from reader.settings import Settings
    from reader.tui.app import ReaderApp

    settings = Settings.resolve(library=library_dir)
    pipeline = load_pipeline()
    cache = AnalysisCache(settings.cache_dir)
    articles = Library(library_dir).articles()
    for article in articles:
        analyze_cached(article, pipeline, cache)
    monkeypatch.setattr(ReaderApp, "start_analysis", lambda self: None)  # spaCy never arrives
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_library(pilot, rows=5)
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause(0.02)
            if app.screen.columns[0].view.highlights("entity"):
                break
        assert app.session.pipeline is None
        assert app.screen.columns[0].view.highlights("entity")
        assert len(app.session.library_analysis.article_ids) == len(articles)
