"""Screens: the library table and the side-by-side comparison, plus their dialogs."""
