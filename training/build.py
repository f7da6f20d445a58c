"""Build reader's German pipeline from the open corpora: `make model`.

    python -m training.build all [--data DIR] [--ablate]
    python -m training.build convert | train | ablate | final | report

Steps (every setting is in ``config.cfg`` next to this file):

1. ``convert``: every known corpus folder under the data dir (default
   ``../shared/data`` from the repo root, or ``--data`` / env
   ``READER_TRAINING_DATA``) is converted (``corpora.py``); unknown folders are
   reported and skipped.  Seeded dev/test parts are held out of GermEval and UNER;
   the word lists of the rule components are built from offline packages and the
   training part only (``wordlists.py``); if the tok2vec uses static vectors, the
   floret vectors are learned from the unlabelled text of ``[reader.vectors]``
   (``vectors.py``).
2. ``train``: spaCy's own ``spacy.cli.train`` on ``config.cfg`` with the chosen
   corpora.  Model selection uses the dev part only.
3. ``ablate`` (optional, ``--ablate``): short runs adding one corpus at a time, scored
   on dev (and, for the record, test); the table goes into ``ablation.json``.
4. ``final``: the long run, saved to ``reader/nlp/model/``; then ``report``
   scores it on the test parts (per label, each rule component on and off),
   sentence boundaries on UD German GSD dev, words/second, size, load time, and
   writes the numbers into the model card.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CONFIG = HERE / "config.cfg"
WORK = HERE / "corpus"  # converted data (git-ignored)
OUTPUT = HERE / "output"  # training runs (git-ignored)
VECTORS = WORK / "vectors" / "model"  # the floret vectors as a spaCy pipeline folder (training/vectors.py)
MODEL_DIR = REPO / "reader" / "nlp" / "model"
HANDWRITTEN = HERE / "heldout_news.txt"
MODEL_NAME = "reader_de_news"


def log(msg: str) -> None:
    print(msg, flush=True)


def data_dir(arg: str | None) -> Path:
    value = arg or os.environ.get("READER_TRAINING_DATA") or str(REPO / ".." / "shared" / "data")
    path = Path(value).resolve()
    if not path.is_dir():
        raise SystemExit(f"training data folder not found: {path} (use --data DIR or READER_TRAINING_DATA)")
    return path


def reader_settings(config: Path = CONFIG) -> dict:
    from spacy.util import load_config

    cfg = load_config(config, interpolate=False)
    return dict(cfg["reader"])


# --------------------------------------------------------------------------
# 1. convert


def convert(data: Path) -> dict:
    import spacy
    from spacy.tokens import DocBin

    from training import corpora as C
    from training.wordlists import build_wordlists

    settings = reader_settings()
    C.HELDOUT.clear()
    C.HELDOUT.update({k: tuple(v) for k, v in settings["heldout"].items()})
    log(f"converting corpora under {data}")
    found, unknown = C.load_corpora(data)
    WORK.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("de").vocab
    manifest: dict[str, Any] = {"data": str(data), "unknown_folders": unknown, "corpora": {}}
    dev_all, full_train = [], []
    for name, corpus in found.items():
        parts = C.split_corpus(corpus, seed=int(settings["split_seed"]))
        DocBin(docs=C.to_docs(parts["train"], vocab), store_user_data=False).to_disk(WORK / f"{name}-train.spacy")
        for part in ("dev", "test"):
            if parts[part]:
                C.write_column_file(parts[part], WORK / f"{name}-{part}.tsv")
        if parts["dev"]:  # the final run may train on it once the settings are chosen
            DocBin(docs=C.to_docs(parts["dev"], vocab), store_user_data=False).to_disk(WORK / f"{name}-dev.spacy")
        dev_all.extend(parts["dev"])
        if corpus.has_misc or name == "uner_german_pud":
            full_train.extend(parts["train"])
        manifest["corpora"][name] = {
            "sentences": len(corpus.sentences),
            "tokens": corpus.n_tokens,
            "entities": corpus.entity_counts(),
            "missing_tokens": corpus.n_missing(),
            "has_misc": corpus.has_misc,
            "split": {k: len(v) for k, v in parts.items()},
            "notes": corpus.notes,
        }
    DocBin(docs=C.to_docs(dev_all, vocab)).to_disk(WORK / "dev.spacy")
    manifest["wordlists"] = build_wordlists(
        WORK / "wordlists",
        full_train,
        use_geonames=bool(settings["use_geonames"]),
        use_surnames=bool(settings["use_surnames"]),
        log=log,
    )
    from training.wordlists import write_place_aliases

    # the Names panel's exonym table (committed: reader/analysis needs no babel at run time)
    manifest["wordlists"]["place aliases"] = write_place_aliases(REPO / "reader" / "analysis" / "place_aliases.json")
    if uses_static_vectors(CONFIG, {}):
        manifest["vectors"] = build_static_vectors(data)
    (WORK / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
    log(f"converted data in {WORK}")
    return manifest


# --------------------------------------------------------------------------
# 2. train


def concat_train(corpora: list[str], out: Path, upsample: dict | None = None, with_dev: bool = False) -> Path:
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("de").vocab
    merged = DocBin(store_user_data=False)
    upsample = upsample or {}
    for name in corpora:
        path = WORK / f"{name}-train.spacy"
        if not path.exists():
            raise SystemExit(f"no converted training data for {name!r} (run convert first)")
        docs = list(DocBin().from_disk(path).get_docs(vocab))
        dev = WORK / f"{name}-dev.spacy"
        if with_dev and dev.exists():
            docs += list(DocBin().from_disk(dev).get_docs(vocab))
        for _ in range(int(upsample.get(name, 1))):
            for doc in docs:
                merged.add(doc)
    out.parent.mkdir(parents=True, exist_ok=True)
    merged.to_disk(out)
    return out


def uses_static_vectors(config: Path, overrides: dict) -> bool:
    """Whether the tok2vec embeds the floret vectors (config.cfg, or an override of it)."""
    from spacy.util import load_config

    key = "components.tok2vec.model.embed.include_static_vectors"
    if key in overrides:
        return bool(overrides[key])
    embed = load_config(config, interpolate=False)["components"]["tok2vec"]["model"]["embed"]
    return bool(embed.get("include_static_vectors", False))


def build_static_vectors(data: Path) -> dict:
    """The floret vectors of ``[reader.vectors]`` from the unlabelled text (``training/vectors.py``)."""
    from training.vectors import build_vectors

    return build_vectors(data, WORK, dict(reader_settings()["vectors"]), log=log)


def train(
    corpora: list[str], out: Path, overrides: dict | None = None, config: Path = CONFIG, with_dev: bool = False
) -> Path:
    """Run spaCy's training on config.cfg with these corpora; return model-best (with_dev:
    the dev parts are training data too, so dev scores mean nothing: return model-last)."""
    from spacy.cli.train import train as spacy_train

    import reader.nlp.components  # noqa: F401 - importing registers the factories

    out.mkdir(parents=True, exist_ok=True)
    train_path = concat_train(
        corpora, out / "train.spacy", dict(reader_settings(config).get("upsample") or {}), with_dev
    )
    all_overrides = {
        "paths.train": str(train_path),
        "paths.dev": str(WORK / "dev.spacy"),
        "paths.wordlists": str(WORK / "wordlists"),
    }
    all_overrides.update(overrides or {})
    if uses_static_vectors(config, all_overrides):
        all_overrides["paths.vectors"] = str(VECTORS)
    log(f"training on {', '.join(corpora)} -> {out} {overrides or ''}")
    spacy_train(config, out, use_gpu=-1, overrides=all_overrides)
    return out / ("model-last" if with_dev else "model-best")


# --------------------------------------------------------------------------
# evaluation helpers


RULES = ["name_spans", "gazetteer", "person_names", "doc_consistency"]
RULE_DATA = ["name_spans", "gazetteer", "person_names", "doc_consistency"]
# factories of the rule steps, today's and earlier ones ("reader_noun_filter"): assemble
# drops them from a trained pipeline and builds the steps of the current config instead
RULE_FACTORIES = {
    "reader_noun_filter",
    "reader_name_spans",
    "reader_gazetteer",
    "reader_person_names",
    "reader_doc_consistency",
}


def heldout_sets(part: str) -> dict[str, tuple[Path, list[str] | None]]:
    """The held-out files of one part ('dev' or 'test') and the labels each can score."""
    sets = {}
    for path in sorted(WORK.glob(f"*-{part}.tsv")):
        name = path.name[: -len(f"-{part}.tsv")]
        labels = None if name == "germeval2014" else ["PER", "LOC", "ORG"]
        sets[name] = (path, labels)
    return sets


def news_dev_dir() -> Path | None:
    """The whole-document news dev set (GUIDELINES.md format: texts + gold.json): env
    ``READER_NEWS_DEV`` or ``benchmarks/data/news_dev`` in the repo."""
    value = os.environ.get("READER_NEWS_DEV")
    path = Path(value) if value else REPO / "benchmarks" / "data" / "news_dev"
    return path if (path / "gold.json").exists() else None


def score_nlp(nlp, part: str, disable: Sequence[str] = ()) -> dict:
    """Scores of ``nlp`` (minus ``disable``) on one part: the per-sentence corpus parts and,
    for "dev", the whole-document sets (hand-written documents, news dev articles)."""
    from reader.nlp.evaluate import evaluate_sentences, read_gold

    out = {}
    disable = [d for d in disable if d in nlp.pipe_names]
    with nlp.select_pipes(disable=disable):
        for name, (path, labels) in heldout_sets(part).items():
            _, sents = read_gold(path)
            out[name] = evaluate_sentences(nlp, sents, labels=labels)
        if part == "dev":
            # looked at by earlier rule work: dev, not a held-out measure
            if HANDWRITTEN.exists():
                out["handwritten_news"] = evaluate_documents(nlp, HANDWRITTEN)
            news = news_dev_dir()
            if news is not None:
                out["news_dev"] = evaluate_guideline_docs(nlp, news)
    return out


def _offset_mapper(body: str, raw: str):
    """Body offsets -> raw file offsets by alignment (as ../shared/eval/score.py does)."""
    import difflib

    pos = {}
    for a, b, n in difflib.SequenceMatcher(None, body, raw, autojunk=False).get_matching_blocks():
        for k in range(n + 1):
            pos[a + k] = b + k
    return pos.get


def evaluate_guideline_docs(nlp, folder: Path) -> dict:
    """Whole articles labelled by ../shared/eval/GUIDELINES.md (``gold.json`` beside the
    texts): each file parsed as the library parses it, run through ``nlp`` and the
    analysis' entity step (role words trimmed, one label per name), and scored on
    exact spans of the raw file, as ``score.py`` scores ``reader analyze``."""
    from reader.analysis.analyze import canonical_entities
    from reader.articles.article import parse_article
    from reader.nlp.evaluate import score_spans

    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["articles"]
    pairs = []
    words = 0
    for name in sorted(gold):
        raw = (folder / name).read_text(encoding="utf-8")
        body = parse_article(raw, folder / name, name).body
        doc = nlp(body)
        entities = canonical_entities(body, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
        to_raw = _offset_mapper(body, raw)
        pred = {(to_raw(e.start), to_raw(e.end), e.label) for e in entities}
        ref = {(e["start"], e["end"], e["label"]) for e in gold[name]["entities"]}
        pairs.append((ref, pred))
        words += len(body.split())
    result = score_spans(pairs)
    result["documents"] = len(gold)
    result["tokens"] = words
    return result


def read_handwritten(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Documents separated by lines '---'; entities marked [text|LABEL]."""
    import re

    docs = []
    for block in re.split(r"^---\s*$", path.read_text(encoding="utf-8"), flags=re.M):
        block = "\n".join(ln for ln in block.strip().splitlines() if not ln.startswith("#")).strip()
        if not block:
            continue
        text, spans, pos = [], [], 0
        for m in re.finditer(r"\[([^\[\]|]+)\|(PER|LOC|ORG|MISC)\]", block):
            text.append(block[pos : m.start()])
            start = sum(len(t) for t in text)
            text.append(m.group(1))
            spans.append((start, start + len(m.group(1)), m.group(2)))
            pos = m.end()
        text.append(block[pos:])
        docs.append(("".join(text), spans))
    return docs


