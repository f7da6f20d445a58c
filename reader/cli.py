"""The `reader` command group: its options, the settings they make, and the app without a
subcommand; the subcommands are in reader/commands/, one module per group."""

from __future__ import annotations

import importlib
import sys

import click

from . import __version__
from .commands.console import SafeErrorsGroup
from .settings import Settings

# each command's module in reader/commands/ and its function there, imported when the command
# runs (or when --help lists them all): `reader list` does not import the annotation store, the
# exporters and the coding tables (its imports: 0.28 → 0.10 s of CPU, median of five)
COMMANDS = {
    "list": ("articles", "list_articles"),
    "add": ("articles", "add"),
    "annotate": ("annotations", "annotate"),
    "annotations": ("annotations", "list_annotations"),
    "export": ("annotations", "export"),
    "import": ("annotations", "import_annotations"),
    "conflicts": ("conflicts", "list_conflicts"),
    "resolve": ("conflicts", "resolve"),
    "codebook": ("coding", "codebook"),
    "matrix": ("coding", "matrix"),
    "agreement": ("coding", "agreement_command"),
    "analyze": ("analysis", "analyze"),
    "compare": ("framing", "compare"),
    "related": ("framing", "related"),
    "info": ("pipeline", "info"),
    "evaluate-model": ("pipeline", "evaluate_model"),
}


class ReaderGroup(SafeErrorsGroup):
    """The `reader` group, whose commands are imported only when asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, name = COMMANDS[cmd_name]
        command: click.Command = getattr(importlib.import_module(f".commands.{module}", __package__), name)
        return command


@click.group(cls=ReaderGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--library",
    "library",
    type=click.Path(file_okay=False),
    help="Library folder holding articles/ and annotations/ [env READER_LIBRARY; default: current folder].",
)
@click.option(
    "--model",
    help="spaCy pipeline: an installed package name or a path [env READER_MODEL; default: the shipped German pipeline].",
)
@click.option("--author", help="Author name for new annotations [env READER_AUTHOR; default: login name].")
@click.version_option(__version__, "-V", "--version", prog_name="reader")
@click.pass_context
def main(ctx: click.Context, library: str | None, model: str | None, author: str | None) -> None:
    """Read several outlets' articles on one story side by side.

    Without a command, opens the app on the library.
    """
    ctx.obj = Settings.resolve(library=library, model=model, author=author)
    if ctx.invoked_subcommand is None:
        from .commands.common import library_of
        from .tui.app import ReaderApp

        library_of(ctx.obj)  # a folder that is not there is one line, not an empty app
        app = ReaderApp(ctx.obj)
        app.run()
        if app.return_code:  # a crash (Textual printed the traceback on stderr) or a signal
            sys.exit(app.return_code)
