"""Passages several outlets share word for word or nearly (agency copy, one press release), and
what only one of them reports.

The unit is the sentence (teasers and promos left out, very short sentences too: "Kein Deal." is
no evidence of copying). Two sentences are shared when their normalised texts (lower case, words
only) are at least SHARED_SIMILARITY alike by normalised Indel similarity over letters and
SHARED_WORD_SIMILARITY over words; each pair of articles is
aligned one to one, best matches first, and the matches are joined into clusters across articles.
A sentence is "only here" when no sentence of another article shares even UNIQUE_OVERLAP of its
content words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from ..analysis.mentions import FUNCTION_WORDS

SHARED_SIMILARITY = 0.8
SHARED_WORD_SIMILARITY = 0.75  # the same, over words: a reworded sentence keeps letters, not words
UNIQUE_OVERLAP = 0.35
MIN_WORDS = 6
_WORD = re.compile(r"\w+(?:[-’']\w+)*")


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence of one article."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class PassageCluster:
    """One passage as several articles have it."""

    id: str
    members: tuple[Passage, ...]
    similarity: float  # the lowest similarity of the aligned pairs inside it, 0…1

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article_id for m in self.members))

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "similarity": round(self.similarity, 3),
            "articles": list(self.articles),
            "members": [
                {"article": m.article_id, "start": m.start, "end": m.end, "text": m.text} for m in self.members
            ],
        }


@dataclass(frozen=True, slots=True)
class SharedParagraph:
    """A paragraph every comparable sentence of which the same other articles share."""

    article_id: str
    start: int
    end: int
    shared_with: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SharedPassages:
    clusters: tuple[PassageCluster, ...]
    unique: Mapping[str, tuple[Passage, ...]]  # article id → sentences only it has
    paragraphs: tuple[SharedParagraph, ...] = ()

    def with_paragraphs(self, paragraphs: Mapping[str, Sequence[tuple[int, int]]]) -> SharedPassages:
        """The same, with the paragraphs (article id → (start, end) spans) that are shared whole:
        at least one comparable sentence, each of them in a cluster with the same other articles."""
        found = []
        for article_id, spans in paragraphs.items():
            members = [(m, c) for c in self.clusters for m in c.members if m.article_id == article_id]
            unique = self.unique.get(article_id, ())
            for start, end in spans:
                inside = [(m, c) for m, c in members if start <= m.start < end]
                if not inside or any(start <= p.start < end for p in unique):
                    continue
                others = [frozenset(c.articles) - {article_id} for _, c in inside]
                common = frozenset.intersection(*others)
                if common:
                    found.append(SharedParagraph(article_id, start, end, tuple(sorted(common))))
        return SharedPassages(self.clusters, self.unique, tuple(found))

    def cluster_at(self, article_id: str, offset: int) -> PassageCluster | None:
        for cluster in self.clusters:
            for member in cluster.members:
                if member.article_id == article_id and member.start <= offset < member.end:
                    return cluster
        return None

    def to_json(self) -> dict[str, object]:
        return {
            "threshold": SHARED_SIMILARITY,
            "clusters": [c.to_json() for c in self.clusters],
            "unique": {
                article_id: [{"start": p.start, "end": p.end, "text": p.text} for p in passages]
                for article_id, passages in self.unique.items()
            },
            "paragraphs": [
                {"article": p.article_id, "start": p.start, "end": p.end, "shared_with": list(p.shared_with)}
                for p in self.paragraphs
            ],
        }


def normalised(text: str) -> str:
    return " ".join(word.lower() for word in _WORD.findall(text))


def content_words(text: str) -> frozenset[str]:
    return frozenset(
        w for w in (word.lower() for word in _WORD.findall(text)) if w not in FUNCTION_WORDS and len(w) > 2
    )


def sentences_of(
    article_id: str, text: str, sentences: Sequence[tuple[int, int]], boilerplate: Sequence[tuple[int, int]] = ()
) -> list[Passage]:
    """The article's sentences worth comparing: long enough, outside teasers and promos."""
    out = []
    for start, end in sentences:
        if any(b_start <= start < b_end for b_start, b_end in boilerplate):
            continue
        piece = text[start:end].strip()
        if len(_WORD.findall(piece)) >= MIN_WORDS:
            lead = text[start:end].find(piece)
            out.append(Passage(article_id, start + lead, start + lead + len(piece), piece))
    return out


def align(left: Sequence[Passage], right: Sequence[Passage]) -> list[tuple[int, int, float]]:
    """One-to-one matches (left index, right index, similarity) at or above SHARED_SIMILARITY."""
    if not left or not right:
        return []
    scores = cdist(
        [normalised(p.text) for p in left],
        [normalised(p.text) for p in right],
        scorer=fuzz.ratio,
        score_cutoff=SHARED_SIMILARITY * 100,
        workers=1,
    )
    left_words = [normalised(p.text).split() for p in left]
    right_words = [normalised(p.text).split() for p in right]
    candidates = [
        (float(scores[i][j]) / 100, i, j)
        for i in range(len(left))
        for j in range(len(right))
        if scores[i][j] > 0 and fuzz.ratio(left_words[i], right_words[j]) >= SHARED_WORD_SIMILARITY * 100
    ]
    candidates.sort(reverse=True)
    used_left: set[int] = set()
    used_right: set[int] = set()
    matches = []
    for similarity, i, j in candidates:
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        matches.append((i, j, similarity))
    return matches


def shared_passages(articles: Mapping[str, Sequence[Passage]]) -> SharedPassages:
    """Clusters of passages shared across the articles, and each article's passages only it has."""
    ids = list(articles)
    nodes = [(article_id, index) for article_id in ids for index in range(len(articles[article_id]))]
    parent = {node: node for node in nodes}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    pair_similarity: dict[tuple[str, int], list[float]] = {}
    for a, left_id in enumerate(ids):
        for right_id in ids[a + 1 :]:
            for i, j, similarity in align(articles[left_id], articles[right_id]):
                parent[root((left_id, i))] = root((right_id, j))
                pair_similarity.setdefault((left_id, i), []).append(similarity)
                pair_similarity.setdefault((right_id, j), []).append(similarity)
    groups: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for node in nodes:
        groups.setdefault(root(node), []).append(node)
    clusters = []
    for members in groups.values():
        if len({article_id for article_id, _ in members}) < 2:
            continue
        members.sort(key=lambda node: (ids.index(node[0]), node[1]))
        similarity = min(s for node in members for s in pair_similarity.get(node, [1.0]))
        passages = tuple(articles[article_id][index] for article_id, index in members)
        clusters.append((passages, similarity))
    clusters.sort(key=lambda item: (ids.index(item[0][0].article_id), item[0][0].start))
    shared_nodes = {node for members in groups.values() if len({a for a, _ in members}) > 1 for node in members}
    words = {article_id: [content_words(p.text) for p in articles[article_id]] for article_id in ids}
    unique: dict[str, tuple[Passage, ...]] = {}
    for article_id in ids:
        others = [w for other in ids if other != article_id for w in words[other]]
        only = []
        for index, passage in enumerate(articles[article_id]):
            if (article_id, index) in shared_nodes:
                continue
            mine = words[article_id][index]
            if mine and all(len(mine & theirs) < UNIQUE_OVERLAP * len(mine) for theirs in others):
                only.append(passage)
        unique[article_id] = tuple(only)
    return SharedPassages(
        tuple(PassageCluster(f"p{n + 1}", passages, similarity) for n, (passages, similarity) in enumerate(clusters)),
        unique,
    )