def evaluate_documents(nlp, path: Path) -> dict:
    """Whole-document NER check with the pipeline's own tokenizer (char offsets)."""
    from reader.nlp.evaluate import score_spans

    docs = read_handwritten(path)
    pairs = []
    for (_, gold), doc in zip(docs, nlp.pipe([t for t, _ in docs]), strict=True):
        pred = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        pairs.append((set(gold), pred))
    result = score_spans(pairs)
    result["documents"] = len(docs)
    result["tokens"] = sum(len(t.split()) for t, _ in docs)
    return result


def f1(result: dict) -> float:
    return round(result["overall"]["f1"] * 100, 1)


# --------------------------------------------------------------------------
# 3. ablation


ABLATION = [
    ["germeval2014"],
    ["germeval2014", "uner_german_pud"],
    ["germeval2014", "uner_german_pud", "smartdata"],
    ["germeval2014", "uner_german_pud", "smartdata", "mobie"],
    ["germeval2014", "uner_german_pud", "smartdata", "mobie", "sturm_edition"],
    ["germeval2014", "uner_german_pud", "smartdata", "mobie", "sturm_edition", "europeana_newspapers_de"],
]


def ablate(max_steps: int, parallel: int = 2, config: Path = CONFIG, eval_only: bool = False) -> list[dict]:
    """Short runs, one corpus added at a time; NER alone (rules off) on dev and test."""
    import spacy

    import reader.nlp.components  # noqa: F401 - importing registers the factories

    available = {p.name[: -len("-train.spacy")] for p in WORK.glob("*-train.spacy")}
    variants = [v for v in ABLATION if set(v) <= available]
    extra = sorted(available - set(ABLATION[-1]))
    if extra:  # corpora that appeared later: one more run with everything
        variants.append(ABLATION[-1] + extra)
    jobs: list[tuple[list[str], Path, list[str] | None]] = []
    for i, corpora in enumerate(variants):
        out = OUTPUT / f"ablation-{i}"
        if (out / "model-best").exists() or eval_only:
            jobs.append((corpora, out, None))
            continue
        cmd = [
            sys.executable,
            "-m",
            "training.build",
            "train",
            "--corpora",
            ",".join(corpora),
            "--out",
            str(out),
            "--max-steps",
            str(max_steps),
            "--config",
            str(config),
        ]
        jobs.append((corpora, out, cmd))
    running: list[subprocess.Popen] = []
    for _, out, command in jobs:
        if command is None:
            continue
        while len([p for p in running if p.poll() is None]) >= parallel:
            time.sleep(10)
        out.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
        with open(out / "train.log", "w") as logf:  # the child writes to its own copy of the descriptor
            running.append(subprocess.Popen(command, stdout=logf, stderr=subprocess.STDOUT, env=env))
    for p in running:
        p.wait()
    rows = []
    for corpora, out, _ in jobs:
        best = out / "model-best"
        if not best.exists():
            log(f"  ! run {out.name} ({'+'.join(corpora)}) has no model; left out of the table")
            continue
        nlp = spacy.load(best)
        dev = score_nlp(nlp, "dev", disable=RULES)
        test = score_nlp(nlp, "test", disable=[*RULES, "doc_consistency"])
        row = {
            "corpora": corpora,
            "dev": {k: f1(v) for k, v in dev.items()},
            "test": {k: f1(v) for k, v in test.items()},
            "dev_per_label_germeval": {k: round(v["f1"] * 100, 1) for k, v in dev["germeval2014"]["labels"].items()},
        }
        rows.append(row)
        log(f"  {'+'.join(corpora)}: dev {row['dev']} test {row['test']}")
    (OUTPUT / "ablation.json").write_text(json.dumps(rows, indent=2))
    return rows


