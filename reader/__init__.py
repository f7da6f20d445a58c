"""reader: compare how several outlets cover the same story, in a terminal."""

__version__ = "0.1.0"
