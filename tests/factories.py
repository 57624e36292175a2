"""Records built by hand, for tests of stages that do not need the NLP pipeline."""

from __future__ import annotations

import hashlib
from datetime import date

from watchfloor.records import Actor, Claim, DateSpan, Document, Event, Place, Result


def make_result(
    text: str = "China's aircraft carrier Liaoning held drills near the Senkaku Islands.", doc_id: str = "d1"
) -> Result:
    sha = hashlib.sha256(text.encode()).hexdigest()
    document = Document(doc_id, "Title", None, "test", date(2025, 6, 1), "en", sha, text, origin=f"{doc_id}.txt")
    place = Place("Senkaku Islands", "Senkaku Islands", 25.75, 123.5, "island_group", "JPN", "place.senkaku_islands", (52, 67))
    actor = Actor("China", "China", "CHNMIL", "CHN", "MIL", "country.chn")
    recipient = Actor("Japan", "Japan", "JPN", "JPN", None, "country.jpn")
    event = Event(
        f"ev_{doc_id}",
        "MOBILIZE",
        "naval",
        ["military"],
        "M-Conf",
        -5.3,
        [actor],
        [recipient],
        DateSpan("2025-06-01", "2025-06-01", "June 1", "day"),
        place,
        [],
        None,
        text,
        (0, len(text)),
        0.9,
        "drills",
    )
    claim = Claim(f"cl_{doc_id}", text, (0, len(text)), "event", 0.6, None, None, None, "2025-06-01", "unverifiable", "No fact.")
    return Result(document, [event], [claim], [place], [])
