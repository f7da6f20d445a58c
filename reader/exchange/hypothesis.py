"""Hypothesis's own JSON: the client's export and the API's annotations, read as reader annotations.

Two documents, as hypothesis/client and hypothesis/h write them:
- the client's "Export annotations" file: {"export_date", "export_userid", "client_version",
  "annotations": [API annotation…]};
- the API: a search result {"total", "rows": [API annotation…]}, one annotation, or a list.
An API annotation has `uri`, `text` (the note), `tags`, `user` ("acct:name@authority"),
`user_info.display_name`, `created`/`updated`, `references` (set on replies) and `target`:
[{"source", "selector": [RangeSelector, TextPositionSelector, TextQuoteSelector]}].

The quote is what counts: Hypothesis's positions are offsets into the web page's text, not into
the article body reader keeps, so an annotation is placed by its quote (the importer anchors it,
as for W3C). Replies and page notes (no selector) are skipped and reported, never a refusal.
"""

from __future__ import annotations

from typing import Any

from ..annotations import Annotation, TagError, TextPosition, TextQuote, clean_tags, utc_now
from .fields import (
    ImportRefused,
    Incoming,
    NotRepresentable,
    need_context,
    need_list,
    need_object,
    need_passage,
    need_str,
    need_time,
)


def _is_api_annotation(value: Any) -> bool:
    return isinstance(value, dict) and "target" in value and ("uri" in value or "user" in value)


def is_hypothesis(document: Any) -> bool:
    if isinstance(document, dict):
        if isinstance(document.get("annotations"), list) and (
            "export_userid" in document or "client_version" in document
        ):
            return True
        if isinstance(document.get("rows"), list) and "total" in document:
            return True
        return _is_api_annotation(document) and "@context" not in document and "type" not in document
    return isinstance(document, list) and bool(document) and all(_is_api_annotation(value) for value in document)


def parse(document: Any, skipped: list[str]) -> list[Incoming]:
    """The annotations of a Hypothesis document; what cannot be held is described in `skipped`."""
    if isinstance(document, list):
        values, label = document, ""
    elif isinstance(document.get("annotations"), list):
        values, label = document["annotations"], "annotations"
    elif isinstance(document.get("rows"), list):
        values, label = document["rows"], "rows"
    else:
        values, label = [document], ""
    found: list[Incoming] = []
    for index, value in enumerate(values):
        where = f"{label}[{index}]" if label else f"[{index}]" if isinstance(document, list) else "annotation"
        try:
            found.append(_annotation(value, where))
        except NotRepresentable as reason:
            skipped.append(str(reason))
    return found


def _author(web: dict[str, Any], where: str) -> str:
    info = web.get("user_info")
    if isinstance(info, dict) and isinstance(info.get("display_name"), str) and info["display_name"].strip():
        return info["display_name"].strip()
    user = need_str(web, "user", where, "")
    name = user.removeprefix("acct:")
    return name.split("@", 1)[0] if "@" in name else name


def _annotation(value: Any, where: str) -> Incoming:
    web = need_object(value, where)
    annotation_id = need_str(web, "id", where)
    if not annotation_id:
        raise ImportRefused(f"{where}.id: empty")
    references = web.get("references")
    if isinstance(references, list) and references:
        raise NotRepresentable(
            f"{where}: a reply to {references[-1]!s:.40} — reader keeps notes on passages, not threads"
        )
    targets = need_list(web.get("target", []), f"{where}.target")
    target = next((t for t in targets if isinstance(t, dict) and t.get("selector")), None)
    if target is None:
        raise NotRepresentable(f"{where}: a page note (no selector saying which passage)")
    selectors = [s for s in need_list(target.get("selector"), f"{where}.target[0].selector") if isinstance(s, dict)]
    quote = next((s for s in selectors if s.get("type") == "TextQuoteSelector"), None)
    if quote is None:
        raise NotRepresentable(
            f"{where}: no TextQuoteSelector (a Hypothesis position alone does not fit the article text)"
        )
    here = f"{where}.target.selector"
    exact = need_passage(quote, "exact", here)
    prefix, cut_prefix = need_context(quote, "prefix", here, keep_end=True)
    suffix, cut_suffix = need_context(quote, "suffix", here, keep_end=False)
    source = need_str(target, "source", f"{where}.target", "") or need_str(web, "uri", where, "")
    tags = [tag for tag in need_list(web.get("tags", []), f"{where}.tags") if isinstance(tag, str)]
    try:
        cleaned = clean_tags(tags)
    except TagError as error:
        raise ImportRefused(f"{where}.tags: {error}") from None
    created = need_time(web, "created", where, "") or utc_now()
    return Incoming(
        Annotation(
            id=annotation_id,
            article_id="",
            article_version="",  # placed by its quote: the importer anchors it in the current text
            position=TextPosition(0, len(exact)),
            quote=TextQuote(exact, prefix, suffix),
            tags=cleaned,
            note=need_str(web, "text", where, ""),
            author=_author(web, where),
            created=created,
            updated=need_time(web, "updated", where, "") or created,
        ),
        where,
        here,
        here,
        source,
        trimmed=cut_prefix or cut_suffix,
    )
