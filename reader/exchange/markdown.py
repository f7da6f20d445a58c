"""Markdown for notes apps (Obsidian, Logseq, Joplin…): per article, each passage as a block quote
followed by its tags and note. Orphans are listed under their article with the stored quote.

Passages, notes, titles and tags are text, never markup: HTML (`<script>`, `<img onerror>`) is
written as entities, and every character that Markdown reads as structure (emphasis, links,
code, headings, tables, list markers, block quotes, fences, setext underlines) is escaped, so
nothing in a note can change the document around it or run in a viewer. A note keeps its line
breaks as hard breaks inside its paragraph.
"""

from __future__ import annotations

import re
from itertools import groupby

from ..annotations import AnchorState
from ..text.shortening import one_line
from .items import ExportItem

# HTML is written as entities; ASCII punctuation that CommonMark and GFM give a meaning anywhere
# in a line (links and images, emphasis, code, strike-through, tables) or notes apps do (#tags,
# $math$, {attributes}) gets a backslash, which makes it literal.
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", **{char: "\\" + char for char in "\\`*_[]{}#|~$"}}
_SPECIAL = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")
# What only means something at the start of a line: list markers, setext underlines.
_LINE_MARKERS = "-+="
_ORDERED_MARKER = re.compile(r"^(\d{1,9})([.)])")
_BACKTICK_RUNS = re.compile(r"`+")
HARD_BREAK = "\\"  # a backslash at the end of a line (CommonMark): a line break inside the paragraph


def escape_text(text: str) -> str:
    """One line of outside text (stripped) as literal Markdown: no HTML, no markup, no block
    structure."""
    if _SPECIAL.search(text) is not None:  # most lines hold none: no copy then
        text = _SPECIAL.sub(lambda match: _ESCAPES[match.group()], text)
    first = text[:1]
    if first and first in _LINE_MARKERS:
        return "\\" + text
    if first.isdigit():
        return _ORDERED_MARKER.sub(lambda match: match.group(1) + "\\" + match.group(2), text)
    return text


def escaped_line(text: str) -> str:
    """A title or byline: whitespace (line breaks too) collapsed, escaped."""
    return escape_text(one_line(text))


def code_span(text: str) -> str:
    """Text in a code span no backtick in it can close (CommonMark: a longer fence)."""
    text = one_line(text)
    longest = max((len(run) for run in _BACKTICK_RUNS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def paragraphs(text: str) -> list[str]:
    """Escaped paragraphs of a note or passage: a blank line separates paragraphs, other line
    breaks stay as hard breaks."""
    blocks: list[list[str]] = [[]]
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            blocks[-1].append(escape_text(line.strip()))
        elif blocks[-1]:
            blocks.append([])
    return [(HARD_BREAK + "\n").join(lines) for lines in blocks if lines]


def quote_block(text: str) -> str:
    """A passage as a block quote: '> ' before every line, '>' between its paragraphs."""
    blocks = paragraphs(text)
    if not blocks:
        return ">"
    lines = "\n>\n".join(blocks).split("\n")  # an escaped line is never ">" itself: "&gt;"
    return "\n".join(line if line == ">" else f"> {line}" for line in lines)


def _entry(item: ExportItem) -> str:
    annotation = item.annotation
    lines = [quote_block(annotation.exact), ""]
    meta = []
    if annotation.tags:
        meta.append("**Tags:** " + ", ".join(code_span(tag) for tag in annotation.tags))
    byline = ", ".join(part for part in (annotation.author, annotation.created[:10]) if part)
    if byline:
        meta.append(f"*{escaped_line(byline)}*")
    if item.anchor.state is AnchorState.REANCHORED:
        meta.append("*(found again in the edited text)*")
    if meta:
        lines += [" · ".join(meta), ""]
    for paragraph in paragraphs(annotation.note):
        lines += [paragraph, ""]
    return "\n".join(lines)


def dumps(items: list[ExportItem], exported: str) -> bytes:
    out = ["# Annotations", "", f"Exported {exported} · {len(items)} annotation{'s' if len(items) != 1 else ''}", ""]
    for article_id, group in groupby(items, key=lambda item: item.annotation.article_id):
        entries = list(group)
        article = entries[0].article
        title = article.display_title if article else article_id
        out += [f"## {escaped_line(title)}", ""]
        details = [
            escaped_line(part) for part in ((article.source, article.date, article.url) if article else ()) if part
        ]
        details.append(code_span(article_id))
        if article is None:
            details.append("article no longer in the library")
        out += [" · ".join(details), ""]
        found = [item for item in entries if item.anchor.state is not AnchorState.ORPHANED]
        lost = [item for item in entries if item.anchor.state is AnchorState.ORPHANED]
        out += [_entry(item) for item in found]
        if lost:
            out += ["### Not found in the current text", ""]
            out += [_entry(item) for item in lost]
    return ("\n".join(out).rstrip("\n") + "\n").encode("utf-8")
