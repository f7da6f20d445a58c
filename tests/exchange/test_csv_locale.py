"""The palette's CSV export uses the delimiter of the user's locale."""

from __future__ import annotations

import locale

import pytest

from reader.exchange.csv_table import DEFAULT_DELIMITER, EXCEL_DELIMITER, locale_delimiter


def available(name: str) -> bool:
    try:
        locale.setlocale(locale.LC_NUMERIC, name)
    except locale.Error:
        return False
    finally:
        locale.setlocale(locale.LC_NUMERIC, "C")
    return True


def test_a_comma_decimal_locale_gets_semicolons(monkeypatch: pytest.MonkeyPatch) -> None:
    german = next((name for name in ("de_DE.UTF-8", "de_DE.utf8") if available(name)), None)
    if german is None:
        pytest.skip("no German locale installed")
    monkeypatch.setenv("LC_ALL", german)
    assert locale_delimiter() == EXCEL_DELIMITER


def test_the_c_locale_gets_commas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "C")
    assert locale_delimiter() == DEFAULT_DELIMITER


def test_the_decimal_comma_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where no German locale is installed: the locale's answer stood in for."""
    monkeypatch.setattr(locale, "setlocale", lambda category, name=None: "C")
    monkeypatch.setattr(locale, "localeconv", lambda: {"decimal_point": ","})
    assert locale_delimiter() == EXCEL_DELIMITER
    monkeypatch.setattr(locale, "localeconv", lambda: {"decimal_point": "."})
    assert locale_delimiter() == DEFAULT_DELIMITER
