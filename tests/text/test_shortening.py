"""Shortening for display: one rule for the ellipsis, one for a title cut at a word."""

from __future__ import annotations

from reader.text.shortening import cut, cut_at_word, one_line


def test_cut_keeps_short_text_and_marks_a_cut() -> None:
    assert cut("kurz", 4) == "kurz"
    assert cut("zu lang", 4) == "zu …"
    assert len(cut("x" * 100, 28)) == 28


def test_one_line_collapses_whitespace_before_it_cuts() -> None:
    assert one_line(" Keine\n Einigung,\tkein  Abkommen ") == "Keine Einigung, kein Abkommen"
    assert one_line("Keine\nEinigung, kein Abkommen", 10) == "Keine Ein…"


def test_a_title_is_cut_after_a_whole_word() -> None:
    assert cut_at_word("Trump und Putin treffen sich in Alaska, ohne Einigung", 30) == "Trump und Putin treffen sich…"
    assert cut_at_word("Kurz genug", 30) == "Kurz genug"
