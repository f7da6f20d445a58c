"""The command line: annotate, annotations, export, import, through click's runner."""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner

from reader.annotations import AnnotationStore
from reader.articles import Library
from reader.cli import main

ARTICLE_ID = "treffen-trump-putin-no-deal"


def run(library: Library, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--library", str(library.root), "--author", "cli", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_annotate_by_exact_text_and_occurrence(library: Library) -> None:
    code, out, _ = run(
        library,
        "annotate",
        ARTICLE_ID,
        "--exact",
        "Putin",
        "--occurrence",
        "2",
        "--tag",
        "Framing",
        "--note",
        "-",
        stdin="aus stdin\n",
    )
    assert code == 0
    annotation = AnnotationStore.open(library).get(out.strip())
    body = library.get(ARTICLE_ID).body
    second = body.index("Putin", body.index("Putin") + 1)
    assert (annotation.start, annotation.end, annotation.tags, annotation.note, annotation.author) == (
        second,
        second + 5,
        ("Framing",),
        "aus stdin",
        "cli",
    )


def test_annotate_by_offsets_and_from_a_file_path(library: Library) -> None:
    code, out, _ = run(
        library, "annotate", str(library.articles_dir / f"{ARTICLE_ID}.txt"), "--start", "0", "--end", "12"
    )
    assert code == 0 and AnnotationStore.open(library).get(out.strip()).exact == library.get(ARTICLE_ID).body[:12]


def test_annotate_errors_are_one_line(library: Library) -> None:
    cases = [
        (["annotate", ARTICLE_ID, "--exact", "Putin", "--occurrence", "99"], "there is no occurrence 99"),
        (["annotate", ARTICLE_ID, "--exact", "gibt es nicht"], "does not occur"),
        (["annotate", ARTICLE_ID, "--exact", "x", "--start", "1"], "either --exact TEXT or both --start and --end"),
        (["annotate", ARTICLE_ID, "--start", "5"], "either --exact TEXT or both --start and --end"),
        (["annotate", ARTICLE_ID, "--start", "5", "--end", "999999"], "not a non-empty span"),
        (["annotate", "unbekannt", "--exact", "x"], "no article 'unbekannt'"),
    ]
    for args, expected in cases:
        code, _, err = run(library, *args)
        assert code == 1 and expected in err and err.count("\n") == 1, (args, err)
    assert not library.annotations_dir.exists() or len(AnnotationStore.open(library)) == 0


def test_annotations_lists_with_states_and_json(library: Library) -> None:
    run(library, "annotate", ARTICLE_ID, "--exact", "Keine Einigung", "--tag", "Framing")
    run(library, "annotate", "gipfel-der-leere-inszenierung", "--start", "0", "--end", "20", "--note", "Bild")
    (library.articles_dir / "gipfel-der-leere-inszenierung.txt").write_text("Anderer Text.\n", encoding="utf-8")
    code, out, _ = run(library, "annotations")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert "ORPHANED" in next(line for line in lines if "gipfel-der-leere" in line)
    assert "anchored" in next(line for line in lines if ARTICLE_ID in line) and "Framing" in out
    code, out, _ = run(library, "annotations", "--json", "--tag", "framing")
    records = json.loads(out)
    assert [r["selectors"]["quote"]["exact"] for r in records] == ["Keine Einigung"]
    code, _, err = run(library, "annotations", "--article", "unbekannt")
    assert code == 1 and "no article 'unbekannt'" in err


def test_export_to_file_and_import_elsewhere(library: Library, second_library: Library, tmp_path: Path) -> None:
    run(library, "annotate", ARTICLE_ID, "--exact", "Keine Einigung", "--tag", "Framing")
    target = tmp_path / "out" / "export.json"
    code, out, err = run(library, "export", "-o", str(target))
    assert code == 0 and out == "" and "wrote" in err
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "reader-annotations"
    code, out, _ = run(second_library, "import", str(target), "--dry-run")
    assert code == 0 and "1 added" in out and "dry run" in out
    assert len(AnnotationStore.open(second_library)) == 0
    code, out, _ = run(second_library, "import", str(target))
    assert code == 0 and out.startswith("1 annotation read (json): 1 added")
    code, out, _ = run(second_library, "export", "--format", "csv")
    assert code == 0 and "Keine Einigung" in out


def test_import_refusal_names_the_file_and_changes_nothing(second_library: Library, tmp_path: Path) -> None:
    bad = tmp_path / "kaputt.json"
    bad.write_text("{nicht json", encoding="utf-8")
    code, _, err = run(second_library, "import", str(bad))
    assert code == 1 and err.startswith("Error: kaputt.json: is not JSON") and "nothing was imported" in err
    assert not second_library.annotations_dir.exists()


def test_a_damaged_store_is_reported_and_writes_are_refused(library: Library) -> None:
    run(library, "annotate", ARTICLE_ID, "--start", "0", "--end", "5")
    shard = next((library.annotations_dir / "by-article").rglob("*.json"))
    shard.write_text("{", encoding="utf-8")
    code, _, err = run(library, "annotations")
    assert code == 0 and "annotations: " in err and "not valid JSON" in err
    code, _, err = run(library, "annotate", ARTICLE_ID, "--start", "0", "--end", "5")
    assert code == 1 and "nothing will be written" in err
    assert shard.read_text(encoding="utf-8") == "{"


def test_csv_for_german_excel_and_other_delimiters(library: Library) -> None:
    run(library, "annotate", ARTICLE_ID, "--exact", "Keine Einigung", "--tag", "Framing", "--note", "eins, zwei; drei")
    code, out, _ = run(library, "export", "--format", "csv", "--excel")
    header, row = out.removeprefix("\ufeff").splitlines()[:2]
    assert (
        code == 0 and header.startswith("id;article_id;article_title;") and header.endswith(";article_url;text_version")
    )
    assert '"eins, zwei; drei"' in row and row.count(";") >= header.count(";")
    code, out, _ = run(library, "export", "--format", "csv", "--delimiter", "tab")
    assert code == 0 and out.removeprefix("\ufeff").splitlines()[0].split("\t")[:2] == ["id", "article_id"]
    for args, message in (
        (["--format", "json", "--excel"], "apply to --format csv only"),
        (["--format", "csv", "--excel", "--delimiter", ","], "not both"),
        (["--format", "csv", "--delimiter", '"'], "one character other than a double quote"),
        (["--format", "csv", "--delimiter", ";;"], "one character"),
    ):
        code, _, err = run(library, "export", *args)
        assert code == 2 and message in err, (args, err)


def test_conflicts_are_listed_and_resolved_on_the_command_line(
    library: Library, second_library: Library, tmp_path: Path
) -> None:
    code, out, _ = run(library, "annotate", ARTICLE_ID, "--exact", "Keine Einigung", "--note", "Anfang")
    annotation_id = out.strip()
    first = tmp_path / "first.json"
    run(library, "export", "-o", str(first))
    run(second_library, "import", str(first))
    AnnotationStore.open(library).update(annotation_id, note="hier geändert")
    AnnotationStore.open(second_library).update(annotation_id, note="dort geändert")
    there = tmp_path / "there.json"
    run(second_library, "export", "-o", str(there))
    code, out, _ = run(library, "import", str(there))
    assert code == 0 and "1 conflict —" in out and "reader conflicts" in out

    code, out, err = run(library, "annotations")
    assert "1 annotation has conflicting versions" in err
    code, out, _ = run(library, "conflicts")
    assert code == 0 and annotation_id in out and "local" in out and "hier geändert" in out and "dort geändert" in out
    code, out, _ = run(library, "conflicts", "--json")
    [record] = json.loads(out)
    assert record["id"] == annotation_id and record["local"]["note"] == "hier geändert"
    assert [version["note"] for version in record["incoming"]] == ["dort geändert"]

    code, _, err = run(library, "resolve", annotation_id[:8], "--keep", "nonsense")
    assert code == 1 and "not local, incoming or one of" in err
    code, out, _ = run(library, "resolve", annotation_id[:8], "--keep", "incoming")
    assert code == 0 and out.startswith(f"resolved {annotation_id}: kept version ")
    store = AnnotationStore.open(library)
    assert store.get(annotation_id).note == "dort geändert" and store.conflicts() == []
    code, _, err = run(library, "resolve", annotation_id, "--keep", "local")
    assert code == 1 and "no conflict" in err


def test_strangers_in_the_store_are_named_on_stderr(library: Library) -> None:
    run(library, "annotate", ARTICLE_ID, "--start", "0", "--end", "5")
    folder = next((library.annotations_dir / "by-article").iterdir())
    (folder / "00 (conflicted copy).json").write_text("{}", encoding="utf-8")
    code, _, err = run(library, "annotations")
    assert code == 0 and "(conflicted copy).json" in err and "not loaded" in err


def test_undecodable_bytes_in_note_tag_and_author_are_saved(library: Library) -> None:
    latin1 = os.fsdecode  # what Python makes of Latin-1 bytes in argv and the environment
    result = CliRunner().invoke(
        main,
        [
            "--library",
            str(library.root),
            "annotate",
            ARTICLE_ID,
            "--start",
            "0",
            "--end",
            "5",
            "--tag",
            latin1(b"Gr\xfc\xdfe"),
            "--note",
            latin1(b"f\xfcr sp\xe4ter"),
        ],
        env={"READER_AUTHOR": latin1(b"J\xf6rg")},
    )
    assert result.exit_code == 0, result.output
    annotation = AnnotationStore.open(library).get(result.stdout.strip())
    assert (annotation.author, annotation.tags, annotation.note) == ("Jörg", ("Grüße",), "für später")


def test_a_latin1_note_on_standard_input_is_saved(library: Library) -> None:
    result = CliRunner().invoke(
        main,
        ["--library", str(library.root), "annotate", ARTICLE_ID, "--start", "0", "--end", "5", "--note", "-"],
        input=b"Gr\xfc\xdfe aus Latin-1\n",
    )
    assert result.exit_code == 0, result.output
    assert AnnotationStore.open(library).get(result.stdout.strip()).note == "Grüße aus Latin-1"
