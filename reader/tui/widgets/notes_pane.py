"""The Notes tab of the side panel: every annotation of the library, the open articles' first,
filterable; enter jumps to one, r settles a conflict."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from ...annotations import AnchoredAnnotation, AnchorState, Conflict
from ...annotations.tags import tag_key
from ...articles import Article
from ...text.terminal import safe_display
from ..highlights import one_line
from ..messages import JumpTo, ResolveConflict
from .option_lists import highlight_first

CONFLICT_MARK = "⚠ changed in two places — r picks a version"


def annotation_label(item: AnchoredAnnotation, conflicted: bool = False) -> Text:
    annotation = item.annotation
    text = Text("▌", style=Style(color=annotation.colour))
    tags = ", ".join(safe_display(tag) for tag in annotation.tags) or "(no tag)"
    text.append(f"{tags}", style=Style(color=annotation.colour, bold=True))
    if item.state is AnchorState.REANCHORED:
        text.append(" ↻", style="italic")
    if conflicted:
        text.append("\n  " + CONFLICT_MARK, style="bold yellow")
    text.append("\n  „" + one_line(annotation.exact, 70) + "“", style="italic")
    if annotation.note:
        text.append("\n  " + one_line(annotation.note, 70), style="dim")
    if item.state is AnchorState.ORPHANED:
        text.append("\n  orphaned: " + one_line(item.anchor.reason, 66), style="bold red")
    return text


def deleted_conflict_label(conflict: Conflict) -> Text:
    """A conflict whose live version was deleted here: listed by its other version."""
    version = conflict.versions[0]
    text = Text("▌", style=Style(color=version.colour))
    text.append(
        ", ".join(safe_display(tag) for tag in version.tags) or "(no tag)", style=Style(color=version.colour, bold=True)
    )
    text.append("\n  „" + one_line(version.exact, 70) + "“", style="italic")
    text.append("\n  ⚠ deleted here, changed elsewhere — r picks", style="bold yellow")
    return text


def matches(item: AnchoredAnnotation, query: str, tag: str) -> bool:
    annotation = item.annotation
    if tag and tag_key(tag) not in {tag_key(t) for t in annotation.tags}:
        return False
    if not query:
        return True
    haystack = " ".join((annotation.exact, annotation.note, annotation.author, *annotation.tags)).casefold()
    return query.casefold() in haystack


class NotesPane(Vertical):
    """Annotations of the open articles first, then the rest of the library, then orphans."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_filter", "Filter notes", show=False),
        Binding("escape", "clear_filters", "Clear the filters", show=False),
        Binding("r", "resolve", "Pick a version (conflict)", show=False),
    ]
    DEFAULT_CSS = """
    NotesPane { height: 1fr; }
    NotesPane > #notes-filter-info { height: auto; color: $text-muted; padding: 0 1; }
    NotesPane > OptionList { height: 1fr; border: none; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.items: list[AnchoredAnnotation] = []
        self.titles: dict[str, str] = {}
        self.open_ids: list[str] = []
        self.conflicts: dict[str, Conflict] = {}
        self.tag = ""

    def compose(self) -> ComposeResult:
        yield Input(placeholder="filter: text, note, tag, author", id="notes-filter")
        yield Static(Text(""), id="notes-filter-info")
        yield OptionList(id="notes-list")

    def show(
        self,
        items: Sequence[AnchoredAnnotation],
        articles: Sequence[Article],
        open_ids: Sequence[str],
        conflicts: Sequence[Conflict] = (),
    ) -> None:
        self.items = list(items)
        self.titles = {article.id: article.display_title for article in articles}
        self.open_ids = list(open_ids)
        self.conflicts = {conflict.annotation_id: conflict for conflict in conflicts}
        self._fill()

    def set_tag(self, tag: str) -> None:
        self.tag = tag
        self._fill()

    def _fill(self) -> None:
        query = self.query_one("#notes-filter", Input).value.strip()
        chosen = [item for item in self.items if matches(item, query, self.tag)]
        order = {article_id: index for index, article_id in enumerate(self.open_ids)}
        chosen.sort(
            key=lambda i: (
                i.state is AnchorState.ORPHANED,
                order.get(i.annotation.article_id, len(order)),
                i.annotation.article_id,
                i.start or 0,
            )
        )
        options: list[Option | None] = []
        deleted_here = [c for c in self.conflicts.values() if c.local is None and not self.tag and not query]
        if deleted_here:
            options.append(
                Option(Text("Conflicts: deleted here, changed elsewhere", style="bold yellow"), disabled=True)
            )
            options.extend(
                Option(deleted_conflict_label(conflict), id=conflict.annotation_id) for conflict in deleted_here
            )
        current_article = None
        for item in chosen:
            article_id = item.annotation.article_id
            if article_id != current_article:
                current_article = article_id
                if options:
                    options.append(None)
                title = self.titles.get(article_id, f"{article_id} (not in the library)")
                options.append(Option(Text(one_line(title, 60), style="bold"), disabled=True))
            options.append(Option(annotation_label(item, item.annotation.id in self.conflicts), id=item.annotation.id))
        notes = self.query_one("#notes-list", OptionList)
        highlighted = notes.highlighted_option.id if notes.highlighted_option else None
        notes.clear_options()
        notes.add_options(options)
        if highlighted is not None:
            with suppress(OptionDoesNotExist):  # the option is gone: leave the highlight where OptionList puts it
                notes.highlighted = notes.get_option_index(highlighted)
        highlight_first(notes)
        info = f"{len(chosen)} of {len(self.items)}"
        if self.conflicts:
            info += f" · ⚠ {len(self.conflicts)} conflict{'s' if len(self.conflicts) != 1 else ''} (r picks)"
        if self.tag:
            info += f" · tag “{safe_display(self.tag)}” (escape clears)"
        self.query_one("#notes-filter-info", Static).update(Text(info))

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#notes-list", OptionList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filters":
            return bool(self.tag or self.query_one("#notes-filter", Input).value)
        if action == "resolve":
            return self.highlighted_annotation_id() in self.conflicts
        return True

    def action_resolve(self) -> None:
        annotation_id = self.highlighted_annotation_id()
        if annotation_id in self.conflicts:
            self.post_message(ResolveConflict(annotation_id))

    def action_clear_filters(self) -> None:
        self.tag = ""
        self.query_one("#notes-filter", Input).value = ""
        self._fill()

    def action_focus_filter(self) -> None:
        self.query_one("#notes-filter", Input).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = next((i for i in self.items if i.annotation.id == event.option.id), None)
        if item is None:
            if event.option.id in self.conflicts:  # deleted here: nothing to jump to, only to decide
                self.post_message(ResolveConflict(event.option.id))
            return
        if item.state is AnchorState.ORPHANED or item.start is None or item.end is None:
            self.app.notify(f"Orphaned: {item.anchor.reason}", severity="warning", markup=False)
            return
        self.post_message(JumpTo(item.annotation.article_id, item.start, item.end))

    def highlighted_annotation_id(self) -> str | None:
        option = self.query_one("#notes-list", OptionList).highlighted_option
        return option.id if option else None
