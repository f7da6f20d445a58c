"""Snapshot of the compare screen at 160×50: layout regressions show up as a picture diff.

The picture includes the shipped pipeline's highlights, so it changes when the model is rebuilt:
regenerate it then (pytest --snapshot-update) and look at it before committing.
"""

from __future__ import annotations

import pytest

from tests.helpers.pilot import wait_for_library

pytestmark = pytest.mark.ui  # the real app, headless: `make test-fast` leaves these out


async def wait_for_analysis(pilot, articles: int) -> None:
    app = pilot.app
    for _ in range(1200):
        await pilot.pause(0.05)
        done = app.session.library_analysis is not None and len(app.session.library_analysis.article_ids) == articles
        if done and app.analysis_process is not None and not app.analysis_process.busy:
            await pilot.pause()
            return
    raise AssertionError("the analysis did not finish")


def test_compare_screen_snapshot(snap_compare, make_app) -> None:
    async def open_three(pilot) -> None:
        await wait_for_library(pilot, rows=5)
        await pilot.press("space", "space", "space", "enter")
        await wait_for_analysis(pilot, 5)
        await pilot.press("w", "w", "v", "w")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(160, 50), run_before=open_three)
