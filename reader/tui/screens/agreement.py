"""The intercoder agreement screen: figures per code and overall, and the disagreements to walk.

The figures are computed in a worker from a snapshot of the store (coding/agreement.py: sentences
as units). enter on a disagreement opens its article at the sentence; a chooses the coders.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...annotations import StoreSnapshot
from ...articles import Article
from ...coding.agreement import AgreementReport, Disagreement, Figures, agreement
from ...text.shortening import one_line
from ...text.terminal import safe_display
from ..messages import OpenPassage, StoreChanged
from ..session import Session
from ..widgets.key_hints import KeyHints
from .prompt import PromptDialog


def _number(value: float | None, percent: bool = False) -> str:
    if value is None:
        return "n/a"
    return f"{100 * value:.1f}%" if percent else f"{value:.3f}"


FIGURES_HEADER = f"{'code':32} {'units':>6} {'agree':>7} {'kappa':>7} {'alpha':>7}"


def figures_line(figures: Figures) -> str:
    """One row under FIGURES_HEADER (fits 80 columns)."""
    name = one_line(figures.code or "(overall)", 32)
    return (
        f"{name:32} {figures.units:>6} {_number(figures.percent_agreement, True):>7} "
        f"{_number(figures.cohens_kappa):>7} {_number(figures.krippendorffs_alpha):>7}"
    )


def disagreement_label(item: Disagreement, articles: dict[str, Article]) -> Text:
    article = articles.get(item.article_id)
    sentence = article.body[item.start : item.end] if article else ""
    text = Text(
        safe_display(f"{item.code}: by {', '.join(item.applied_by)}, not by {', '.join(item.not_by)}"), style="bold"
    )
    text.append(f"\n  {safe_display(item.article_id)} · sentence {item.sentence + 1}: ", style="dim")
    text.append(safe_display(one_line(sentence, 90)))
    return text


class AgreementScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "coders", "Choose coders"),
        Binding("escape", "app.pop_screen", "Back"),
    ]
    DEFAULT_CSS = """
    AgreementScreen > #agreement-title { height: 1; padding: 0 1; background: $panel; }
    AgreementScreen > #agreement-figures { height: auto; max-height: 14; padding: 0 1; overflow-y: auto; }
    AgreementScreen > OptionList { height: 1fr; }
    """

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.coders: list[str] | None = None
        self.report: AgreementReport | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text("Intercoder agreement — computing …"), id="agreement-title")
        yield Static(Text(""), id="agreement-figures")
        yield OptionList(id="agreement-disagreements")
        yield KeyHints()

    def on_mount(self) -> None:
        self.recompute()

    def on_store_changed(self, message: StoreChanged) -> None:
        self.recompute()

    def recompute(self) -> None:
        store = self.session.store
        if store is not None:
            self._compute(store.snapshot(), list(self.session.scan.articles), self.coders)

    @work(thread=True, exclusive=True, group="agreement")
    def _compute(self, snapshot: StoreSnapshot, articles: list[Article], coders: list[str] | None) -> None:
        report = agreement(snapshot.anchor_all(articles), articles, coders)
        self.app.call_from_thread(self.show_report, report)

    def show_report(self, report: AgreementReport) -> None:
        self.report = report
        coders = ", ".join(report.coders) or "nobody"
        self.query_one("#agreement-title", Static).update(
            Text(
                safe_display(f"Intercoder agreement — {coders} · {len(report.articles)} articles coded by two or more")
            )
        )
        lines = [f"unit: {report.unit}", *report.notes, "", FIGURES_HEADER]
        lines += [figures_line(figures) for figures in (*report.per_code, report.overall)]
        lines.append(f"\n{len(report.disagreements)} disagreements (enter opens the sentence)")
        self.query_one("#agreement-figures", Static).update(Text(safe_display("\n".join(lines))))
        options = self.query_one(OptionList)
        options.clear_options()
        by_id = {article.id: article for article in self.session.scan.articles}
        options.add_options([Option(disagreement_label(item, by_id)) for item in report.disagreements])
        if report.disagreements:
            options.highlighted = 0
            options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.report is None:
            return
        item = self.report.disagreements[event.option_index]
        self.app.post_message(OpenPassage(item.article_id, item.start, item.end))

    def action_coders(self) -> None:
        def chosen(answer: str | None) -> None:
            if answer is None:
                return
            names = [name.strip() for name in answer.split(",") if name.strip()]
            self.coders = names or None
            self.recompute()

        shown = ", ".join(self.coders or (self.report.coders if self.report else ()))
        self.app.push_screen(PromptDialog("Coders to compare (comma-separated authors; empty: all):", shown), chosen)
