"""Snapshot of the compare screen at 160×50: layout regressions show up as a picture diff."""

from __future__ import annotations

from .conftest import wait_for_library


def test_compare_screen_snapshot(snap_compare, make_app) -> None:
    async def open_three(pilot) -> None:
        await wait_for_library(pilot, rows=5)
        await pilot.press("space", "space", "space", "enter")
        await pilot.pause()
        await pilot.press("w", "w", "v", "w")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(160, 50), run_before=open_three)
