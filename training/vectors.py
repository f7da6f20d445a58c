"""Static subword vectors for the NER's tok2vec, learned from the unlabelled German text on the machine.

The NER's own hash embeddings only know the words of its labelled training sentences; floret
vectors (fastText with its subwords hashed into a small table, spaCy's ``--mode floret``) are
learned from more running text and give every word, seen or not, a vector from its character
n-grams — rare names and compounds are where the model is weak.

Text used (``[reader.vectors]`` in ``config.cfg`` names the sources): the training parts of the
converted NER corpora (``training/corpus/*-train.spacy``; never their dev or test parts), the
GePaDe-SpkAtt train speeches (not its dev speeches, a dev set of the speaker attribution) and
UD German GSD's sentences. No text of any dev, check or held-out set.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path


def converted_sentences(work: Path, corpora: list[str]) -> Iterator[list[str]]:
    """The words of each training sentence of the converted NER corpora."""
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("de").vocab
    for name in corpora:
        path = work / f"{name}-train.spacy"
        if not path.exists():
            raise SystemExit(f"no converted training data for {name!r} (run convert first)")
        for doc in DocBin().from_disk(path).get_docs(vocab):
            yield [token.text for token in doc]


def gepade_sentences(folder: Path) -> Iterator[list[str]]:
    """The tokens of each sentence of the GePaDe-SpkAtt speeches in one folder (one JSON per speech)."""
    for path in sorted(folder.glob("*.json")):
        for sentence in json.loads(path.read_text(encoding="utf-8"))["Sentences"]:
            yield [str(token) for token in sentence["Tokens"]]


def conllu_sentences(path: Path) -> Iterator[list[str]]:
    """The word forms of each sentence of a CoNLL-U file (multi-word token lines skipped)."""
    words: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                yield words
            words = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                words.append(cols[1])
    if words:
        yield words


def write_text(data: Path, work: Path, settings: dict, out: Path) -> dict[str, int]:
    """One sentence a line, tokens separated by spaces; returns sentences per source."""
    sources: dict[str, Iterator[list[str]]] = {
        "ner corpora (train parts)": converted_sentences(work, list(settings["corpora"])),
    }
    for name in settings.get("gepade", []):
        sources[f"gepade_spkatt/{name}"] = gepade_sentences(data / "gepade_spkatt" / name)
    for name in settings.get("conllu", []):
        sources[name] = conllu_sentences(data / name)
    counts: dict[str, int] = {}
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        for source, sentences in sources.items():
            n = 0
            for words in sentences:
                words = [w for w in (w.replace(" ", "").strip() for w in words) if w]
                if words:
                    fh.write(" ".join(words) + "\n")
                    n += 1
            counts[source] = n
    return counts


def train_floret(text: Path, out: Path, settings: dict) -> Path:
    """Train floret vectors on ``text``; write them in floret's text format to ``out``."""
    import floret

    model = floret.train_unsupervised(
        str(text),
        model=str(settings["model"]),
        mode="floret",
        dim=int(settings["dim"]),
        bucket=int(settings["bucket"]),
        hashCount=int(settings["hash_count"]),
        minn=int(settings["minn"]),
        maxn=int(settings["maxn"]),
        minCount=int(settings["min_count"]),
        epoch=int(settings["epoch"]),
        thread=int(settings.get("threads", 2)),
        verbose=1,
    )
    model.save_floret_vectors(str(out))
    return out


def build_vectors(data: Path, work: Path, settings: dict, log=print) -> dict:
    """Text → floret vectors → a spaCy vectors folder (``work/vectors``) for ``[initialize] vectors``."""
    import spacy
    from spacy.training.initialize import convert_vectors

    text = work / "vectors" / "text.txt"
    counts = write_text(data, work, settings, text)
    words = sum(len(line.split()) for line in text.open(encoding="utf-8"))
    log(f"vector text: {words} words, sentences per source {counts}")
    floret_file = train_floret(text, work / "vectors" / "vectors.floret", settings)
    nlp = spacy.blank("de")
    convert_vectors(nlp, floret_file, truncate=0, prune=-1, mode="floret")
    model = work / "vectors" / "model"
    nlp.to_disk(model)
    rows, dim = nlp.vocab.vectors.shape
    log(f"floret vectors: {rows} rows x {dim} dims in {model}")
    return {"words": words, "sentences": counts, "rows": rows, "dim": dim}
