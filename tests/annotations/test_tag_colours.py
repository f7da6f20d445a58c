from reader.annotations.tags import PALETTE, distinct_colours, tag_colour


def test_tags_of_one_store_never_share_a_colour_while_the_palette_lasts() -> None:
    keys = [f"tag {n}" for n in range(len(PALETTE))]
    colours = distinct_colours((key, f"2025-08-{10 + n}") for n, key in enumerate(keys))
    assert len(set(colours.values())) == len(PALETTE)
    assert colours[keys[0]] == tag_colour(keys[0])  # the first keeps its own colour


def test_a_tag_keeps_its_colour_when_later_tags_arrive() -> None:
    first = distinct_colours([("framing", "2025-08-01"), ("faktencheck", "2025-08-02")])
    later = distinct_colours([("framing", "2025-08-01"), ("faktencheck", "2025-08-02"), ("zitat", "2025-08-03")])
    assert later["framing"] == first["framing"] and later["faktencheck"] == first["faktencheck"]
