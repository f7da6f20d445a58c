"""The JSON form of an article's analysis that `reader analyze --json` prints (a contract).

Fields named in the contract (id, text, entities[start, end, label, text, key],
quotes[start, end, text, kind, speaker, speaker_start, speaker_end]) are never renamed; the
others are additions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .library import LibraryAnalysis

if TYPE_CHECKING:
    from ..library import Article


def article_report(article: Article, library: LibraryAnalysis) -> dict[str, Any]:
    """One article's analysis, with library-wide keys, speakers and quote groups."""
    analysis = library.article(article.id)
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
            {
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
                "closed": q.closed,
                "depth": q.depth,
                "continues": q.continues,
                "group": library.group_of(article.id, index),
            }
            for index, q in enumerate(analysis.quotes)
        ],
    }
