"""Bulk work on many small objects (a library scan, loading a store, an export, an import): the
cycle collector paused while it runs."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cycle collector while building many small acyclic objects.

    Loading or exporting 100,000 annotations otherwise triggers full collections that walk every
    object already built, which costs a quarter of the load and half of an export; a scan of
    100,000 articles makes nine full passes (its median 3.4 → 2.6 s under load).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
