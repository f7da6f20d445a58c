"""Markdown for notes apps (Obsidian, Logseq, Joplin…): per article, each passage as a block quote
followed by its tags and note. Orphans are listed under their article with the stored quote."""

from __future__ import annotations

from itertools import groupby

from ..annotations import AnchorState
from .items import ExportItem


def _quote_block(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))


def _escape_inline(text: str) -> str:
    return text.replace("\\", "\\\\").replace("`", "\\`").replace("*", "\\*").replace("_", "\\_")


def _entry(item: ExportItem) -> str:
    annotation = item.annotation
    lines = [_quote_block(annotation.exact), ""]
    meta = []
    if annotation.tags:
        meta.append("**Tags:** " + ", ".join(f"`{tag}`" for tag in annotation.tags))
    byline = ", ".join(part for part in (annotation.author, annotation.created[:10]) if part)
    if byline:
        meta.append(f"*{_escape_inline(byline)}*")
    if item.anchor.state is AnchorState.REANCHORED:
        meta.append("*(found again in the edited text)*")
    if meta:
        lines += [" · ".join(meta), ""]
    if annotation.note:
        lines += [annotation.note, ""]
    return "\n".join(lines)


def dumps(items: list[ExportItem], exported: str) -> bytes:
    out = ["# Annotations", "", f"Exported {exported} · {len(items)} annotation{'s' if len(items) != 1 else ''}", ""]
    for article_id, group in groupby(items, key=lambda item: item.annotation.article_id):
        entries = list(group)
        article = entries[0].article
        title = article.display_title if article else article_id
        out += [f"## {title}", ""]
        details = [part for part in ((article.source, article.date, article.url) if article else ()) if part]
        details.append(f"`{article_id}`")
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
