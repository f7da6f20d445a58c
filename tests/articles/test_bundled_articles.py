"""The five bundled articles load with sensible inferred metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.articles import Library


def test_five_articles_with_inferred_metadata(library_dir: Path) -> None:
    scan = Library(library_dir).scan()
    assert scan.problems == ()
    by_id = {a.id: a for a in scan.articles}
    assert len(by_id) == 5
    # The one text with a `date` marker gives the only date, and the marker is not body text.
    dated = [a for a in scan.articles if a.date]
    assert [a.date for a in dated] == ["2025-08-16"]
    assert not dated[0].body.startswith("date")
    assert dated[0].body.startswith("Die Erwartungen an das Gipfeltreffen")
    # The one short first line without final punctuation is a headline: the title, and still the
    # text's first paragraph (headlines are read, annotated and analysed like the rest).
    no_deal = by_id["treffen-trump-putin-no-deal"]
    assert no_deal.title == "Treffen von Trump und Putin: No Deal"
    assert no_deal.body.startswith("Treffen von Trump und Putin: No Deal\n\nDas historische Treffen in Anchorage")
    # The others fall back to their first sentence, shortened.
    assert by_id["putin-gewinnt-zeit-krieg-ausweiten"].title == (
        "Der russische Machthaber hat in Alaska nicht nur die Bilder bekommen, die er wollte."
    )
    for article in scan.articles:
        assert 0 < len(article.title) <= 90
        assert article.language == "de"
        assert article.words > 700
        assert "\n\n\n" not in article.body


def test_bundled_files_are_the_seed_texts_unchanged(library_dir: Path) -> None:
    seeds = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not beside this clone")
    bundled = sorted(p.read_bytes() for p in (library_dir / "articles").glob("*.txt"))
    assert bundled == sorted(p.read_bytes() for p in seeds.glob("*.txt"))


def test_language_is_guessed_from_function_words_not_from_parts_of_words() -> None:
    from reader.articles.article import guess_language

    assert guess_language("Der Kanzler sagte, dass die Regierung nicht mit sich reden lasse.") == "de"
    assert guess_language("The president said that the talks were over, and this is that.") == "en"
    assert guess_language("Theorie, Diebstahl, Undank: der-die-das, the-and-of, 1234 5678.") == ""
    assert guess_language("") == ""
