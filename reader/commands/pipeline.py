"""`reader info` and `reader evaluate-model`: the spaCy pipeline in use, and how well it does."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..settings import Settings
from .console import CommandError, print_json, say, say_lines

if TYPE_CHECKING:
    pass


@click.command("info")
@click.option(
    "--json", "as_json", is_flag=True, help="Print JSON: name, version, path, labels, components, fingerprint, source."
)
@click.pass_obj
def info(settings: Settings, as_json: bool) -> None:
    """Show the spaCy pipeline in use (the --model / READER_MODEL one, else the shipped one)."""
    from dataclasses import asdict

    from ..nlp.pipeline import ModelError, load_pipeline

    try:
        loaded = load_pipeline(settings.model)
    except ModelError as error:  # even the shipped pipeline is missing or broken
        raise CommandError(str(error)) from None
    if loaded.warning:
        say(loaded.warning, err=True)
    details = asdict(loaded.info)
    if as_json:
        print_json(details)
        return
    say(f"{details['name']} {details['version']} ({details['source']}) at {details['path'] or 'memory'}")
    say(f"labels:      {', '.join(details['labels'])}")
    say(f"components:  {', '.join(details['components'])}")
    say(f"fingerprint: {details['fingerprint']}")


@click.command("evaluate-model")
@click.argument("data", type=click.Path(exists=True, dir_okay=False))
@click.option("--labels", help="Comma-separated labels to score, e.g. PER,LOC,ORG for a corpus without MISC.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_obj
def evaluate_model(settings: Settings, data: str, labels: str | None, as_json: bool) -> None:
    """Precision, recall and F1 per label of the pipeline on a GermEval TSV or CoNLL/BIO file."""
    from ..nlp.evaluate import GoldFormatError, evaluate_file, format_table
    from ..nlp.pipeline import ModelError, load_pipeline

    try:
        loaded = load_pipeline(settings.model, fallback=False)
        result = evaluate_file(Path(data), loaded.nlp, labels=labels.split(",") if labels else None)
    except (ModelError, GoldFormatError, OSError, UnicodeDecodeError) as error:
        raise CommandError(str(error).splitlines()[0] if str(error) else repr(error)) from None
    result["model"] = loaded.info.name
    if as_json:
        print_json(result)
        return
    say(
        f"{data}: {result['sentences']} sentences, {result['tokens']} tokens ({result['format']}); model {loaded.info.name} {loaded.info.version}"
    )
    say_lines(format_table(result))
