"""One article in the comparison: a header (title, source, date), the reading view, a status line."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ...articles import Article
from ...articles.infer import is_headline
from ...text.counting import plural
from ...text.shortening import one_line
from ...text.terminal import safe_display
from .fitted_line import FittedLine
from .reading_view import Highlight, ReadingView

SUBHEADING_STYLE = Style(bold=True)


def article_header(article: Article, width: int | None = None) -> Text:
    """Title on the first line; source, date and length on the second, each cut to `width` with
    an ellipsis, so that a long title never pushes the outlet off the header. Never markup."""
    text = Text(no_wrap=True, overflow="ellipsis")
    title = safe_display(article.display_title)
    outlet = safe_display(article.source) or "outlet unknown — m to set"
    date = [safe_display(article.date)] if article.date else []
    details = " · ".join([outlet, *date, plural(article.words, "word")])
    text.append(one_line(title, width) if width else one_line(title), style="bold")
    text.append("\n" + (one_line(details, width) if width else details), style="dim")
    return text


class ColumnHeader(Static):
    """The column's two header lines, fitted to the column's width whenever it is drawn."""

    def __init__(self, article: Article) -> None:
        super().__init__(classes="column-header")
        self.article = article

    def render(self) -> Text:
        return article_header(self.article, self.content_size.width or None)


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
        self.closing = False  # set by the deck when the column is being removed
        self.search_hits: list[tuple[int, int]] = []  # of the screen's current search, in this column
        self.position = ""  # where n / N went last: "/Putin 3/12", "mention 3/14"

    def compose(self) -> ComposeResult:
        yield ColumnHeader(self.article)
        view = ReadingView(self.article.body)
        view.set_layer("structure", subheading_highlights(self.article))
        yield view
        yield FittedLine(classes="column-status")

    def show_details(self, article: Article) -> None:
        """The same text with new metadata (`m`): the header redraws, the view stays."""
        self.article = article
        header = self.query_one(ColumnHeader)
        header.article = article
        header.refresh()

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
        if self.position:
            status.append("  " + self.position, style="bold")
        if view.selection:
            start, end = view.selection
            status.append(f"  selected {plural(end - start, 'character')}")
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
