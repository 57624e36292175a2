from datetime import date

import pytest

from watchfloor.nlp.dates import reporting_window, resolve_date

ANCHOR = date(2025, 12, 18)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("earlier this month", "2025-12-01", "2025-12-18", "month"),
        ("October", "2025-10-01", "2025-10-31", "month"),
        ("in February", "2025-02-01", "2025-02-28", "month"),
        ("Earlier this year", "2025-01-01", "2025-12-18", "year"),
        ("the current fiscal year", "2025-01-01", "2025-12-31", "year"),
        ("last week", "2025-12-08", "2025-12-14", "week"),
        ("next month", "2026-01-01", "2026-01-31", "month"),
        ("1951", "1951-01-01", "1951-12-31", "year"),
        ("December 6", "2025-12-06", "2025-12-06", "day"),
        ("6 December 2025", "2025-12-06", "2025-12-06", "day"),
        ("March 30, 2025", "2025-03-30", "2025-03-30", "day"),
        ("October 2024", "2024-10-01", "2024-10-31", "month"),
        ("Thursday", "2025-12-18", "2025-12-18", "day"),
        ("yesterday", "2025-12-17", "2025-12-17", "day"),
        ("Three years ago", "2022-01-01", "2022-12-31", "year"),
        ("two weeks ago", "2025-12-01", "2025-12-07", "week"),
        ("18 months ago", "2024-06-01", "2024-06-30", "month"),
        ("three days ago", "2025-12-15", "2025-12-15", "day"),
    ],
)
def test_resolve_date_news_idioms(text: str, start: str, end: str, precision: str) -> None:
    resolved = resolve_date(text, ANCHOR)
    assert resolved is not None
    assert (resolved.start, resolved.end, resolved.precision) == (start, end, precision)


def test_unresolvable_expressions_give_none() -> None:
    assert resolve_date("recent years", ANCHOR) is None
    assert resolve_date("daily", ANCHOR) is None
    assert resolve_date("earlier this month", None) is None


def test_an_undated_report_takes_the_document_date_with_unknown_precision() -> None:
    window = reporting_window(ANCHOR)
    assert (window.start, window.end, window.text, window.precision) == ("2025-12-18", "2025-12-18", "", "unknown")
    assert reporting_window(None).precision == "unknown"
