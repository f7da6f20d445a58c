"""Text rules every part of reader shares, each written once: quotation marks and punctuation
(marks.py), paragraphs, sentences and words (segments.py), shortening for display
(shortening.py), name particles (names.py), the one sanitiser for a terminal (terminal.py) and
the repair of text that cannot be written as UTF-8 (repair.py).

Pure functions and constants over `str`; no spaCy, no UI, no files.
"""
