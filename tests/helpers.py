"""Small helpers to find events and claims in results by what a person would look for."""

from __future__ import annotations

from watchfloor.records import Event, Result


def codes(actors: list) -> set[str]:  # type: ignore[type-arg]
    return {actor.code for actor in actors}


def countries(actors: list) -> set[str]:  # type: ignore[type-arg]
    return {actor.country for actor in actors}


def find_events(
    result: Result, event: str | None = None, text: str | None = None, actor_country: str | None = None
) -> list[Event]:
    return [
        found
        for found in result.events
        if (event is None or found.event == event)
        and (text is None or text in found.text)
        and (actor_country is None or actor_country in countries(found.actor))
    ]


def one_event(result: Result, event: str, text: str) -> Event:
    found = find_events(result, event, text)
    assert found, f"no {event} event in a sentence containing {text!r}: {[(e.event, e.text[:60]) for e in result.events]}"
    return found[0]
