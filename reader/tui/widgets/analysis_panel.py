"""The side panel's analysis lists: who and what is named (with counts per open column), and who
is quoted (by speaker, and the same utterance across outlets)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...analysis import INDIRECT, SPEECH, LibraryAnalysis
from ...library import Article
from ..highlights import (
    ENTITY_COLOURS,
    INDIRECT_COLOUR,
    INDIRECT_TINT,
    SPEECH_COLOUR,
    TERM_COLOUR,
    one_line,
    speaker_label,
    tint,
)
from ..messages import EntityChosen, JumpTo, QuoteGroupChosen
from .option_lists import highlight_first


class EntitiesPane(Vertical):
    """Entities of the open articles by canonical name, with mentions per column."""

    DEFAULT_CSS = """
    EntitiesPane { height: 1fr; }
    EntitiesPane > #entities-info { height: auto; color: $text-muted; padding: 0 1; }
    EntitiesPane > OptionList { height: 1fr; border: none; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.library: LibraryAnalysis | None = None
        self.open_ids: list[str] = []

    def compose(self) -> ComposeResult:
        yield Input(placeholder="filter names", id="entities-filter")
        yield Static(Text("waiting for the analysis …"), id="entities-info")
        yield OptionList(id="entities-list")

    def show(self, library: LibraryAnalysis | None, open_ids: Sequence[str]) -> None:
        self.library = library
        self.open_ids = list(open_ids)
        self._fill()

    def _fill(self) -> None:
        entities = self.query_one("#entities-list", OptionList)
        highlighted = entities.highlighted_option.id if entities.highlighted_option else None
        entities.clear_options()
        if self.library is None:
            return
        query = self.query_one("#entities-filter", Input).value.strip().casefold()
        rows = []
        for entry in self.library.entity_index.values():
            counts = [entry.count(article_id) for article_id in self.open_ids]
            if not any(counts) or (query and query not in entry.name.casefold()):
                continue
            rows.append((sum(counts), entry, counts))
        rows.sort(key=lambda row: (-row[0], row[1].name.casefold()))
        width = max((len(str(c)) for _, _, counts in rows for c in counts), default=1)
        for _, entry, counts in rows:
            label = Text("● ", style=Style(color=ENTITY_COLOURS.get(entry.label, "#cccccc")))
            label.append(one_line(entry.name, 30).ljust(30))
            label.append(" " + " ".join(f"{c:>{width}}" if c else "·".rjust(width) for c in counts), style="dim")
            entities.add_option(Option(label, id=entry.key))
        if highlighted is not None and highlighted in {o.id for o in entities.options}:
            entities.highlighted = entities.get_option_index(highlighted)
        highlight_first(entities)
        columns = " ".join(str(i + 1).rjust(width) for i in range(len(self.open_ids)))
        self.query_one("#entities-info", Static).update(
            Text(f"{len(rows)} names · mentions in columns {columns} · enter follows")
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#entities-list", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(EntityChosen(event.option.id))


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

    def show(self, library: LibraryAnalysis | None, articles: Sequence[Article], open_ids: Sequence[str]) -> None:
        quotes = self.query_one("#quotes-list", OptionList)
        quotes.clear_options()
        self.targets = {}
        if library is None:
            quotes.add_option(Option(Text("waiting for the analysis …", style="dim"), disabled=True))
            return
        titles = {a.id: a.source or a.display_title for a in articles}
        column = {article_id: index + 1 for index, article_id in enumerate(open_ids)}
        groups = [g for g in library.groups() if any(m.article_id in column for m in g.members)]
        if groups:
            quotes.add_option(Option(Text("Same utterance in several outlets", style="bold"), disabled=True))
            for group in sorted(groups, key=lambda g: -len(g.articles)):
                first = group.members[0].quote
                label = Text("⧉ ", style=Style(color=SPEECH_COLOUR, bold=True))
                label.append(f"{one_line(group.speaker, 24) if group.speaker else 'unknown'}: ", style="bold")
                label.append(f"„{one_line(first.text, 50)}“", style="italic")
                label.append(f" · {len(group.articles)} articles", style="dim")
                quotes.add_option(Option(label, id=f"group:{group.id}"))
            quotes.add_option(None)
        by_speaker: dict[str, list[tuple[str, str, int]]] = {}
        terms: list[tuple[str, str, int]] = []
        teasers: list[tuple[str, str, int]] = []
        for article_id in open_ids:
            if article_id not in library.article_ids:
                continue
            analysis = library.article(article_id)
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
            for article_id, kind, index in sorted(refs, key=lambda r: (r[0], self._start(library, r))):
                analysis = library.article(article_id)
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
    def _start(library: LibraryAnalysis, ref: tuple[str, str, int]) -> int:
        article_id, kind, index = ref
        analysis = library.article(article_id)
        return (analysis.quotes if kind == "quote" else analysis.indirect)[index].start

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("group:"):
            self.post_message(QuoteGroupChosen(option_id.removeprefix("group:")))
        elif option_id in self.targets:
            article_id, start, end = self.targets[option_id]
            self.post_message(JumpTo(article_id, start, end))
