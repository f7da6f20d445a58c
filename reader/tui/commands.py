"""The command palette offers what the current screen can do: its bindings, by description."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.app import SystemCommand
from textual.screen import Screen


def screen_commands(screen: Screen) -> Iterable[SystemCommand]:
    """One palette entry per described, enabled binding of the screen and its focused widgets."""
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description or binding.system or not active.enabled:
            continue
        if binding.action in seen or binding.action.startswith("app.command_palette"):
            continue
        seen.add(binding.action)
        key_label = screen.app.get_key_display(binding)
        run = partial(screen.app.run_action, binding.action, active.node)
        yield SystemCommand(binding.description, f"{type(active.node).__name__} · key {key_label}", run)
