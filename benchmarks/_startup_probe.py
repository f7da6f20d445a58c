"""Run by bench_app.py in a fresh process: start the app headless, exit when the table shows."""

from __future__ import annotations

import asyncio
import sys


async def main(library: str) -> None:
    from reader.settings import Settings
    from reader.tui.app import ReaderApp

    app = ReaderApp(Settings.resolve(library=library))
    async with app.run_test(size=(160, 50)) as pilot:
        while app.library_screen.table.row_count == 0:
            await pilot.pause(0.001)
        print("ready", flush=True)


if __name__ == "__main__":  # the app's analysis process re-imports this module when it spawns
    asyncio.run(main(sys.argv[1]))
