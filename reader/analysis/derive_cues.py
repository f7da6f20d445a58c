"""Derive cue words and source positions from GePaDe-SpkAtt (train) and check the cue lexicon.

    python -m reader.analysis.derive_cues [--data ../shared/data/gepade_spkatt] [--write]

Counts, for every word GePaDe annotates as a cue: how often it is one, in what share of its
occurrences, how often it introduces a reported clause (a message starting with "dass", or after
a comma or colon), and where its source stands (before, after, none); and for nouns how often
they stand before a clause ("den Eindruck, dass …", "die Frage ist, ob …", "Mein Eindruck ist:")
and how often GePaDe makes them its cue there. Prints how much of the
train cues the hand lexicon covers; `--write` stores the table as data/gepade_cues.tsv (CC BY-SA
4.0, see data/README.md). Only the train split is read: dev is kept for measuring.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from .cue_lexicon import DATA, DETACHED_FORMS, cue_forms

DEFAULT_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "gepade_spkatt"
HEADER = (
    "# Cue words of GePaDe-SpkAtt, SpkAtt-2023 shared task (Rehbein, Ruppenhofer et al., KONVENS 2023),\n"
    "# train split; CC BY-SA 4.0. Derived by reader/analysis/derive_cues.py.\n"
)


CLAUSE_OPENERS = frozenset(
    {"dass", "ob", "wie", "was", "warum", "weshalb", "wieso", "wer", "wo", "wann", "welche", "welcher", "welches"}
)
MAX_WORDS_BEFORE_CLAUSE = 2  # "die Frage ist, ob …", "zur Kenntnis nehmen, dass …"


def _positions(ids: list[str]) -> list[tuple[int, int]]:
    return [(int(sentence), int(token)) for sentence, token in (item.split(":") for item in ids)]


def before_clause(tokens: list[str], index: int) -> bool:
    """The word at `index` is followed (after at most two lower-case words) by a colon, or by a
    comma and a word that opens a reported clause."""
    k = index + 1
    while k < len(tokens) and k - index <= MAX_WORDS_BEFORE_CLAUSE and tokens[k].isalpha() and tokens[k].islower():
        k += 1
    if k >= len(tokens) - 1:
        return False
    return tokens[k] == ":" or (tokens[k] == "," and tokens[k + 1].lower() in CLAUSE_OPENERS)


def count(train: Path) -> tuple[dict[str, Counter[str]], Counter[str], Counter[str]]:
    """Per cue form: counts of cue, clausal, source before/after/none, pos; all word counts; positions."""
    table: dict[str, Counter[str]] = {}
    words: Counter[str] = Counter()
    positions: Counter[str] = Counter()
    before: Counter[str] = Counter()  # a noun before a clause …
    cue_before: Counter[str] = Counter()  # … that GePaDe makes the cue there
    for path in sorted(train.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        sentences = {s["SentenceId"]: s["Tokens"] for s in data["Sentences"]}
        cue_tokens = {position for event in data["Annotations"] for position in _positions(event["Cue"])}
        for sentence, tokens in sentences.items():
            words.update(token.lower() for token in tokens)
            for index, token in enumerate(tokens):
                if index and token[:1].isupper() and before_clause(tokens, index):
                    before[token.lower()] += 1
                    cue_before[token.lower()] += (sentence, index) in cue_tokens
        for event in data["Annotations"]:
            cue = _positions(event["Cue"])
            if not cue:
                continue
            sentence, index = cue[0]
            token = sentences[sentence][index]
            row = table.setdefault(token.lower(), Counter())
            row["cues"] += 1
            row["noun" if token[:1].isupper() and index > 0 else "verb" if token[:1].islower() else "other"] += 1
            message = _positions(event["Message"])
            if message:
                first_sentence, first = message[0]
                tokens = sentences[first_sentence]
                if tokens[first].lower() == "dass" or (first > 0 and tokens[first - 1] in {",", ":"}):
                    row["clausal"] += 1
            source = _positions(event["Source"])
            where = (
                "none"
                if not source
                else "before"
                if source[-1] < cue[0]
                else "after"
                if source[0] > cue[-1]
                else "around"
            )
            row["source_" + where] += 1
            positions[where] += 1
    for form, row in table.items():
        row["before_clause"], row["cue_before_clause"] = before[form], cue_before[form]
    return table, words, positions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--write", action="store_true", help=f"write {DATA}")
    args = parser.parse_args()
    table, words, positions = count(args.data / "train")
    known = cue_forms()
    verb_cues = sum(row["cues"] for row in table.values() if row["verb"] >= row["noun"])
    covered = sum(
        row["cues"]
        for form, row in table.items()
        if row["verb"] >= row["noun"] and (form in known or form in DETACHED_FORMS)
    )
    print(
        json.dumps(
            {
                "cue_events": sum(row["cues"] for row in table.values()),
                "verb_cue_events": verb_cues,
                "covered_by_lexicon": round(covered / verb_cues, 3) if verb_cues else None,
                "source_positions": dict(positions),
            }
        )
    )
    missing = sorted(
        (
            (row["cues"], form)
            for form, row in table.items()
            if row["verb"] > row["noun"] and form not in known and form not in DETACHED_FORMS
        ),
        reverse=True,
    )
    print("most frequent verb cues outside the lexicon:", ", ".join(f"{form} {n}" for n, form in missing[:60]))
    if args.write:
        DATA.parent.mkdir(exist_ok=True)
        lines = [
            HEADER + "form\tpos\tcues\toccurrences\tshare\tclausal\tsource_before\tsource_after\tsource_none"
            "\tbefore_clause\tcue_before_clause"
        ]
        for form, row in sorted(table.items(), key=lambda item: (-item[1]["cues"], item[0])):
            if row["cues"] < 2:
                continue
            pos = "noun" if row["noun"] > row["verb"] else "verb" if row["verb"] else "other"
            share = row["cues"] / max(1, words[form])
            lines.append(
                f"{form}\t{pos}\t{row['cues']}\t{words[form]}\t{share:.2f}\t{row['clausal']}\t"
                f"{row['source_before']}\t{row['source_after']}\t{row['source_none']}\t"
                f"{row['before_clause']}\t{row['cue_before_clause']}"
            )
        DATA.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(lines) - 1} forms to {DATA}")


if __name__ == "__main__":
    main()
