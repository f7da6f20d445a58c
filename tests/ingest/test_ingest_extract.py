"""Article extraction from news pages written for these tests (see pages/)."""

import pytest

from reader.ingest import AddError
from reader.ingest.extract import extract_article
from tests.helpers.web_pages import NEWS_CANONICAL, PAGES, news_html

LEAD = (
    "Drei Stunden Gespräch, zwei Präsidenten, kein Waffenstillstand: Das Treffen in Alaska liefert "
    "starke Bilder – und lässt die Ukraine mit offenen Fragen zurück."
)
ARTICLE_PARAGRAPH_STARTS = [
    "Roter Teppich, kreisende Kampfjets",
    "Knapp drei Stunden sprachen",
    "Putin sprach von einem „konstruktiven Gespräch“",
    "Europa wartet auf einen Anruf",
    "In Berlin, Paris und London",
    "Der ukrainische Präsident Wolodymyr Selenskyj reagierte",
]
PAGE_CHROME = [
    "Wir verwenden Cookies",  # cookie banner
    "Alle akzeptieren",
    "Jetzt Abonnent werden",  # navigation
    "Wirtschaft",
    "ANZEIGE",  # ads, above and inside the article
    "Kreuzfahrt",
    "Tagesgeldkonten",
    "Mehr zum Thema",  # related links
    "Was Putin wirklich will",
    "Kommentare",  # reader comments
    "Wieder nur Show",
    "Ostseemöwe",
    "roter Teppich für einen Kriegsherrn",
    "Impressum",  # footer
    "Treffen in Alaska\n",  # kicker
    "Von Katrin Vogelsang",  # byline
]


@pytest.fixture(scope="module")
def extracted():
    return extract_article(news_html(), "http://127.0.0.1:8000/politik/gipfel-anchorage.html?utm_source=x")


def test_the_article_paragraphs_are_in_in_order(extracted) -> None:
    starts = [
        next((i for i, p in enumerate(extracted.paragraphs) if p.startswith(s)), None) for s in ARTICLE_PARAGRAPH_STARTS
    ]
    found = [start for start in starts if start is not None]
    assert len(found) == len(starts), extracted.paragraphs
    assert found == sorted(found)


def test_navigation_ads_banner_comments_and_footer_are_out(extracted) -> None:
    text = "\n".join(extracted.paragraphs) + "\n"
    for chrome in PAGE_CHROME:
        assert chrome not in text, chrome


def test_the_lead_from_the_article_header_opens_the_text(extracted) -> None:
    assert extracted.paragraphs[0] == LEAD


def test_the_headline_is_metadata_not_body(extracted) -> None:
    assert extracted.title == "Gipfel in Anchorage: Viel Symbolik, wenig Substanz"
    assert extracted.title not in extracted.paragraphs


def test_metadata_comes_from_the_page(extracted) -> None:
    assert extracted.source == "Tagesblick"
    assert extracted.date == "2025-08-16"
    assert extracted.author == "Katrin Vogelsang"
    assert extracted.language == "de"
    assert extracted.url == NEWS_CANONICAL


def test_paragraphs_are_single_lines(extracted) -> None:
    assert all("\n" not in p and p == p.strip() and p for p in extracted.paragraphs)


def test_a_description_the_page_does_not_show_is_not_taken_for_a_lead() -> None:
    html = news_html().replace(LEAD + "</p>", "Hier stand früher ein anderer Vorspann.</p>")
    paragraphs = extract_article(html).paragraphs
    assert LEAD not in paragraphs
    assert paragraphs[0].startswith("Roter Teppich")


def test_a_description_cut_short_still_finds_the_whole_lead() -> None:
    cut = LEAD[:70].rsplit(" ", 1)[0] + " …"
    html = news_html().replace(f'content="{LEAD}"', f'content="{cut}"')
    assert extract_article(html).paragraphs[0] == LEAD


def test_without_a_canonical_link_the_given_address_is_recorded_without_tracking() -> None:
    html = news_html().replace(f'<link rel="canonical" href="{NEWS_CANONICAL}">', "")
    extracted = extract_article(html, "https://www.tagesblick.de/a/gipfel.html?utm_source=x&id=4#top")
    assert extracted.url == "https://www.tagesblick.de/a/gipfel.html?id=4"


def test_a_page_without_an_article_is_refused() -> None:
    with pytest.raises(AddError, match="has no article text"):
        extract_article((PAGES / "no_article.html").read_text(encoding="utf-8"))


def test_a_page_without_a_title_gets_one_from_its_first_sentence() -> None:
    html = (
        "<html><body><article>"
        + "".join(
            f"<p>Satz {n}: Die Delegationen verhandelten bis spät in die Nacht über die nächsten Schritte.</p>"
            for n in range(1, 6)
        )
        + "</article></body></html>"
    )
    extracted = extract_article(html)
    assert extracted.title.startswith("Satz 1: Die Delegationen verhandelten")
    assert extracted.source == "" and extracted.url == "" and extracted.date == ""


@pytest.mark.parametrize("suffix", [" - Tagesblick", " | TAGESBLICK", " – Tagesblick"])
def test_a_site_name_appended_to_the_title_is_removed(suffix: str) -> None:
    title = "Gipfel in Anchorage: Viel Symbolik, wenig Substanz"
    html = news_html().replace(
        f'<meta property="og:title" content="{title}">', f'<meta property="og:title" content="{title}{suffix}">'
    )
    assert extract_article(html).title == title
