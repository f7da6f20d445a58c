from reader.text.counting import plural


def test_one_is_singular_and_every_other_count_plural() -> None:
    assert plural(1, "name") == "1 name"
    assert plural(0, "name") == "0 names"
    assert plural(12, "name") == "12 names"
    assert plural(1_200, "article") == "1,200 articles"
    assert plural(2, "match", "matches") == "2 matches"
