"""W3C Web Annotation (JSON-LD): an AnnotationCollection with one embedded AnnotationPage.

Each annotation has its tags as TextualBody bodies with purpose "tagging", its note as a
TextualBody with purpose "commenting", and a target whose source is the article — its URL when the
article has one, else `urn:reader:article:<id>` — with a TextQuoteSelector and a
TextPositionSelector at its place in the current text (a re-anchored passage at its new offsets,
its quote from the current text); an orphan keeps its stored quote and no position (its offsets
belong to a text that is gone). Each target names the text version its selectors refer to
(`reader:textVersion`) and the anchoring state (`reader:anchor`), terms of reader's own context.
The AnnotationPage has the `id` the model requires.

Reading accepts a collection, a page, one annotation or a list of them, as annotation servers
produce (Hypothesis's own formats are hypothesis.py). What reader cannot hold is skipped and
reported, one line each, and the rest imported: an annotation without a selector (a page
note), a reply (motivation "replying", or a target that is another annotation), a passage given
only by a selector that is not about text. A body that is a link (an IRI, or a resource without
a value) is kept as its address in the note; a selector refined by a TextQuoteSelector
(`refinedBy`, e.g. a FragmentSelector for a paragraph) is found by that quote.
"""

from __future__ import annotations

import re
import uuid
from typing import Any
from urllib.parse import quote, unquote

import orjson

from .. import __version__
from ..annotations import (
    AnchorState,
    Annotation,
    TagError,
    TextPosition,
    TextQuote,
    clean_tags,
    quote_at,
    utc_now,
)
from .fields import (
    ImportRefused,
    Incoming,
    NotRepresentable,
    need_context,
    need_int,
    need_list,
    need_object,
    need_passage,
    need_str,
    need_time,
    type_name,
)
from .items import ExportItem

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
READER_TERMS = {"reader": "urn:reader:terms:"}
ARTICLE_URN = "urn:reader:article:"
_UUID_URN = re.compile(r"^urn:uuid:([0-9a-fA-F-]{36})$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def article_iri(article_id: str, url: str = "") -> str:
    return url or ARTICLE_URN + quote(article_id, safe="")


def article_id_from_iri(iri: str) -> str | None:
    """The article id in a urn:reader:article: IRI, else None (it may be a URL)."""
    return unquote(iri[len(ARTICLE_URN) :]) if iri.startswith(ARTICLE_URN) else None


def annotation_iri(annotation_id: str) -> str:
    return f"urn:uuid:{annotation_id}" if _UUID.match(annotation_id) else annotation_id


def annotation_id_from_iri(iri: str) -> str:
    match = _UUID_URN.match(iri)
    return match.group(1).lower() if match else iri


def to_web_annotation(item: ExportItem) -> dict[str, Any]:
    annotation, article = item.annotation, item.article
    bodies: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in annotation.tags
    ]
    if annotation.note:
        note: dict[str, Any] = {
            "type": "TextualBody",
            "purpose": "commenting",
            "value": annotation.note,
            "format": "text/plain",
        }
        if article and article.language:
            note["language"] = article.language
        bodies.append(note)
    web: dict[str, Any] = {
        "id": annotation_iri(annotation.id),
        "type": "Annotation",
        "motivation": "commenting" if annotation.note else "tagging" if annotation.tags else "highlighting",
        "created": annotation.created,
        "modified": annotation.updated,
    }
    if annotation.author:
        web["creator"] = {"type": "Person", "name": annotation.author}
    if bodies:
        web["body"] = bodies
    anchor = item.anchor
    quote, version = annotation.quote, annotation.article_version
    selectors: list[dict[str, Any]] = []
    if article is not None and anchor.start is not None and anchor.end is not None:
        if anchor.state is AnchorState.REANCHORED:
            quote, version = quote_at(article.body, anchor.start, anchor.end), article.version
        selectors.append({"type": "TextPositionSelector", "start": anchor.start, "end": anchor.end})
    selectors.insert(
        0, {"type": "TextQuoteSelector", "exact": quote.exact, "prefix": quote.prefix, "suffix": quote.suffix}
    )
    web["target"] = {
        "source": article_iri(annotation.article_id, article.url if article else ""),
        "selector": selectors,
        "reader:textVersion": version,
        "reader:anchor": anchor.state.value,
    }
    return web


