"""The analysis cache: one JSON file per (article version, pipeline fingerprint, rules version).

Opening an analysed article reads one small file and runs no spaCy. Editing the text changes
the version, another pipeline changes the fingerprint, a change to the rules bumps
RULES_VERSION: each makes a new file name, so a stale analysis is never read. Writes go to a
temporary file that replaces the target atomically. What is read is verified, never trusted:
an unreadable or damaged file (nested too deep, a value of the wrong type, an offset beyond the
text or a span that does not read as recorded) counts as a miss and is recomputed, never a crash.
"""

from __future__ import annotations

import hashlib
import json
from contextlib import suppress
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import orjson

from ..atomic_files import replace_atomically
from ..regular_files import FileRefused, read_regular_file
from .results import ArticleAnalysis

if TYPE_CHECKING:
    from spacy.language import Language

    from ..articles import Article

MAX_FILE_BYTES = 512 * 1024 * 1024  # far more than the analysis of the longest article allowed
RULES_VERSION = 40  # bump when a rule change (here, in reader/text/ or in reader/nlp/components/) alters analyses
CACHE_SUBDIR = "analysis"


class PipelineInfoLike(Protocol):
    @property
    def fingerprint(self) -> str: ...


class PipelineLike(Protocol):
    """What `analyze_cached` needs of reader.nlp.pipeline.LoadedPipeline."""

    # read-only members: a frozen dataclass with a PipelineInfo (a subtype) matches
    @property
    def nlp(self) -> Language: ...
    @property
    def info(self) -> PipelineInfoLike: ...


class AnalysisCache:
    def __init__(self, cache_dir: Path) -> None:
        """`cache_dir` is the settings' cache folder; analyses live in its `analysis/` folder."""
        self.root = Path(cache_dir) / CACHE_SUBDIR

    def path_for(self, version: str, fingerprint: str) -> Path:
        pipeline = hashlib.sha256(fingerprint.encode("utf-8")).hexdigest()[:16]
        return self.root / f"{version}-{pipeline}-r{RULES_VERSION}.json"

    def get(self, article: Article, fingerprint: str) -> ArticleAnalysis | None:
        """The cached analysis of this text under this pipeline, or None: missing, unreadable,
        damaged (any wrong type, any offset off the text) or made for another text."""
        path = self.path_for(article.version, fingerprint)
        try:
            analysis = ArticleAnalysis.from_json(orjson.loads(read_regular_file(path, MAX_FILE_BYTES)))
        except (OSError, FileRefused, ValueError):  # orjson refuses nesting too deep: no RecursionError
            return None
        if analysis.version != article.version or analysis.fingerprint != fingerprint:
            return None
        if not analysis.fits(article.body):
            return None
        if analysis.article_id != article.id:  # same text under another id or path
            analysis = replace(analysis, article_id=article.id)
        return analysis

    def put(self, analysis: ArticleAnalysis) -> Path:
        """Store atomically: a reader never sees a half-written file."""
        path = self.path_for(analysis.version, analysis.fingerprint)
        self.root.mkdir(parents=True, exist_ok=True)
        data = json.dumps(analysis.to_json(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        replace_atomically(path, data, durable=False)  # a cache: recomputed if a power cut loses it
        return path


def analyze_cached(article: Article, pipeline: PipelineLike, cache: AnalysisCache) -> ArticleAnalysis:
    """The article's analysis from the cache, else computed with the pipeline and stored."""
    fingerprint = pipeline.info.fingerprint
    cached = cache.get(article, fingerprint)
    if cached is not None:
        return cached
    from .analyze import analyze_article  # here: the rules take long to import, and reading the cache needs none

    analysis = analyze_article(article, pipeline.nlp, fingerprint)
    with suppress(OSError):  # a read-only or full cache folder costs speed, not the analysis
        cache.put(analysis)
    return analysis
