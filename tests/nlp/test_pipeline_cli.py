"""`reader info` and `reader evaluate-model` as scripts use them."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from reader.cli import main


def test_info_json_reports_the_pipeline_in_use() -> None:
    result = CliRunner().invoke(main, ["info", "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert {"name", "version", "path", "labels", "components", "fingerprint", "source"} <= set(info)
    assert info["source"] == "shipped" and {"PER", "LOC", "ORG", "MISC"} <= set(info["labels"])
    assert "ner" in info["components"]


def test_a_missing_model_is_named_in_one_line_with_the_fallback(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--model", str(tmp_path / "nope"), "info", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["source"] == "shipped"
    [line] = result.stderr.strip().splitlines()
    assert "does not exist" in line and "using the shipped pipeline reader_de_news" in line


def test_evaluate_model_scores_a_germeval_file(tmp_path: Path) -> None:
    gold = tmp_path / "gold.tsv"
    gold.write_text(
        "#\tsource\n1\tAngela\tB-PER\tO\n2\tMerkel\tI-PER\tO\n3\tbesuchte\tO\tO\n4\tHamburg\tB-LOC\tO\n5\t.\tO\tO\n\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["evaluate-model", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["format"] == "germeval" and scores["sentences"] == 1
    assert scores["overall"]["support"] == 2
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\xff\xfe not a corpus")
    refused = CliRunner().invoke(main, ["evaluate-model", str(broken)])
    assert refused.exit_code == 1 and refused.stderr.startswith("Error: ")
    assert len(refused.stderr.strip().splitlines()) == 1
