"""Front matter written for new articles reads back unchanged, and so does the body."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.articles import parse_article
from reader.articles.frontmatter import parse_front_matter, quote_value, render_front_matter
from reader.ingest.writing import article_text

TRICKY_TITLES = [
    "Treffen von Trump und Putin: No Deal",
    '"Es gibt keinen Deal, bis es einen Deal gibt"',
    "'Pursuing Peace' in Anchorage",
    "Trump: „Wir haben große Fortschritte gemacht“",
    'Putin\'s "Grundursachen": Was Moskau meint',
    "#Alaska-Gipfel: Die Reaktionen",
    "Frage: ",
    "[Liveblog] Gipfel in Alaska",
    "Gipfel # Alaska",
    "Ein Titel ohne Besonderheiten",
]


@pytest.mark.parametrize("title", TRICKY_TITLES)
def test_titles_with_colons_and_quotes_round_trip(title: str) -> None:
    block = render_front_matter({"title": title, "source": "Tagesblick"})
    fields = parse_front_matter(block + "Text.\n").fields
    assert fields == {"title": " ".join(title.split()), "source": "Tagesblick"}


def test_plain_values_stay_unquoted_and_empty_ones_are_left_out() -> None:
    block = render_front_matter(
        {"title": "Gipfel in Alaska", "date": "2025-08-16", "author": "", "url": "https://x.de/a?b=1"}
    )
    assert block == "---\ntitle: Gipfel in Alaska\ndate: 2025-08-16\nurl: https://x.de/a?b=1\n---\n"


def test_a_value_with_a_colon_is_quoted_the_yaml_way() -> None:
    assert quote_value("Trump: No Deal") == "'Trump: No Deal'"
    assert quote_value("Putin's Bühne: rot") == '"Putin\'s Bühne: rot"'


def test_line_breaks_in_values_become_spaces() -> None:
    fields = parse_front_matter(render_front_matter({"title": "Gipfel\nin  Alaska\r\n"}) + "x").fields
    assert fields == {"title": "Gipfel in Alaska"}


def _single_line(text: str) -> str:
    return " ".join(text.split())


_any_line = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=60)
# Mostly quotes, colons and hashes (what quoting is about) and characters Python splits lines at.
_punctuated_line = st.text(alphabet="ab :#\"'„“[\u2028\x85\x1c\x0c\t", min_size=1, max_size=12)
_line = (
    st.one_of(_any_line, _punctuated_line)
    .map(_single_line)
    .filter(bool)
    .flatmap(lambda s: st.sampled_from([s, f'"{s}"', f"'{s}'", f"{s}:", f"# {s}"]))
)


@given(st.dictionaries(st.sampled_from(["title", "source", "url", "language", "author"]), _line, min_size=1))
def test_any_single_line_values_round_trip(fields: dict[str, str]) -> None:
    assert parse_front_matter(render_front_matter(fields) + "Text.\n").fields == fields


@given(
    title=_line,
    date=st.one_of(st.just(""), st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}")),
    paragraphs=st.lists(_line, min_size=1, max_size=6),
)
def test_an_article_file_loads_to_exactly_the_paragraphs_written(title: str, date: str, paragraphs: list[str]) -> None:
    text = article_text({"title": title, "source": "Tagesblick", "date": date}, paragraphs)
    article = parse_article(text, Path("a.txt"), "a")
    assert article.body == "\n\n".join(paragraphs)
    assert (article.title, article.source, article.date) == (title, "Tagesblick", date)
