"""Parsing the publication date of an input, which anchors relative dates and claim checks."""

from __future__ import annotations

import re
from datetime import date, datetime

from watchfloor.errors import Code, InputError

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def parse_published(value: object, origin: str) -> date | None:
    """Return the date in ``value`` (a date, ISO string or common written form), None if empty.

    Raises InputError naming ``origin`` when the value is present but not a date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if _ISO_DAY.match(text):
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            raise InputError(Code.BAD_DATE, origin, value=text) from None
    parsed = _parse_written(text)
    if parsed is None:
        raise InputError(Code.BAD_DATE, origin, value=text)
    return parsed


def _parse_written(text: str) -> date | None:
    """Parse forms such as '18 December 2025' or 'Dec. 18, 2025' with dateparser, strictly."""
    import dateparser  # imported here: it costs ~0.3 s and most inputs carry ISO dates

    settings = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None
