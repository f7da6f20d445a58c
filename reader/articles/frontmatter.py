"""Front matter: an optional `---` block of `key: value` lines at the top of an article file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.shortening import one_line

KNOWN_KEYS = ("title", "source", "date", "url", "language", "author")
_YAML_INDICATORS = "\"'#[]{}&*!|>%@`"
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


def quote_value(value: str) -> str:
    """Quote a front-matter value so `parse_front_matter` reads it back unchanged.

    The reader strips one pair of matching outer quotes, so a value that starts or ends with a
    quote is wrapped; so is one that YAML would misread (a leading indicator character, ': ' or
    ' #' inside). Single quotes are preferred, double quotes used when the value holds a single
    quote: the block stays valid YAML for other tools wherever that needs no escapes.
    """
    needs_quotes = (
        not value
        or value[0] in _YAML_INDICATORS
        or value[-1] in "\"'"
        or ": " in value
        or " #" in value
        or value.endswith(":")
        or value != value.strip()
    )
    if not needs_quotes:
        return value
    return f'"{value}"' if "'" in value else f"'{value}'"


def render_front_matter(fields: dict[str, str]) -> str:
    """A `---` block of `key: value` lines for the non-empty fields, in the given order.

    Values are single lines: line breaks and runs of whitespace become one space.
    """
    lines = ["---"]
    for key, value in fields.items():
        value = one_line(value)
        if value:
            lines.append(f"{key}: {quote_value(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n"
