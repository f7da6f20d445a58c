"""The codebook, coding matrix and agreement screens, driven as a reader would: keys pressed, the
store on disk checked, a matrix cell and a disagreement opened at their passage."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, OptionList

from reader.annotations import AnnotationStore
from reader.articles import Library
from reader.text.segments import sentence_spans
from reader.tui.screens.agreement import AgreementScreen
from reader.tui.screens.codebook import CodebookScreen
from reader.tui.screens.compare import CompareScreen
from reader.tui.screens.matrix import MatrixScreen, PassagesDialog
from reader.tui.screens.prompt import PromptDialog
from tests.helpers.pilot import wait_for_library

pytestmark = pytest.mark.ui

ARTICLE = "gipfel-der-leere-inszenierung"


def _coded(library_dir: Path) -> str:
    library = Library(library_dir)
    article = library.get(ARTICLE)
    anna = AnnotationStore.open(library, author="anna")
    first = anna.add(article, 0, 40, ["Framing/Inszenierung"])
    AnnotationStore.open(library, author="ben").add(article, 700, 760, ["Framing/Inszenierung"])
    return first.id


async def _answer(pilot, text: str) -> None:
    assert isinstance(pilot.app.screen, PromptDialog)
    pilot.app.screen.query_one(Input).value = text
    await pilot.press("enter")
    await pilot.pause()


async def _until(pilot, condition, seconds: float = 8.0) -> None:
    """Wait for a change saved in a worker to come back through the app's store check."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the change did not arrive")


async def test_the_codebook_screen_adds_renames_and_recolours(make_app, library_dir: Path) -> None:
    first_id = _coded(library_dir)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_library(pilot, rows=5)
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CodebookScreen)
        assert [code.name for code in screen.codes] == ["Framing", "Framing/Inszenierung"]
        await pilot.press("a")
        await _answer(pilot, "Framing/Konflikt")
        await pilot.press("r")
        await _answer(pilot, "Rahmung")  # the code just added is highlighted: it becomes Rahmung
        await _until(pilot, lambda: "Rahmung" in [code.name for code in screen.codes])
        assert AnnotationStore.open(Library(library_dir)).code("Rahmung") is not None
        screen.query_one(OptionList).highlighted = 0
        await pilot.press("r")
        await _answer(pilot, "Medienrahmen")
        await _until(pilot, lambda: screen.codes[0].name == "Medienrahmen")
        await pilot.press("c")
        await _answer(pilot, "#123456")
        on_disk = AnnotationStore.open(Library(library_dir))
        assert on_disk.get(first_id).tags == ("Medienrahmen/Inszenierung",)
        assert on_disk.code("Medienrahmen").colour == "#123456"  # type: ignore[union-attr]
        assert [code.name for code in screen.codes] == [
            "Medienrahmen",
            "Medienrahmen/Inszenierung",
            "Rahmung",
        ]


async def test_a_matrix_cell_opens_its_passage(make_app, library_dir: Path) -> None:
    _coded(library_dir)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_library(pilot, rows=5)
        await pilot.press("M")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MatrixScreen) and screen.matrix is not None
        assert screen.matrix.count("Framing/Inszenierung", ARTICLE) == 2
        table = screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index("Framing/Inszenierung"), column=table.get_column_index(ARTICLE))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PassagesDialog) and len(app.screen.hits) == 2
        await pilot.press("enter")
        for _ in range(40):
            await pilot.pause(0.05)
            if isinstance(app.screen, CompareScreen) and app.screen.columns:
                break
        assert isinstance(app.screen, CompareScreen)
        await pilot.pause(0.2)
        assert app.screen.columns[0].view.selection == (0, 40)


async def test_the_agreement_screen_lists_disagreements_and_opens_them(make_app, library_dir: Path) -> None:
    _coded(library_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_library(pilot, rows=5)
        await pilot.press("i")
        screen = app.screen
        assert isinstance(screen, AgreementScreen)
        for _ in range(40):
            await pilot.pause(0.05)
            if screen.report is not None:
                break
        assert screen.report is not None and screen.report.coders == ("anna", "ben")
        assert [d.applied_by for d in screen.report.disagreements] == [("anna",), ("ben",)]
        options = screen.query_one(OptionList)
        options.highlighted = 1
        await pilot.press("enter")
        for _ in range(40):
            await pilot.pause(0.05)
            if isinstance(app.screen, CompareScreen) and app.screen.columns:
                break
        assert isinstance(app.screen, CompareScreen)
        await pilot.pause(0.2)
        body = Library(library_dir).get(ARTICLE).body
        (sentence,) = [(s, e) for s, e in sentence_spans(body) if s <= 700 < e]
        assert app.screen.columns[0].view.selection == sentence
