"""The committed news CHECK sets, and the DEV set news_dev2 built by the same tool, obey every GUIDELINES
rule that can be checked mechanically.

The validator itself is shown to fail: each test below breaks one rule in a copy of the set and
expects the validator to name it.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SET_DIR = REPO / "benchmarks" / "data" / "news_check"
SETS = (
    [SET_DIR]
    + [REPO / "benchmarks" / "data" / f"news_check{n}" for n in (2, 3, 4)]
    + [REPO / "benchmarks" / "data" / "news_dev2"]
)


def _load_tools():
    spec = importlib.util.spec_from_file_location("checkset_tools", REPO / "benchmarks" / "checkset_tools.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["checkset_tools"] = module
    spec.loader.exec_module(module)
    return module


tools = _load_tools()


@pytest.mark.parametrize("set_dir", SETS, ids=lambda d: d.name)
def test_committed_set_is_valid(set_dir: Path) -> None:
    assert tools.validate(set_dir) == []


@pytest.mark.parametrize("set_dir", SETS, ids=lambda d: d.name)
def test_committed_set_is_what_its_sources_build_to(set_dir: Path) -> None:
    assert tools.sources_in_sync(set_dir) == []


@pytest.mark.parametrize("set_dir", SETS, ids=lambda d: d.name)
def test_readme_counts_are_current(set_dir: Path) -> None:
    counts = tools.stats(set_dir)
    readme = (set_dir / "README.md").read_text(encoding="utf-8")
    line = json.dumps(counts, ensure_ascii=False)
    assert line in readme, f"README.md must quote the current counts line:\n{line}"


def test_command_line_takes_the_set_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "some_set"
    shutil.copytree(SETS[1], copy)
    assert tools.main(["checkset_tools.py", "check", f"--set={copy}"]) == 0
    first_source = sorted((copy / "src").glob("*.src"))[0]
    first_source.write_text("Kopf\n\nText.\n", encoding="utf-8")
    assert tools.main(["checkset_tools.py", f"--set={copy}", "check"]) == 1
    assert "differs from its source" in capsys.readouterr().out
    assert tools.main(["checkset_tools.py", "check", f"--set={tmp_path / 'missing'}"]) == 2


Gold = dict


def _entity(gold: Gold) -> dict:
    return gold["check_01.txt"]["entities"][0]


def _quote(gold: Gold, kind: str) -> dict:
    return next(q for q in gold["check_01.txt"]["quotes"] if q["kind"] == kind)


def _shift_entity(gold: Gold) -> None:
    _entity(gold)["start"] += 1


def _overlap(gold: Gold) -> None:
    first, second = gold["check_01.txt"]["entities"][:2]
    second["start"] = first["start"]
    second["text"] = "?"


def _bad_label(gold: Gold) -> None:
    _entity(gold)["label"] = "GPE"


def _speech_without_speaker(gold: Gold) -> None:
    _quote(gold, "speech").update(speaker=None, speaker_start=None, speaker_end=None)


def _term_with_speaker(gold: Gold) -> None:
    _quote(gold, "term").update(speaker="Katrin Albers", speaker_start=0, speaker_end=6)


def _quote_missing(gold: Gold) -> None:
    gold["check_01.txt"]["quotes"].pop()


def _surname_as_speaker(gold: Gold) -> None:
    next(q for q in gold["check_01.txt"]["quotes"] if q["speaker"] == "Katrin Albers")["speaker"] = "Albers"


def _quote_without_marks(gold: Gold) -> None:
    quote = _quote(gold, "speech")
    quote["start"] += 1


def _title_differs(gold: Gold) -> None:
    gold["check_01.txt"]["title"] = "Ein anderer Titel"


def _extra_field(gold: Gold) -> None:
    _entity(gold)["canonical"] = "x"


BREAKS: dict[str, tuple[Callable[[Gold], None], str]] = {
    "offsets that do not match the text": (_shift_entity, r"text\[\d+:\d+\] is"),
    "overlapping entities": (_overlap, "overlaps"),
    "an unknown label": (_bad_label, "label 'GPE'"),
    "a speech quote without speaker": (_speech_without_speaker, "needs a speaker"),
    "a term quote with a speaker": (_term_with_speaker, "term quote has a speaker"),
    "a pair of quotation marks left unannotated": (_quote_missing, "not part of an annotated quote"),
    "a surname where the article gives the full name": (_surname_as_speaker, "the article names 'Katrin Albers'"),
    "a quote span that is not the inner text of marks": (_quote_without_marks, "not the inner text"),
    "a title that is not the headline": (_title_differs, "is not the first line"),
    "a field outside the format": (_extra_field, "entity fields"),
}


@pytest.mark.parametrize("rule", sorted(BREAKS))
def test_validator_names_a_broken_rule(rule: str, tmp_path: Path) -> None:
    broken = tmp_path / "news_check"
    shutil.copytree(SET_DIR, broken)
    gold_path = broken / tools.GOLD_NAME
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    mutate, expected = BREAKS[rule]
    mutate(data["articles"])
    gold_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    problems = tools.validate(broken)
    assert any(re.search(expected, p) for p in problems), problems


def test_entity_with_a_quotation_mark_or_inside_a_compound_is_rejected(tmp_path: Path) -> None:
    broken = tmp_path / "news_check"
    shutil.copytree(SET_DIR, broken)
    text = (broken / "check_01.txt").read_text(encoding="utf-8")
    data = json.loads((broken / tools.GOLD_NAME).read_text(encoding="utf-8"))
    entities = data["articles"]["check_01.txt"]["entities"]
    for span in ("„Frühstart", "Frühstart"):
        start = text.index(span)
        entities.append({"start": start, "end": start + len(span), "text": span, "label": "MISC"})
    entities.sort(key=lambda e: e["start"])
    (broken / tools.GOLD_NAME).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    problems = tools.validate(broken)
    assert any("contains a quotation mark" in p for p in problems)
    assert any("head of a hyphenated compound" in p for p in problems)


def test_markup_builds_offsets_that_match(tmp_path: Path) -> None:
    source = (
        "% p = Boris Pistorius\n"
        "Kopfzeile ohne Punkt\n\n"
        "Verteidigungsminister [Boris Pistorius|PER#p] sagte: „⟨S p|Wir liefern⟩“. Das Wort „⟨T|Zeitenwende⟩“ fiel nicht.\n"
    )
    parsed = tools.parse_source(source, "t.src")
    gold = tools.to_gold(parsed, "t.src")
    text = parsed.text
    (entity,) = gold["entities"]
    assert text[entity["start"] : entity["end"]] == "Boris Pistorius"
    speech, term = gold["quotes"]
    assert (speech["text"], speech["speaker"], text[speech["speaker_start"] : speech["speaker_end"]]) == (
        "Wir liefern",
        "Boris Pistorius",
        "Boris Pistorius",
    )
    assert (term["text"], term["kind"], term["speaker"]) == ("Zeitenwende", "term", None)
    assert gold["title"] == "Kopfzeile ohne Punkt"


def test_markup_errors_name_the_line() -> None:
    with pytest.raises(tools.MarkupError, match=r"t\.src:2: unknown label"):
        tools.parse_source("Kopf\n[Bern|CITY]\n", "t.src")
