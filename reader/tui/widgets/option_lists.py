"""Small helpers for OptionList, shared by the side panel's lists."""

from __future__ import annotations

from textual.widgets import OptionList


def highlight_first(options: OptionList) -> None:
    """Put the highlight on the first enabled option when none is highlighted, so enter works."""
    if options.highlighted is not None:
        return
    for index, option in enumerate(options.options):
        if not option.disabled:
            options.highlighted = index
            return
