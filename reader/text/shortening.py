"""Making text short enough to show: one line, a limit, an ellipsis where it was cut."""

from __future__ import annotations

ELLIPSIS = "…"


def cut(text: str, limit: int) -> str:
    """The text itself if it has at most `limit` characters, else its first `limit - 1` and "…"."""
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def one_line(text: str, limit: int | None = None) -> str:
    """The text on one line (every run of whitespace, line breaks too, one space), cut at `limit`."""
    line = " ".join(text.split())
    return line if limit is None else cut(line, limit)


def cut_at_word(text: str, limit: int) -> str:
    """One line of at most `limit` characters, cut after a whole word (a title made from a sentence)."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    shortened = text[: limit - 1]
    if " " in shortened:
        shortened = shortened[: shortened.rindex(" ")]
    return shortened.rstrip(",;:–- ") + ELLIPSIS
