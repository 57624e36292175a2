"""The plain-text report of ``analyze --format text``: what a person reads, evidence first."""

from __future__ import annotations

import textwrap

from watchfloor.records import Actor, Claim, Event, Result
from watchfloor.text import normalise

WIDTH = 100


def _actors(actors: list[Actor]) -> str:
    return "+".join(f"{a.code}" for a in actors) or "?"


def date_label(start: str | None, end: str | None, text: str, precision: str) -> str:
    """A date as precise as the text made it: 2025-12-06, 2025-12, 2025, or '~2025-12-18 (reported)'."""
    if start is None:
        return "undated"
    if precision == "day":
        return start
    if precision == "month":
        return start[:7]
    if precision == "year":
        return start[:4]
    return f"~{end} (undated)" if not text else f"{start}..{end}"


def _when(event: Event) -> str:
    date = event.date
    return date_label(date.start, date.end, date.text, date.precision)


def _quote(text: str, indent: str = "      ") -> str:
    """The evidence as a reader wants it: markup and links left out, on wrapped lines."""
    clean = " ".join(normalise(text).text.split())
    return textwrap.fill(f"\u201c{clean}\u201d", WIDTH, initial_indent=indent, subsequent_indent=indent)


def event_lines(event: Event) -> list[str]:
    kind = event.event + (f"/{event.mode}" if event.mode else "")
    where = f" @ {event.place.name}" if event.place else ""
    flag = f" [{event.aux}]" if event.aux else " [announced]" if event.explanation.get("intention") else ""
    head = f"  {_when(event):<12} {kind:<22} {_actors(event.actor)} -> {_actors(event.recipient)}{where}{flag}"
    names = ", ".join(f"{a.text} = {a.name}" for a in (*event.actor, *event.recipient))
    lines = [head, f"      via '{event.trigger}'; {names}; confidence {event.confidence:.2f}"]
    if event.quantities:
        lines.append("      figures: " + "; ".join(q.text for q in event.quantities))
    lines.append(_quote(event.text))
    return lines


def claim_lines(claim: Claim) -> list[str]:
    lines = [f"  [{claim.verdict.upper()}] {claim.kind}, check-worthiness {claim.checkworthy:.2f}"]
    lines.append(_quote(claim.text))
    lines.append(textwrap.fill(claim.reason, WIDTH, initial_indent="      -> ", subsequent_indent="         "))
    for reference in claim.references[:2]:
        lines.append(
            textwrap.fill(
                f"{reference.statement} ({reference.source})",
                WIDTH,
                initial_indent="         ref: ",
                subsequent_indent="              ",
            )
        )
    return lines


def render(result: Result) -> str:
    doc = result.doc
    header = f"== {doc.title or doc.id}"
    meta = " | ".join(
        part for part in (doc.source, f"published {doc.published}" if doc.published else "no date", doc.origin) if part
    )
    news = [event for event in result.events if event.aux is None]
    background = [event for event in result.events if event.aux is not None]
    lines = [header, f"   {meta}", "", f"EVENTS ({len(news)} reported, {len(background)} background/other)"]
    for event in news:
        lines.extend(event_lines(event))
    if background:
        lines.append("  -- not counted as news (historical, future, hypothetical or negated):")
        for event in background:
            lines.extend(event_lines(event))
    lines.extend(["", f"CLAIMS ({len(result.claims)})"])
    for claim in result.claims:
        lines.extend(claim_lines(claim))
    names = sorted({f"{place.name} ({place.kind})" for place in result.places})
    lines.extend(["", "PLACES: " + (", ".join(names) or "none")])
    lines.extend(f"WARNING: {warning}" for warning in result.warnings)
    return "\n".join(lines) + "\n"
