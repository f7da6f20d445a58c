"""Intercoder agreement on the library: which coder applied which code to which sentence.

The unit is the sentence, by reader/text's sentence rule (segments.sentence_spans: the same
sentences for every coder, no pipeline needed). A coder applied code C to a sentence when one of
their passages carrying C overlaps the sentence by at least one character: a passage over three
sentences codes all three, two passages in one sentence code it once. A coder rated the
sentences of every article they coded at all (one annotation on it, any code): a sentence they
did not code there is a "not C" (0), while an article they never touched is missing data for them.
Per code the data are binary (applied or not); "overall" pools every code's sentence decisions.
Orphaned passages (not found in the current text) are left out: they have no sentence.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..annotations import AnchoredAnnotation, tag_key
from ..articles import Article
from ..text.segments import sentence_spans
from .reliability import Ratings, cohens_kappa, krippendorffs_alpha, percent_agreement

UNIT = "sentence (reader/text sentence rule); a passage codes every sentence it overlaps by at least one character"

Unit = tuple[str, int]  # (article id, sentence index)


@dataclass(frozen=True, slots=True)
class Disagreement:
    article_id: str
    sentence: int  # index in the article's sentences
    start: int
    end: int
    code: str
    applied_by: tuple[str, ...]
    not_by: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Figures:
    code: str  # "" for overall
    units: int  # sentences rated by two coders or more
    applied: int  # (sentence, coder) pairs with the code applied
    percent_agreement: float | None
    cohens_kappa: float | None  # two coders only
    krippendorffs_alpha: float | None


@dataclass(frozen=True, slots=True)
class AgreementReport:
    coders: tuple[str, ...]
    articles: tuple[str, ...]  # articles coded by two of the coders or more
    per_code: tuple[Figures, ...]
    overall: Figures
    disagreements: tuple[Disagreement, ...]
    unit: str = UNIT
    skipped_orphans: int = 0
    notes: tuple[str, ...] = field(default=())


def authors_in(hits: Iterable[AnchoredAnnotation]) -> list[str]:
    return sorted({hit.annotation.author for hit in hits})


def agreement(
    hits: Sequence[AnchoredAnnotation], articles: Iterable[Article], coders: Sequence[str] | None = None
) -> AgreementReport:
    """Agreement of `coders` (default: every author) over the articles two or more of them coded."""
    by_id = {article.id: article for article in articles}
    chosen = tuple(coders) if coders else tuple(authors_in(hits))
    wanted = set(chosen)
    located = [h for h in hits if h.annotation.author in wanted and h.annotation.article_id in by_id]
    orphans = sum(1 for h in located if h.anchor.start is None)
    located = [h for h in located if h.anchor.start is not None]
    coded_by: dict[str, set[str]] = {}
    for hit in located:
        coded_by.setdefault(hit.annotation.article_id, set()).add(hit.annotation.author)
    shared = sorted(article_id for article_id, who in coded_by.items() if len(who) >= 2)
    spelling: dict[str, str] = {}
    applied: dict[str, dict[Unit, set[str]]] = {}  # code key -> unit -> coders who applied it
    sentences: dict[str, list[tuple[int, int]]] = {}
    for article_id in shared:
        sentences[article_id] = sentence_spans(by_id[article_id].body) or [(0, len(by_id[article_id].body))]
    for hit in located:
        article_id = hit.annotation.article_id
        if article_id not in sentences:
            continue
        assert hit.anchor.start is not None and hit.anchor.end is not None
        for tag in hit.annotation.tags:
            key = tag_key(tag)
            spelling.setdefault(key, tag)
            units = applied.setdefault(key, {})
            for index in _overlapping(sentences[article_id], hit.anchor.start, hit.anchor.end):
                units.setdefault((article_id, index), set()).add(hit.annotation.author)
    codes = sorted(applied, key=lambda key: spelling[key].casefold())
    per_code: list[Figures] = []
    pooled: dict[tuple[str, str, int], dict[str, int]] = {}
    disagreements: list[Disagreement] = []
    for key in codes:
        ratings: dict[Unit, dict[str, int]] = {}
        for article_id in shared:
            raters = sorted(coded_by[article_id])
            for index, (start, end) in enumerate(sentences[article_id]):
                who = applied[key].get((article_id, index), set())
                values = {coder: int(coder in who) for coder in raters}
                ratings[(article_id, index)] = values
                pooled[(key, article_id, index)] = values
                if 0 < len(who) < len(raters):
                    disagreements.append(
                        Disagreement(
                            article_id,
                            index,
                            start,
                            end,
                            spelling[key],
                            tuple(sorted(who)),
                            tuple(c for c in raters if c not in who),
                        )
                    )
        per_code.append(_figures(spelling[key], ratings, chosen))
    disagreements.sort(key=lambda d: (d.article_id, d.start, d.code.casefold()))
    notes: list[str] = []
    if len(chosen) < 2:
        notes.append("agreement needs two coders or more (authors of annotations)")
    elif not shared:
        notes.append("no article was coded by two of the coders or more")
    return AgreementReport(
        chosen,
        tuple(shared),
        tuple(per_code),
        _figures("", pooled, chosen),
        tuple(disagreements),
        skipped_orphans=orphans,
        notes=tuple(notes),
    )


def _figures(code: str, ratings: Ratings, coders: Sequence[str]) -> Figures:
    units = sum(1 for values in ratings.values() if len(values) >= 2)
    applied = sum(int(value) for values in ratings.values() for value in values.values())
    kappa = cohens_kappa(ratings, coders[0], coders[1]) if len(coders) == 2 else None
    return Figures(code, units, applied, percent_agreement(ratings), kappa, krippendorffs_alpha(ratings))


def _overlapping(spans: list[tuple[int, int]], start: int, end: int) -> range:
    """Indexes of the spans that share a character with start–end (spans sorted, not overlapping)."""
    first = bisect.bisect_right([span_end for _, span_end in spans], start)
    last = bisect.bisect_left([span_start for span_start, _ in spans], end)
    return range(first, last)
