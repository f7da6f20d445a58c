import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.ingest.decoding import binary_kind, codec_for, decode_page, looks_like_html, meta_charset, unusable_charsets
from tests.helpers.web_pages import NOT_CHARSETS

UMLAUTS = "Größe, Übermut, Äußerung – „Frieden“ für 5 €"


def page(charset_meta: str = "") -> str:
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    return f"<!DOCTYPE html><html><head>{meta}<title>T</title></head><body><p>{UMLAUTS}</p></body></html>"


def test_the_http_header_charset_is_used() -> None:
    data = page().encode("cp1252")
    assert UMLAUTS in decode_page(data, "ISO-8859-1")


def test_the_meta_charset_is_used_without_a_header() -> None:
    assert UMLAUTS in decode_page(page("windows-1252").encode("cp1252"))
    http_equiv = b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15"></head>'
    assert meta_charset(http_equiv) == "iso8859-15"


def test_latin1_labels_are_read_as_windows_1252_like_browsers_do() -> None:
    # 0x80 is € and 0x84/0x93 are „ “ in Windows-1252; strict Latin-1 would give control characters.
    assert codec_for("ISO-8859-1") == codec_for("latin1") == codec_for("us-ascii") == "cp1252"
    assert "„Frieden“ für 5 €" in decode_page(page("iso-8859-1").encode("cp1252"))


def test_undeclared_pages_are_utf8_when_valid_else_windows_1252() -> None:
    assert UMLAUTS in decode_page(page().encode("utf-8"))
    assert UMLAUTS in decode_page(page().encode("cp1252"))


def test_a_wrong_declaration_falls_back_instead_of_failing() -> None:
    data = page("utf-8").encode("cp1252")
    assert UMLAUTS in decode_page(data, "utf-8")
    assert UMLAUTS in decode_page(page().encode("utf-8"), "no-such-charset")


def test_a_byte_order_mark_wins_over_declarations() -> None:
    assert UMLAUTS in decode_page(b"\xef\xbb\xbf" + page().encode("utf-8"), "iso-8859-1")
    assert UMLAUTS in decode_page(page().encode("utf-16"), "iso-8859-1")


def test_a_meta_tag_claiming_utf16_means_utf8() -> None:
    assert UMLAUTS in decode_page(page("utf-16").encode("utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body></body></html>",
        "\n  <html lang='de'>",
        "<?xml version='1.0'?>\n<!DOCTYPE html>",
        "<!-- gespeichert -->\n<HTML>",
        "<p>Ein Absatz</p><p>Noch einer</p>",
        "<article><h1>Titel</h1></article>",
    ],
)
def test_html_is_recognised(text: str) -> None:
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "Gipfel in Alaska\n\nTrump und Putin trafen sich.",
        "---\ntitle: Gipfel\n---\nText",
        "<Anmerkung der Redaktion> Der Text wurde gekürzt.",
        "Preis: 3 < 5 und <b>fett</b>",
    ],
)
def test_plain_text_is_not_taken_for_html(text: str) -> None:
    assert not looks_like_html(text)


def test_well_known_binary_formats_are_named() -> None:
    assert binary_kind(b"%PDF-1.7\n...") == "a PDF document"
    assert binary_kind(b"\x89PNG\r\n\x1a\n....") == "a PNG image"
    assert binary_kind(b"PK\x03\x04....") == "a ZIP archive or office document"
    assert binary_kind(b"Gipfel") is None


@given(
    st.binary(max_size=300),
    st.one_of(st.none(), st.sampled_from(["utf-8", "iso-8859-1", "utf-16", "koi8-r", "x-unknown", ""])),
)
def test_decoding_never_fails(data: bytes, header: str | None) -> None:
    assert isinstance(decode_page(data, header), str)


@given(st.text(max_size=200))
def test_utf8_text_without_declarations_decodes_to_itself(text: str) -> None:
    assert decode_page(text.encode("utf-8")) == text.removeprefix("\ufeff")  # a leading BOM is not text


@pytest.mark.parametrize("label", [*NOT_CHARSETS, "utf\x00", "x" * 300, "no-such-charset"])
def test_only_text_encodings_are_charsets(label: str) -> None:
    assert codec_for(label) is None
    assert UMLAUTS in decode_page(page(label).encode("utf-8"), label)
    assert UMLAUTS in decode_page(page(label if label.isprintable() else "").encode("cp1252"), label)
    assert unusable_charsets(page(label).encode("utf-8"), label)


def test_web_labels_python_does_not_know_are_read() -> None:
    assert codec_for("windows-874") == "cp874" and codec_for("x-mac-cyrillic") == "mac-cyrillic"
    assert codec_for("Shift_JIS") == "shift_jis" and codec_for("windows-1250") == "cp1250"
    assert unusable_charsets(page("utf-8").encode("utf-8"), "iso-8859-15") == []
