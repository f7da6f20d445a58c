"""Revisions tell an older copy from a diverged one; times never decide."""

from __future__ import annotations

from dataclasses import replace

from reader.annotations import Annotation, AnnotationStore, Outcome, descend, revision_of
from reader.annotations.revisions import Relation, merge_outcome, record_revision, relation
from reader.articles import Article


def test_the_revision_of_an_annotation_is_the_hash_of_its_record(store: AnnotationStore, article: Article) -> None:
    added = store.add(article, 0, 12, ["Framing", "Zitat"], "Notiz\nzwei Zeilen")
    assert added.revision == revision_of(added) == record_revision(added.id, added.to_record())
    assert revision_of(replace(added, note="anders")) != added.revision


def copies(store: AnnotationStore, article: Article) -> tuple[Annotation, Annotation, Annotation, Annotation]:
    base = store.add(article, 0, 12, note="gemeinsam")
    mine = descend(replace(base, note="meins", updated="2025-01-01T00:00:00.000Z"), base)
    theirs = descend(replace(base, note="deins", updated="2025-01-01T00:00:00.000Z"), base)  # the same time
    later = descend(replace(mine, note="meins, weiter"), mine)
    return base, mine, theirs, later


def test_relations(store: AnnotationStore, article: Article) -> None:
    _base, mine, theirs, later = copies(store, article)
    assert relation(mine, mine) is Relation.SAME
    assert relation(later, mine) is Relation.OLDER and relation(mine, later) is Relation.NEWER
    assert relation(mine, theirs) is Relation.DIVERGENT  # equal times, different content: not "newer"


def test_merge_outcomes(store: AnnotationStore, article: Article) -> None:
    base, mine, theirs, later = copies(store, article)
    assert merge_outcome(None, (), theirs) is Outcome.ADDED
    assert merge_outcome(mine, (), later) is Outcome.UPDATED
    assert merge_outcome(later, (), mine) is Outcome.KEPT_LOCAL
    assert merge_outcome(mine, (), theirs) is Outcome.CONFLICT
    assert merge_outcome(mine, (theirs,), theirs) is Outcome.UNCHANGED  # already recorded
    same_words = descend(replace(base, note="meins", updated="2025-02-02T00:00:00.000Z"), base)
    assert merge_outcome(mine, (), same_words) is Outcome.UNCHANGED  # diverged, but they say the same
