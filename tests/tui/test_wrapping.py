"""Word wrap and terminal-safe text: pure functions the reading view relies on."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.text.terminal import safe_display
from reader.tui.wrapping import WrappedLines, _wrap_measured, wrap

texts = st.text(alphabet=st.sampled_from(list("ab cdé fgh\n\n  „“ 漢字 Ü-")), max_size=400)


@given(texts, st.integers(min_value=1, max_value=40))
def test_wrapped_lines_cover_the_text_in_order(text: str, width: int) -> None:
    lines = wrap(text, width)
    position = 0
    for start, end in zip(lines.starts, lines.ends, strict=True):
        assert start >= position
        assert text[position:start].strip(" \n") == ""  # only line breaks between lines
        position = end
    assert text[position:].strip(" \n") == ""


@given(texts, st.integers(min_value=2, max_value=40))
def test_wrapped_lines_fit_the_width(text: str, width: int) -> None:
    lines = wrap(text, width)
    for start, end in zip(lines.starts, lines.ends, strict=True):
        assert cell_len(text[start:end].rstrip(" ")) <= width


narrow_paragraphs = st.text(alphabet=st.sampled_from(list("ab cdé fgh   „“ Ü-")), min_size=1, max_size=300)


@given(narrow_paragraphs, st.integers(min_value=1, max_value=40))
@example("aaaa   bbbb", 4)  # a run of spaces just past the width
@settings(max_examples=500)
def test_a_narrow_paragraph_wraps_as_measuring_each_word_would(text: str, width: int) -> None:
    """The line-at-a-time path for one-cell text breaks exactly where the word-by-word one does:
    runs of spaces, spaces first or last, and words wider than the line among them."""
    measured = WrappedLines(width)
    _wrap_measured(text, 0, len(text), width, measured)
    lines = wrap(text, width)
    assert (list(lines.starts), list(lines.ends)) == (list(measured.starts), list(measured.ends))


def test_a_paragraph_with_a_wide_character_is_measured_in_cells_beside_narrow_ones() -> None:
    text = "eins zwei drei\n漢字漢字 eins"
    lines = wrap(text, 9)
    assert [text[s:e] for s, e in zip(lines.starts, lines.ends, strict=True)] == [
        "eins zwei ",
        "drei",
        "漢字漢字 ",
        "eins",
    ]


def test_line_of_finds_the_display_line() -> None:
    text = "eins zwei drei vier\n\nfünf"
    lines = wrap(text, 9)
    assert [text[s:e] for s, e in zip(lines.starts, lines.ends, strict=True)] == ["eins zwei ", "drei vier", "", "fünf"]
    assert [lines.line_of(offset) for offset in (0, 9, 10, 19, 20, 21, 24)] == [0, 0, 1, 1, 2, 3, 3]


@given(st.text(max_size=200))
def test_safe_display_keeps_length_and_removes_controls(text: str) -> None:
    shown = safe_display(text)
    assert len(shown) == len(text)
    assert all(char == "\n" or (ord(char) >= 0x20 and not 0x7F <= ord(char) < 0xA0) for char in shown)
    assert "\x1b" not in shown and "\u202e" not in shown
