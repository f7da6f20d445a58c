"""Run by bench_scale.py in a fresh process (whose PYTHONPATH picks the code to measure).

python _scale_probe.py start LIBRARY   prints "ready" when the library table shows its first rows, then
                                       "whole" when it shows every article (then waits for the
                                       full-text index a first run builds after that)
python _scale_probe.py rss LIBRARY     prints the app's peak resident memory (MB) 3 s after the table shows
python _scale_probe.py filter LIBRARY  prints the milliseconds of each keystroke of a filter, table redrawn
python _scale_probe.py filter-analysing LIBRARY  the same, once the background analysis runs (the pipeline
                                       loaded, articles submitted): what a reader sees in the first minutes
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

FILTER_KEYS = "Putin"  # every article of the synthetic library mentions him: the whole table redraws


def peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


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
        times = []
        for key in FILTER_KEYS:
            began = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()  # the table redrawn
            times.append((time.perf_counter() - began) * 1000)
        assert screen.query_text == FILTER_KEYS and screen.table.row_count > 0, screen.query_text
        print(json.dumps(times), flush=True)


if __name__ == "__main__":  # the app's analysis process re-imports this module when it spawns
    asyncio.run(main(sys.argv[1], sys.argv[2]))
