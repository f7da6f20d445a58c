"""Tag colours and the reading view's solid marks are told apart at a glance."""

from __future__ import annotations

import colorsys
from itertools import combinations, pairwise

from textual.color import Color

from reader.annotations.tags import PALETTE
from reader.tui.highlights import FOCUS_STYLE, SEARCH_STYLE, tint


def rgb(colour: str) -> tuple[float, float, float]:
    parsed = Color.parse(colour)
    return parsed.r / 255, parsed.g / 255, parsed.b / 255


def distance(a: str, b: str) -> float:
    return sum((x - y) ** 2 for x, y in zip(rgb(a), rgb(b), strict=True)) ** 0.5


def test_tag_hues_are_far_apart_and_so_are_their_washes() -> None:
    hues = sorted(colorsys.rgb_to_hls(*rgb(colour))[0] * 360 for colour in PALETTE)
    gaps = [b - a for a, b in pairwise(hues)] + [360 - hues[-1] + hues[0]]
    assert min(gaps) >= 25
    washes = [tint(colour) for colour in PALETTE]
    assert min(distance(a, b) for a, b in combinations(washes, 2)) >= 0.08


def test_the_followed_name_and_search_hits_look_like_no_annotation() -> None:
    washes = [tint(colour) for colour in PALETTE]
    for style in (FOCUS_STYLE, SEARCH_STYLE):
        assert style.bgcolor is not None
        background = style.bgcolor.triplet.hex if style.bgcolor.triplet else ""
        assert min(distance(background, wash) for wash in washes) >= 0.5
    assert FOCUS_STYLE.bgcolor != SEARCH_STYLE.bgcolor
