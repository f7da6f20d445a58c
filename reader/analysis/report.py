"""The JSON form of an article's analysis that `reader analyze --json` prints (a contract).

Fields named in the contract (id, text, entities[start, end, label, text, key],
quotes[start, end, text, kind, speaker, speaker_start, speaker_end]) are never renamed; the
others are additions. `quotes` holds quotations in marks only (score.py and other consumers count
every entry as a marked span); reported speech without marks is the separate `indirect` list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .library_analysis import LibraryAnalysis
from .results import INDIRECT, Quote

if TYPE_CHECKING:
    from ..articles import Article


def article_report(article: Article, library_analysis: LibraryAnalysis) -> dict[str, Any]:
    """One article's analysis, with library-wide keys, speakers and quote groups."""
    analysis = library_analysis.article(article.id)
    entity_keys = {entity.key for entity in analysis.entities}
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "version": analysis.version,
        "pipeline": analysis.fingerprint,
        "text": article.body,
        "sentences": [{"start": s.start, "end": s.end} for s in analysis.sentences],
        "entities": [
            {"start": e.start, "end": e.end, "label": e.label, "text": e.text, "key": e.key, "name": e.name}
            for e in analysis.entities
        ],
        "quotes": [
            quote_report(q, library_analysis.group_of(article.id, index), entity_keys)
            for index, q in enumerate(analysis.quotes)
        ],
        "indirect": [quote_report(q, None, entity_keys) for q in analysis.indirect],
        "boilerplate": [{"start": start, "end": end} for start, end in analysis.boilerplate],
    }


def quote_report(q: Quote, group: str | None, entity_keys: set[str]) -> dict[str, Any]:
    """One quotation (or reported clause) as JSON: the contract fields first, then additions."""
    return {
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "kind": q.kind,
        "speaker": q.speaker,
        "speaker_start": q.speaker_start,
        "speaker_end": q.speaker_end,
        "speaker_text": q.speaker_text,
        "speaker_kind": q.speaker_kind or None,
        "speaker_entity": q.speaker_key if q.speaker_key in entity_keys else None,
        "speaker_key": q.speaker_key,
        "speaker_via": q.speaker_via or None,
        "cue": q.cue,
        "cue_start": q.cue_start,
        "cue_end": q.cue_end,
        "open_mark": q.open_mark,
        "close_mark": q.close_mark,
        "closed": q.closed if q.kind != INDIRECT else None,
        "depth": q.depth,
        "continues": q.continues,
        "group": group,
        "boilerplate": q.boilerplate,
    }
