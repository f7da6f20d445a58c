"""Front matter: an optional `---` block of `key: value` lines at the top of an article file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

KNOWN_KEYS = ("title", "source", "date", "url", "language", "author")
_LINE = re.compile(r"^([A-Za-z][\w-]*)\s*:\s?(.*)$")


class FrontMatterError(ValueError):
    """The file opens a front-matter block that cannot be read; the message is one line."""


@dataclass
class FrontMatter:
    fields: dict[str, str] = field(default_factory=dict)
    body_start: int = 0  # character offset in the file text where the body begins


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def parse_front_matter(text: str) -> FrontMatter:
    """Split `---`-delimited front matter from the text.

    Only flat `key: value` lines are accepted (the subset of YAML that article metadata needs);
    anything else is an error rather than a silent guess, so the user can fix the file.
    """
    if not (text.startswith("---\n") or text.startswith("---\r\n")):
        return FrontMatter()
    lines = text.splitlines(keepends=True)
    closing = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() in ("---", "...")), None)
    if closing is None:
        raise FrontMatterError("front matter opened by '---' on line 1 is never closed")
    fields: dict[str, str] = {}
    for number, line in enumerate(lines[1:closing], start=2):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _LINE.match(stripped)
        if match is None:
            raise FrontMatterError(f"front matter line {number} is not 'key: value': {stripped[:40]!r}")
        fields[match.group(1).lower()] = _unquote(match.group(2))
    return FrontMatter(fields, sum(len(line) for line in lines[: closing + 1]))
