"""Reading untrusted import data field by field, failing with where and what in one line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..annotations import Annotation


class ImportRefused(ValueError):
    """The import file is not acceptable; the message names the place, e.g. annotations[3].tags."""


@dataclass(frozen=True, slots=True)
class Incoming:
    """One annotation read from an import file, before it is checked against the library."""

    annotation: Annotation  # article_id may be "" until `source` is resolved
    where: str  # e.g. "annotations[3]" or "first.items[3]"
    position_where: str  # where the position is, for messages: "annotations[3].selectors.position"
    quote_where: str  # where the quote is: "annotations[3].selectors.quote"
    source: str = ""  # the target IRI (W3C), resolved to an article by the importer


def need_object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ImportRefused(f"{where}: expected an object, found {type_name(value)}")
    return value


def need_list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise ImportRefused(f"{where}: expected a list, found {type_name(value)}")
    return value


def need_str(parent: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
    if key not in parent:
        if default is not None:
            return default
        raise ImportRefused(f"{where}.{key}: missing")
    value = parent[key]
    if not isinstance(value, str):
        raise ImportRefused(f"{where}.{key}: expected text, found {type_name(value)}")
    return value


def need_int(parent: dict[str, Any], key: str, where: str) -> int:
    if key not in parent:
        raise ImportRefused(f"{where}.{key}: missing")
    value = parent[key]
    if not isinstance(value, int) or isinstance(value, bool):
        raise ImportRefused(f"{where}.{key}: expected a whole number, found {type_name(value)}")
    if value < 0:
        raise ImportRefused(f"{where}.{key}: {value} is negative")
    return value


def need_str_list(parent: dict[str, Any], key: str, where: str) -> list[str]:
    values = need_list(parent.get(key, []), f"{where}.{key}")
    for index, value in enumerate(values):
        if not isinstance(value, str):
            raise ImportRefused(f"{where}.{key}[{index}]: expected text, found {type_name(value)}")
    return values


def type_name(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__
    )


def need_time(parent: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
    """An ISO 8601 timestamp (as text), e.g. 2025-08-16T09:30:00.000Z."""
    value = need_str(parent, key, where, default)
    if value == default:
        return value
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise ImportRefused(f"{where}.{key}: {value[:40]!r} is not an ISO 8601 time") from None
    return value
