"""The reading column: an article body rendered lazily, line by line, with layers of highlights.

Textual's line API: only the visible lines are rendered, each from the body text plus the
highlights that overlap it, and cached as Strips. A 50,000-word article opens at once because
opening costs one word-wrap pass and nothing else. Text is never parsed as markup: segments are
built from the (terminal-safe) characters themselves.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...text.segments import Span, next_end, next_start, paragraph_spans, previous_start, sentence_spans, word_spans
from ...text.terminal import safe_display
from ..wrapping import WrappedLines, wrap

GUTTER = 2
RIGHT_MARGIN = 1
SYNC_WRAP_CHARS = 20_000  # wrap this much at once (two screens of 200 × 50); the rest wraps in a thread
# later layers win
LAYER_ORDER = ("passage", "structure", "indirect", "quote", "entity", "annotation", "focus", "search")


@dataclass(slots=True, unsafe_hash=True)
class Highlight:
    """A styled span of the body text on one layer; `data` links it back to what it marks.

    Never changed once made, but not frozen: a frozen dataclass sets each field through
    object.__setattr__, five times the cost, and a long article's layers make thousands (styling
    the whole of a 50,000-word one was three quarters making them). Equal and hashed by its fields
    but `data`, as a frozen one was."""

    start: int
    end: int
    style: Style
    layer: str
    data: object = field(default=None, compare=False)
    gutter: Style | None = None  # a mark in the left gutter for lines the span covers
    gutter_mark: str = "▎"  # the mark's character (one cell)


class _LayerIndex:
    """Visible highlights sorted by start, for 'what overlaps [a, b)' queries in O(log n + k)."""

    def __init__(self, highlights: Iterable[Highlight]) -> None:
        rank = {name: order for order, name in enumerate(LAYER_ORDER)}
        self.items = sorted(highlights, key=lambda h: (h.start, rank.get(h.layer, 99)))
        self.starts = [h.start for h in self.items]
        self.max_length = max((h.end - h.start for h in self.items), default=0)
        self.rank = rank

    def overlapping(self, start: int, end: int) -> list[Highlight]:
        low = bisect_left(self.starts, start - self.max_length)
        high = bisect_left(self.starts, max(end, start + 1))
        found = [h for h in self.items[low:high] if h.end > start and h.start < max(end, start + 1)]
        found.sort(key=lambda h: self.rank.get(h.layer, 99))
        return found


class ReadingView(ScrollView, can_focus=True):
    """Scrollable, cursor-driven view of one article's body text."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    ReadingView {
        height: 1fr;
        overflow-y: scroll;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        background: $surface;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_lines(1)", "Scroll down", show=False),
        Binding("k,up", "scroll_lines(-1)", "Scroll up", show=False),
        Binding("pagedown,space", "scroll_page(1)", "Page down", show=False),
        Binding("pageup,b", "scroll_page(-1)", "Page up", show=False),
        Binding("ctrl+d", "scroll_half_page(1)", "Half a page down", show=False),
        Binding("ctrl+u", "scroll_half_page(-1)", "Half a page up", show=False),
        Binding("0", "line_edge(0)", "Start of the line", show=False),
        Binding("dollar_sign", "line_edge(1)", "End of the line", show=False),
        Binding("e", "move('word_end', 1)", "End of the word", show=False),
        Binding("g,home", "scroll_edge(0)", "Top", show=False),
        Binding("G,end", "scroll_edge(1)", "Bottom", show=False),
        Binding("l,right", "move('char', 1)", "Cursor right", show=False),
        Binding("h,left", "move('char', -1)", "Cursor left", show=False),
        Binding("w", "move('word', 1)", "Next word", show=False),
        Binding("W", "move('word', -1)", "Previous word", show=False),
        Binding("right_parenthesis", "move('sentence', 1)", "Next sentence", show=False),
        Binding("left_parenthesis", "move('sentence', -1)", "Previous sentence", show=False),
        Binding("right_curly_bracket", "move('paragraph', 1)", "Next paragraph", show=False),
        Binding("left_curly_bracket", "move('paragraph', -1)", "Previous paragraph", show=False),
        Binding("v", "toggle_selection", "Select", show=False),
        Binding("y", "copy_selection", "Copy the selection", show=False),
        Binding("escape", "clear_selection", "Clear selection", show=False),
    ]

    cursor: var[int] = var(0, init=False)
    selection_anchor: var[int | None] = var(None, init=False)

    class CursorMoved(Message):
        """The cursor or the selection changed; `view.cursor` and `view.selection` tell where."""

        def __init__(self, view: ReadingView) -> None:
            super().__init__()
            self.view = view

        @property
        def control(self) -> ReadingView:
            return self.view

    class Scrolled(Message):
        """The reader scrolled this (focused) view by `lines`: synchronised columns follow."""

        def __init__(self, view: ReadingView, lines: int) -> None:
            super().__init__()
            self.view = view
            self.lines = lines

    def __init__(
        self, text: str, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.text = text
        self._display = safe_display(text)
        self._lines = WrappedLines(0)
        self._layers: dict[str, tuple[Highlight, ...]] = {}
        self._hidden_layers: set[str] = set()
        self._index = _LayerIndex(())
        self._generation = 0
        self._strips: LRUCache[tuple, Strip] = LRUCache(2048)
        self._words: list[Span] | None = None
        self._sentences: list[Span] | None = None
        self._paragraphs: list[Span] | None = None
        self._dragging = False
        self._wrap_token = 0
        self._wrap_complete = False
        self._pending_scroll: tuple[int, bool] | None = None  # asked for while hidden (a tab not shown)
        self._typed_count = ""  # digits typed so far: a count for the next motion (5j)
        self._count = 1  # the count the key being handled carries
        self._base_style: Style | None = None

    # ----- layout -------------------------------------------------------------------------

    @property
    def text_width(self) -> int:
        return max(1, self.scrollable_content_region.width - GUTTER - RIGHT_MARGIN)

    @property
    def line_count(self) -> int:
        return len(self._lines)

    def _rewrap(self) -> None:
        width = self.text_width
        if width == self._lines.width and len(self._lines):
            return
        top_offset = self._lines.starts[self.scroll_offset.y] if len(self._lines) > self.scroll_offset.y else 0
        self._wrap_token += 1
        cut = len(self._display)
        if cut > SYNC_WRAP_CHARS:
            newline = self._display.find("\n", max(SYNC_WRAP_CHARS, top_offset))
            cut = cut if newline < 0 else newline
        self._lines = wrap(self._display, width, 0, cut)
        self._wrap_complete = cut == len(self._display)
        if not self._wrap_complete:
            self._wrap_rest(self._wrap_token, width, cut + 1)
        self._lines_changed()
        self.scroll_to(y=self._lines.line_of(top_offset), animate=False, immediate=True)

    def _lines_changed(self, first_changed: int = 0) -> None:
        """Lines from `first_changed` on are new. A new line count is only a new scrollbar: the view's
        scrollbar always shows and its width is fixed, so nothing else moves (Textual's virtual_size
        lays the whole screen out again); lines appended below the screen repaint nothing."""
        if not first_changed:
            self._strips.clear()  # a line's strip is cached by its index: appended lines leave them valid
        size = Size(self.scrollable_content_region.width, len(self._lines))
        self.set_reactive(ReadingView.virtual_size, size)
        self._scroll_update(size)
        if first_changed < self.scroll_offset.y + self.scrollable_content_region.height:
            self.refresh()

    @work(thread=True, exclusive=True, group="wrap")
    def _wrap_rest(self, token: int, width: int, start: int) -> None:
        rest = wrap(self._display, width, start)
        self.app.call_from_thread(self._append_lines, token, rest)

    def _append_lines(self, token: int, rest: WrappedLines) -> None:
        if token != self._wrap_token:
            return  # the view was re-wrapped at another width meanwhile
        shown = len(self._lines)
        self._lines.extend(rest)
        self._wrap_complete = True
        self._lines_changed(max(0, shown - 1))  # the last line may hold the cursor at the text's end

    @property
    def wrap_complete(self) -> bool:
        return self._wrap_complete

    def visible_span(self) -> tuple[int, int]:
        """Offsets of the text on screen and a screen either side (the whole text before the first wrap)."""
        if not len(self._lines):
            return (0, len(self.text))
        height = max(1, self.scrollable_content_region.height)
        top = self.scroll_offset.y
        first = max(0, min(len(self._lines) - 1, top - height))
        last = min(len(self._lines) - 1, top + 2 * height)
        return (self._lines.starts[first], self._lines.ends[last] + 1)

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        """Wrap as soon as the layout gives the view its width, so that the frame drawn right after
        it shows the text (waiting for the Resize event drew the screen once more, the text only then).

        A layout pass that leaves the view's size as it was changes nothing here: the virtual size the
        layout passes is never the view's own (its lines are, which ScrollView keeps), and taking it
        for a change redrew the scrollbar on every pass (a tenth of an opening's frames)."""
        if size == self._size and container_size == self.container_size:
            return False
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        if changed and self.scrollable_content_region.height > 0:
            self._rewrap()
        return changed

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()
        if self._pending_scroll is not None and self.scrollable_content_region.height > 0:
            offset, center = self._pending_scroll
            self._pending_scroll = None
            self.scroll_to_offset(offset, center=center)
        # The scrollable region settles after this event when a neighbour (the side panel)
        # appears or goes: check again once the layout is done.
        self.call_after_refresh(self._rewrap)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        self._base_style = None

    @property
    def base_style(self) -> Style:
        """rich_style, kept until the styles change: Textual computes it anew over every ancestor."""
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    # ----- layers -------------------------------------------------------------------------

    def set_layer(self, layer: str, highlights: Sequence[Highlight]) -> None:
        """Replace one layer's highlights (entities, quotes, annotations, focus, search …)."""
        if not highlights and not self._layers.get(layer):
            return  # empty before and after: nothing to re-index (a sort of every highlight)
        self._layers[layer] = tuple(highlights)
        self._reindex()

    def set_layers(self, layers: Mapping[str, Sequence[Highlight]]) -> None:
        """Replace several layers at once (one re-index, not one per layer)."""
        for layer, highlights in layers.items():
            self._layers[layer] = tuple(highlights)
        self._reindex()

    def set_layer_visible(self, layer: str, visible: bool) -> None:
        (self._hidden_layers.discard if visible else self._hidden_layers.add)(layer)
        self._reindex()

    def layer_visible(self, layer: str) -> bool:
        return layer not in self._hidden_layers

    def highlights(self, layer: str) -> tuple[Highlight, ...]:
        return self._layers.get(layer, ())

    def _reindex(self) -> None:
        visible = (h for name, items in self._layers.items() if name not in self._hidden_layers for h in items)
        old, self._index = self._index, _LayerIndex(visible)
        self._generation += 1
        self._redraw_changed_lines(old)

    def _redraw_changed_lines(self, old: _LayerIndex) -> None:
        """Only the lines on screen whose highlights changed are drawn again; the others keep their
        strips. The whole text's layers from the styling worker are, on screen, the ones drawn
        from the window already: they repaint nothing."""
        top = self.scroll_offset.y
        shown = range(top, min(top + self.scrollable_content_region.height, len(self._lines)))
        changed = [
            index
            for index in shown
            if old.overlapping(self._lines.starts[index], self._lines.ends[index])
            != self._index.overlapping(self._lines.starts[index], self._lines.ends[index])
        ]
        previous = self._generation - 1
        kept = [
            ((index, width, self._generation, cursor, selection), strip)
            for (index, width, generation, cursor, selection) in list(self._strips.keys())
            if generation == previous
            and index in shown
            and index not in changed
            and (strip := self._strips.get((index, width, generation, cursor, selection))) is not None
        ]
        self._strips.clear()
        for key, strip in kept:
            self._strips[key] = strip
        if len(changed) == len(shown):
            self.refresh()
            return
        for index in changed:
            self.refresh_line(index)

    def highlights_at(self, offset: int) -> list[Highlight]:
        """Visible highlights covering offset, lowest layer first."""
        return [h for h in self._index.overlapping(offset, offset + 1) if h.start <= offset < h.end]

    # ----- spans the cursor moves by ----------------------------------------------------------

    def set_sentences(self, spans: Sequence[Span]) -> None:
        self._sentences = list(spans)

    def _spans(self, unit: str) -> list[Span]:
        if unit == "word":
            if self._words is None:
                self._words = word_spans(self.text)
            return self._words
        if unit == "sentence":
            if self._sentences is None:
                self._sentences = sentence_spans(self.text)
            return self._sentences
        if self._paragraphs is None:
            self._paragraphs = paragraph_spans(self.text)
        return self._paragraphs

    def current_span(self, unit: str) -> Span | None:
        """The word, sentence or paragraph holding the cursor (or the next one after it)."""
        spans = self._spans(unit)
        index = bisect_right(spans, (self.cursor, float("inf"))) - 1
        if index >= 0 and spans[index][0] <= self.cursor < spans[index][1]:
            return spans[index]
        if index + 1 < len(spans):
            return spans[index + 1]
        return spans[index] if index >= 0 else None

    # ----- cursor and selection -------------------------------------------------------------

    @property
    def selection(self) -> Span | None:
        """The selected span without the whitespace at its ends (`v` `w` stops on the next word's
        start): what is shown selected is what an annotation stores."""
        if self.selection_anchor is None or self.selection_anchor == self.cursor:
            return None
        low, high = sorted((self.selection_anchor, self.cursor))
        text = self.text
        while low < high and text[low].isspace():
            low += 1
        while high > low and text[high - 1].isspace():
            high -= 1
        return (low, high) if low < high else None

    def move_cursor(self, offset: int, *, scroll: bool = True) -> None:
        self.cursor = max(0, min(len(self.text), offset))
        if scroll:
            self.scroll_to_offset(self.cursor)

    def select(self, start: int, end: int) -> None:
        self.selection_anchor = start
        self.move_cursor(end)

    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_offsets(old, new)
        self.post_message(self.CursorMoved(self))

    def watch_selection_anchor(self, old: int | None, new: int | None) -> None:
        self._generation += 1
        self.refresh()
        self.post_message(self.CursorMoved(self))

    def _refresh_offsets(self, *offsets: int) -> None:
        if self.selection_anchor is not None:
            self.refresh()
            return
        if not len(self._lines):
            return
        for offset in offsets:
            self.refresh_line(self._lines.line_of(offset))

    def scroll_to_offset(self, offset: int, *, center: bool = False) -> None:
        if not len(self._lines):
            return
        height = self.scrollable_content_region.height
        if height <= 0:  # hidden (a column shown as a tab not selected): scroll once it is shown
            self._pending_scroll = (offset, center)
            return
        self._pending_scroll = None
        line = self._lines.line_of(offset)
        top = self.scroll_offset.y
        if center:
            self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)
        elif line < top:
            self.scroll_to(y=line, animate=False, immediate=True)
        elif line >= top + height:
            self.scroll_to(y=line - height + 1, animate=False, immediate=True)

    def _keep_cursor_in_view(self) -> None:
        if not len(self._lines) or self.scrollable_content_region.height <= 0:
            return  # nothing is in view while hidden: the cursor stays where it was put
        top = round(self.scroll_target_y)
        bottom = min(len(self._lines), top + self.scrollable_content_region.height) - 1
        line = self._lines.line_of(self.cursor)
        if line < top:
            self.cursor = self._lines.starts[top]
        elif line > bottom >= 0:
            self.cursor = self._lines.starts[bottom]

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if not self._dragging:
            self._keep_cursor_in_view()
        lines = round(new_value) - round(old_value)
        if lines and self.has_focus:
            self.post_message(self.Scrolled(self, lines))

    def cursor_row(self) -> int:
        """The row on screen the cursor's line is on (0 the top row)."""
        return self._lines.line_of(self.cursor) - self.scroll_offset.y if len(self._lines) else 0

    def show_at_row(self, offset: int, row: int) -> None:
        """The cursor to `offset`, scrolled so that its line is on screen row `row`: aligning columns."""
        self.move_cursor(offset, scroll=False)
        if len(self._lines):
            self.scroll_to(y=max(0, self._lines.line_of(offset) - row), animate=False, immediate=True)

    # ----- actions ------------------------------------------------------------------------

    # ----- counts: digits typed before a motion repeat it (5j, 3w, 2}) -------------------------

    def on_key(self, event: events.Key) -> None:
        """Digits build a count (a first 0 is the line-start motion, and 1–3 are the comparison's
        layer switches, so a count starts with 4–9); any other key takes the count with it."""
        digit = event.character if event.character is not None and event.character.isdigit() else None
        if digit is not None and (self._typed_count or digit in "456789"):
            self._typed_count += digit
            event.stop()
            event.prevent_default()
            return
        self._count = max(1, min(int(self._typed_count or "1"), 100_000))
        self._typed_count = ""

    def _take_count(self) -> int:
        count, self._count = self._count, 1
        return count

    # ----- actions ------------------------------------------------------------------------

    def action_scroll_lines(self, lines: int) -> None:
        self.scroll_to(y=self.scroll_offset.y + lines * self._take_count(), animate=False, immediate=True)
        self._keep_cursor_in_view()

    def action_scroll_page(self, direction: int) -> None:
        step = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=self.scroll_offset.y + direction * step * self._take_count(), animate=False, immediate=True)
        self._keep_cursor_in_view()

    def action_scroll_half_page(self, direction: int) -> None:
        """ctrl+d / ctrl+u: half a page, the cursor moving with the text as in vim."""
        step = max(1, self.scrollable_content_region.height // 2) * self._take_count()
        if len(self._lines):
            line = min(len(self._lines) - 1, max(0, self._lines.line_of(self.cursor) + direction * step))
            self.scroll_to(y=self.scroll_offset.y + direction * step, animate=False, immediate=True)
            self.move_cursor(self._lines.starts[line])

    def action_scroll_edge(self, end: int) -> None:
        """g / G: the top or the bottom; a count goes to that line on screen (40G), as in vim."""
        count = self._take_count()
        if count > 1 and len(self._lines):
            self.move_cursor(self._lines.starts[min(count, len(self._lines)) - 1])
            self.scroll_to_offset(self.cursor, center=True)
            return
        self.scroll_to(y=self.max_scroll_y if end else 0, animate=False, immediate=True)
        self.cursor = len(self.text) if end else 0

    def action_line_edge(self, end: int) -> None:
        """0 / $: the start or the end of the line on screen."""
        if not len(self._lines):
            return
        line = self._lines.line_of(self.cursor)
        start, stop = self._lines.starts[line], self._lines.ends[line]
        self.move_cursor(max(start, stop - 1) if end else start)

    def action_move(self, unit: str, direction: int) -> None:
        for _ in range(self._take_count()):
            if not self._move_once(unit, direction):
                return

    def _move_once(self, unit: str, direction: int) -> bool:
        if unit == "char":
            self.move_cursor(self.cursor + direction)
            return True
        if unit == "word_end":
            target = next_end(self._spans("word"), self.cursor)
        else:
            spans = self._spans(unit)
            if direction > 0:
                target = next_start(spans, self.cursor)
            else:
                target = previous_start(spans, self.cursor)
                current = self.current_span(unit)
                if current and current[0] < self.cursor:
                    target = current[0]
        if target is None:
            return False
        self.move_cursor(target)
        return True

    def action_copy_selection(self) -> None:
        """y: the selection to the clipboard (OSC 52: most terminals and tmux pass it on)."""
        if self.selection is None:
            self.app.notify("Nothing is selected: v starts a selection, then move the cursor.", severity="warning")
            return
        self.app.copy_to_clipboard(self.selected_text)
        self.app.notify(f"Copied {len(self.selected_text):,} characters (OSC 52).")

    @property
    def selected_text(self) -> str:
        """What ctrl+c and y copy (the app asks the focused widget under this name)."""
        selection = self.selection
        return self.text[selection[0] : selection[1]] if selection else ""

    def action_toggle_selection(self) -> None:
        self.selection_anchor = None if self.selection_anchor is not None else self.cursor

    def action_clear_selection(self) -> None:
        self.selection_anchor = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_selection":
            return self.selection_anchor is not None
        return True

    # ----- mouse --------------------------------------------------------------------------

    def offset_at(self, x: int, y: int) -> int:
        """The body offset under a widget-relative cell position."""
        if not len(self._lines):
            return 0
        line = min(len(self._lines) - 1, max(0, self.scroll_offset.y + y))
        start, end = self._lines.starts[line], self._lines.ends[line]
        column = x - GUTTER
        position = start
        while position < end and column > 0:
            column -= cell_len(self._display[position])
            position += 1
        return position

    async def on_mouse_down(self, event: events.MouseDown) -> None:
        if event.button != 1:
            return
        self.focus()
        offset = self.offset_at(event.x, event.y)
        self._dragging = True
        self.capture_mouse()
        self.selection_anchor = offset
        self.move_cursor(offset, scroll=False)

    async def on_mouse_move(self, event: events.MouseMove) -> None:
        if not self._dragging:
            return
        if event.y < 0:
            self.scroll_to(y=self.scroll_offset.y - 1, animate=False, immediate=True)
        elif event.y >= self.scrollable_content_region.height:
            self.scroll_to(y=self.scroll_offset.y + 1, animate=False, immediate=True)
        self.move_cursor(self.offset_at(event.x, event.y), scroll=False)

    async def on_mouse_up(self, event: events.MouseUp) -> None:
        if not self._dragging:
            return
        self._dragging = False
        self.release_mouse()
        if self.selection_anchor == self.cursor:
            self.selection_anchor = None

    def on_focus(self) -> None:
        self._refresh_cursor_line()

    def on_blur(self) -> None:
        self._refresh_cursor_line()

    def _refresh_cursor_line(self) -> None:
        """Focus only shows or hides the cursor: the other lines' strips stay (a strip's cache key
        holds the cursor), so only the cursor's line is drawn again, not the whole view."""
        self._refresh_offsets(self.cursor)

    # ----- rendering ----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if index >= len(self._lines) or width <= 0:
            return Strip.blank(width, self.base_style)
        start, end = self._lines.starts[index], self._lines.ends[index]
        cursor = self.cursor if self.has_focus and start <= self.cursor < max(end, start + 1) else None
        if self.has_focus and self.cursor == len(self.text) and index == len(self._lines) - 1:
            cursor = self.cursor
        selection = self.selection
        if selection is not None and (selection[1] <= start or selection[0] >= end):
            selection = None
        key = (index, width, self._generation, cursor, selection)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_text_line(start, end, width, cursor, selection)
            self._strips[key] = strip
        return strip

    def _render_text_line(self, start: int, end: int, width: int, cursor: int | None, selection: Span | None) -> Strip:
        base = self.base_style
        highlights = self._index.overlapping(start, end)
        marked = next((h for h in reversed(highlights) if h.gutter is not None), None)
        gutter_style = marked.gutter if marked is not None else None
        segments = [
            Segment(f"{marked.gutter_mark} " if marked else "  ", base + gutter_style if gutter_style else base)
        ]
        cuts = {start, end}
        for h in highlights:
            cuts.add(max(start, h.start))
            cuts.add(min(end, h.end))
        if selection:
            cuts.update((max(start, selection[0]), min(end, selection[1])))
        if cursor is not None and start <= cursor < end:
            cuts.update((cursor, cursor + 1))
        points = sorted(c for c in cuts if start <= c <= end)
        selection_style = Style(reverse=True)
        # beside a selection the cursor (on the character after it) must not look selected too
        cursor_style = Style(underline=True, bold=True) if selection else Style(reverse=True, underline=True, bold=True)
        for low, high in itertools.pairwise(points):
            if low >= high:
                continue
            style = base
            for h in highlights:
                if h.start < high and h.end > low:
                    style += h.style
            if selection and selection[0] <= low and high <= selection[1]:
                style += selection_style
            if cursor is not None and low == cursor:
                style += cursor_style
            segments.append(Segment(self._display[low:high], style))
        if cursor is not None and cursor >= end:
            segments.append(Segment(" ", base + cursor_style))
        return Strip(segments).adjust_cell_length(width, base)
