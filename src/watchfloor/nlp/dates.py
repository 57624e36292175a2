"""Resolving date expressions of news text against the publication date.

dateparser returns nothing for several news idioms ("earlier this month", "in October", "the
current fiscal year") and is slow per call, so date expressions inside sentences are resolved by
the rules here, each anchored on the document's publication date. (Publication dates given in
metadata are parsed with dateparser in ``watchfloor.sources.dates``.)
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from watchfloor.nlp.quantities import number_value
from watchfloor.records import DateSpan, Precision

MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): index for index, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY_MONTH_YEAR = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+(?P<year>\d{{4}}))?\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b", re.I)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}(?:\s+of)?\s+(?P<year>\d{{4}})\b", re.I)
_MONTH_ONLY = re.compile(rf"\b{_MONTH}\b", re.I)
_YEAR = re.compile(r"\b(?P<year>1[89]\d\d|20\d\d)\b")
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_DECADE = re.compile(r"\b(?P<year>1[89]\d0|20\d0)s\b")


def month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _span(start: date, end: date, text: str, precision: Precision) -> DateSpan:
    return DateSpan(start.isoformat(), end.isoformat(), text, precision)


# "three years ago", "twenty-six years ago", "18 months ago", "a week ago": a count (read by number_value) and a unit
_AGO = re.compile(r"\b(?P<count>\d+|[a-z]+(?:-[a-z]+)?)\s+(?P<unit>day|week|month|year)s?\s+ago\b")


def _ago(lowered: str, text: str, anchor: date) -> DateSpan | None:
    """'Three years ago', 'two weeks ago', 'a month ago': the day, week, month or year that far before the anchor."""
    match = _AGO.search(lowered)
    value = number_value(match["count"]) if match is not None else None
    if match is None or value is None or value != int(value):
        return None
    count = int(value)
    unit = match["unit"]
    if unit == "day":
        day = anchor - timedelta(days=count)
        return _span(day, day, text, "day")
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday() + 7 * count)
        return _span(monday, monday + timedelta(days=6), text, "week")
    if unit == "month":
        months = anchor.year * 12 + anchor.month - 1 - count
        return _span(*month_span(months // 12, months % 12 + 1), text, "month")
    year = anchor.year - count
    return _span(date(year, 1, 1), date(year, 12, 31), text, "year")


def _next_to_today(lowered: str, text: str, anchor: date) -> DateSpan | None:
    """Today (this morning, tonight), yesterday, tomorrow."""
    shifts = (("today", 0), ("this morning", 0), ("tonight", 0), ("yesterday", -1), ("tomorrow", 1))
    shift = next((days for word, days in shifts if word in lowered), None)
    if shift is None:
        return None
    day = anchor + timedelta(days=shift)
    return _span(day, day, text, "day")


def _relative(lowered: str, text: str, anchor: date) -> DateSpan | None:
    """Idioms relative to the anchor: this/last/next week, month, year; today; yesterday; N units ago."""
    if (near := _ago(lowered, text, anchor) or _next_to_today(lowered, text, anchor)) is not None:
        return near
    for name, index in WEEKDAYS.items():
        if name in lowered:
            back = (anchor.weekday() - index) % 7
            day = anchor - timedelta(days=back + (7 if "last" in lowered and back == 0 else 0))
            if "next" in lowered:
                day = anchor + timedelta(days=(index - anchor.weekday()) % 7 or 7)
            return _span(day, day, text, "day")
    if not any(word in lowered for word in ("this", "last", "next", "past", "previous", "earlier", "later", "current", "coming")):
        return None  # "in months", "for weeks": a duration, not a time
    if "week" in lowered:
        shift = -7 if "last" in lowered or "past" in lowered or "previous" in lowered else 7 if "next" in lowered else 0
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=shift)
        end = min(monday + timedelta(days=6), anchor) if shift == 0 else monday + timedelta(days=6)
        return _span(monday, end, text, "week")
    if "month" in lowered:
        year, month = anchor.year, anchor.month
        if "last" in lowered or "previous" in lowered or "past" in lowered:
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        elif "next" in lowered:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        start, end = month_span(year, month)
        if "earlier" in lowered or (year, month) == (anchor.year, anchor.month):
            end = min(end, anchor)
        return _span(start, end, text, "month")
    if "year" in lowered and not _YEAR.search(lowered):
        offset = -1 if "last" in lowered or "previous" in lowered or "past" in lowered else 1 if "next" in lowered else 0
        year = anchor.year + offset
        end = min(date(year, 12, 31), anchor) if offset == 0 else date(year, 12, 31)
        return _span(date(year, 1, 1), end, text, "year")
    return None


def _absolute(text: str, anchor: date | None) -> DateSpan | None:
    """Calendar dates: ISO, '6 December 2025', 'Dec. 6', 'October 2025', 'October', '1951'."""
    if match := _ISO.search(text):
        day = date(int(match["year"]), int(match["month"]), int(match["day"]))
        return _span(day, day, text, "day")
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        if match := pattern.search(text):
            month = MONTHS[match["month"].lower().rstrip(".")]
            year = int(match["year"]) if match["year"] else _year_for_month(month, anchor)
            if year is None:
                continue
            try:
                day = date(year, month, int(match["day"]))
            except ValueError:
                continue
            return _span(day, day, text, "day")
    if match := _MONTH_YEAR.search(text):
        start, end = month_span(int(match["year"]), MONTHS[match["month"].lower().rstrip(".")])
        return _span(start, end, text, "month")
    if (match := _MONTH_ONLY.search(text)) and not _YEAR.search(text) and match["month"].lower() != "may":
        month = MONTHS[match["month"].lower().rstrip(".")]
        year = _year_for_month(month, anchor)
        if year is not None:
            start, end = month_span(year, month)
            return _span(start, end, text, "month")
    if match := _DECADE.search(text):
        year = int(match["year"])
        return _span(date(year, 1, 1), date(year + 9, 12, 31), text, "year")
    if match := _YEAR.search(text):
        year = int(match["year"])
        return _span(date(year, 1, 1), date(year, 12, 31), text, "year")
    return None


NEAR_FUTURE = timedelta(days=60)


def _year_for_month(month: int, anchor: date | None) -> int | None:
    """A bare month is the most recent such month, or one at most two months ahead.

    "In October" in a December article is last October; "from April 3" in a late-March article
    is the coming April.
    """
    if anchor is None:
        return None
    if month <= anchor.month or date(anchor.year, month, 1) <= anchor + NEAR_FUTURE:
        return anchor.year
    return anchor.year - 1


def resolve_date(text: str, anchor: date | None) -> DateSpan | None:
    """Resolve a date expression; None when it names no resolvable time."""
    lowered = text.lower()
    if "recent" in lowered or "decades" in lowered:
        return None
    if "fiscal year" in lowered and anchor is not None and not _YEAR.search(lowered):
        return _span(date(anchor.year, 1, 1), date(anchor.year, 12, 31), text, "year")
    absolute = _absolute(text, anchor)
    if absolute is not None:
        return absolute
    if anchor is not None:
        return _relative(lowered, text, anchor)
    return None


UNKNOWN = DateSpan(None, None, "", "unknown")


def reporting_window(anchor: date | None) -> DateSpan:
    """The date of an event whose sentence names none: the document's date, precision unknown.

    News reports recent events; the publication date is the best point estimate, and the precision
    says that the text did not give it.
    """
    if anchor is None:
        return UNKNOWN
    return DateSpan(anchor.isoformat(), anchor.isoformat(), "", "unknown")
