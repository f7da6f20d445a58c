import re

from hypothesis import given
from hypothesis import strategies as st

from reader.ingest.slug import SLUG_MAX_CHARS, slugify

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def test_german_letters_are_transliterated() -> None:
    assert slugify("Größe zählt: Übergriffe in Düsseldorf") == "groesse-zaehlt-uebergriffe-in-duesseldorf"
    assert slugify("STRASSE ÄRGER ẞ") == "strasse-aerger-ss"


def test_other_accents_are_dropped_and_punctuation_separates_words() -> None:
    assert slugify("Macron & Sánchez: „Europa muss handeln!“ (Analyse)") == "macron-sanchez-europa-muss-handeln-analyse"
    assert slugify("Trump–Putin-Gipfel 2025") == "trump-putin-gipfel-2025"


def test_long_titles_are_shortened_at_a_word_boundary() -> None:
    title = (
        "Gipfel in Anchorage: Viel Symbolik, wenig Substanz und keine Antwort auf die Frage nach dem Waffenstillstand"
    )
    slug = slugify(title)
    assert slug == "gipfel-in-anchorage-viel-symbolik-wenig-substanz-und-keine"
    assert len(slug) <= SLUG_MAX_CHARS
    assert slugify("Donaudampfschifffahrtsgesellschaftskapitaen" * 2, max_chars=20) == "donaudampfschifffahr"


def test_text_without_latin_letters_gives_an_empty_slug() -> None:
    assert slugify("Путин и Трамп") == ""
    assert slugify("—!?") == ""


@given(st.text(max_size=200), st.integers(min_value=1, max_value=80))
def test_slugs_are_lowercase_ascii_words_within_the_limit(text: str, limit: int) -> None:
    slug = slugify(text, max_chars=limit)
    assert slug == "" or SLUG.match(slug)
    assert len(slug) <= limit
    assert slugify(slug, max_chars=limit) == slug
