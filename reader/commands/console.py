"""What the command line prints, and how: every line of outside text through the one sanitiser.

Titles, file names, tags, notes and ids printed by `reader` come from files anyone may have
written, so lines go through `safe_line`, JSON through `escape_json_text` (lossless), error
messages (ours and click's own, which quote what was typed) through `safe_line` too. Exports
keep their exact bytes in files and pipes; only on a terminal are they made safe.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import IO, Any

import click
import orjson

from ..text.terminal import escape_json_text, safe_display, safe_line


def say(text: str, *, err: bool = False) -> None:
    """Print one line (on stderr with `err`), made safe for a terminal."""
    click.echo(safe_line(text), err=err)


def say_lines(text: str) -> None:
    """Print several lines (a table), each made safe."""
    for line in text.splitlines():
        say(line)


def say_all(lines: Iterable[str]) -> None:
    """Print many lines at once (a listing of 100,000 rows), each made safe: the bytes of a
    `say` per line, in one write instead of one each."""
    safe = [safe_line(line) for line in lines]
    if safe:
        click.echo("\n".join(safe))


def print_json(value: Any) -> None:
    """Print JSON for scripts: unsafe characters as \\u escapes, so the data stays exact."""
    sys.stdout.write(escape_json_text(json.dumps(value, ensure_ascii=False, indent=2)) + "\n")


def print_json_records(records: list[dict[str, str | int]]) -> None:
    """Print a list of flat records (strings and whole numbers) exactly as print_json would, by
    orjson, which writes the same bytes for them ten times as fast (a fourth of listing 100,000
    articles was json.dumps); text orjson refuses (a file name's undecodable bytes, kept as lone
    surrogates) goes through print_json."""
    try:
        text = orjson.dumps(records, option=orjson.OPT_INDENT_2).decode("utf-8")
    except orjson.JSONEncodeError:
        print_json(records)
        return
    sys.stdout.write(escape_json_text(text) + "\n")


def is_terminal(stream: IO[Any]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or stand-in stream
        return False


def export_for_terminal(data: bytes, fmt: str) -> bytes:
    """An export as a terminal may show it: JSON formats escaped (still the same JSON), text
    formats sanitised; the CSV's byte-order mark and CRLF row ends, meant for spreadsheets, go."""
    text = data.decode("utf-8")
    if fmt in ("json", "w3c"):
        return escape_json_text(text).encode("utf-8")
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    return safe_display(text).encode("utf-8")


class CommandError(click.ClickException):
    """A one-line error; whatever it quotes (a file name, a title, an id) is made safe."""

    def format_message(self) -> str:
        return safe_line(self.message)


def _make_safe(error: click.ClickException) -> None:
    """Click's own messages quote what was typed (a file name from a shell glob): made safe too."""
    message = error.format_message
    error.format_message = lambda: safe_line(message())  # type: ignore[method-assign]  # this instance only


class SafeErrorsGroup(click.Group):
    """A command group whose usage errors, its own and its commands', are printed safely."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.ClickException as error:
            _make_safe(error)
            raise

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.ClickException as error:
            _make_safe(error)
            raise