# --------------------------------------------------------------------------
# 4. final model and report


def assemble(best: Path, out: Path = MODEL_DIR) -> Path:
    """The NER of ``best`` with the rule components re-initialised from the current
    config and word lists, saved to ``out`` (the shipped model folder by default)."""
    import spacy
    from spacy.util import load_config

    import reader
    import reader.nlp.components  # importing registers the factories
    from reader.nlp.components.word_lists import ListComponent

    # The rule components take their settings from the current config.cfg and the
    # word lists of the last `convert`: rules can change without retraining the
    # NER (the lexical-feature lists cannot: the NER was trained on them).
    saved = load_config(best / "config.cfg", interpolate=False)
    stale = [
        name for name in saved["nlp"]["pipeline"] if saved["components"].get(name, {}).get("factory") in RULE_FACTORIES
    ]
    nlp = spacy.load(best, exclude=stale)
    cfg = load_config(CONFIG, interpolate=False)
    components = cfg["components"]
    if "sentences" in nlp.pipe_names:
        block = dict(components["sentences"])
        nlp.replace_pipe("sentences", block.pop("factory"), config=block)
    previous = None
    for name in cfg["nlp"]["pipeline"]:
        if name in RULE_DATA:
            block = dict(components[name])
            factory = block.pop("factory")
            where = {"after": previous} if previous in nlp.pipe_names else {"last": True}
            nlp.add_pipe(factory, name=name, config=block, **where)
            cast(ListComponent, nlp.get_pipe(name)).initialize(data_path=str(WORK / "wordlists" / name))
        previous = name
    for key in ("train", "dev", "wordlists", "vectors"):  # no build-machine paths in the shipped config
        nlp.config["paths"][key] = None
    init = nlp.config["initialize"]["components"]
    for name in [n for n in init if n not in nlp.pipe_names]:
        del init[name]
    nlp.meta["name"] = MODEL_NAME
    nlp.meta["version"] = reader.__version__
    nlp.meta["description"] = (
        "reader's German news pipeline: rule sentences, NER (PER LOC ORG MISC), gazetteer, doc consistency"
    )
    nlp.meta["license"] = "CC BY-SA 4.0"
    nlp.meta["author"] = "reader project"
    nlp.meta.pop("performance", None)
    keep_card = out / "README.md"
    card = keep_card.read_text(encoding="utf-8") if keep_card.exists() else None
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    slim_vocab(out)
    if card is not None:
        keep_card.write_text(card, encoding="utf-8")
    log(f"saved pipeline to {out}")
    return out


