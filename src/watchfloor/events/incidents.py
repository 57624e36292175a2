"""Events, not reports: the sentences of a document that tell of one incident become one event with mentions.

A headline and its lead, or a recap later in the story, report the same act; counting each would inflate every
tally built on the data. Two events are one when type, aux, the countries on each side and a precise date agree.
"""

from __future__ import annotations

from watchfloor.records import Actor, DateSpan, Event


def one_per_incident(events: list[Event]) -> list[Event]:
    """Events, not reports: a headline and its lead, or a recap, tell of one incident.

    Two events of a document are one when type, aux, the countries on each side and a precise date agree;
    the first keeps the most specific actor codes, and the other sentence becomes one of its mentions.
    """
    kept: list[Event] = []
    for event in events:
        same = next((k for k in kept if _same_incident(k, event)), None)
        if same is None:
            kept.append(event)
            continue
        if not same.date.text and event.date.text:  # the dated sentence becomes the main evidence
            same.mentions.append(same.span)
            same.date, same.text, same.span, same.trigger = event.date, event.text, event.span, event.trigger
        else:
            same.mentions.append(event.span)
        if len(actor_codes(event.actor)) and all(a.sector for a in event.actor) and not all(a.sector for a in same.actor):
            same.actor = event.actor
        if same.place is None:
            same.place = event.place
    return kept


def _same_incident(a: Event, b: Event) -> bool:
    sides = _sides(a) == _sides(b) or _same_parties_told_both_ways(a, b)
    people_a, people_b = _people(a), _people(b)
    different_people = bool(people_a and people_b and people_a != people_b)  # Hegseth met Nakatani, then Ishiba
    return a.event == b.event and a.aux == b.aux and sides and not different_people and _dates_overlap(a, b)


def _same_parties_told_both_ways(a: Event, b: Event) -> bool:
    """'Trump held a call with the Crown Prince' and 'the two leaders discussed ...': one side to another, and
    both sides as one, are the same two parties."""
    if bool(a.recipient) == bool(b.recipient):
        return False
    parties_a = {x.country for x in (*a.actor, *a.recipient)}
    return len(parties_a) > 1 and parties_a == {x.country for x in (*b.actor, *b.recipient)}


def _sides(event: Event) -> tuple[set[str | None], set[str | None]]:
    return {x.country for x in event.actor}, {x.country for x in event.recipient}


def _people(event: Event) -> set[str]:
    return {x.kb_id for x in (*event.actor, *event.recipient) if x.kb_id and x.kb_id.startswith("person.")}


def _dates_overlap(a: Event, b: Event) -> bool:
    """Same incident only on a precise, equal date (a day, or the same named month).

    An undated headline ("US and Japan agree ...") joins the dated lead that uses the same verb.
    """
    first, second = a.date, b.date
    if first.precision == second.precision and first.precision in ("day", "month"):
        return first.start == second.start
    undated = [d for d in (first, second) if not d.text]
    same_trigger = a.trigger[:4].lower() == b.trigger[:4].lower()
    return len(undated) == 1 and same_trigger and _within(undated[0], first if undated[0] is second else second)


def _within(window: DateSpan, dated: DateSpan) -> bool:
    if None in (window.start, window.end, dated.start, dated.end) or dated.precision not in ("day", "month"):
        return False
    return bool(dated.start <= window.end and window.start <= dated.end)  # type: ignore[operator]


def actor_codes(actors: list[Actor]) -> tuple[str, ...]:
    return tuple(sorted(actor.code for actor in actors))
