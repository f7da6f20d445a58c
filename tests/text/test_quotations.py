"""Pairing quotation marks: every German style, nesting, apostrophes, unpaired marks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.text.marks import QUOTATION_MARKS
from reader.text.quotations import find_quote_spans


def quoted(text: str) -> list[tuple[str, int]]:
    return [(text[s.start : s.end], s.depth) for s in find_quote_spans(text)]


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("Sie sagte „Wir bleiben hier“ und ging.", "Wir bleiben hier"),
        ("Sie sagte “We stay here” und ging.", "We stay here"),
        ('Sie sagte "Wir bleiben hier" und ging.', "Wir bleiben hier"),
        ("Sie sagte »Wir bleiben hier« und ging.", "Wir bleiben hier"),
        ("Sie sagte «Wir bleiben hier» und ging.", "Wir bleiben hier"),
        ("Sie sagte ‚Wir bleiben hier‘ und ging.", "Wir bleiben hier"),
        ("Sie sagte ›Wir bleiben hier‹ und ging.", "Wir bleiben hier"),
        ("Sie sagte „Wir bleiben hier” und ging.", "Wir bleiben hier"),
    ],
)
def test_every_style_gives_the_text_inside_the_marks(text: str, inner: str) -> None:
    assert quoted(text) == [(inner, 0)]


def test_straight_quotes_pair_in_order() -> None:
    text = 'Man habe ein "sehr gutes Gespräch" geführt, "viele Fragen" seien offen.'
    assert quoted(text) == [("sehr gutes Gespräch", 0), ("viele Fragen", 0)]


def test_quote_inside_a_quote() -> None:
    text = "„Das Wort ‚Frieden‘ hat er nicht gesagt“, meinte sie. »Er rief ›Halt‹ und lief.«"
    assert quoted(text) == [
        ("Das Wort ‚Frieden‘ hat er nicht gesagt", 0),
        ("Frieden", 1),
        ("Er rief ›Halt‹ und lief.", 0),
        ("Halt", 1),
    ]


def test_straight_quotes_nest_by_context() -> None:
    assert quoted('"Er sagte "Hallo" zu mir", erzählte sie.') == [('Er sagte "Hallo" zu mir', 0), ("Hallo", 1)]


def test_quote_interrupted_by_its_attribution_gives_two_parts() -> None:
    text = "„Wir sind bereit“, sagte Scholz, „aber nicht um jeden Preis.“"
    assert quoted(text) == [("Wir sind bereit", 0), ("aber nicht um jeden Preis.", 0)]


def test_apostrophes_are_not_quotation_marks() -> None:
    text = "Merz' Plan und Macron’s Idee, geht's noch? Er sagte ‚ja‘."
    assert quoted(text) == [("ja", 0)]


def test_closing_mark_before_a_hyphen_closes() -> None:
    assert quoted('Das "Make Europe Strong"-Lager wächst.') == [("Make Europe Strong", 0)]


def test_unpaired_opener_does_not_swallow_the_article() -> None:
    text = "Er sagte „Wir kommen und ging.\n\nZweiter Absatz mit „echtem Zitat“ hier."
    assert quoted(text) == [("echtem Zitat", 0)]


def test_unpaired_closer_is_ignored() -> None:
    assert quoted("Das war es“, dachte sie. Dann „neu“.") == [("neu", 0)]


def test_paragraph_opening_quote_runs_to_the_paragraph_end() -> None:
    """German convention: a quotation over several paragraphs opens each and closes the last."""
    text = "„Erster Teil der Rede\n\n„Zweiter Teil der Rede“, sagte sie."
    assert quoted(text) == [("Erster Teil der Rede", 0), ("Zweiter Teil der Rede", 0)]
    first = find_quote_spans(text)[0]
    assert not first.closed and first.close_mark == ""


def test_a_quotation_left_open_at_a_paragraph_end_closes_in_the_next_when_its_first_mark_closes_it() -> None:
    text = "Sie strahlte. „Das war laut. Es trug mich.\n\nIch vergesse das nie“, sagte sie. Dann „Ende“."
    assert quoted(text) == [("Das war laut. Es trug mich.\n\nIch vergesse das nie", 0), ("Ende", 0)]


def test_a_quotation_left_open_does_not_cross_to_a_paragraph_that_opens_its_own_first() -> None:
    text = "Er sagte „Wir kommen.\n\nDann „echt“ und aus“, sagte er."
    assert quoted(text) == [("echt", 0)]


def test_an_opener_inside_a_pair_that_never_closes_is_dropped() -> None:
    text = "„Er rief ‚Halt und lief weg“, sagte sie."
    assert quoted(text) == [("Er rief ‚Halt und lief weg", 0)]


PIECES = st.sampled_from([*sorted(QUOTATION_MARKS), "Wort", " ", "Satz.", ",", "\n\n", "s", "a b"])


@given(st.lists(PIECES, max_size=40).map("".join))
def test_spans_are_well_formed_in_any_text(text: str) -> None:
    """Any text: spans stay in one paragraph (or cross one closed), sit between their marks and nest properly."""
    spans = find_quote_spans(text)
    for span in spans:
        assert 0 <= span.open_at < span.start <= span.end <= len(text)
        assert text[span.open_at] == span.open_mark
        # a quotation crosses a paragraph only closed, at the outermost level
        assert "\n" not in text[span.open_at : span.end] or (span.closed and span.depth == 0)
        if span.closed:
            assert text[span.close_at] == span.close_mark
    for a in spans:
        for b in spans:
            if a is not b:
                disjoint = a.outer_end <= b.outer_start or b.outer_end <= a.outer_start
                nested = (a.outer_start < b.outer_start and b.outer_end <= a.outer_end) or (
                    b.outer_start < a.outer_start and a.outer_end <= b.outer_end
                )
                assert disjoint or nested
