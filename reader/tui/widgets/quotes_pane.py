"""The Quotes tab of the side panel: who is quoted, by speaker, and the same utterance across
outlets."""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...analysis import INDIRECT, SPEECH, LibraryAnalysis
from ...articles import Article
from ...text.counting import plural
from ..highlights import INDIRECT_COLOUR, INDIRECT_TINT, SPEECH_COLOUR, TERM_COLOUR, one_line, speaker_label, tint
from ..messages import JumpTo, QuoteGroupChosen
from .option_lists import highlight_first


class QuotesPane(Vertical):
    """Quotations and reported speech of the open articles by speaker (the canonical name, else
    the mention as written); groups of one utterance across outlets first; terms, then quotes in
    teasers and promos (not counted), last."""

    DEFAULT_CSS = """
    QuotesPane { height: 1fr; }
    QuotesPane > OptionList { height: 1fr; border: none; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.targets: dict[str, tuple[str, int, int]] = {}

    def compose(self) -> ComposeResult:
        yield OptionList(id="quotes-list")

    def show(
        self, library_analysis: LibraryAnalysis | None, articles: Sequence[Article], open_ids: Sequence[str]
    ) -> None:
        quotes = self.query_one("#quotes-list", OptionList)
        quotes.clear_options()
        self.targets = {}
        if library_analysis is None:
            quotes.add_option(Option(Text("waiting for the analysis …", style="dim"), disabled=True))
            return
        titles = {a.id: a.source or a.display_title for a in articles}
        column = {article_id: index + 1 for index, article_id in enumerate(open_ids)}
        groups = [g for g in library_analysis.groups() if any(m.article_id in column for m in g.members)]
        if groups:
            quotes.add_option(Option(Text("Same utterance in several outlets", style="bold"), disabled=True))
            for group in sorted(groups, key=lambda g: -len(g.articles)):
                first = group.members[0].quote
                label = Text("⧉ ", style=Style(color=SPEECH_COLOUR, bold=True))
                label.append(f"{one_line(group.speaker, 24) if group.speaker else 'unknown'}: ", style="bold")
                label.append(f"„{one_line(first.text, 50)}“", style="italic")
                label.append(f" · {plural(len(group.articles), 'article')}", style="dim")
                quotes.add_option(Option(label, id=f"group:{group.id}"))
            quotes.add_option(None)
        by_speaker: dict[str, list[tuple[str, str, int]]] = {}
        terms: list[tuple[str, str, int]] = []
        teasers: list[tuple[str, str, int]] = []
        for article_id in open_ids:
            if article_id not in library_analysis.article_ids:
                continue
            analysis = library_analysis.article(article_id)
            for index, quote in enumerate(analysis.quotes):
                if quote.boilerplate:
                    teasers.append((article_id, "quote", index))
                elif quote.kind == SPEECH:
                    by_speaker.setdefault(speaker_label(quote), []).append((article_id, "quote", index))
                else:
                    terms.append((article_id, "quote", index))
            for index, quote in enumerate(analysis.indirect):
                by_speaker.setdefault(speaker_label(quote), []).append((article_id, "indirect", index))
        ordered = sorted(by_speaker.items(), key=lambda item: (item[0] == "", -len(item[1]), item[0].casefold()))
        if terms:
            ordered.append(("‚terms‘ (scare quotes, names, slogans)", terms))
        if teasers:
            ordered.append(("in teasers and promos (not counted)", teasers))
        for speaker, refs in ordered:
            quotes.add_option(
                Option(Text(f"{one_line(speaker, 40) or 'speaker unknown'} ({len(refs)})", style="bold"), disabled=True)
            )
            for article_id, kind, index in sorted(refs, key=lambda r: (r[0], self._start(library_analysis, r))):
                analysis = library_analysis.article(article_id)
                quote = (analysis.quotes if kind == "quote" else analysis.indirect)[index]
                option_id = f"{kind}:{article_id}:{index}"
                self.targets[option_id] = (article_id, quote.start, quote.end)
                label = Text(f"{column.get(article_id, '?')} ", style="dim")
                if quote.kind == INDIRECT:
                    label.append(
                        f"↪ {one_line(quote.text, 54)}", style=Style(bgcolor=tint(INDIRECT_COLOUR, INDIRECT_TINT))
                    )
                else:
                    colour = SPEECH_COLOUR if quote.kind == SPEECH else TERM_COLOUR
                    label.append(
                        f"„{one_line(quote.text, 56)}“", style=Style(color=colour, italic=True, dim=quote.boilerplate)
                    )
                label.append(f"  {one_line(titles.get(article_id, article_id), 18)}", style="dim")
                quotes.add_option(Option(label, id=option_id))
        highlight_first(quotes)

    @staticmethod
    def _start(library_analysis: LibraryAnalysis, ref: tuple[str, str, int]) -> int:
        article_id, kind, index = ref
        analysis = library_analysis.article(article_id)
        return (analysis.quotes if kind == "quote" else analysis.indirect)[index].start

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("group:"):
            self.post_message(QuoteGroupChosen(option_id.removeprefix("group:")))
        elif option_id in self.targets:
            article_id, start, end = self.targets[option_id]
            self.post_message(JumpTo(article_id, start, end))
