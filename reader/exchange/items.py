"""What every export format is made from: annotations with their article and anchoring state."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..annotations import Anchor, AnchoredAnnotation, Annotation, StoreError, tag_key
from ..annotations.storage import describe_os_error, write_atomically
from ..articles import Article


@dataclass(frozen=True, slots=True)
class ExportItem:
    annotation: Annotation
    anchor: Anchor
    article: Article | None  # None when the article is no longer in the library


class AnnotationSource(Protocol):
    """Where an export reads annotations from: the store itself (the command line), or a snapshot
    of it (the app, in a worker)."""

    def anchor_all(self, articles: Iterable[Article]) -> list[AnchoredAnnotation]: ...


def collect_items(
    store: AnnotationSource,
    articles: Iterable[Article],
    article_ids: Iterable[str] = (),
    tags: Iterable[str] = (),
) -> list[ExportItem]:
    """Annotations (optionally only of some articles, or carrying any of some tags), anchored.

    Ordered by article id, then reading order; orphans after the anchored ones of their article.
    """
    known = {article.id: article for article in articles}
    wanted_articles = set(article_ids)
    wanted_tags = {tag_key(tag) for tag in tags}
    items = []
    for hit in store.anchor_all(known.values()):
        annotation = hit.annotation
        if wanted_articles and annotation.article_id not in wanted_articles:
            continue
        if wanted_tags and not wanted_tags.intersection(tag_key(tag) for tag in annotation.tags):
            continue
        items.append(ExportItem(annotation, hit.anchor, known.get(annotation.article_id)))
    return items


def write_file(path: Path, data: bytes) -> None:
    """Write an export atomically: a reader of the file never sees half of it."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(describe_os_error(error, path, "the export")) from None
    write_atomically(path, data, "the export")
