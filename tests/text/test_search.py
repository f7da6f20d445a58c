from reader.text.search import find_all, next_hit

TEXT = "Putin traf Trump. putin lachte.\nTrump und\nPutin gingen."


def test_lower_case_matches_any_case_and_a_capital_matches_exactly() -> None:
    assert [TEXT[a:b] for a, b in find_all(TEXT, "putin")] == ["Putin", "putin", "Putin"]
    assert [TEXT[a:b] for a, b in find_all(TEXT, "Putin")] == ["Putin", "Putin"]


def test_a_space_matches_a_line_break_and_an_empty_query_finds_nothing() -> None:
    assert [TEXT[a:b] for a, b in find_all(TEXT, "und putin")] == ["und\nPutin"]
    assert find_all(TEXT, "  ") == [] and find_all(TEXT, "") == []
    assert find_all("a.b axb", ".") == [(1, 2)]  # literal, not a pattern


def test_next_hit_moves_on_from_the_cursor_and_says_when_it_wraps() -> None:
    hits = [(0, 5), (10, 15), (20, 25)]
    assert next_hit(hits, 0, 1) == (1, False)
    assert next_hit(hits, 20, 1) == (0, True)
    assert next_hit(hits, 10, -1) == (0, False)
    assert next_hit(hits, 0, -1) == (2, True)
    assert next_hit([], 3, 1) is None
