"""How each outlet worded one utterance: the members of a quote group side by side."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ...analysis import QuoteGroup
from ...articles import Article
from ...framing.wording import CHANGED, word_changes
from ...text.counting import plural
from ...text.terminal import safe_display
from ..highlights import SPEECH_COLOUR, one_line, speaker_label

CONTEXT_CHARS = 160


def quotation_with_changes(quote_text: str, reference: str | None) -> Text:
    """The quotation in speech style, the words it does not share with the reference rendering
    (the group's first) underlined on a red wash: which words this outlet changed."""
    text = Text()
    if reference is None or reference == quote_text:
        text.append(safe_display(quote_text), style=f"italic bold {SPEECH_COLOUR}")
        return text
    for kind, piece in word_changes(reference, quote_text):
        style = f"italic bold {SPEECH_COLOUR}" if kind != CHANGED else "italic bold underline #ed8796 on #3b2226"
        text.append(safe_display(piece), style=style)
    return text


def member_text(article: Article | None, quote, source_label: str, reference: str | None = None) -> Text:
    """The outlet, the speaker and cue, then the quotation inside its sentence's context, with the
    words changed against the reference rendering marked."""
    text = Text()
    text.append(safe_display(source_label) + "\n", style="bold")
    speaker = speaker_label(quote) or "speaker unknown"
    text.append(safe_display(speaker), style="bold" if quote.speaker else "italic")
    if quote.cue:
        text.append(f" · {safe_display(quote.cue)}", style="dim")
    text.append("\n\n")
    if article is None or article.body[quote.start : quote.end] != quote.text:
        text.append("„")
        text.append_text(quotation_with_changes(quote.text, reference))
        text.append("“")
        return text
    body = article.body
    before_start = max(0, quote.start - CONTEXT_CHARS)
    after_end = min(len(body), quote.end + CONTEXT_CHARS)
    text.append(("…" if before_start else "") + safe_display(body[before_start : quote.start]), style="dim")
    text.append_text(quotation_with_changes(body[quote.start : quote.end], reference))
    text.append(safe_display(body[quote.end : after_end]) + ("…" if after_end < len(body) else ""), style="dim")
    return text


def member_numbers(article_ids: list[str], open_ids: list[str]) -> list[int]:
    """The number each member goes by: its column's in the comparison (1 for the first column);
    members in articles not open (or a second member in one column) take the numbers after."""
    numbers: list[int] = []
    taken: set[int] = set()
    for article_id in article_ids:
        column = open_ids.index(article_id) + 1 if article_id in open_ids else 0
        numbers.append(column if column and column not in taken else 0)
        taken.add(numbers[-1])
    following = max([len(open_ids), *taken])
    for index, number in enumerate(numbers):
        if not number:
            following += 1
            numbers[index] = following
    return numbers


class QuoteGroupScreen(ModalScreen[tuple[str, int, int] | None]):
    """Dismisses with (article id, start, end) of the member chosen by its number, or None.

    The numbers are the comparison's column numbers, so that `2` goes to what column 2 shows.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,c", "dismiss_none", "Close"),
        Binding("1", "choose(0)", "Go to 1", show=False),
        Binding("2", "choose(1)", "Go to 2", show=False),
        Binding("3", "choose(2)", "Go to 3", show=False),
        Binding("4", "choose(3)", "Go to 4", show=False),
        Binding("5", "choose(4)", "Go to 5", show=False),
        Binding("6", "choose(5)", "Go to 6", show=False),
    ]
    DEFAULT_CSS = """
    QuoteGroupScreen { align: center middle; }
    QuoteGroupScreen > Vertical {
        width: 95%; height: 85%; border: round $primary; background: $surface; padding: 0 1;
    }
    QuoteGroupScreen Horizontal { height: 1fr; }
    QuoteGroupScreen VerticalScroll { width: 1fr; border-right: vkey $panel; padding: 0 1; }
    """

    def __init__(self, group: QuoteGroup, articles: dict[str, Article], open_ids: list[str]) -> None:
        super().__init__()
        self.group = group
        self.articles = articles
        self.numbers = member_numbers([member.article_id for member in group.members], open_ids)
        self.open_ids = open_ids

    def compose(self) -> ComposeResult:
        speaker = self.group.speaker or "unknown speaker"
        with Vertical():
            yield Static(
                Text(
                    f"One utterance of {safe_display(speaker)}, as {plural(len(self.group.articles), 'article')} render it — words another outlet changed are underlined; number keys go to it, escape closes",
                    style="bold",
                )
            )
            reference = self.group.members[0].quote.text if self.group.members else None
            with Horizontal():
                for number, member in sorted(zip(self.numbers, self.group.members, strict=True), key=lambda m: m[0]):
                    article = self.articles.get(member.article_id)
                    label = (
                        f"{number}  " + one_line(article.source or article.display_title, 50)
                        if article
                        else f"{number}  {safe_display(member.article_id)}"
                    )
                    if member.article_id not in self.open_ids:
                        label += " (not open: opens as a column)"
                    with VerticalScroll():
                        yield Static(member_text(article, member.quote, label, reference))

    def action_choose(self, index: int) -> None:
        """The member numbered index + 1 (the binding's 0-based index)."""
        if index + 1 in self.numbers:
            member = self.group.members[self.numbers.index(index + 1)]
            self.dismiss((member.article_id, member.quote.start, member.quote.end))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
