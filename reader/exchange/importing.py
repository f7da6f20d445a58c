"""Importing reader JSON and W3C exports: validate everything first, then merge by id, all or nothing.

Nothing is written unless the whole file is valid against the library (every article known,
every position inside its text, every quote matching when the file claims the same text
version, every time a time and not in the future). Then each annotation is anchored in the
current text (re-anchored ones are saved at their new place; orphans are kept as they came) and
merged by revision (see annotations/revisions.py): a new id is added; a known id is updated only
when the local copy is an ancestor of the file's; a stale copy is ignored; a copy that diverged
is kept beside the local one as a conflict. The merge is one store change: it happens whole or
not at all (annotations/journal.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import orjson

from ..annotations import (
    QUOTE_CONTEXT_CHARS,
    AnchorState,
    Annotation,
    AnnotationStore,
    Outcome,
    TextPosition,
    descend,
    locate,
    quote_at,
    revision_of,
)
from ..annotations.revisions import file_lineage
from ..articles import Article
from ..collector import gc_paused
from ..ingest.urls import url_key
from ..regular_files import FileRefused, read_regular_file
from . import hypothesis, reader_json, w3c
from .fields import ImportRefused, Incoming, NotRepresentable

MAX_IMPORT_BYTES = 1024 * 1024 * 1024  # an export of a million annotations is well under this


@dataclass(frozen=True, slots=True)
class ImportReport:
    format: str  # "json" or "w3c"
    read: int
    added: int
    updated: int
    unchanged: int  # includes kept_local
    kept_local: int  # known ids whose file copy is an older revision of the local one: left as they are
    orphaned: int  # of those read, how many have no passage in the current text
    dry_run: bool
    conflicts: int = 0  # diverged copies, kept beside the local ones (`reader conflicts`)
    trimmed: int = 0  # selectors whose prefix/suffix was cut to the context the store keeps
    skipped: tuple[str, ...] = ()  # annotations of the file reader cannot hold (W3C, Hypothesis), one line each

    def summary(self) -> str:
        verb = "would be" if self.dry_run else "were"
        text = (
            f"{self.read} annotation{'s' if self.read != 1 else ''} read ({self.format}): "
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.conflicts} conflict{'s' if self.conflicts != 1 else ''}"
        )
        if self.kept_local:
            text += f" ({self.kept_local} kept: the file holds an older revision)"
        if self.conflicts:
            text += " — both versions kept; `reader conflicts` lists them"
        if self.orphaned:
            text += f"; {self.orphaned} orphaned (passage not in the current text, kept and listed)"
        if self.trimmed:
            text += f"; {self.trimmed} with prefix/suffix cut to {QUOTE_CONTEXT_CHARS} characters"
        if self.skipped:
            text += f"; {len(self.skipped)} not imported (listed below)"
        return text + ("" if not self.dry_run else f" — dry run, nothing {verb} written")


def read_import_file(path: Path) -> tuple[str, list[Incoming], list[str]]:
    """(format, annotations, what was skipped) of an export file; ImportRefused says in one line
    what is wrong. Reader JSON is all or nothing; of a W3C or Hypothesis file, annotations reader
    cannot hold (page notes, replies) are skipped, one line each."""
    try:
        raw = read_regular_file(Path(path), MAX_IMPORT_BYTES)
    except FileRefused as error:
        raise ImportRefused(str(error)) from None
    except OSError as error:
        raise ImportRefused(f"cannot be read: {error.strerror or error}") from None
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    plain = reader_json.parse_plain(raw)  # reader's own export, read in one typed pass
    if plain is not None:
        return "json", plain, []
    try:
        document = orjson.loads(raw)  # orjson refuses what is not UTF-8
    except orjson.JSONDecodeError as error:
        try:  # which of the two: decoding it all costs a tenth of a second per 100 MB, so only now
            raw.decode("utf-8")
        except UnicodeDecodeError as bad:
            raise ImportRefused(f"is not UTF-8 text (byte {bad.start})") from None
        raise ImportRefused(f"is not JSON ({error.msg} at line {error.lineno} column {error.colno})") from None
    skipped: list[str] = []
    if reader_json.is_reader_json(document):
        return "json", reader_json.parse(document), skipped
    if w3c.is_w3c(document):
        return "w3c", w3c.parse(document, skipped), skipped
    if hypothesis.is_hypothesis(document):
        return "hypothesis", hypothesis.parse(document, skipped), skipped
    raise ImportRefused(
        "is neither a reader annotations export (format: reader-annotations), W3C Web Annotations, "
        "nor a Hypothesis export or API result"
    )


def _resolve_article(incoming: Incoming, by_id: dict[str, Article], by_url: dict[str, list[Article]]) -> Article:
    annotation = incoming.annotation
    if annotation.article_id:
        article = by_id.get(annotation.article_id)
        if article is None:
            where = f"{incoming.where}.article.id" if not incoming.source else f"{incoming.where}.target.source"
            raise ImportRefused(f"{where}: no article {annotation.article_id!r} in the library")
        return article
    matches = by_url.get(url_key(incoming.source), []) if incoming.source else []
    if len(matches) != 1:
        found = "no article" if not matches else f"{len(matches)} articles ({', '.join(a.id for a in matches)})"
        raise NotRepresentable(
            f"{incoming.where}.target.source: {found} in the library with the URL {incoming.source!r}"
        )
    return matches[0]


def _checked(incoming: Incoming, article: Article) -> Annotation:
    """The annotation on its article, its position checked against the text it claims."""
    annotation = incoming.annotation
    if annotation.article_id != article.id:  # a W3C target resolved by its URL
        annotation = replace(annotation, article_id=article.id)
    body, position, exact = article.body, annotation.position, annotation.quote.exact
    start, end = position.start, position.end
    needs_text = not exact  # a W3C position without a quote: take the quote from the text
    if (needs_text or annotation.article_version == article.version) and end > len(body):
        raise ImportRefused(
            f"{incoming.position_place()}.end: {end:,} is beyond the article's {len(body):,} characters"
        )
    if needs_text:
        return replace(
            annotation,
            article_version=article.version,
            quote=quote_at(body, start, end),
            position=TextPosition(start, end),
        )
    if annotation.article_version == article.version and body[start:end] != exact:
        raise ImportRefused(
            f"{incoming.quote_place()}.exact: does not match the article text at {start}–{end} "
            f"(the file claims the same article version {article.version})"
        )
    if not annotation.article_version and body[start:end] == exact:
        # W3C carries no text version: a quote found at its position is on the current one
        annotation = replace(annotation, article_version=article.version)
    return annotation


def _as_in_file(incoming: Incoming, annotation: Annotation) -> Annotation:
    """The annotation with its revision computed from what the file says, and the lineage the
    file declares (revisions.file_lineage). The plain reader JSON path computed both while parsing."""
    if incoming.lineage_computed and annotation is incoming.annotation:
        return annotation
    revision = revision_of(annotation)
    return annotation.with_lineage(revision, file_lineage(revision, incoming.revision, incoming.ancestors))


def plan_import(
    store: AnnotationStore,
    articles: Iterable[Article],
    incoming: list[Incoming],
    skipped: list[str] | None = None,
    records: list[dict[str, Any] | None] | None = None,
) -> tuple[list[tuple[Annotation, Annotation]], int]:
    """(as in the file, as to be stored) per annotation, and how many are orphans;
    ImportRefused for the first invalid annotation. With `skipped`, an annotation on a page that
    is no library article (matched by URL, tracking parameters ignored) is described there and
    left out instead. With `records`, each planned annotation's stored form is put there when the
    reading made it already and the copy to store is the one read (else None), for store.merge."""
    by_id = {article.id: article for article in articles}
    by_url: dict[str, list[Article]] = {}
    for article in by_id.values():
        if article.url:
            by_url.setdefault(url_key(article.url), []).append(article)
    seen: dict[str, str] = {}
    planned: list[tuple[Annotation, Annotation]] = []
    orphaned = 0
    store_empty = len(store) == 0  # (the store does not change while this plans)
    for item in incoming:
        annotation = item.annotation
        annotation_id = annotation.id
        if annotation_id in seen:
            raise ImportRefused(f"{item.where}.id: {annotation_id} appears twice (also at {seen[annotation_id]})")
        seen[annotation_id] = item.where
        known = by_id.get(item.annotation.article_id)  # (an id: reader JSON; W3C may name a URL)
        try:
            article = known if known is not None else _resolve_article(item, by_id, by_url)
        except NotRepresentable as reason:
            if skipped is None:
                raise
            skipped.append(str(reason))
            continue
        if not store_empty and annotation_id in store and store.get(annotation_id).article_id != article.id:
            other = store.get(annotation_id).article_id
            raise ImportRefused(f"{item.where}.id: {annotation_id} is already used by an annotation on {other!r}")
        position, exact = annotation.position, annotation.quote.exact
        if (
            item.lineage_computed  # the plain reading, on the text version it claims, quoted right there:
            and exact
            and annotation.article_version == article.version
            and annotation.article_id == article.id
            and position.end <= len(article.body)
            and article.body[position.start : position.end] == exact
        ):
            as_in_file = annotation  # what _checked and _as_in_file give it, without the two calls
        else:
            as_in_file = _as_in_file(item, _checked(item, article))
        planned.append((as_in_file, as_in_file))
        if records is not None:
            records.append(item.record if as_in_file is item.annotation else None)
        if as_in_file.article_version == article.version:
            continue  # anchored where it says: _checked compared its quote with the text there
        anchor = locate(article.body, article.version, as_in_file)
        if anchor.state is AnchorState.REANCHORED:
            assert anchor.start is not None and anchor.end is not None
            moved = replace(
                as_in_file,
                article_version=article.version,
                position=TextPosition(anchor.start, anchor.end),
                quote=quote_at(article.body, anchor.start, anchor.end),
            )
            planned[-1] = (as_in_file, descend(moved, as_in_file))
            if records is not None:
                records[-1] = None
        orphaned += anchor.state is AnchorState.ORPHANED
    return planned, orphaned


def import_file(store: AnnotationStore, articles: Iterable[Article], path: Path, dry_run: bool = False) -> ImportReport:
    """Validate the file completely, then (unless dry_run) merge it into the store, all or nothing.

    The cycle collector is paused throughout: the parsed document and the annotations built from
    it are hundreds of thousands of acyclic objects, and each full collection walked them all
    (100,000 annotations: about half of the import's time)."""
    with gc_paused(keeping=True):
        fmt, incoming, skipped = read_import_file(path)
        unreadable = len(skipped)  # skipped while parsing: not among `incoming`
        records: list[dict[str, Any] | None] = []
        planned, orphaned = plan_import(store, articles, incoming, skipped if fmt != "json" else None, records)
        counts = Counter(store.merge(planned, dry_run=dry_run, records=records))
    kept_local = counts[Outcome.KEPT_LOCAL]
    return ImportReport(
        format=fmt,
        read=len(incoming) + unreadable,
        added=counts[Outcome.ADDED],
        updated=counts[Outcome.UPDATED],
        unchanged=counts[Outcome.UNCHANGED] + kept_local,
        kept_local=kept_local,
        orphaned=orphaned,
        dry_run=dry_run,
        conflicts=counts[Outcome.CONFLICT],
        trimmed=sum(item.trimmed for item in incoming),
        skipped=tuple(skipped),
    )
