"""Widgets, each with its own bindings and styles."""
