"""Times as the store keeps them: UTC, ISO 8601 with milliseconds and a Z, e.g. 2025-08-16T09:30:00.000Z.

Imported times come in many spellings ("2015-10-13", "…+00:00", "…+02:00", no zone); they are
normalised to this one, so our own export always validates against our schema. A time without
a zone is taken as UTC; a date without a time as midnight UTC.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import TypeGuard

FUTURE_SKEW = timedelta(minutes=5)  # clocks of two machines may differ this much
STORED_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")


def utc_now() -> str:
    """The current time as ISO 8601 UTC with milliseconds, e.g. 2025-08-16T09:30:00.000Z."""
    return format_time(datetime.now(UTC))


def format_time(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="milliseconds") + "Z"


def parse_time(text: str) -> datetime:
    """An aware datetime for an ISO 8601 time or date; ValueError if it is none."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def normalise_time(text: str) -> str:
    """The stored spelling of an ISO 8601 time or date; ValueError if it is none (or out of range)."""
    if STORED_TIME.fullmatch(text):  # already in the stored spelling: only check it is a real time
        datetime.fromisoformat(text)
        return text
    try:
        return format_time(parse_time(text))
    except OverflowError:  # e.g. 0001-01-01T00:00+01:00 is before year 1 in UTC
        raise ValueError(f"{text!r} is out of range") from None


def is_stored_time(text: object) -> TypeGuard[str]:
    return isinstance(text, str) and STORED_TIME.fullmatch(text) is not None


@lru_cache(maxsize=1)
def _future_limit(second: int) -> str:
    return format_time(datetime.fromtimestamp(second, UTC) + FUTURE_SKEW)


def future_limit() -> str:
    """The stored time beyond which a time counts as in the future, as of now."""
    return _future_limit(int(time.time()))


def in_the_future(stored: str) -> bool:
    """Whether a stored time lies further ahead of this machine's clock than clocks plausibly differ.

    Stored times compare as text (fixed width, UTC), so 100,000 checks cost no parsing.
    """
    return stored > future_limit()
