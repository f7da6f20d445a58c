"""One article in the comparison: a header (title, source, date), the reading view, a status line."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ...articles import Article
from ...articles.infer import is_headline
from ...text.terminal import safe_display
from .reading_view import Highlight, ReadingView

SUBHEADING_STYLE = Style(bold=True)


def article_header(article: Article) -> Text:
    """Title on the first line; source, date and length on the second. Plain text, never markup."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(safe_display(article.display_title), style="bold")
    details = [safe_display(part) for part in (article.source, article.date) if part]
    details.append(f"{article.words:,} words")
    text.append("\n" + " · ".join(details), style="dim")
    return text


def is_subheading(paragraph: str) -> bool:
    """A short paragraph that does not end like a statement; a question may be a subheading too."""
    return is_headline(paragraph) or (
        is_headline(paragraph[:-1]) and paragraph.endswith("?") and len(paragraph.split()) <= 10
    )


def subheading_highlights(article: Article) -> list[Highlight]:
    return [
        Highlight(start, end, SUBHEADING_STYLE, "structure")
        for start, end in article.paragraphs
        if is_subheading(article.body[start:end])
    ]


class ArticleColumn(Vertical):
    """A column of the compare screen; focus lives in its ReadingView."""

    DEFAULT_CSS = """
    ArticleColumn {
        width: 1fr;
        height: 1fr;
        border-right: vkey $panel;
    }
    ArticleColumn:last-of-type { border-right: none; }
    ArticleColumn > .column-header {
        height: 2;
        padding: 0 1 0 2;
        background: $panel;
    }
    ArticleColumn:focus-within > .column-header { background: $primary 40%; }
    ArticleColumn > .column-status {
        height: 1;
        padding: 0 1 0 2;
        color: $text-muted;
        background: $panel;
    }
    """

    def __init__(self, article: Article, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article = article

    def compose(self) -> ComposeResult:
        yield Static(article_header(self.article), classes="column-header")
        view = ReadingView(self.article.body)
        view.set_layer("structure", subheading_highlights(self.article))
        yield view
        yield Static(Text(""), classes="column-status")

    @property
    def view(self) -> ReadingView:
        return self.query_one(ReadingView)

    def set_status(self, status: Text) -> None:
        self.query_one(".column-status", Static).update(status)

    def on_reading_view_cursor_moved(self, message: ReadingView.CursorMoved) -> None:
        self.set_status(self.describe_cursor())

    def describe_cursor(self) -> Text:
        """Where the cursor is: position, selection size, and what highlights cover it."""
        view = self.view
        length = max(1, len(self.article.body))
        status = Text(no_wrap=True, overflow="ellipsis")
        status.append(f"{round(100 * view.cursor / length):>3}%", style="bold")
        if view.selection:
            start, end = view.selection
            status.append(f"  selected {end - start} characters")
        # what the cursor is on first; whether its sentence is shared or only here last
        for highlight in sorted(view.highlights_at(view.cursor), key=lambda h: h.layer == "passage"):
            label = describe_highlight(highlight)
            if label:
                status.append("  ")
                status.append_text(label)
        return status


def describe_highlight(highlight: Highlight) -> Text | None:
    """A one-line description of a highlight for the status line; layers give their data a text."""
    describe = getattr(highlight.data, "describe", None)
    if callable(describe):
        result = describe()
        return result if isinstance(result, Text) else Text(str(result))
    return None
