"""The store's annotations at one moment, to read in another thread (an export in the app), and
how annotations are listed with their anchors: by article, in reading order, orphans last."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from ..articles import Article
from .anchoring import AnchoredAnnotation, locate, orphan
from .model import Annotation


def reading_order(hit: AnchoredAnnotation) -> tuple[int, int, int, str]:
    """Anchored passages by position, then orphans by where they were."""
    if hit.anchor.start is None:
        return (1, hit.annotation.start, hit.annotation.end, hit.annotation.created)
    return (0, hit.anchor.start, hit.anchor.end or 0, hit.annotation.created)


def anchor_by_article(
    by_article: Mapping[str, Iterable[Annotation]],
    articles: Iterable[Article],
    for_article: Callable[[Article], list[AnchoredAnnotation]],
) -> list[AnchoredAnnotation]:
    """Every annotation with its anchor, by article id; those whose article is not among
    `articles` are orphans. `for_article` anchors the annotations of one article in its text."""
    known = {article.id: article for article in articles}
    result: list[AnchoredAnnotation] = []
    for article_id in sorted(by_article):
        article = known.get(article_id)
        if article is not None:
            result.extend(for_article(article))
            continue
        gone = orphan(f"the article {article_id!r} is not in the library any more")
        result.extend(sorted((AnchoredAnnotation(a, gone) for a in by_article[article_id]), key=reading_order))
    return result


@dataclass(frozen=True)
class StoreSnapshot:
    """A copy of what the store held (annotations are immutable, so the copy is cheap): any thread
    may read it while the store itself goes on changing on the app's thread."""

    by_article: Mapping[str, tuple[Annotation, ...]]

    def __len__(self) -> int:
        return sum(len(annotations) for annotations in self.by_article.values())

    def anchor_all(self, articles: Iterable[Article]) -> list[AnchoredAnnotation]:
        """As AnnotationStore.anchor_all, without its cache."""
        return anchor_by_article(self.by_article, articles, self._for_article)

    def _for_article(self, article: Article) -> list[AnchoredAnnotation]:
        annotations = self.by_article.get(article.id, ())
        anchored = (AnchoredAnnotation(a, locate(article.body, article.version, a)) for a in annotations)
        return sorted(anchored, key=reading_order)
