"""The whole comparison of a set of articles, as the panel, the JSON, Markdown and HTML show it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..analysis import LibraryAnalysis
from ..articles import Article
from ..text.shortening import cut_at_word, one_line
from .epithets import PersonEpithets, epithet_table
from .passages import SharedPassages, sentences_of, shared_passages
from .voices import OutletVoices, only_one_outlet, voices
from .wording import changed_words

REPORT_VERSION = 1
LABEL_LIMIT = 32


def outlet_label(article: Article) -> str:
    """What a table column calls an article: its outlet, else its title, shortened."""
    return cut_at_word(one_line(article.source or article.display_title), LABEL_LIMIT)


@dataclass(frozen=True, slots=True)
class QuoteRendering:
    article_id: str
    text: str
    speaker: str | None
    changed: tuple[str, ...]  # words not in the group's first rendering


@dataclass(frozen=True, slots=True)
class QuoteComparison:
    id: str
    speaker: str | None
    renderings: tuple[QuoteRendering, ...]


@dataclass(frozen=True, slots=True)
class FramingReport:
    articles: tuple[Article, ...]
    epithets: tuple[PersonEpithets, ...]
    voices: tuple[OutletVoices, ...]
    only_quoted_by: dict[str, list[str]]
    shared: SharedPassages
    quote_groups: tuple[QuoteComparison, ...]

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.articles)

    def to_json(self) -> dict[str, object]:
        return {
            "version": REPORT_VERSION,
            "articles": [
                {"id": a.id, "title": a.title, "source": a.source, "date": a.date, "words": a.words}
                for a in self.articles
            ],
            "epithets": [p.to_json() for p in self.epithets],
            "voices": {
                "outlets": [v.to_json() for v in self.voices],
                "only_one_outlet": self.only_quoted_by,
            },
            "shared": self.shared.to_json(),
            "quote_groups": [
                {
                    "id": group.id,
                    "speaker": group.speaker,
                    "renderings": [
                        {"article": r.article_id, "text": r.text, "speaker": r.speaker, "changed": list(r.changed)}
                        for r in group.renderings
                    ],
                }
                for group in self.quote_groups
            ],
        }


def framing_report(library_analysis: LibraryAnalysis, articles: Sequence[Article]) -> FramingReport:
    """Compare the articles (each must have an analysis in `library_analysis`)."""
    ids = [a.id for a in articles]
    outlets = voices(library_analysis, ids)
    passages = {
        a.id: sentences_of(
            a.id,
            a.body,
            [(s.start, s.end) for s in library_analysis.article(a.id).sentences],
            library_analysis.article(a.id).boilerplate,
        )
        for a in articles
    }
    groups = []
    for group in library_analysis.groups():
        members = [ref for ref in group.members if ref.article_id in ids]
        if len({ref.article_id for ref in members}) < 2:
            continue
        reference = members[0].quote.text
        groups.append(
            QuoteComparison(
                group.id,
                group.speaker,
                tuple(
                    QuoteRendering(
                        ref.article_id,
                        ref.quote.text,
                        ref.quote.speaker,
                        tuple(changed_words(reference, ref.quote.text)) if n else (),
                    )
                    for n, ref in enumerate(members)
                ),
            )
        )
    return FramingReport(
        articles=tuple(articles),
        epithets=tuple(epithet_table(library_analysis, ids)),
        voices=tuple(outlets),
        only_quoted_by=dict(only_one_outlet(outlets)),
        shared=shared_passages(passages).with_paragraphs({a.id: a.paragraphs for a in articles}),
        quote_groups=tuple(groups),
    )
