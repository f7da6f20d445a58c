"""Faults the disk can throw at the store, injected by monkeypatching `os`."""

from __future__ import annotations

import os

import pytest


def refuse_temp_files(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """The store's temp files cannot be created (a read-only folder answers EROFS, a full disk ENOSPC)."""
    real_open = os.open

    def refusing_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if str(path).endswith(".tmp"):
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refusing_open)
