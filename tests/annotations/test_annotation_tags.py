from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.annotations import Annotation, TextPosition, TextQuote
from reader.annotations.tags import (
    MAX_TAG_CHARS,
    PALETTE,
    UNTAGGED_COLOUR,
    TagError,
    TagIndex,
    clean_tag,
    clean_tags,
    complete_tag,
    tag_colour,
    tag_key,
    tally_tags,
)


def test_spacing_and_case_variants_are_one_tag() -> None:
    assert clean_tags(["Framing", "framing ", "  FRAMING", "Zitat   verkürzt", "zitat verkürzt\t"]) == (
        "Framing",
        "Zitat verkürzt",
    )


def test_empty_tags_are_dropped_and_order_is_kept() -> None:
    assert clean_tags(["", "  ", "b", "a", "B"]) == ("b", "a")


def test_unicode_composed_and_decomposed_umlauts_are_one_tag() -> None:
    composed, decomposed = "verkürzt", "verku\u0308rzt"
    assert tag_key(composed) == tag_key(decomposed)
    assert clean_tag(decomposed) == composed


def test_overlong_tag_is_refused_in_one_line() -> None:
    with pytest.raises(TagError) as error:
        clean_tags(["x" * (MAX_TAG_CHARS + 1)])
    assert "\n" not in str(error.value)


@given(st.text(min_size=1, max_size=30).filter(lambda t: clean_tag(t)))
def test_colour_is_stable_and_ignores_case_and_spacing(tag: str) -> None:
    colour = tag_colour(tag)
    assert colour in PALETTE
    assert tag_colour(f"  {tag.upper()} ") == tag_colour(tag.upper())
    assert tag_colour(" ".join(tag.split()).casefold()) == tag_colour(" ".join(tag.split()))


def test_untagged_passage_has_the_neutral_colour() -> None:
    assert tag_colour(None) == UNTAGGED_COLOUR
    assert UNTAGGED_COLOUR not in PALETTE


def test_palette_colours_are_distinct_and_readable_on_dark_background() -> None:
    assert len(set(PALETTE)) == len(PALETTE)
    for colour in PALETTE:
        r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
        assert luminance > 0.3, colour  # bright enough against a near-black background


def test_completion_prefers_prefix_then_usage() -> None:
    counts = [("Framing", 3), ("Faktencheck", 7), ("Reframing", 9), ("Zitat verkürzt", 1)]
    assert complete_tag("f", counts) == ["Faktencheck", "Framing", "Reframing"]
    assert complete_tag("FRAM", counts) == ["Framing", "Reframing"]
    assert complete_tag("", counts, limit=2) == ["Reframing", "Faktencheck"]


def tagged(annotation_id: str, created: str, *tags: str) -> Annotation:
    return Annotation(annotation_id, "art", "v", TextPosition(0, 1), TextQuote("x"), tags, created=created)


def test_tag_index_counts_and_keeps_the_earliest_spelling_through_removals() -> None:
    index = TagIndex()
    index.add_all([tagged("b", "2025-08-16T10:00:00.000Z", "framing")])
    index.add_all(
        [  # the later use first: the batch's earliest is found wherever it comes
            tagged("c", "2025-08-17T10:00:00.000Z", "FRAMING "),
            tagged("a", "2025-08-15T10:00:00.000Z", "Framing", "Faktencheck"),
        ]
    )
    assert index.counts() == [("Framing", 3), ("Faktencheck", 1)]
    index.remove("a", ["Framing", "Faktencheck"])
    assert index.counts() == [("framing", 2)]  # the next-earliest use now gives the spelling
    assert index.spelling("FRAMING") == "framing" and index.spelling("Faktencheck") is None
    index.remove("b", ["framing"])
    index.remove("c", ["FRAMING "])
    assert index.counts() == []


def test_a_batch_of_annotations_is_counted_as_if_added_one_at_a_time() -> None:
    """add_all finds each tag's earliest use within the batch, wherever in it that comes."""
    batch = [
        tagged("a", "2025-08-17T10:00:00.000Z", "Bild", "Framing"),
        tagged("b", "2025-08-13T10:00:00.000Z", "Bild"),
        tagged("c", "2025-08-15T10:00:00.000Z", "bild ", "Framing"),
        tagged("d", "2025-08-12T10:00:00.000Z", "Framing"),
    ]
    together, alone = TagIndex(), TagIndex()
    together.add_all(batch)
    for annotation in batch:
        alone.add_all([annotation])
    assert together.counts() == alone.counts() == [("Bild", 3), ("Framing", 3)]
    assert together._first == alone._first  # the earliest (time, spelling) of each tag
    assert together.colours() == alone.colours()


def test_a_tally_made_before_the_index_changes_is_counted_as_if_added_then() -> None:
    """The store tallies a shard's tags while its files are synced and adds the tally after:
    the tally holds nothing of the index it goes into."""
    batch = [tagged("a", "2025-08-17T10:00:00.000Z", "Bild"), tagged("b", "2025-08-14T10:00:00.000Z", "bild ")]
    tally = tally_tags(batch)
    later, direct = TagIndex(), TagIndex()
    for index in (later, direct):
        index.add_all([tagged("c", "2025-08-13T10:00:00.000Z", "BILD", "Quelle")])
    later.add_tally(tally)
    direct.add_all(batch)
    assert later.counts() == direct.counts() == [("BILD", 3), ("Quelle", 1)]
    assert later._first == direct._first
    later.remove("c", ["BILD", "Quelle"])
    assert later.counts() == [("bild ", 2)] and later.spelling("bild") == "bild "
