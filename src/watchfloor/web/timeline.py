"""The timeline chart: events laid out by date, one lane per PLOVER quad class, as plain SVG numbers.

Laid out on the server so the chart needs no script and no charting library: each event becomes a
dot with an x from its date and a y from its quad lane; undated events have no place on a time axis
and are listed under the chart instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

WIDTH, LANE, LEFT, TOP = 900.0, 46.0, 90.0, 24.0
LANES = ("V-Coop", "M-Coop", "V-Conf", "M-Conf")


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    quad: str
    aux: bool
    title: str
    href: str
    event_id: str


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    dots: list[Dot]
    ticks: list[Tick]
    lanes: list[tuple[str, float]]
    width: float
    height: float


def chart(events: list[dict[str, Any]]) -> Chart:
    """Dots and axis ticks for the events that have a start date."""
    dated = [(date.fromisoformat(e["date"]["start"]), e) for e in events if e.get("date", {}).get("start")]
    lanes = [(name, TOP + LANE * index + LANE / 2) for index, name in enumerate(LANES)]
    height = TOP + LANE * len(LANES) + 30
    if not dated:
        return Chart([], [], lanes, WIDTH, height)
    first = min(day for day, _ in dated) - timedelta(days=1)
    last = max(day for day, _ in dated) + timedelta(days=1)
    span = max((last - first).days, 1)

    def x_of(day: date) -> float:
        return round(LEFT + (WIDTH - LEFT - 20) * (day - first).days / span, 1)

    lane_y = dict(lanes)
    stacked: dict[tuple[float, str], int] = {}
    dots = []
    for day, event in dated:
        x = x_of(day)
        level = stacked.get((x, event["quad"]), 0)
        stacked[(x, event["quad"])] = level + 1
        y = lane_y.get(event["quad"], lanes[0][1]) + (level % 4 - 1.5) * 7
        dots.append(Dot(x, round(y, 1), event["quad"], bool(event.get("aux")), _title(event), _href(event), event["id"]))
    return Chart(dots, _ticks(first, last, x_of), lanes, WIDTH, height)


def _ticks(first: date, last: date, x_of: Any) -> list[Tick]:
    """Month starts when the range is long, otherwise about six evenly spaced days."""
    days = (last - first).days
    if days > 90:
        months = []
        cursor = date(first.year, first.month, 1)
        while cursor <= last:
            if cursor >= first:
                months.append(cursor)
            cursor = date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)
        step = max(1, len(months) // 8)
        return [Tick(x_of(day), day.strftime("%b %Y")) for day in months[::step]]
    step = max(1, days // 6)
    return [Tick(x_of(first + timedelta(days=n)), (first + timedelta(days=n)).isoformat()) for n in range(0, days + 1, step)]


def _title(event: dict[str, Any]) -> str:
    actors = "+".join(actor["code"] for actor in event["actor"]) or "?"
    recipients = "+".join(actor["code"] for actor in event["recipient"])
    aux = f" ({event['aux']})" if event.get("aux") else ""
    return f"{event['date']['start']} {actors} {event['event']} {recipients}{aux}: {event['text'][:140]}"


def _href(event: dict[str, Any]) -> str:
    return f"/documents/{event['doc_id']}#e-{event['id']}"
