"""The project's own JSON format: every field of every annotation, its article and anchoring state.

Indented for people and diffs, and written in one orjson call (the json module needs several
seconds for 100,000 annotations; orjson a fraction of one).
The schema is in schema/reader-annotations.schema.json.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from .. import __version__
from ..annotations import AnchorState, Annotation, TagError, TextPosition, TextQuote, clean_tags
from ..articles import Article
from .fields import (
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
    return [
        _parse_item(value, f"annotations[{index}]")
        for index, value in enumerate(need_list(document["annotations"], "annotations"))
    ]


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
        f"{where}.selectors.position",
        f"{where}.selectors.quote",
        revision=revision,
        ancestors=ancestors,
        trimmed=cut_prefix or cut_suffix,
    )
