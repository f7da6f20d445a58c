"""`reader analyze` as scripts use it: the JSON contract, ids and paths, the cache, errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from reader.analysis import SPEAKER_KINDS, parallel
from reader.cli import main
from tests.helpers.pipelines import build_test_pipeline

ONE = """---
title: Erster Bericht
source: example.org
---
Bundeskanzler Olaf Scholz reiste am Montag nach Paris.
„Wir stehen fest an der Seite unserer Partner“, sagte Scholz nach dem Treffen.
Der Slogan „Gemeinsam stark“ hing über der Bühne.
"""
TWO = """Scholz traf Emmanuel Macron.
„Die Tür bleibt offen für alle“, sagte der Bundeskanzler. Macrons Antwort kam schnell.
"""
CONTRACT_ENTITY = {"start", "end", "label", "text", "key"}
CONTRACT_QUOTE = {"start", "end", "text", "kind", "speaker", "speaker_start", "speaker_end"}


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("model") / "test-pipeline"
    build_test_pipeline().to_disk(path)
    return path


@pytest.fixture
def library(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "eins.md").write_text(ONE, encoding="utf-8")
    (tmp_path / "articles" / "zwei.txt").write_text(TWO, encoding="utf-8")
    return tmp_path


def run(library: Path, model_dir: Path, *args: str, jobs: int = 1):
    """In this process unless `jobs` says otherwise (each worker process loads the pipeline anew)."""
    command = ["--library", str(library), "--model", str(model_dir), "analyze", "--jobs", str(jobs), *args]
    return CliRunner().invoke(main, command)


def test_json_contract(library: Path, model_dir: Path) -> None:
    result = run(library, model_dir, "--json", "zwei", "eins")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [row["id"] for row in rows] == ["zwei", "eins"]
    for row in rows:
        assert {"id", "text", "entities", "quotes"} <= set(row)
        for entity in row["entities"]:
            assert set(entity) >= CONTRACT_ENTITY
            assert row["text"][entity["start"] : entity["end"]] == entity["text"]
        for quote in row["quotes"]:
            assert set(quote) >= CONTRACT_QUOTE
            assert row["text"][quote["start"] : quote["end"]] == quote["text"]
            if quote["speaker_text"] is None:
                assert quote["speaker_start"] is None and quote["speaker_end"] is None
            else:
                assert quote["speaker_kind"] in SPEAKER_KINDS
    zwei, eins = rows
    assert [(q["text"], q["kind"], q["speaker"]) for q in eins["quotes"]] == [
        ("Wir stehen fest an der Seite unserer Partner", "speech", "Olaf Scholz"),
        ("Gemeinsam stark", "term", None),
    ]
    quote = zwei["quotes"][0]
    assert (quote["speaker"], zwei["text"][quote["speaker_start"] : quote["speaker_end"]]) == (
        "Olaf Scholz",
        "der Bundeskanzler",
    )
    assert {e["key"] for e in zwei["entities"] if e["label"] == "PER"} == {"olaf scholz", "emmanuel macron"}


def test_a_file_path_works_like_an_id(library: Path, model_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere" / "drei.txt"
    outside.parent.mkdir()
    outside.write_text("„Niemand will das so haben“, sagte Scholz am Abend.\n", encoding="utf-8")
    result = run(library, model_dir, "--json", str(outside))
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout)
    assert row["id"] == "drei"
    assert row["quotes"][0]["speaker"] == "Olaf Scholz", "names resolve against the library"


def test_whole_library_fills_the_cache_then_reads_it(library: Path, model_dir: Path) -> None:
    first = run(library, model_dir)
    assert first.exit_code == 0, first.output
    assert "Analysing" in first.stderr
    assert [line.split()[0] for line in first.stdout.splitlines()] == ["eins", "zwei"]
    assert all(line.endswith("analysed") for line in first.stdout.splitlines())
    second = run(library, model_dir)
    assert all(line.endswith("cached") for line in second.stdout.splitlines())
    assert "Analysing" not in second.stderr


def test_unknown_article_is_one_clear_line(library: Path, model_dir: Path) -> None:
    result = run(library, model_dir, "--json", "gibt-es-nicht")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: no article 'gibt-es-nicht' in the library, and no such file"
    assert result.stdout == ""


def test_unreadable_file_is_one_clear_line(library: Path, model_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Gr\xfc\xdfe".encode("latin-1"))
    result = run(library, model_dir, "--json", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: latin1.txt is not UTF-8")
    assert len(result.stderr.strip().splitlines()) == 1


def test_empty_library_is_an_error(tmp_path: Path, model_dir: Path) -> None:
    (tmp_path / "articles").mkdir()
    result = run(tmp_path, model_dir)
    assert result.exit_code == 1 and "no articles to analyse" in result.stderr


@pytest.mark.slow
def test_an_article_over_a_million_characters_is_analysed(library: Path, model_dir: Path) -> None:
    filler = "Die Verhandlungen dauerten bis in den späten Abend, danach ging es um die Lage im Osten. " * 11
    paragraph = f"„Wir bleiben im Gespräch“, sagte Scholz in Berlin. {filler}\n"
    (library / "articles" / "riesig.txt").write_text("Ein sehr langer Bericht\n" + paragraph * 1_000, encoding="utf-8")
    result = run(library, model_dir, "--json", "riesig")
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout)
    assert len(row["text"]) > 1_000_000
    scholz = [e for e in row["entities"] if e["text"] == "Scholz"]
    assert len(scholz) == 1_000 and all(row["text"][e["start"] : e["end"]] == "Scholz" for e in scholz)
    assert len(row["quotes"]) == 1_000 and {q["speaker"] for q in row["quotes"]} == {"Olaf Scholz"}


def test_one_failing_article_costs_only_itself(library: Path, model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.analysis import analyze as analyze_module  # cache.py imports it when it first analyses

    real = analyze_module.analyze_article

    def failing_for_eins(article, nlp, fingerprint):
        if article.id == "eins":
            raise MemoryError("simulated: the article is too much for this machine")
        return real(article, nlp, fingerprint)

    monkeypatch.setattr(analyze_module, "analyze_article", failing_for_eins)
    result = run(library, model_dir)
    assert result.exit_code == 1
    assert (
        result.stderr.splitlines()[-1]
        == "failed eins: MemoryError: simulated: the article is too much for this machine"
    )
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["zwei"]
    monkeypatch.setattr(analyze_module, "analyze_article", real)
    again = run(library, model_dir)
    assert again.exit_code == 0
    assert {line.split()[0]: line.split()[-1] for line in again.stdout.splitlines()} == {
        "eins": "analysed",
        "zwei": "cached",
    }


def test_a_damaged_cache_is_recomputed_not_a_crash(library: Path, model_dir: Path) -> None:
    assert run(library, model_dir).exit_code == 0
    cache_files = sorted((Path(os.environ["READER_CACHE_DIR"]) / "analysis").glob("*.json"))
    assert len(cache_files) == 2
    cache_files[0].write_bytes(b"[" * 100_000 + b"]" * 100_000)
    data = json.loads(cache_files[1].read_bytes())
    data["entities"][0]["end"] = 10**9
    cache_files[1].write_text(json.dumps(data), encoding="utf-8")
    again = run(library, model_dir)
    assert again.exit_code == 0, again.output
    assert [line.split()[-1] for line in again.stdout.splitlines()] == ["analysed", "analysed"]


@pytest.mark.slow  # worker processes: spawned ones each load the pipeline
@pytest.mark.parametrize("forked", [True, False], ids=["forked", "spawned"])
def test_two_processes_analyse_what_one_does_and_a_stopped_run_resumes(
    library: Path, model_dir: Path, forked: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if forked and not parallel.fork_is_safe():
        pytest.skip("fork is not safe here (not Linux, or a thread runs)")
    monkeypatch.setattr(parallel, "fork_is_safe", lambda: forked)
    two = (library / "articles" / "zwei.txt").read_text(encoding="utf-8")
    (library / "articles" / "zwei.txt").unlink()
    assert run(library, model_dir).exit_code == 0  # eins analysed and cached, as by a run stopped after it
    (library / "articles" / "zwei.txt").write_text(two, encoding="utf-8")
    (library / "articles" / "drei.txt").write_text("„Wir bleiben dran“, sagte Macron in Paris.\n", encoding="utf-8")
    both = run(library, model_dir, "--json", jobs=2)
    assert both.exit_code == 0, both.output
    progress = [line for line in both.stderr.splitlines() if line.startswith("Analysing")]
    assert len(progress) == 2 and {line.split()[2] for line in progress} == {"zwei", "drei"}  # not eins again
    assert progress[-1].startswith("Analysing 2/2: ")
    alone = run(library, model_dir, "--json")  # all cached now: the same analyses
    assert alone.exit_code == 0 and "Analysing" not in alone.stderr
    assert json.loads(both.stdout) == json.loads(alone.stdout)


def test_a_worker_that_dies_ends_the_run_in_one_line(
    library: Path, model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker killed (out of memory, say) is one line, not a traceback; forked workers inherit
    the stand-in that kills them."""
    if not parallel.fork_is_safe():
        pytest.skip("fork is not safe here (not Linux, or a thread runs): a spawned worker would not inherit it")
    monkeypatch.setattr(parallel, "analyze_cached", lambda *args: os._exit(9))
    result = run(library, model_dir, jobs=2)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if not line.startswith("Analysing")]
    assert len(errors) == 1 and errors[0].startswith("Error: the analysis processes stopped (")
    assert errors[0].endswith("what they finished is cached") and "Traceback" not in result.output