def dumps(items: list[ExportItem], exported: str) -> bytes:
    collection = {
        "@context": [CONTEXT, READER_TERMS],
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": "AnnotationCollection",
        "label": "reader annotations",
        "total": len(items),
        "generator": {"type": "Software", "name": f"reader {__version__}"},
        "generated": exported,
        "first": {
            "id": f"urn:uuid:{uuid.uuid4()}",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": [to_web_annotation(item) for item in items],
        },
    }
    return orjson.dumps(collection, option=orjson.OPT_INDENT_2) + b"\n"


def _types(value: dict[str, Any]) -> set[str]:
    kind = value.get("type", value.get("@type"))
    return set(kind) if isinstance(kind, list) else {kind} if isinstance(kind, str) else set()


def is_w3c(document: Any) -> bool:
    if isinstance(document, list):
        return all(isinstance(item, dict) and "Annotation" in _types(item) for item in document) and bool(document)
    if not isinstance(document, dict):
        return False
    context = document.get("@context")
    contexts = context if isinstance(context, list) else [context]
    return CONTEXT in contexts or bool(_types(document) & {"Annotation", "AnnotationCollection", "AnnotationPage"})


def parse(document: Any, skipped: list[str] | None = None) -> list[Incoming]:
    """Annotations of a W3C document; ImportRefused names the first problem and where it is.

    With `skipped`, annotations reader cannot hold (NotRepresentable) are left out and described
    there instead of refusing the file."""
    values, where = _annotation_values(document)
    found: list[Incoming] = []
    for index, value in enumerate(values):
        try:
            found.append(_parse_annotation(value, where(index)))
        except NotRepresentable as reason:
            if skipped is None:
                raise
            skipped.append(str(reason))
    return found


def _annotation_values(document: Any) -> tuple[list[Any], Any]:
    """The annotation objects of a document and how to name the n-th one's place."""
    if isinstance(document, list):
        return document, lambda index: f"[{index}]"
    types = _types(document)
    if "AnnotationCollection" in types:
        first = document.get("first")
        if isinstance(first, str):
            raise ImportRefused(
                "first: the collection links to its pages instead of embedding them; export it with items embedded"
            )
        page = need_object(first, "first")
        return need_list(page.get("items"), "first.items"), lambda index: f"first.items[{index}]"
    if "AnnotationPage" in types:
        return need_list(document.get("items"), "items"), lambda index: f"items[{index}]"
    if "Annotation" in types:
        return [document], lambda index: "annotation"
    raise ImportRefused("type: not an Annotation, AnnotationPage or AnnotationCollection")


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _parse_annotation(value: Any, where: str) -> Incoming:
    web = need_object(value, where)
    annotation_id = annotation_id_from_iri(need_str(web, "id", where))
    if "replying" in _as_list(web.get("motivation")):
        raise NotRepresentable(f"{where}: a reply (motivation replying) — reader keeps notes on passages, not threads")
    tags: list[str] = []
    notes: list[str] = []
    if "bodyValue" in web:
        notes.append(need_str(web, "bodyValue", where))
    for index, body in enumerate(_as_list(web.get("body"))):
        here = f"{where}.body[{index}]" if isinstance(web.get("body"), list) else f"{where}.body"
        kind, text = _body(body, here)
        (tags if kind == "tag" else notes).append(text)
    target = _pick_target(web.get("target"), f"{where}.target")
    source = need_str(target, "source", f"{where}.target")
    quote_selector, position_selector = _selectors(target, f"{where}.target")
    exact = prefix = suffix = ""
    trimmed = False
    if quote_selector is not None:
        exact = need_passage(quote_selector, "exact", f"{where}.target.selector")
        prefix, cut_prefix = need_context(quote_selector, "prefix", f"{where}.target.selector", keep_end=True)
        suffix, cut_suffix = need_context(quote_selector, "suffix", f"{where}.target.selector", keep_end=False)
        trimmed = cut_prefix or cut_suffix
    if position_selector is not None:
        start = need_int(position_selector, "start", f"{where}.target.selector")
        end = need_int(position_selector, "end", f"{where}.target.selector")
        if end <= start:
            raise ImportRefused(f"{where}.target.selector: end {end} is not after start {start}")
    else:
        start, end = 0, len(exact)  # no position: the quote is searched for in the whole text
    created = need_time(web, "created", where, "") or utc_now()
    try:
        cleaned_tags = clean_tags(tags)
    except TagError as error:
        raise ImportRefused(f"{where}.body: {error}") from None
    return Incoming(
        Annotation(
            id=annotation_id,
            article_id=article_id_from_iri(source) or "",
            article_version="",  # W3C carries no text version: the importer anchors by quote
            position=TextPosition(start, end),
            quote=TextQuote(exact, prefix, suffix),
            tags=cleaned_tags,
            note="\n\n".join(notes),
            author=_author(web.get("creator"), f"{where}.creator"),
            created=created,
            updated=need_time(web, "modified", where, "") or created,
        ),
        where,
        f"{where}.target.selector",
        f"{where}.target.selector",
        source,
        trimmed=trimmed,
    )


