"""Fixtures for driving the real app headless with Textual's Pilot (waits: tests/helpers/pilot.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reader.settings import Settings
from reader.tui.app import ReaderApp


@pytest.fixture
def make_app(library_dir: Path) -> Callable[..., ReaderApp]:
    def factory(library: Path | None = None) -> ReaderApp:
        return ReaderApp(Settings.resolve(library=library or library_dir, author="tester"))

    return factory
