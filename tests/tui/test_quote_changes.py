"""The quote-group view marks the words a rendering changed against the group's first."""

from __future__ import annotations

from reader.tui.screens.quote_group import quotation_with_changes


def test_changed_words_are_underlined_the_rest_is_plain_speech_style() -> None:
    text = quotation_with_changes(
        "Wir sind noch nicht dort, aber wir haben eine sehr gute Chance", "Wir sind noch nicht da"
    )
    assert text.plain == "Wir sind noch nicht dort, aber wir haben eine sehr gute Chance"
    underlined = [text.plain[span.start : span.end] for span in text.spans if "underline" in str(span.style)]
    assert " ".join(underlined).replace(",", " ").split() == [
        "dort",
        "aber",
        "wir",
        "haben",
        "eine",
        "sehr",
        "gute",
        "Chance",
    ]
    same = quotation_with_changes("Wir sind da", "Wir sind da")
    assert not any("underline" in str(span.style) for span in same.spans)


def test_outside_text_in_a_rendering_is_made_safe() -> None:
    text = quotation_with_changes("böse \x1b[31m Worte", "gute Worte")
    assert "\x1b" not in text.plain
