"""The annotation dialog: the passage, tags (with completion from the tags already used) and a note."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Input, Label, Static, TextArea

from ...text.shortening import cut
from ...text.terminal import safe_display, safe_line

PASSAGE_PREVIEW_CHARS = 400


@dataclass(frozen=True)
class AnnotationDraft:
    """What the reader entered; the store normalises the tags."""

    tags: list[str]
    note: str


def split_tags(value: str) -> list[str]:
    """Tags are comma-separated; empty pieces are dropped."""
    return [part.strip() for part in value.split(",") if part.strip()]


class TagSuggester(Suggester):
    """Completes the tag being typed (the part after the last comma) from the known tags."""

    def __init__(self, known: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.known = known

    async def get_suggestion(self, value: str) -> str | None:
        head, _, current = value.rpartition(",")
        typed = current.lstrip()
        if not typed:
            return None
        already = {tag.casefold() for tag in split_tags(head)}
        for tag in self.known:
            if tag.casefold().startswith(typed.casefold()) and tag.casefold() not in already:
                prefix = value[: len(value) - len(typed)]
                return prefix + tag
        return None


def merged_drafts(yours: AnnotationDraft, theirs: AnnotationDraft) -> AnnotationDraft:
    """Both versions in one: your tags then theirs (each once), your note then theirs."""
    seen = {tag.casefold() for tag in yours.tags}
    tags = [*yours.tags, *(tag for tag in theirs.tags if tag.casefold() not in seen)]
    notes = [note for note in (yours.note.rstrip(), theirs.note.rstrip()) if note]
    note = notes[0] if len(notes) == 2 and notes[0] == notes[1] else "\n\n".join(notes)
    return AnnotationDraft(tags, note)


class AnnotationEditor(ModalScreen[AnnotationDraft | None]):
    """Returns the draft on save (ctrl+s or the button), None on escape.

    With `theirs` (the annotation was changed elsewhere while the reader edited it), the
    other version is shown under the fields: ctrl+s saves what the fields hold (yours),
    ctrl+t puts theirs into the fields, ctrl+b puts both in (tags of both, your note then theirs).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+t", "take_theirs", "Take theirs", show=False),
        Binding("ctrl+b", "keep_both", "Keep both", show=False),
        # A priority binding runs as the key arrives, so the keys typed right after enter already
        # go to the note (a focus change made later, on Input.Submitted, loses a fast burst).
        Binding("enter", "tags_done", "Next field", show=False, priority=True),
    ]
    DEFAULT_CSS = """
    AnnotationEditor { align: center middle; }
    AnnotationEditor > Vertical {
        width: 90%; max-width: 100; height: auto; max-height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    AnnotationEditor .passage {
        max-height: 8; color: $text-muted; border-left: thick $primary; padding: 0 1; margin: 1 0;
    }
    AnnotationEditor TextArea { height: 8; }
    AnnotationEditor .buttons { height: auto; align-horizontal: right; margin-top: 1; }
    AnnotationEditor .hint { color: $text-muted; }
    AnnotationEditor #theirs {
        max-height: 10; border: round $warning; padding: 0 1; margin-top: 1;
    }
    """

    def __init__(
        self,
        passage: str,
        *,
        title: str = "Annotate",
        tags: list[str] | None = None,
        note: str = "",
        known_tags: list[str] | None = None,
        theirs: AnnotationDraft | None = None,
    ) -> None:
        super().__init__()
        self.passage = passage
        self.heading = title
        self.initial_tags = tags or []
        self.initial_note = note
        self.known_tags = known_tags or []
        self.theirs = theirs

    def compose(self) -> ComposeResult:
        preview = cut(self.passage, PASSAGE_PREVIEW_CHARS)
        with Vertical():
            yield Label(Text(safe_line(self.heading), style="bold"))
            yield Static(Text(safe_display(preview)), classes="passage")
            yield Label("Tags (comma-separated; → accepts a suggestion)")
            yield Input(
                ", ".join(self.initial_tags),
                placeholder="Framing, Zitat verkürzt, Faktencheck …",
                suggester=TagSuggester(self.known_tags),
                id="tags",
            )
            yield Label("Note")
            yield TextArea(self.initial_note, id="note", soft_wrap=True, show_line_numbers=False)
            if self.theirs is not None:
                yield Static(self._theirs_text(self.theirs), id="theirs")
            with Horizontal(classes="buttons"):
                hint = "ctrl+s saves · escape cancels"
                if self.theirs is not None:
                    hint = "ctrl+s saves yours · ctrl+t takes theirs · ctrl+b keeps both · escape cancels"
                    yield Button("Take theirs", id="take-theirs")
                    yield Button("Keep both", id="keep-both")
                yield Static(Text(hint, style="dim"), classes="hint")
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    @staticmethod
    def _theirs_text(theirs: AnnotationDraft) -> Text:
        text = Text("Changed elsewhere since you opened it (theirs):\n", style="bold")
        text.append("Tags: ", style="bold")
        text.append(safe_display(", ".join(theirs.tags) or "(none)"))
        text.append("\nNote: ", style="bold")
        text.append(safe_display(theirs.note) or "(empty)")
        return text

    def on_mount(self) -> None:
        self.query_one("#tags", Input).focus()

    def action_tags_done(self) -> None:
        """Enter in the tags field moves to the note; anywhere else it does what it always does."""
        if self.focused is not self.query_one("#tags", Input):
            raise SkipAction()
        self.set_focus(self.query_one("#note", TextArea))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {"save": self.action_save, "take-theirs": self.action_take_theirs, "keep-both": self.action_keep_both}
        actions.get(event.button.id or "", self.action_cancel)()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("take_theirs", "keep_both"):
            return self.theirs is not None
        return True

    def _show(self, draft: AnnotationDraft) -> None:
        self.query_one("#tags", Input).value = ", ".join(draft.tags)
        self.query_one("#note", TextArea).text = draft.note

    def _draft(self) -> AnnotationDraft:
        return AnnotationDraft(split_tags(self.query_one("#tags", Input).value), self.query_one("#note", TextArea).text)

    def action_take_theirs(self) -> None:
        if self.theirs is not None:
            self._show(self.theirs)

    def action_keep_both(self) -> None:
        if self.theirs is not None:
            self._show(merged_drafts(self._draft(), self.theirs))

    def action_save(self) -> None:
        self.dismiss(self._draft())

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question; y or enter confirms, n or escape declines."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]
    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; }
    ConfirmDialog > Vertical {
        width: 70; height: auto; border: round $error; background: $surface; padding: 1 2;
    }
    """

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(safe_display(self.question)))
            yield Static(Text("y / enter: yes · n / escape: no", style="dim"))

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
