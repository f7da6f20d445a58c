"""A pipeline's identity from its files alone, without importing spaCy.

The analysis cache is keyed by the pipeline's fingerprint. Computing it from the files lets the
app show cached analyses at once, while spaCy (seconds to import and load) is still loading.
`reader.nlp.pipeline.fingerprint` uses the same hashing, so the two always agree.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

SHIPPED_NAME = "reader_de_news"
_SMALL_FILE = 32 * 1024 * 1024  # files up to this size are hashed whole


@dataclass(frozen=True)
class PipelineInfo:
    """Which pipeline is in use, as `reader info` and the app name it (plain data, no spaCy)."""

    name: str
    version: str
    path: str
    labels: list[str]
    components: list[str]
    fingerprint: str  # stable short hash of this exact pipeline (files + components)
    source: str  # "requested" | "shipped"

    @property
    def label(self) -> str:
        """How the app's status line names it: "pipeline reader_de_news 1.0.0"."""
        return f"pipeline {self.name} {self.version}".rstrip()


def shipped_model_path() -> Path:
    return Path(__file__).resolve().parent / "model"


def _hash_file(digest, path: Path) -> None:
    size = path.stat().st_size
    digest.update(f"{size}\0".encode())
    with open(path, "rb") as handle:
        if size <= _SMALL_FILE:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        else:  # huge vectors: head, tail and size identify it well enough
            digest.update(handle.read(1 << 20))
            handle.seek(-(1 << 20), 2)
            digest.update(handle.read(1 << 20))


def hash_pipeline_folder(digest, path: Path) -> None:
    """Feed every file of a pipeline folder (but its README and caches) into the digest."""
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        relative = file.relative_to(path).as_posix()
        if relative == "README.md" or "__pycache__" in relative:
            continue
        digest.update(relative.encode() + b"\0")
        _hash_file(digest, file)


def folder_fingerprint(path: Path, pipe_names: list[str]) -> str:
    digest = hashlib.blake2b(digest_size=8)
    hash_pipeline_folder(digest, path)
    digest.update(json.dumps(pipe_names).encode())
    return digest.hexdigest()


def peek_fingerprint(requested: str | None) -> str | None:
    """The fingerprint `load_pipeline(requested)` will report, or None when only loading can tell.

    Known without loading: the shipped pipeline (asked for or by default). A requested package or
    folder may get reader's consistency step appended at load time, so it is left to the loader.
    """
    requested = (requested or "").strip() or None
    if requested not in (None, SHIPPED_NAME):
        return None
    path = shipped_model_path()
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        disabled = set(meta.get("disabled", []))
        names = [name for name in meta["pipeline"] if name not in disabled]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return folder_fingerprint(path, names)
