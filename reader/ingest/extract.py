"""An article's text and metadata from an HTML page, by trafilatura.

Navigation, ads, cookie banners, related links and reader comments are left out. The lead
(teaser) that news sites put in the article header, which the extractor treats as page chrome,
is recovered when the page shows it verbatim as its description.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..articles.article import count_words, source_from_url
from ..articles.infer import infer_title
from ..text.shortening import one_line
from .errors import AddError
from .urls import clean_url, is_web_url

if TYPE_CHECKING:
    from lxml.html import HtmlElement

MIN_ARTICLE_WORDS = 25
NO_TEXT = "has no article text that could be extracted"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LANGUAGE = re.compile(r"^([A-Za-z]{2,3})(?:[-_]|$)")
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_NOT_TEXT = ("script", "style", "noscript", "template", "head")

# trafilatura and its helpers log extraction details as warnings; without a handler Python would
# print them to stderr, under the CLI's output and over the TUI.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


@dataclass(frozen=True)
class ExtractedArticle:
    """What a page says about its article; empty strings for what it does not say."""

    paragraphs: tuple[str, ...]
    title: str
    source: str  # the site's name ('Tagesblick'), else its host ('tagesblick.de')
    date: str  # YYYY-MM-DD
    url: str  # the page's canonical address when it gives one, else the address it came from
    language: str  # the page's declared language, two or three letters
    author: str


def extract_article(html: str, url: str = "") -> ExtractedArticle:
    """Extract the article; raises AddError when the page has no article text."""
    import trafilatura  # here, not at import: it takes a large part of the app's start-up otherwise
    from trafilatura.settings import Document

    tree = trafilatura.load_html(_XML_DECLARATION.sub("", html, count=1))
    if tree is None:
        raise AddError("is not a readable HTML page")
    document = trafilatura.bare_extraction(
        tree,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
    )
    if not isinstance(document, Document):  # None: the extractor found nothing worth keeping
        raise AddError(NO_TEXT)
    paragraphs = _paragraphs(document.text or "")
    source = one_line(document.sitename or "")
    title = strip_site_name(one_line(document.title or ""), source)
    if paragraphs and paragraphs[0] == title:
        paragraphs.pop(0)
    lead = recover_lead(tree, document.description, paragraphs)
    if lead:
        paragraphs.insert(0, lead)
    words = count_words(" ".join(paragraphs))
    if words < MIN_ARTICLE_WORDS:
        raise AddError(f"{NO_TEXT} (only {words} words of text)")
    page_url = document.url if document.url and is_web_url(document.url) else url
    page_url = clean_url(page_url) if page_url else ""
    date = document.date or ""
    return ExtractedArticle(
        paragraphs=tuple(paragraphs),
        title=title or infer_title(paragraphs),
        source=source or source_from_url(page_url),
        date=date if _ISO_DATE.match(date) else "",
        url=page_url,
        language=page_language(tree),
        author=one_line(document.author or ""),
    )


def recover_lead(tree: HtmlElement, description: str | None, paragraphs: list[str]) -> str:
    """The page's lead paragraph if the extraction left it out, else ''.

    It qualifies only if the page's description is shown on the page as one element's whole
    text (or, for a description cut short with '…', as the start of it) before the first
    extracted paragraph, so a search-engine blurb that the reader never sees stays out.
    """
    description = one_line(description or "")
    truncated = description.endswith(("…", "..."))
    wanted = description.rstrip(".… ") if truncated else description
    if len(wanted.split()) < 5 or not paragraphs or any(wanted in p for p in paragraphs):
        return ""
    body = tree.find("body")
    if body is None:
        return ""
    first = paragraphs[0][:80]
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag in _NOT_TEXT:
            continue
        text = one_line(element.text_content())
        if text.startswith(first):
            return ""
        if text == wanted or (truncated and text.startswith(wanted) and len(text) > len(wanted)):
            return text
    return ""


def strip_site_name(title: str, site_name: str) -> str:
    """'Gipfel in Alaska | Tagesblick' → 'Gipfel in Alaska' when the site is 'Tagesblick'."""
    if not site_name:
        return title
    match = re.match(rf"^(.+?)\s*[|\-–—·:»/]\s*{re.escape(site_name)}$", title, re.IGNORECASE)
    return match.group(1) if match else title


def page_language(tree: HtmlElement) -> str:
    """The primary language subtag of <html lang="…">, lowercase ('de' for 'de-DE')."""
    declared = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    match = _LANGUAGE.match(declared.strip())
    return match.group(1).lower() if match else ""


def _paragraphs(text: str) -> list[str]:
    return [line for line in (one_line(raw) for raw in text.split("\n")) if line]
