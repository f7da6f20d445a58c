"""Run by bench_scale.py in a fresh process (whose PYTHONPATH picks the code to measure).

python _scale_probe.py start LIBRARY   prints "ready" when the library table shows its first rows, then
                                       "whole" when it shows every article (then waits for the
                                       full-text index a first run builds after that)
python _scale_probe.py rss LIBRARY     prints the app's peak resident memory (MB) 3 s after the table shows
python _scale_probe.py filter LIBRARY  prints the milliseconds of each keystroke of a filter: from the key
                                       reaching the app to the frame that shows the table filtered
                                       (rendered to the bytes a terminal would be sent)
python _scale_probe.py filter-analysing LIBRARY  the same, once the background analysis runs (the pipeline
                                       loaded, articles submitted): what a reader sees in the first minutes
python _scale_probe.py filter-narrowing LIBRARY  the same for "Nummer 4711": from every article to one, the
                                       rows on screen change with each digit
python _scale_probe.py filter-pilot LIBRARY  each keystroke as Pilot's press() and pause() take it: they
                                       also sleep until the process looks idle (at least 3 × 20 ms)
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from typing import Any

FILTER_KEYS = "Putin"  # every article of the synthetic library mentions him: the whole table redraws
NARROWING_KEYS = "Nummer 4711"  # each title is "Meldung Nummer N": 1,111 rows, 111, 11, then one
BETWEEN_KEYS_S = 0.25  # typing pace: each keystroke is drawn before the next arrives


def peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def record_frames(app: Any) -> list[tuple[float, str]]:
    """(time, the filter the library table shows) of every frame the app draws from now on, each
    rendered to the escape sequences a terminal would be sent (the headless driver sends none)."""
    from textual._compositor import CompositorUpdate

    frames: list[tuple[float, str]] = []
    display = app._display

    def displayed(screen: Any, renderable: Any) -> None:
        display(screen, renderable)
        if renderable is None or app._batch_count:
            return
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(app.console)
        frames.append((time.perf_counter(), app.library_screen.query_text))

    app._display = displayed
    return frames


async def keystrokes_to_frames(app: Any, keys: str) -> list[float]:
    """Milliseconds from each key reaching the app to the first frame showing its filter."""
    from textual import events

    frames = record_frames(app)
    times = []
    for typed, key in enumerate(keys, 1):
        wanted = keys[:typed].strip()
        began = time.perf_counter()
        app._driver.send_message(events.Key("space" if key == " " else key, key))
        while not any(at > began and shown == wanted for at, shown in frames):
            await asyncio.sleep(0.001)
        drawn = next(at for at, shown in frames if at > began and shown == wanted)
        times.append((drawn - began) * 1000)
        await asyncio.sleep(BETWEEN_KEYS_S)
    return times


async def main(mode: str, library: str) -> None:
    from reader.settings import Settings
    from reader.tui.app import ReaderApp

    app = ReaderApp(Settings.resolve(library=library))
    async with app.run_test(size=(160, 50)) as pilot:
        screen = app.library_screen
        while screen.table.row_count == 0:
            await pilot.pause(0.001)
        if mode == "start":
            print("ready", flush=True)
            while not getattr(app.session.scan, "complete", True) or app.session.store is None:
                await pilot.pause(0.001)
            print("whole", flush=True)
            index = getattr(app.session.library, "index", None)  # the full-text index a first run builds
            while index is not None and index.texts_pending:
                await pilot.pause(0.1)
            return
        if mode == "rss":
            await pilot.pause(3.0)
            print(json.dumps(round(peak_rss_mb(), 1)), flush=True)
            return
        if mode == "filter-analysing":
            process = app.analysis_process
            while app.session.pipeline is None or process is None or not process.busy:
                await pilot.pause(0.05)
                process = app.analysis_process
            await pilot.pause(1.0)  # the first results arrive
        await pilot.press("slash")
        await pilot.pause()
        if mode == "filter-pilot":
            times = []
            for key in FILTER_KEYS:
                began = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()  # the table redrawn
                times.append((time.perf_counter() - began) * 1000)
        else:
            keys = NARROWING_KEYS if mode == "filter-narrowing" else FILTER_KEYS
            times = await keystrokes_to_frames(app, keys)
        assert screen.query_text in (FILTER_KEYS, NARROWING_KEYS) and screen.table.row_count > 0, screen.query_text
        print(json.dumps(times), flush=True)


if __name__ == "__main__":  # the app's analysis process re-imports this module when it spawns
    asyncio.run(main(sys.argv[1], sys.argv[2]))
