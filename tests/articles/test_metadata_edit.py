"""`m`'s writer: metadata as front matter, the body (and so the version) unchanged."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reader.articles import Library
from reader.articles.loader import read_article_file
from reader.articles.metadata_edit import MetadataError, draft_of, save, snapshot


def test_outlet_and_date_go_into_front_matter_and_the_version_stays(library: Library) -> None:
    article = library.get("fuenf-erkenntnisse-gipfel-alaska")
    before = article.path.read_bytes()
    draft = replace(draft_of(article), source="taz", date="2025-08-16", url="https://taz.de/x")
    updated = save(article, snapshot(article), draft)
    assert updated.version == article.version and updated.source == "taz" and updated.date == "2025-08-16"
    after = article.path.read_bytes()
    assert after.startswith(b"---\nsource: taz\ndate: 2025-08-16\nurl: https://taz.de/x\n---\n")
    assert not before.startswith(b"---")
    assert after.endswith(before)  # the text after the front matter byte for byte
    again = read_article_file(article.path, article.id)
    assert again.version == article.version and again.title == article.title


def test_a_file_changed_on_disk_meanwhile_is_not_overwritten(library: Library) -> None:
    article = library.get("treffen-trump-putin-no-deal")
    read = snapshot(article)
    article.path.write_text(article.path.read_text(encoding="utf-8") + "\nNoch ein Absatz.\n", encoding="utf-8")
    changed = article.path.read_bytes()
    with pytest.raises(MetadataError, match="changed on disk"):
        save(article, read, replace(draft_of(article), source="taz"))
    assert article.path.read_bytes() == changed


def test_a_change_that_would_alter_the_body_is_refused(library: Library) -> None:
    article = library.get("gipfeltreffen-putin-trump-erwartungen")  # dated by a "date …" marker in its text
    before = article.path.read_bytes()
    with pytest.raises(MetadataError, match="change the article's text"):
        save(article, snapshot(article), replace(draft_of(article), date="2025-08-17"))
    assert article.path.read_bytes() == before


def test_a_bad_date_is_one_line(library: Library, tmp_path: Path) -> None:
    article = library.get("fuenf-erkenntnisse-gipfel-alaska")
    with pytest.raises(MetadataError, match="YYYY-MM-DD"):
        save(article, snapshot(article), replace(draft_of(article), date="16.8.2025"))
    title = save(article, snapshot(article), replace(draft_of(article), title="Fünf Erkenntnisse"))
    assert title.title == "Fünf Erkenntnisse" and title.version == article.version


def test_an_outlet_for_the_article_dated_by_a_marker_keeps_its_text(library: Library) -> None:
    article = library.get("gipfeltreffen-putin-trump-erwartungen")  # its date comes from a "date …" marker
    assert article.date == "2025-08-16"
    updated = save(article, snapshot(article), replace(draft_of(article), source="Beispiel"))
    assert updated.version == article.version and updated.date == "2025-08-16" and updated.source == "Beispiel"
