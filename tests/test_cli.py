"""The `reader` command as scripts use it."""

from __future__ import annotations

import json
from pathlib import Path

import click
from click.testing import CliRunner

from reader import __version__
from reader.cli import main


def test_list_json_gives_the_contract_fields(library_dir: Path) -> None:
    result = CliRunner().invoke(main, ["--library", str(library_dir), "list", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 5
    for row in rows:
        assert set(row) >= {"id", "title", "source", "date", "words", "path", "version"}
        assert Path(row["path"]).is_file()
    assert sorted(r["date"] for r in rows if r["date"]) == ["2025-08-16"]


def test_list_reports_skipped_files_on_stderr(library_dir: Path) -> None:
    (library_dir / "articles" / "kaputt.txt").write_bytes(b"\xff\xfe\x00\x00")
    result = CliRunner().invoke(main, ["--library", str(library_dir), "list"])
    assert result.exit_code == 0
    assert result.stderr.startswith("skipped kaputt.txt: ")
    assert len(result.stdout.strip().splitlines()) == 5


def test_library_comes_from_the_environment(library_dir: Path, monkeypatch) -> None:
    monkeypatch.setenv("READER_LIBRARY", str(library_dir))
    result = CliRunner().invoke(main, ["list", "--json"])
    assert len(json.loads(result.stdout)) == 5


def test_version_and_help() -> None:
    assert CliRunner().invoke(main, ["--version"]).output.strip() == f"reader, version {__version__}"
    help_text = CliRunner().invoke(main, ["--help"]).output
    assert "--library" in help_text and "list" in help_text


def test_list_names_what_was_read_with_a_warning(library_dir: Path) -> None:
    (library_dir / "articles" / "notiz.md").write_text(
        "---\ntitle: Eine Notiz\ndate: gestern\n---\nDer Text der Notiz.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["--library", str(library_dir), "list"])
    assert result.exit_code == 0
    assert result.stderr == "note: notiz.md: date 'gestern' is not YYYY-MM-DD; ignored\n"
    assert len(result.stdout.strip().splitlines()) == 6


def test_every_command_is_found_under_its_own_name() -> None:
    """The commands are imported when asked for, by a table of names: each must name itself."""
    from reader.cli import COMMANDS

    with click.Context(main) as context:
        for name in main.list_commands(context):
            command = main.get_command(context, name)
            assert command is not None and command.name == name, name
    assert set(main.list_commands(context)) == set(COMMANDS) and main.get_command(context, "nope") is None