def slim_vocab(model: Path) -> None:
    """Empty the saved string store (167,000 strings seen in training, 2.8 MB, a third of the load
    time). Nothing reads it back: every feature is a hash computed from the text at run time, the NER
    keeps its labels in its own moves, and a token adds its strings when it is made. The analyses of
    the news dev sets are byte-identical with and without it."""
    (model / "vocab" / "strings.json").write_text("[]", encoding="utf-8")


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def report(model: Path = MODEL_DIR, data: Path | None = None) -> dict:
    """Score the shipped pipeline; write output/report.json."""
    import spacy

    import reader.nlp.components  # noqa: F401 - importing registers the factories
    from training.sentences import evaluate_sentence_boundaries

    # load time in a fresh process
    code = (
        "import time; t=time.perf_counter(); c=time.process_time(); import reader.nlp.components, spacy; "
        "t1=time.perf_counter(); c1=time.process_time(); "
        f"spacy.load({str(model)!r}); print(time.perf_counter()-t, time.process_time()-c, "
        "time.perf_counter()-t1, time.process_time()-c1)"
    )
    load_times = []
    for _ in range(3):
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        load_times.append([float(x) for x in res.stdout.split()])
    nlp = spacy.load(model)
    result: dict = {
        "size_bytes": dir_size(model),
        # import spaCy + load, wall clock and CPU; and spacy.load alone
        "load_seconds": round(min(t[0] for t in load_times), 2),
        "load_cpu_seconds": round(min(t[1] for t in load_times), 2),
        "spacy_load_seconds": round(min(t[2] for t in load_times), 2),
        "spacy_load_cpu_seconds": round(min(t[3] for t in load_times), 2),
    }
    pretty = {
        "name_spans": "name spans",
        "gazetteer": "gazetteer",
        "person_names": "person names",
        "doc_consistency": "doc consistency",
    }
    rules = [r for r in RULES if r in nlp.pipe_names]
    variants = {"NER only": rules}
    for k, name in enumerate(rules):
        label = f"+ {pretty[name]}" + (" (= shipped)" if k == len(rules) - 1 else "")
        variants[label] = rules[k + 1 :]
    for name in rules[:-1]:
        variants[f"shipped without {pretty[name]}"] = [name]
    if "doc_consistency" in rules:
        # what a foreign model gets: its NER plus the appended consistency step
        variants["NER + doc consistency only"] = [r for r in rules if r != "doc_consistency"]
    result["rules"] = {}
    for label, disable in variants.items():
        result["rules"][label] = {
            "dev": {k: f1(v) for k, v in score_nlp(nlp, "dev", disable).items()},
            "test": {k: f1(v) for k, v in score_nlp(nlp, "test", disable).items()},
        }
        log(f"  {label}: {result['rules'][label]}")
    result["test_full"] = score_nlp(nlp, "test")
    result["dev_full"] = score_nlp(nlp, "dev")
    # sentence boundaries on UD German GSD dev (second half: not looked at while writing the rules)
    data = data or Path(json.loads((WORK / "manifest.json").read_text())["data"])
    ud = data / "ud_german_gsd" / "de_gsd-ud-dev.conllu"
    if ud.exists():
        result["sentences"] = evaluate_sentence_boundaries(ud, nlp)
        log(f"  sentence boundaries: {result['sentences']}")
    result["speed"] = measure_speed(model)
    log(f"  speed: {result['speed']}")
    (OUTPUT / "report.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    return result


def measure_speed(model: Path) -> dict:
    """Words per second, one process pinned to one core, on the held-out text:
    per CPU-second of the process (the machine is shared: wall-clock time depends
    on other people's load) and per wall-clock second."""
    code = f"""
import os, time, json
try: os.sched_setaffinity(0, {{0}})
except Exception: pass
import reader.nlp.components, spacy
from reader.nlp.evaluate import read_gold
from pathlib import Path
nlp = spacy.load({str(model)!r})
texts = []
for p in sorted(Path({str(WORK)!r}).glob('*.tsv')):
    for words, _ in read_gold(p)[1]:
        texts.append(' '.join(words))
# documents of ~20 sentences, as articles
docs = [' '.join(texts[i:i+20]) for i in range(0, len(texts), 20)]
n_words = sum(len(t.split()) for t in docs)
list(nlp.pipe(docs[:5]))
best = best_cpu = 0
for _ in range(3):
    t = time.perf_counter(); c = time.process_time()
    list(nlp.pipe(docs, batch_size=64))
    dt = time.perf_counter() - t; dc = time.process_time() - c
    best = max(best, n_words / dt); best_cpu = max(best_cpu, n_words / dc)
print(json.dumps({{"words": n_words, "words_per_second": round(best_cpu), "words_per_wall_second": round(best)}}))
"""
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.build")
    parser.add_argument("step", choices=["all", "convert", "train", "ablate", "final", "assemble", "report"])
    parser.add_argument("--data", default=None, help="corpus folder (default ../shared/data or READER_TRAINING_DATA)")
    parser.add_argument("--corpora", default=None, help="train: comma-separated corpus names")
    parser.add_argument("--out", default=None, help="train: output folder")
    parser.add_argument("--max-steps", type=int, default=None, help="train/ablate: training steps")
    parser.add_argument("--config", type=Path, default=CONFIG, help="train: config file")
    parser.add_argument(
        "--set", action="append", default=[], metavar="KEY=VALUE", help="train: a config override (JSON value)"
    )
    parser.add_argument("--ablate", action="store_true", help="all: run the corpus ablation too")
    parser.add_argument("--ablate-steps", type=int, default=2500)
    parser.add_argument("--eval-only", action="store_true", help="ablate: only score the runs already there")
    args = parser.parse_args(argv)
    os.chdir(REPO)

    if args.step in ("all", "convert"):
        convert(data_dir(args.data))
    if args.step == "train":
        corpora = args.corpora.split(",") if args.corpora else list(reader_settings()["train_corpora"])
        overrides = {}
        if args.max_steps:
            overrides = {"training.max_steps": args.max_steps, "training.eval_frequency": max(200, args.max_steps // 8)}
        for item in args.set:
            key, _, value = item.partition("=")
            overrides[key] = json.loads(value)
        train(corpora, Path(args.out or OUTPUT / "manual"), overrides, config=args.config)
    if args.step == "ablate" or (args.step == "all" and args.ablate):
        ablate(args.ablate_steps, config=args.config, eval_only=args.eval_only)
    if args.step in ("all", "final"):
        settings = reader_settings()
        available = {p.name[: -len("-train.spacy")] for p in WORK.glob("*-train.spacy")}
        corpora = [c for c in settings["train_corpora"] if c in available]
        missing = [c for c in settings["train_corpora"] if c not in available]
        if missing:
            log(f"  ! configured corpora not found, trained without them: {missing}")
        # settings chosen on dev: the final run trains a fixed number of steps on train + dev
        with_dev = bool(settings.get("final_with_dev", False))
        steps = args.max_steps or int(settings.get("final_steps", 0)) or None
        overrides = {"training.max_steps": steps, "training.patience": 0} if steps else {}
        assemble(train(corpora, OUTPUT / "final", overrides, with_dev=with_dev))
    if args.step == "assemble":  # re-assemble the last final run (e.g. after changing rule code or lists)
        final = OUTPUT / "final"
        assemble(final / ("model-last" if reader_settings().get("final_with_dev") else "model-best"))
    if args.step in ("all", "final", "assemble", "report"):
        report(MODEL_DIR, data_dir(args.data) if args.data else None)
        from training.model_card import write_model_card

        write_model_card(
            OUTPUT / "report.json", WORK / "manifest.json", OUTPUT / "ablation.json", MODEL_DIR / "README.md"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
