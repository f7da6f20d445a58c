"""`reader codebook`, `matrix` and `agreement`: content analysis on the command line."""

from __future__ import annotations

import sys

import click

from ..annotations import StoreError, TagError
from ..annotations.codebook import Code, CodebookError
from ..coding.agreement import AgreementReport, Figures, agreement, authors_in
from ..coding.matrix import BY, coding_matrix
from ..settings import Settings
from ..text.shortening import one_line
from .common import echo_problems, open_store
from .console import CommandError, export_for_terminal, is_terminal, print_json, say


def code_json(code: Code) -> dict[str, object]:
    return {
        "name": code.name,
        "parent": code.parent or None,
        "colour": code.colour,
        "description": code.description,
        "count": code.count,
    }


@click.group("codebook", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON: name, parent, colour, description, count per code.")
@click.pass_context
def codebook(ctx: click.Context, as_json: bool) -> None:
    """List the codebook (codes in tree order), or change it with a subcommand.

    A code's parent is written in its name: "Framing/Konflikt" is Konflikt under Framing.
    """
    if ctx.invoked_subcommand is not None:
        return
    _, store = open_store(ctx.obj)
    codes = store.codebook()
    if as_json:
        print_json([code_json(code) for code in codes])
        return
    for code in codes:
        rule = f"  — {one_line(code.description, 60)}" if code.description else ""
        say(f"{'  ' * code.depth}{code.leaf}  ({code.count})  {code.colour}{rule}")


@codebook.command("add")
@click.argument("name")
@click.option("--description", help="The coding rule: when the code applies.")
@click.option("--colour", "--color", "colour", help="#rrggbb (or #rgb).")
@click.pass_obj
def add_code(settings: Settings, name: str, description: str | None, colour: str | None) -> None:
    """Add a code (or change its description and colour); NAME may be a path, "Parent/Child"."""
    _, store = open_store(settings)
    try:
        code = store.define_code(name, description=description, colour=colour)
    except (CodebookError, TagError, StoreError) as error:
        raise CommandError(str(error)) from None
    say(f"{code.name}  {code.colour}")


@codebook.command("rename")
@click.argument("old")
@click.argument("new")
@click.pass_obj
def rename_code(settings: Settings, old: str, new: str) -> None:
    """Rename a code (a path moves it; an existing name merges into it); relabels its annotations."""
    _, store = open_store(settings)
    try:
        count = store.rename_code(old, new)
    except (CodebookError, TagError, StoreError) as error:
        raise CommandError(str(error)) from None
    say(f"renamed; {count} annotation{'s' if count != 1 else ''} relabelled")


@codebook.command("move")
@click.argument("name")
@click.argument("parent")
@click.pass_obj
def move_code(settings: Settings, name: str, parent: str) -> None:
    """Put a code and its children under PARENT ('' for the top level)."""
    _, store = open_store(settings)
    try:
        count = store.move_code(name, parent)
    except (CodebookError, TagError, StoreError) as error:
        raise CommandError(str(error)) from None
    say(f"moved; {count} annotation{'s' if count != 1 else ''} relabelled")


@codebook.command("merge")
@click.argument("source")
@click.argument("target")
@click.pass_obj
def merge_code(settings: Settings, source: str, target: str) -> None:
    """Merge SOURCE (and its children) into the existing code TARGET."""
    _, store = open_store(settings)
    try:
        count = store.merge_code(source, target)
    except (CodebookError, TagError, StoreError) as error:
        raise CommandError(str(error)) from None
    say(f"merged; {count} annotation{'s' if count != 1 else ''} relabelled")


@click.command("matrix")
@click.option("--by", type=click.Choice(BY), default="article", show_default=True, help="Columns: articles or outlets.")
@click.option("--format", "fmt", type=click.Choice(("csv", "json")), default="csv", show_default=True)
@click.pass_obj
def matrix(settings: Settings, by: str, fmt: str) -> None:
    """The coding matrix: passages per code (rows) and article or outlet (columns)."""
    library, store = open_store(settings)
    scan = library.scan()
    echo_problems(scan.problems)
    result = coding_matrix(store.all(), scan.articles, store.codebook(), by)
    if fmt == "json":
        print_json(result.as_json())
        return
    data = result.as_csv().encode("utf-8")
    if is_terminal(sys.stdout):
        data = export_for_terminal(data, "csv")
    click.echo(data, nl=False)


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def figures_json(figures: Figures) -> dict[str, object]:
    return {
        "code": figures.code or None,
        "units": figures.units,
        "applied": figures.applied,
        "percent_agreement": figures.percent_agreement,
        "cohens_kappa": figures.cohens_kappa,
        "krippendorffs_alpha": figures.krippendorffs_alpha,
    }


def report_json(report: AgreementReport) -> dict[str, object]:
    return {
        "coders": list(report.coders),
        "unit": report.unit,
        "articles": list(report.articles),
        "overall": figures_json(report.overall),
        "codes": [figures_json(figures) for figures in report.per_code],
        "disagreements": [
            {
                "article_id": d.article_id,
                "sentence": d.sentence,
                "start": d.start,
                "end": d.end,
                "code": d.code,
                "applied_by": list(d.applied_by),
                "not_by": list(d.not_by),
            }
            for d in report.disagreements
        ],
        "orphans_left_out": report.skipped_orphans,
        "notes": list(report.notes),
    }


@click.command("agreement")
@click.option("--authors", help="Comma-separated coders (annotation authors) [default: every author].")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: figures per code and overall, disagreements.")
@click.pass_obj
def agreement_command(settings: Settings, authors: str | None, as_json: bool) -> None:
    """Intercoder agreement: percent agreement, Cohen's kappa (two coders), Krippendorff's alpha."""
    library, store = open_store(settings)
    scan = library.scan()
    echo_problems(scan.problems)
    hits = store.anchor_all(scan.articles)
    coders = [name.strip() for name in authors.split(",") if name.strip()] if authors else None
    if coders is not None:
        known = set(authors_in(hits))
        unknown = [name for name in coders if name not in known]
        if unknown:
            raise CommandError(
                f"no annotations by {', '.join(map(repr, unknown))}; authors: {', '.join(sorted(known))}"
            )
        if len(set(coders)) < 2:
            raise CommandError("--authors needs two coders or more")
    report = agreement(hits, scan.articles, coders)
    if as_json:
        print_json(report_json(report))
        return
    for note in report.notes:
        say(f"agreement: {note}", err=True)
    say(f"coders: {', '.join(report.coders)}; articles coded by two or more: {len(report.articles)}")
    say(f"unit: {report.unit}")
    if report.skipped_orphans:
        say(f"{report.skipped_orphans} orphaned passages left out (not in the current text)")
    say(f"{'code':40} {'units':>6} {'agree%':>7} {'kappa':>6} {'alpha':>6}")
    for figures in (*report.per_code, report.overall):
        name = figures.code or "(overall)"
        percent = "n/a" if figures.percent_agreement is None else f"{100 * figures.percent_agreement:.1f}"
        say(
            f"{one_line(name, 40):40} {figures.units:>6} {percent:>7} "
            f"{_number(figures.cohens_kappa):>6} {_number(figures.krippendorffs_alpha):>6}"
        )
    if report.disagreements:
        say(f"disagreements ({len(report.disagreements)}):")
    for d in report.disagreements:
        say(
            f"  {d.article_id} sentence {d.sentence + 1} ({d.start}–{d.end}) {d.code}: "
            f"by {', '.join(d.applied_by)}, not by {', '.join(d.not_by)}"
        )
