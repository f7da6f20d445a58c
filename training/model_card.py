"""Write the shipped pipeline's model card (reader/nlp/model/README.md) from the
numbers of the last build (output/report.json, output/ablation.json,
corpus/manifest.json).  The prose lives in model_card.md next to this file; the
tables are filled in here."""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "model_card.md"

PRETTY = {
    "germeval2014": "GermEval 2014 (test part)",
    "uner_german_pud": "UNER German PUD (test part)",
    "handwritten_news": "hand-written news documents",
    "news_dev": "news dev documents",
}


def pct(x: float) -> str:
    return f"{x * 100:.1f}"


def per_label_table(result: dict) -> str:
    rows = ["| label | precision | recall | F1 | gold entities |", "|---|---:|---:|---:|---:|"]
    for label, s in [*list(result["labels"].items()), ("**overall**", result["overall"])]:
        rows.append(f"| {label} | {pct(s['precision'])} | {pct(s['recall'])} | {pct(s['f1'])} | {s['support']} |")
    return "\n".join(rows)


def test_tables(report: dict) -> str:
    out = []
    for name, result in report["test_full"].items():
        extra = ""
        if "documents" in result:
            extra = f" — {result['documents']} documents, {result['tokens']} words, whole documents through `nlp(text)`"
        else:
            extra = f" — {result['sentences']} sentences, {result['tokens']} tokens"
        out.append(f"**{PRETTY.get(name, name)}**{extra}\n\n{per_label_table(result)}\n")
    return "\n".join(out)


def rules_table(report: dict) -> str:
    sets = list(next(iter(report["rules"].values()))["test"].keys())
    dev_sets = list(next(iter(report["rules"].values()))["dev"].keys())
    head = "| pipeline | " + " | ".join(f"dev {PRETTY.get(s, s).replace(' (test part)', '')}" for s in dev_sets)
    head += " | " + " | ".join(f"test {PRETTY.get(s, s).replace(' (test part)', '')}" for s in sets) + " |"
    rows = [head, "|---|" + "---:|" * (len(sets) + len(dev_sets))]
    for variant, scores in report["rules"].items():
        rows.append(
            f"| {variant} | "
            + " | ".join(f"{scores['dev'].get(s, 0):.1f}" for s in dev_sets)
            + " | "
            + " | ".join(f"{scores['test'].get(s, 0):.1f}" for s in sets)
            + " |"
        )
    return "\n".join(rows)


def ablation_table(rows: list[dict]) -> str:
    if not rows:
        return "(no ablation run in this build: `python -m training.build ablate`)"
    dev_sets = list(rows[0]["dev"].keys())
    test_sets = list(rows[0]["test"].keys())
    head = (
        "| training corpora | "
        + " | ".join(f"dev {s}" for s in dev_sets)
        + " | "
        + " | ".join(f"test {s}" for s in test_sets)
        + " |"
    )
    out = [head, "|---|" + "---:|" * (len(dev_sets) + len(test_sets))]
    for row in rows:
        out.append(
            f"| {' + '.join(row['corpora'])} | "
            + " | ".join(f"{row['dev'].get(s, 0):.1f}" for s in dev_sets)
            + " | "
            + " | ".join(f"{row['test'].get(s, 0):.1f}" for s in test_sets)
            + " |"
        )
    return "\n".join(out)


def sentence_table(report: dict) -> str:
    sb = report.get("sentences")
    if not sb:
        return "(UD German GSD not found in this build)"
    rows = ["| splitter | held-out half P | R | F1 | tuning half F1 |", "|---|---:|---:|---:|---:|"]
    for name, halves in sb.items():
        h = halves["held-out half"]
        rows.append(
            f"| {name} | {pct(h['precision'])} | {pct(h['recall'])} | {pct(h['f1'])} | {pct(halves['tuning half']['f1'])} |"
        )
    return "\n".join(rows)


def corpus_table(manifest: dict) -> str:
    rows = [
        "| corpus | sentences | tokens | PER | LOC | ORG | MISC | missing tokens | train / dev / test |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, c in manifest["corpora"].items():
        e = c["entities"]
        sp = c["split"]
        rows.append(
            f"| {name} | {c['sentences']} | {c['tokens']} | {e['PER']} | {e['LOC']} | {e['ORG']} | {e['MISC']} | "
            f"{c['missing_tokens']} | {sp['train']} / {sp['dev']} / {sp['test']} |"
        )
    return "\n".join(rows)


def write_model_card(report_path: Path, manifest_path: Path, ablation_path: Path, out: Path) -> None:
    report = json.loads(report_path.read_text())
    manifest = json.loads(manifest_path.read_text())
    ablation = json.loads(ablation_path.read_text()) if ablation_path.exists() else []
    text = TEMPLATE.read_text(encoding="utf-8")
    fills = {
        "{{TEST_TABLES}}": test_tables(report),
        "{{RULES_TABLE}}": rules_table(report),
        "{{ABLATION_TABLE}}": ablation_table(ablation),
        "{{SENTENCE_TABLE}}": sentence_table(report),
        "{{CORPUS_TABLE}}": corpus_table(manifest),
        "{{SIZE_MB}}": f"{report['size_bytes'] / 1e6:.1f}",
        "{{LOAD_SECONDS}}": f"{report['load_seconds']:.2f}",
        "{{LOAD_CPU}}": f"{report.get('load_cpu_seconds', 0):.2f}",
        "{{SPACY_LOAD}}": f"{report.get('spacy_load_seconds', 0):.2f}",
        "{{SPACY_LOAD_CPU}}": f"{report.get('spacy_load_cpu_seconds', 0):.2f}",
        "{{WPS}}": f"{report['speed']['words_per_second']:,}",
        "{{WPS_WALL}}": f"{report['speed'].get('words_per_wall_second', 0):,}",
        "{{UNKNOWN}}": ", ".join(manifest.get("unknown_folders") or []) or "none",
        "{{WORDLISTS}}": ", ".join(f"{k}: {v:,}" for k, v in manifest.get("wordlists", {}).items()),
    }
    for key, value in fills.items():
        text = text.replace(key, value)
    out.write_text(text, encoding="utf-8")
