"""Helpers shared by the benchmarks: medians, one JSON object per line, a synthetic library."""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTICLES = REPO / "articles"


def emit(metric: str, values: list[float], unit: str, **extra: object) -> None:
    """Print the median of several runs as one JSON line."""
    record = {"metric": metric, "value": round(statistics.median(values), 6), "unit": unit, "n": len(values)}
    record.update(extra)
    print(json.dumps(record), flush=True)


def long_article_text(words: int) -> str:
    """A long German article made by repeating the bundled ones' paragraphs (realistic text)."""
    paragraphs = [
        line.strip()
        for path in sorted(ARTICLES.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.split()) > 12
    ]
    out: list[str] = []
    count = 0
    while count < words:
        for paragraph in paragraphs:
            out.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                break
    return "Ein sehr langer Artikel\n" + "\n".join(out) + "\n"


def runs_from_argv(default: int) -> int:
    for arg in sys.argv[1:]:
        if arg.startswith("--runs="):
            return int(arg.split("=", 1)[1])
    return default
