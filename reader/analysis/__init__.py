"""Analysis: entities, sentences and quotations (with speakers) of articles, and the library's
view across them (canonical names, role nouns, the same quotation in several outlets).

No UI in here. Every offset indexes `article.body`.

The results' types are imported at once; the rest when first used (PEP 562): the rules behind
`analyze_article` and `LibraryAnalysis` take a fifth of a second to import, which the app's
start, needing only the results' types, does not wait for.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .results import (
    INDIRECT,
    SPEAKER_KINDS,
    SPEECH,
    TERM,
    ArticleAnalysis,
    Entity,
    Quote,
    RoleLink,
    RoleMention,
    Sentence,
)

if TYPE_CHECKING:
    from .analyze import analyze_article, analyze_spans
    from .cache import RULES_VERSION, AnalysisCache, analyze_cached
    from .grouping import QuoteRef
    from .library_analysis import EntityEntry, LibraryAnalysis, QuoteGroup

_LATER = {
    "analyze_article": "analyze",
    "analyze_spans": "analyze",
    "RULES_VERSION": "cache",
    "AnalysisCache": "cache",
    "analyze_cached": "cache",
    "QuoteRef": "grouping",
    "EntityEntry": "library_analysis",
    "LibraryAnalysis": "library_analysis",
    "QuoteGroup": "library_analysis",
}

__all__ = [
    "INDIRECT",
    "RULES_VERSION",
    "SPEAKER_KINDS",
    "SPEECH",
    "TERM",
    "AnalysisCache",
    "ArticleAnalysis",
    "Entity",
    "EntityEntry",
    "LibraryAnalysis",
    "Quote",
    "QuoteGroup",
    "QuoteRef",
    "RoleLink",
    "RoleMention",
    "Sentence",
    "analyze_article",
    "analyze_cached",
    "analyze_spans",
]


def __getattr__(name: str) -> Any:
    home = _LATER.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{home}", __name__), name)
    globals()[name] = value  # once: later lookups do not come here
    return value
