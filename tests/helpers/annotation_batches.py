"""Many small annotations over a library's articles, for tests that write a store in bulk."""

from __future__ import annotations

from reader.annotations import Annotation, TextPosition, new_annotation_id, quote_at, utc_now
from reader.articles import Library


def annotation_batch(library: Library, count: int = 40) -> list[Annotation]:
    """`count` five-character annotations spread over the library's articles in turn."""
    now = utc_now()
    articles = library.articles()
    found = []
    for index in range(count):
        article = articles[index % len(articles)]
        found.append(
            Annotation(
                id=new_annotation_id(),
                article_id=article.id,
                article_version=article.version,
                position=TextPosition(index, index + 5),
                quote=quote_at(article.body, index, index + 5),
                note=f"Nummer {index}",
                created=now,
                updated=now,
            )
        )
    return found
