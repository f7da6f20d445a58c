"""`reader conflicts` and `reader resolve`: annotations changed in two places, and settling them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ..annotations import Annotation, AnnotationStore, Conflict, StoreError
from ..settings import Settings
from ..text.shortening import one_line
from .common import open_store
from .console import print_json, say

if TYPE_CHECKING:
    pass


def _version_json(annotation: Annotation) -> dict[str, object]:
    return {
        "revision": annotation.revision,
        "ancestors": annotation.ancestors,
        "passage": annotation.exact,
        "start": annotation.start,
        "end": annotation.end,
        "tags": annotation.tags,
        "note": annotation.note,
        "author": annotation.author,
        "created": annotation.created,
        "updated": annotation.updated,
    }


def _describe_version(annotation: Annotation) -> str:
    tags = ", ".join(annotation.tags) or "(no tag)"
    note = f" — {one_line(annotation.note, 60)}" if annotation.note else ""
    return f"{annotation.revision[:8]}  {annotation.updated}  {annotation.author or '—'}: {tags}{note}"


@click.command("conflicts")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print JSON: per conflict its id, article, the local version and the others kept.",
)
@click.pass_obj
def list_conflicts(settings: Settings, as_json: bool) -> None:
    """List annotations with conflicting versions (both kept; `reader resolve` settles one)."""
    _, store = open_store(settings)
    conflicts = store.conflicts()
    if as_json:
        records = [
            {
                "id": conflict.annotation_id,
                "article": conflict.article_id,
                "local": _version_json(conflict.local) if conflict.local else None,
                "incoming": [_version_json(version) for version in conflict.versions],
            }
            for conflict in conflicts
        ]
        print_json(records)
        return
    for conflict in conflicts:
        passage = (conflict.local or conflict.versions[0]).exact
        say(f"{conflict.annotation_id}  {conflict.article_id}  “{one_line(passage, 48)}”")
        say(f"  local     {_describe_version(conflict.local) if conflict.local else '(deleted here)'}")
        for version in conflict.versions:
            say(f"  incoming  {_describe_version(version)}")
    if not conflicts:
        say("no conflicts", err=True)


def _find_conflict(store: AnnotationStore, reference: str) -> Conflict:
    """The conflict of an annotation id, or of the one id that starts with `reference`."""
    found = store.conflict(reference)
    if found is not None:
        return found
    matches = [c for c in store.conflicts() if c.annotation_id.startswith(reference)] if reference else []
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise click.ClickException(f"no conflict for an annotation {reference!r} (`reader conflicts` lists them)")
    raise click.ClickException(f"{reference!r} starts {len(matches)} conflicting annotation ids; give more of it")


@click.command("resolve")
@click.argument("annotation_ref", metavar="ID")
@click.option(
    "--keep",
    required=True,
    metavar="local|incoming|REVISION",
    help="Which version stays: the local one, the incoming one (when there is one), or the version with this revision.",
)
@click.pass_obj
def resolve(settings: Settings, annotation_ref: str, keep: str) -> None:
    """Settle a conflict of annotation ID (or a unique start of it) by keeping one version."""
    _, store = open_store(settings)
    conflict = _find_conflict(store, annotation_ref)
    revisions = [version.revision for version in conflict.versions]
    if keep == "incoming":
        if len(revisions) != 1:
            raise click.ClickException(
                f"{len(revisions)} incoming versions ({', '.join(r[:8] for r in revisions)}); give --keep REVISION"
            )
        chosen = revisions[0]
    elif keep == "local":
        chosen = "local"
    else:
        starting = [revision for revision in revisions if keep and revision.startswith(keep)]
        if len(starting) != 1:
            raise click.ClickException(
                f"--keep {keep!r}: not local, incoming or one of {', '.join(r[:8] for r in revisions)}"
            )
        chosen = starting[0]
    try:
        kept = store.resolve(conflict.annotation_id, chosen)
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    what = "the local version" if chosen == "local" else f"version {chosen[:8]}"
    say(f"resolved {conflict.annotation_id}: kept {what}" + ("" if kept is not None else " (it stays deleted)"))
