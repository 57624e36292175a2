"""The PLOVER ontology as data: event types, their quads, modes, contexts and scores.

Loaded from ``events/data/plover.yaml``, a reviewed transcription of the PLOVER manual, so an
analyst can read and correct it without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from watchfloor.yamlio import read_yaml_cached


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    quad: str
    score: float
    requires_recipient: bool
    description: str
    modes: dict[str, float | None]

    def intensity(self, mode: str | None) -> float:
        """The PLOVER score of the type, or of its mode when the manual scores modes."""
        score = self.modes.get(mode) if mode else None
        return float(score if score is not None else self.score)


@dataclass(frozen=True, slots=True)
class Ontology:
    types: dict[str, EventType]
    contexts: dict[str, str]
    auxiliary_modes: dict[str, str]


def data_path(name: str) -> Path:
    return Path(str(resources.files("watchfloor.events") / "data" / name))


def _event_type(name: str, record: dict[str, Any]) -> EventType:
    modes = {mode: (info or {}).get("score") for mode, info in (record.get("modes") or {}).items()}
    return EventType(
        name=name,
        quad=record["quad"],
        score=float(record["score"]),
        requires_recipient=bool(record.get("requires_recipient", False)),
        description=str(record.get("description", "")),
        modes=modes,
    )


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The packaged PLOVER ontology (cached: it never changes within a process)."""
    data = read_yaml_cached(data_path("plover.yaml"))
    types = {name: _event_type(name, record) for name, record in data["event_types"].items()}
    contexts = {name: str(text) for name, text in (data.get("contexts") or {}).items()}
    auxiliary = {name: str(text) for name, text in (data.get("auxiliary_modes") or {}).items()}
    return Ontology(types, contexts, auxiliary)
