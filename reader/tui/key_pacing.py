"""Keys from the terminal are handed on one at a time, each once the one before it has settled.

Textual forwards every key to the widget focused when the key is read. In a burst (keystrokes
pasted, a macro, a laggy ssh link) the keys after `/` are forwarded before the filter box `/`
opens has focus: they run as commands (`a` opens a dialog, `q` quits) instead of being typed. So
the app queues the keys it reads and hands the next one on only when every message queue is
empty again: the key before it has been handled, its action run, the focus it moved set and the
dialog it opened mounted. A screen may also ask the keys to wait for a widget (`wait_for_focus`)
when its input gets focus later than that (a timer, a worker).
"""

from __future__ import annotations

import asyncio
import time
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events

if TYPE_CHECKING:
    from textual.app import App
    from textual.widget import Widget

SETTLE_TIMEOUT_S = 1.0  # a key never waits longer than this for the one before it to settle
FOCUS_TIMEOUT_S = 2.0  # nor for a widget that a screen said would get focus


class KeyPacer:
    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self._queue: asyncio.Queue[events.Key] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None
        self._waiting_for: tuple[Widget, float] | None = None
        self._handed_on: weakref.WeakSet[events.Key] = weakref.WeakSet()  # for the app to dispatch as Textual would

    def start(self) -> None:
        self._task = asyncio.create_task(self._feed(), name="key pacer")

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def take(self, event: events.Key) -> bool:
        """Queue a key the terminal sent; False for one to dispatch now (already paced, or no pacer)."""
        if event in self._handed_on or event.is_forwarded or self._task is None or self._task.done():
            return False
        self._queue.put_nowait(event)
        return True

    @property
    def keys_waiting(self) -> bool:
        """Keys read from the terminal and not handed on yet (a burst, or typing faster than the app draws)."""
        return not self._queue.empty()

    def wait_for_focus(self, widget: Widget) -> None:
        """Hold the keys after this one until `widget` has focus (or FOCUS_TIMEOUT_S passed)."""
        self._waiting_for = (widget, time.monotonic() + FOCUS_TIMEOUT_S)

    async def _feed(self) -> None:
        while True:
            event = await self._queue.get()
            paced = events.Key(event.key, event.character)
            self._handed_on.add(paced)
            self.app.post_message(paced)
            await self._settle()

    async def _settle(self) -> None:
        deadline = time.monotonic() + SETTLE_TIMEOUT_S
        quiet = 0
        while quiet < 2 and time.monotonic() < deadline:  # empty twice: nothing was about to post more
            await asyncio.sleep(0)
            quiet = quiet + 1 if self._all_queues_empty() else 0
        await self._wait(lambda: self._waiting_for is None or self._focused_or_expired())

    def _focused_or_expired(self) -> bool:
        if self._waiting_for is None:
            return True
        widget, deadline = self._waiting_for
        if widget.has_focus or time.monotonic() > deadline or not widget.is_attached:
            self._waiting_for = None
            return True
        return False

    async def _wait(self, done: Callable[[], bool]) -> None:
        while not done():
            await asyncio.sleep(0.005)

    def _all_queues_empty(self) -> bool:
        app = self.app
        if app._message_queue.qsize():
            return False
        return not any(node._message_queue.qsize() for node in list(app._registry))
