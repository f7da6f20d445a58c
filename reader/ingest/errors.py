"""The one error every way of adding an article raises."""

from __future__ import annotations


class AddError(Exception):
    """A source could not be added; the message is one line about the source, e.g. 'is empty'."""
