"""Importing reader JSON and W3C exports: validate everything first, then merge by id.

Nothing is written unless the whole file is valid against the library (every article known,
every position inside its text, every quote matching when the file claims the same text
version). Then each annotation is anchored in the current text (re-anchored ones are saved at
their new place; orphans are kept as they came) and merged: a new id is added; a known id is
replaced only when the file's copy was updated later than the local one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

import orjson

from ..annotations import AnchorState, Annotation, AnnotationStore, TextPosition, locate, quote_at
from ..library import Article
from ..regular_files import FileRefused, read_regular_file
from . import reader_json, w3c
from .fields import ImportRefused, Incoming


MAX_IMPORT_BYTES = 1024 * 1024 * 1024  # an export of a million annotations is well under this


@dataclass(frozen=True, slots=True)
class ImportReport:
    format: str  # "json" or "w3c"
    read: int
    added: int
    updated: int
    unchanged: int
    kept_local: int  # known ids whose local copy is newer than the file's: left as they are
    orphaned: int  # of those read, how many have no passage in the current text
    dry_run: bool

    def summary(self) -> str:
        verb = "would be" if self.dry_run else "were"
        text = (
            f"{self.read} annotation{'s' if self.read != 1 else ''} read ({self.format}): "
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged"
        )
        if self.kept_local:
            text += f" ({self.kept_local} kept: the local copy is newer)"
        if self.orphaned:
            text += f"; {self.orphaned} orphaned (passage not in the current text, kept and listed)"
        return text + ("" if not self.dry_run else f" — dry run, nothing {verb} written")


def read_import_file(path: Path) -> tuple[str, list[Incoming]]:
    """(format, annotations) of an export file; ImportRefused says in one line what is wrong."""
    try:
        raw = read_regular_file(Path(path), MAX_IMPORT_BYTES)
    except FileRefused as error:
        raise ImportRefused(str(error)) from None
    except OSError as error:
        raise ImportRefused(f"cannot be read: {error.strerror or error}") from None
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ImportRefused(f"is not UTF-8 text (byte {error.start})") from None
    try:
        document = orjson.loads(raw.removeprefix(b"\xef\xbb\xbf"))
    except orjson.JSONDecodeError as error:
        raise ImportRefused(f"is not JSON ({error.msg} at line {error.lineno} column {error.colno})") from None
    if reader_json.is_reader_json(document):
        return "json", reader_json.parse(document)
    if w3c.is_w3c(document):
        return "w3c", w3c.parse(document)
    raise ImportRefused("is neither a reader annotations export (format: reader-annotations) nor W3C Web Annotations")


def _instant(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _resolve_article(incoming: Incoming, by_id: dict[str, Article], by_url: dict[str, list[Article]]) -> Article:
    annotation = incoming.annotation
    if annotation.article_id:
        article = by_id.get(annotation.article_id)
        if article is None:
            where = f"{incoming.where}.article.id" if not incoming.source else f"{incoming.where}.target.source"
            raise ImportRefused(f"{where}: no article {annotation.article_id!r} in the library")
        return article
    matches = by_url.get(incoming.source.rstrip("/"), [])
    if len(matches) != 1:
        found = "no article" if not matches else f"{len(matches)} articles ({', '.join(a.id for a in matches)})"
        raise ImportRefused(f"{incoming.where}.target.source: {found} in the library with the URL {incoming.source!r}")
    return matches[0]


def _checked(incoming: Incoming, article: Article) -> Annotation:
    """The annotation on its article, its position checked against the text it claims."""
    annotation = replace(incoming.annotation, article_id=article.id)
    body, where = article.body, incoming.position_where
    start, end = annotation.start, annotation.end
    needs_text = not annotation.exact  # a W3C position without a quote: take the quote from the text
    if needs_text or annotation.article_version == article.version:
        if end > len(body):
            raise ImportRefused(f"{where}.end: {end:,} is beyond the article's {len(body):,} characters")
    if needs_text:
        return replace(
            annotation, article_version=article.version, quote=quote_at(body, start, end), position=TextPosition(start, end)
        )
    if annotation.article_version == article.version and body[start:end] != annotation.exact:
        raise ImportRefused(
            f"{incoming.quote_where}.exact: does not match the article text at {start}–{end} "
            f"(the file claims the same article version {article.version})"
        )
    return annotation


def plan_import(
    store: AnnotationStore, articles: Iterable[Article], incoming: list[Incoming], fmt: str, dry_run: bool = False
) -> tuple[list[Annotation], ImportReport]:
    """What to write and the report; ImportRefused for the first invalid annotation."""
    by_id = {article.id: article for article in articles}
    by_url: dict[str, list[Article]] = {}
    for article in by_id.values():
        if article.url:
            by_url.setdefault(article.url.rstrip("/"), []).append(article)
    seen: dict[str, str] = {}
    to_write: list[Annotation] = []
    added = updated = unchanged = kept_local = orphaned = 0
    for item in incoming:
        annotation_id = item.annotation.id
        if annotation_id in seen:
            raise ImportRefused(f"{item.where}.id: {annotation_id} appears twice (also at {seen[annotation_id]})")
        seen[annotation_id] = item.where
        article = _resolve_article(item, by_id, by_url)
        if annotation_id in store and store.get(annotation_id).article_id != article.id:
            other = store.get(annotation_id).article_id
            raise ImportRefused(f"{item.where}.id: {annotation_id} is already used by an annotation on {other!r}")
        annotation = _checked(item, article)
        anchor = locate(article.body, article.version, annotation)
        if anchor.state is AnchorState.REANCHORED:
            assert anchor.start is not None and anchor.end is not None
            annotation = replace(
                annotation,
                article_version=article.version,
                position=TextPosition(anchor.start, anchor.end),
                quote=quote_at(article.body, anchor.start, anchor.end),
            )
        orphaned += anchor.state is AnchorState.ORPHANED
        if annotation_id not in store:
            added += 1
            to_write.append(annotation)
            continue
        existing = store.get(annotation_id)
        if existing == annotation:
            unchanged += 1
        elif _instant(annotation.updated) > _instant(existing.updated):
            updated += 1
            to_write.append(annotation)
        else:
            kept_local += 1
            unchanged += 1
    report = ImportReport(fmt, len(incoming), added, updated, unchanged, kept_local, orphaned, dry_run)
    return to_write, report


def import_file(store: AnnotationStore, articles: Iterable[Article], path: Path, dry_run: bool = False) -> ImportReport:
    """Validate the file completely, then (unless dry_run) save what is new or newer."""
    fmt, incoming = read_import_file(path)
    to_write, report = plan_import(store, articles, incoming, fmt, dry_run)
    if not dry_run:
        store.put_many(to_write)
    return report
