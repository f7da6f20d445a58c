"""The app's last line of defence: no rendered line carries a terminal-unsafe character.

Screens show outside text through `safe_display`, as visible symbols. This filter runs over
every line Textual renders, its own widgets' too (an Input or a TextArea holding an imported
note, a toast), and drops any unsafe character still there. Those characters measure zero
cells, so dropping them moves nothing on screen.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from ..text.terminal import without_unsafe


class TerminalSafeFilter(LineFilter):
    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        cleaned: list[Segment] = []
        for segment in segments:
            text = without_unsafe(segment.text)
            if text is segment.text:
                cleaned.append(segment)
            elif text or segment.control:
                cleaned.append(Segment(text, segment.style, segment.control))
        return cleaned
