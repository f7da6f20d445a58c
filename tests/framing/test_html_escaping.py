"""Outside text in the HTML report is text: markup escaped, terminal and bidi controls made visible."""

from __future__ import annotations

from pathlib import Path

from reader.analysis import ArticleAnalysis, Entity, LibraryAnalysis
from reader.articles import Article
from reader.framing import framing_report
from reader.framing.html_report import render_html
from reader.framing.markdown_report import render_markdown

HOSTILE = 'Böse <script>alert(1)</script> "x" onload=1 \u202etxet\u202c \x1b[31mrot <img src=http://evil/x.png>'


def test_hostile_titles_names_and_text_are_escaped() -> None:
    article = Article(id="boese", path=Path("boese.txt"), body=HOSTILE, title=HOSTILE, source="<b>Quelle</b>")
    name_at = HOSTILE.index("script")
    analysis = ArticleAnalysis(
        "boese",
        article.version,
        "f",
        entities=(Entity(name_at, name_at + 6, "PER", "script", "script", "<i>Name</i>"),),
    )
    library = LibraryAnalysis([analysis])
    page = render_html(framing_report(library, [article]), library)
    assert "<script" not in page and "<img" not in page and "<b>Quelle" not in page and "<i>Name" not in page
    assert "\u202e" not in page and "\x1b" not in page
    assert "&lt;script&gt;" in page
    markdown = render_markdown(framing_report(library, [article]))
    assert "<script" not in markdown and "\x1b" not in markdown.replace("\\x1b", "")
