"""Articles made from the news dev and check documents (benchmarks/data), never from the bundled ones.

- `unrelated_articles(n)`: articles that cover other stories — each the sentences of a few dev or
  check documents mixed, with a title of its own.
- `partial_rewrite(source, others, rng)`: an article rewritten partly from `source`, with the
  sentence pairs that truly are shared (copied or lightly edited) known; the rest is other
  documents' sentences, heavy rewrites and rewordings of the source's sentences (same topic and
  names, 60 % of the words in order: an editor's own sentence, not shared).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from reader.text.segments import sentence_spans

DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "data"


def news_documents() -> list[str]:
    """The body texts of the news dev and check documents (their first line, the headline, dropped)."""
    docs = []
    for folder in ("news_dev", "news_check"):
        for path in sorted((DATA / folder).glob("*.txt")):
            lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            docs.append("\n".join(lines[1:]))
    return docs


def sentences(text: str) -> list[str]:
    return [text[s:e].strip() for s, e in sentence_spans(text) if len(text[s:e].split()) >= 6]


def unrelated_articles(count: int, seed: int = 7) -> list[tuple[str, str]]:
    """(id, text) pairs: a headline and 12–30 sentences from two or three news documents."""
    rng = random.Random(seed)
    pools = [sentences(doc) for doc in news_documents()]
    out = []
    for index in range(count):
        chosen = rng.sample(pools, k=rng.choice((2, 3)))
        picked = [s for pool in chosen for s in rng.sample(pool, k=min(len(pool), rng.randint(4, 12)))]
        rng.shuffle(picked)
        headline = " ".join(picked[0].split()[:7]).rstrip(",.;:")
        out.append((f"meldung-{index:05d}", f"{headline}\n" + "\n".join(picked)))
    return out


@dataclass(frozen=True)
class Rewrite:
    source: list[str]  # the source article's sentences
    rewritten: list[str]  # the rewritten article's sentences
    shared: set[tuple[int, int]]  # (source index, rewritten index) that truly are shared


def light_edit(sentence: str, rng: random.Random) -> str:
    """One or two small edits an editor makes to agency copy: a word dropped, one swapped for a
    neighbour's inflection, a word added."""
    words = sentence.split()
    for _ in range(rng.choice((1, 2))):
        kind = rng.choice(("drop", "add", "inflect"))
        i = rng.randrange(1, len(words) - 1)
        if kind == "drop" and len(words) > 8:
            del words[i]
        elif kind == "add":
            words.insert(i, rng.choice(("zudem", "demnach", "offenbar", "nun", "bereits")))
        else:
            words[i] = words[i] + ("n" if not words[i].endswith("n") else "")
    return " ".join(words)


def heavy_rewrite(sentence: str, filler: list[str], rng: random.Random) -> str:
    """The same topic in other words: half the words replaced by another document's, order shuffled."""
    words = sentence.split()
    keep = rng.sample(words, k=max(3, len(words) // 2))
    other = rng.choice(filler).split()
    mixed = keep + rng.sample(other, k=min(len(other), len(words) - len(keep)))
    rng.shuffle(mixed)
    return " ".join(mixed) + "."


def reworded(sentence: str, vocabulary: list[str], rng: random.Random, keep: float = 0.6) -> str:
    """The hardest negative: the sentence's order and 60 % of its words kept, the rest replaced by
    words of the same document (same names, same topic) — an editor's own sentence, not a copy."""
    words = sentence.split()
    return " ".join(w if rng.random() < keep else rng.choice(vocabulary) for w in words)


def partial_rewrite(source: str, others: list[str], rng: random.Random) -> Rewrite:
    src = sentences(source)
    filler = [s for doc in others for s in sentences(doc)]
    vocabulary = source.split()
    rewritten: list[str] = []
    shared: set[tuple[int, int]] = set()
    for index, sentence in enumerate(src):
        roll = rng.random()
        if roll < 0.25:
            shared.add((index, len(rewritten)))
            rewritten.append(sentence)
        elif roll < 0.45:
            shared.add((index, len(rewritten)))
            rewritten.append(light_edit(sentence, rng))
        elif roll < 0.6:
            rewritten.append(heavy_rewrite(sentence, filler, rng))
        elif roll < 0.8:
            rewritten.append(reworded(sentence, vocabulary, rng))
        if rng.random() < 0.4:
            rewritten.append(rng.choice(filler))
    return Rewrite(src, rewritten, shared)
