"""Analysis: entities, sentences and quotations (with speakers) of articles, and the library's
view across them (canonical names, role nouns, the same quotation in several outlets).

No UI in here. Every offset indexes `article.body`.
"""

from .analyze import analyze_article, analyze_spans
from .cache import RULES_VERSION, AnalysisCache, analyze_cached
from .grouping import QuoteRef
from .library_analysis import EntityEntry, LibraryAnalysis, QuoteGroup
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
