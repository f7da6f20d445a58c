"""The command palette offers what the current screen can do: its bindings, by description.

Only the bindings of the screen and of this app's own widgets: Textual's widgets' internals
(a table's cursor keys, an input's editing keys) are not actions a reader looks for by name.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.app import SystemCommand
from textual.screen import Screen

from .screens.help import PLACES, own_actions


def screen_commands(screen: Screen[object]) -> Iterable[SystemCommand]:
    """One palette entry per described, enabled binding of the screen and its own widgets."""
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding, node = active.binding, active.node
        if not binding.description or binding.system or not active.enabled:
            continue
        if binding.action not in own_actions(node):
            continue
        if binding.action in seen:
            continue
        seen.add(binding.action)
        key_label = screen.app.get_key_display(binding)
        where = PLACES.get(type(node).__name__, "")
        run = partial(screen.app.run_action, binding.action, node)
        yield SystemCommand(binding.description, f"key {key_label}" + (f" · {where}" if where else ""), run)
