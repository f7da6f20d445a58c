"""Choose an article to open into the comparison: a filterable list of the library."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from ...articles import Article
from ...framing.related import RelatedIndex, index_path
from ...text.terminal import safe_display


def related_scores(
    cache_dir: Path, library_root: Path, library: Sequence[Article], open_articles: Sequence[Article]
) -> dict[str, float]:
    """Article id → how likely it covers the same story as the open articles (0…1); empty when the
    index cannot be used (the picker then lists the library in its order). Slow on a big library's
    first use: call it off the UI thread."""
    try:
        index = RelatedIndex(index_path(cache_dir, library_root))
        try:
            index.sync(library)
            ranked = index.related_to(list(open_articles), limit=len(library))
        finally:
            index.close()
    except (OSError, sqlite3.Error):
        return {}
    return {r.article_id: r.score for r in ranked}


def article_option_label(article: Article, related: float | None = None) -> Text:
    label = Text(f"{100 * related:3.0f}% " if related is not None else "", style="dim")
    label.append(safe_display(article.display_title), style="bold")
    details = " · ".join(safe_display(part) for part in (article.source, article.date) if part)
    if details:
        label.append(f"  {details}", style="dim")
    return label


class ArticlePicker(ModalScreen[str | None]):
    """Returns the chosen article's id, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Cancel")]
    DEFAULT_CSS = """
    ArticlePicker { align: center middle; }
    ArticlePicker > Vertical {
        width: 80%; max-width: 110; height: 70%;
        border: round $primary; background: $surface;
    }
    ArticlePicker OptionList { height: 1fr; }
    """

    def __init__(self, articles: list[Article], related: Mapping[str, float] | None = None) -> None:
        super().__init__()
        self.articles = articles
        self.related = related or {}  # article id → likelihood it covers the same story, shown first

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Input(placeholder="Filter articles …")
            yield OptionList(*self._options(""))

    def _options(self, query: str) -> list[Option]:
        query = query.casefold()
        return [
            Option(article_option_label(article, self.related.get(article.id) if self.related else None), id=article.id)
            for article in self.articles
            if not query or query in f"{article.title} {article.source} {article.id}".casefold()
        ]

    def on_input_changed(self, event: Input.Changed) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options(event.value))
        if options.option_count:
            options.highlighted = 0

    def on_input_submitted(self, event: Input.Submitted) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_dismiss(self) -> None:  # type: ignore[override]  # escape dismisses with None, never a result
        self.dismiss(None)
