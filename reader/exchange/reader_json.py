"""The project's own JSON format: every field of every annotation, its article and anchoring state.

Indented for people and diffs, and written in one orjson call (the json module needs several
seconds for 100,000 annotations; orjson a fraction of one).
The schema is in schema/reader-annotations.schema.json.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, TypeGuard

import msgspec
import orjson

from .. import __version__
from ..annotations import (
    MAX_OFFSET,
    MAX_PASSAGE_CHARS,
    QUOTE_CONTEXT_CHARS,
    AnchorState,
    Annotation,
    TagError,
    TextPosition,
    TextQuote,
    clean_tags,
)
from ..annotations.model import assembled, built
from ..annotations.revisions import MAX_ANCESTORS, REVISION_CHARS, content_revision, file_lineage
from ..annotations.times import STORED_TIME, future_limit
from ..articles import Article
from .fields import (
    REVISION_PATTERN,
    ImportRefused,
    Incoming,
    need_context,
    need_int,
    need_lineage,
    need_list,
    need_object,
    need_passage,
    need_str,
    need_str_list,
    need_time,
)
from .items import ExportItem

FORMAT_NAME = "reader-annotations"
FORMAT_VERSION = 1
SCHEMA_PATH = Path(__file__).with_name("schema") / "reader-annotations.schema.json"
_STATE_NAMES = {state: state.value for state in AnchorState}
_HEX_DIGITS = "0123456789abcdef"


def article_json(article_id: str, article: Article | None, version: str) -> dict[str, Any]:
    return {
        "id": article_id,
        "title": article.title if article else "",
        "source": article.source if article else "",
        "date": article.date if article else "",
        "url": article.url if article else "",
        "version": version,
    }


def item_json(item: ExportItem, article: dict[str, Any] | None = None) -> dict[str, Any]:
    """One annotation as the JSON export (and `reader annotations --json`) shows it.

    `article` may pass a ready article record (shared by many annotations, for speed).
    """
    annotation, anchor, current = item.annotation, item.anchor, item.article
    quote = annotation.quote
    return {
        "id": annotation.id,
        "article": article or article_json(annotation.article_id, current, annotation.article_version),
        "selectors": {
            "position": {"start": annotation.position.start, "end": annotation.position.end},
            "quote": {"exact": quote.exact, "prefix": quote.prefix, "suffix": quote.suffix},
        },
        "tags": annotation.tags,
        "note": annotation.note,
        "color": annotation.colour,
        "author": annotation.author,
        "created": annotation.created,
        "updated": annotation.updated,
        "revision": annotation.revision,
        "ancestors": annotation.ancestors,
        "anchor": {
            "state": _STATE_NAMES[anchor.state],
            "start": anchor.start,
            "end": anchor.end,
            "version": current.version if current else None,
        },
    }


def dumps(items: list[ExportItem], exported: str) -> bytes:
    # One article record per (article, current version), shared by the annotations made on it.
    shared = {
        (article.id, article.version): article_json(article.id, article, article.version)
        for article in {item.article.id: item.article for item in items if item.article}.values()
    }
    document = {
        "format": FORMAT_NAME,
        "schema": FORMAT_VERSION,
        "generator": f"reader {__version__}",
        "exported": exported,
        "annotations": [
            item_json(item, shared.get((item.annotation.article_id, item.annotation.article_version))) for item in items
        ],
    }
    return orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n"


def is_reader_json(document: Any) -> bool:
    return isinstance(document, dict) and document.get("format") == FORMAT_NAME


def parse(document: dict[str, Any]) -> list[Incoming]:
    """The annotations of a reader JSON export; ImportRefused names the first problem."""
    schema = document.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise ImportRefused("schema: missing or not a number")
    if schema > FORMAT_VERSION:
        raise ImportRefused(
            f"schema: version {schema} is newer than this reader understands ({FORMAT_VERSION}); update reader"
        )
    if schema < 1:
        raise ImportRefused(f"schema: version {schema} does not exist")
    if "annotations" not in document:
        raise ImportRefused("annotations: missing")
    items = need_list(document["annotations"], "annotations")
    plain = _PlainItems()
    parsed = []
    for index, value in enumerate(items):
        where = f"annotations[{index}]"
        parsed.append(plain.parse(value, where) or _parse_item(value, where))
    return parsed


class _Article(msgspec.Struct, gc=False):
    id: str
    version: str


class _Selectors(msgspec.Struct, gc=False):
    position: TextPosition  # (decoded as the dataclasses themselves: nothing to build again)
    quote: TextQuote


class _Item(msgspec.Struct, gc=False):
    id: str
    article: _Article
    selectors: _Selectors
    tags: tuple[str, ...]  # (tuples: the key of the cleaned tags' cache, and sliced without a copy)
    note: str
    author: str
    created: str
    updated: str
    revision: str
    ancestors: tuple[str, ...]


class _Document(msgspec.Struct, gc=False):
    format: str
    schema: int
    annotations: list[_Item]


_DECODER = msgspec.json.Decoder(_Document)


def parse_plain(raw: bytes) -> list[Incoming] | None:
    """The annotations of a reader JSON export whose every item is in the common form (see
    _PlainItems), decoded in one pass by a typed decoder that checks the types as it reads
    (100,000 items: the JSON load and the field checks ~2.3 → ~0.7 s); None for anything else —
    another format, a malformed file, one unusual item — which `parse` then reads and names what
    is wrong. Accepts only what `parse` accepts, and gives the same Incoming."""
    try:
        document = _DECODER.decode(raw)
    except (msgspec.MsgspecError, RecursionError):
        return None
    if document.format != FORMAT_NAME or document.schema != FORMAT_VERSION:
        return None
    plain = _PlainItems()
    future, clean_tags_of, time_pattern, revision_pattern = (
        plain._future,
        plain._clean_tags,
        STORED_TIME.fullmatch,
        REVISION_PATTERN.fullmatch,
    )
    known_tags = plain._tags
    real_time = datetime.fromisoformat
    hex_digits = _HEX_DIGITS
    parsed: list[Incoming] = []
    append = parsed.append
    items = document.annotations
    items.reverse()
    take = items.pop  # each item let go once read: what it alone held is reused for the next ones
    for index in range(len(items)):
        item = take()
        position, quote, article = item.selectors.position, item.selectors.quote, item.article
        start, end, exact, prefix, suffix = position.start, position.end, quote.exact, quote.prefix, quote.suffix
        annotation_id, article_id, version, created, updated = (
            item.id,
            article.id,
            article.version,
            item.created,
            item.updated,
        )
        revision, ancestors = item.revision, item.ancestors
        if not (
            0 <= start < end <= MAX_OFFSET
            and 0 < len(exact) <= MAX_PASSAGE_CHARS
            and len(exact) == end - start
            and len(prefix) <= QUOTE_CONTEXT_CHARS
            and len(suffix) <= QUOTE_CONTEXT_CHARS
            and article_id
            and annotation_id.strip()
            and created <= future
            and time_pattern(created) is not None
            and (updated == created or (updated <= future and time_pattern(updated) is not None))
            # (a revision is REVISION_PATTERN: 16 characters, all of them hex digits, strip leaves none)
            and ((len(revision) == REVISION_CHARS and not revision.strip(hex_digits)) or not (revision or ancestors))
        ):
            return None
        try:
            real_time(created)
            if updated != created:
                real_time(updated)
        except ValueError:
            return None
        tags = known_tags.get(item.tags)  # (the few recurring lists: each cleaned once, as _clean_tags does)
        if tags is None:
            tags = clean_tags_of([*item.tags])
            if tags is None:
                return None
        if ancestors:
            for ancestor in ancestors:
                if revision_pattern(ancestor) is None:
                    return None
            declared = ancestors[:MAX_ANCESTORS]
        else:
            declared = ()
        note, author = item.note, item.author
        content = content_revision(
            annotation_id, article_id, version, start, end, exact, prefix, suffix, tags, note, author, created, updated
        )
        lineage = file_lineage(content, revision, declared) if declared or (revision and revision != content) else ()
        annotation = assembled(
            annotation_id, article_id, version, position, quote, tags, note, author, created, updated, content, lineage
        )
        record = {  # Annotation.to_record, from the fields at hand
            "article_id": article_id,
            "article_version": version,
            "start": start,
            "end": end,
            "exact": exact,
            "prefix": prefix,
            "suffix": suffix,
            "tags": [*tags],
            "note": note,
            "author": author,
            "created": created,
            "updated": updated,
            "rev": content,
            "ancestors": [*lineage],
        }
        append(Incoming(annotation, f"annotations[{index}]", "", "", "", revision, declared, False, True, record))
    return parsed


class _PlainItems:
    """The common item — every field present with its plain type, as reader writes it, times in
    the stored spelling, tags already clean, context within bounds — read in one pass without a
    call per field (100,000 items: 3.5 → ~1 s), its Annotation built by model.built. Anything
    else (an error, a missing optional field, an unusual but valid spelling) gives None, and
    `_parse_item` reads the item field by field and names what is wrong: this path accepts only
    what that one accepts, and produces the same Incoming."""

    def __init__(self) -> None:
        self._tags: dict[tuple[str, ...], tuple[str, ...] | None] = {}
        self._future = future_limit()

    def parse(self, item: Any, where: str) -> Incoming | None:
        try:  # only a dict answers a text key: anything else (a list, text, null) raises TypeError
            article, selectors = item["article"], item["selectors"]
            position, quote = selectors["position"], selectors["quote"]
            start, end = position["start"], position["end"]
            exact, prefix, suffix = quote["exact"], quote["prefix"], quote["suffix"]
            annotation_id, article_id, version = item["id"], article["id"], article["version"]
            note, author, created, updated = item["note"], item["author"], item["created"], item["updated"]
            raw_tags, revision, ancestors = item["tags"], item["revision"], item["ancestors"]
        except (KeyError, TypeError):
            return None
        if not (type(start) is type(end) is int and 0 <= start < end <= MAX_OFFSET):
            return None
        if not (
            # one chained comparison: every text field is a str
            str
            is type(exact)
            is type(prefix)
            is type(suffix)
            is type(annotation_id)
            is type(article_id)
            is type(version)
            is type(note)
            is type(author)
            is type(revision)
        ):
            return None
        if not (0 < len(exact) <= MAX_PASSAGE_CHARS and len(exact) == end - start):
            return None
        if not annotation_id.strip() or not article_id:
            return None
        if len(prefix) > QUOTE_CONTEXT_CHARS or len(suffix) > QUOTE_CONTEXT_CHARS:
            return None
        if not self._stored_time(created) or (updated != created and not self._stored_time(updated)):
            return None  # (an annotation never edited has one time twice: checked once)
        tags = self._clean_tags(raw_tags)
        if tags is None or type(ancestors) is not list:
            return None
        if revision and not REVISION_PATTERN.fullmatch(revision):
            return None
        for ancestor in ancestors:
            if type(ancestor) is not str or not REVISION_PATTERN.fullmatch(ancestor):
                return None
        if ancestors and not revision:
            return None
        declared = tuple(ancestors[:MAX_ANCESTORS])
        # The copy as in the file, with its revision and lineage, built once (importing._as_in_file).
        content = content_revision(
            annotation_id, article_id, version, start, end, exact, prefix, suffix, tags, note, author, created, updated
        )
        annotation = built(
            annotation_id,
            article_id,
            version,
            start,
            end,
            exact,
            prefix,
            suffix,
            tags,
            note,
            author,
            created,
            updated,
            content,
            file_lineage(content, revision, declared),
        )
        return Incoming(annotation, where, revision=revision, ancestors=declared, lineage_computed=True)

    def _stored_time(self, value: Any) -> TypeGuard[str]:
        """A time in the stored spelling that is a real time and not in the future."""
        if type(value) is not str or not STORED_TIME.fullmatch(value) or value > self._future:
            return False
        try:
            datetime.fromisoformat(value)
        except ValueError:
            return False
        return True

    def _clean_tags(self, raw: Any) -> tuple[str, ...] | None:
        """The cleaned tags (the same few lists recur: each is cleaned once), None if not plain.
        Only lists of text are remembered, so a remembered list is one of text."""
        if type(raw) is not list:
            return None
        key = tuple(raw)
        try:
            return self._tags[key]
        except KeyError:
            pass
        except TypeError:  # an unhashable member: not text
            return None
        if not all(type(tag) is str for tag in raw):
            return None
        try:
            self._tags[key] = clean_tags(raw)
        except TagError:
            return None
        return self._tags[key]


def _parse_item(value: Any, where: str) -> Incoming:
    item = need_object(value, where)
    article = need_object(item.get("article"), f"{where}.article")
    selectors = need_object(item.get("selectors"), f"{where}.selectors")
    position = need_object(selectors.get("position"), f"{where}.selectors.position")
    quote = need_object(selectors.get("quote"), f"{where}.selectors.quote")
    start = need_int(position, "start", f"{where}.selectors.position")
    end = need_int(position, "end", f"{where}.selectors.position")
    if end <= start:
        raise ImportRefused(f"{where}.selectors.position: end {end} is not after start {start}")
    exact = need_passage(quote, "exact", f"{where}.selectors.quote")
    if len(exact) != end - start:
        raise ImportRefused(
            f"{where}.selectors.quote.exact: has {len(exact)} characters but the position spans {end - start}"
        )
    annotation_id = need_str(item, "id", where)
    if not annotation_id.strip():
        raise ImportRefused(f"{where}.id: empty")
    article_id = need_str(article, "id", f"{where}.article")
    if not article_id:
        raise ImportRefused(f"{where}.article.id: empty")
    raw_tags = need_str_list(item, "tags", where)
    try:
        tags = clean_tags(raw_tags)
    except TagError as error:
        raise ImportRefused(f"{where}.tags: {error}") from None
    prefix, cut_prefix = need_context(quote, "prefix", f"{where}.selectors.quote", keep_end=True)
    suffix, cut_suffix = need_context(quote, "suffix", f"{where}.selectors.quote", keep_end=False)
    revision, ancestors = need_lineage(item, where)
    return Incoming(
        Annotation(
            id=annotation_id,
            article_id=article_id,
            article_version=need_str(article, "version", f"{where}.article"),
            position=TextPosition(start, end),
            quote=TextQuote(exact, prefix, suffix),
            tags=tags,
            note=need_str(item, "note", where, ""),
            author=need_str(item, "author", where, ""),
            created=need_time(item, "created", where),
            updated=need_time(item, "updated", where),
        ),
        where,
        revision=revision,
        ancestors=ancestors,
        trimmed=cut_prefix or cut_suffix,
    )
