"""The `reader` command group: its options, the settings they make, and the app without a
subcommand; the subcommands are in reader/commands/, one module per group."""

from __future__ import annotations

import sys

import click

from . import __version__
from .commands import analysis, articles, coding, conflicts, framing, pipeline
from .commands import annotations as annotation_commands  # `annotations` is the __future__ feature here
from .commands.common import library_of
from .commands.console import SafeErrorsGroup
from .settings import Settings


@click.group(cls=SafeErrorsGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
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
        from .tui.app import ReaderApp

        library_of(ctx.obj)  # a folder that is not there is one line, not an empty app
        app = ReaderApp(ctx.obj)
        app.run()
        if app.return_code:  # a crash (Textual printed the traceback on stderr) or a signal
            sys.exit(app.return_code)


for command in (
    articles.list_articles,
    articles.add,
    annotation_commands.annotate,
    annotation_commands.list_annotations,
    annotation_commands.export,
    annotation_commands.import_annotations,
    conflicts.list_conflicts,
    conflicts.resolve,
    coding.codebook,
    coding.matrix,
    coding.agreement_command,
    analysis.analyze,
    framing.compare,
    framing.related,
    pipeline.info,
    pipeline.evaluate_model,
):
    main.add_command(command)