def _author(creator: Any, where: str) -> str:
    """The creator's name: a string, or an Agent's name, nickname or id (text; nothing else)."""
    if creator is None:
        return ""
    if isinstance(creator, list):  # several creators: the first one is the author
        return _author(creator[0], f"{where}[0]") if creator else ""
    if isinstance(creator, str):
        return creator
    agent = need_object(creator, where)
    for key in ("name", "nickname", "id"):
        if key in agent and (value := need_str(agent, key, where)):
            return value
    return ""


def _body(body: Any, where: str) -> tuple[str, str]:
    """("tag" or "note", text) of one body: a TextualBody's value, or a link's address (a body
    that is an IRI, or a resource without a value — kept as its address in the note)."""
    if isinstance(body, str):
        return "note", body
    body = need_object(body, where)
    if "TextualBody" in _types(body) or "value" in body:
        text = need_str(body, "value", where)
        return ("tag" if "tagging" in _as_list(body.get("purpose")) else "note"), text
    for key in ("id", "source", "@id"):
        if isinstance(body.get(key), str) and body[key]:
            return "note", body[key]
    raise NotRepresentable(f"{where}: a body with neither a value nor an address")


def _pick_target(value: Any, where: str) -> dict[str, Any]:
    if isinstance(value, str):
        raise NotRepresentable(
            f"{where}: names only a resource, with no selector saying which passage (a page note or a reply)"
        )
    targets = value if isinstance(value, list) else [value]
    for target in targets:
        if isinstance(target, dict) and "selector" in target:
            return target
    if not targets or not all(isinstance(target, dict | str) for target in targets):
        raise ImportRefused(f"{where}: no target with a selector (found {type_name(value)})")
    raise NotRepresentable(f"{where}: a note on the whole page (no target has a selector saying which passage)")


def _flattened(selectors: list[Any]) -> list[tuple[dict[str, Any], bool]]:
    """Every selector with whether it refines another (refinedBy chains followed, depth-bounded)."""
    found: list[tuple[dict[str, Any], bool]] = []
    for selector in selectors:
        refined, depth = False, 0
        while isinstance(selector, dict) and depth < 8:
            found.append((selector, refined))
            selector, refined, depth = selector.get("refinedBy"), True, depth + 1
    return found


def _selectors(target: dict[str, Any], where: str) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """The text quote and text position selectors of a target. A position that refines another
    selector (offsets inside a paragraph, say) is not an offset into the text and is not used."""
    quote_selector = position_selector = None
    kinds_seen: list[str] = []
    for selector, refined in _flattened(_as_list(target.get("selector"))):
        kinds = _types(selector)
        kinds_seen.extend(sorted(kinds))
        if "TextQuoteSelector" in kinds and quote_selector is None:
            quote_selector = selector
        elif "TextPositionSelector" in kinds and position_selector is None and not refined:
            position_selector = selector
    if quote_selector is None and position_selector is None:
        named = ", ".join(dict.fromkeys(kinds_seen)) or "none"
        raise NotRepresentable(
            f"{where}.selector: the passage is given only by {named}; reader needs a TextQuoteSelector or a "
            "TextPositionSelector on the text (also inside refinedBy)"
        )
    return quote_selector, position_selector
