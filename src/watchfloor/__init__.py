"""watchfloor: security and foreign-affairs news into a verified, time-scoped event database.

The public names are loaded on first use (PEP 562), so that ``import watchfloor`` and
``watchfloor --help`` do not pay for spaCy, the knowledge base or the readers until they are needed.
"""

from __future__ import annotations

import importlib as _importlib
import logging as _logging
import typing as _typing

_logging.getLogger(__name__).addHandler(_logging.NullHandler())

if _typing.TYPE_CHECKING:
    from watchfloor.errors import WatchfloorError
    from watchfloor.pipeline import Pipeline, analyze
    from watchfloor.records import Actor, Claim, DateSpan, Document, Event, Place, Quantity, Rejection, Result
    from watchfloor.settings import Settings, load_settings
    from watchfloor.sources import read_inputs
    from watchfloor.store import open_store

_HOMES = {
    "Actor": "watchfloor.records",
    "Claim": "watchfloor.records",
    "DateSpan": "watchfloor.records",
    "Document": "watchfloor.records",
    "Event": "watchfloor.records",
    "Place": "watchfloor.records",
    "Quantity": "watchfloor.records",
    "Rejection": "watchfloor.records",
    "Result": "watchfloor.records",
    "Pipeline": "watchfloor.pipeline",
    "analyze": "watchfloor.pipeline",
    "Settings": "watchfloor.settings",
    "load_settings": "watchfloor.settings",
    "WatchfloorError": "watchfloor.errors",
    "read_inputs": "watchfloor.sources",
    "open_store": "watchfloor.store",
}

__all__ = [
    "Actor",
    "Claim",
    "DateSpan",
    "Document",
    "Event",
    "Pipeline",
    "Place",
    "Quantity",
    "Rejection",
    "Result",
    "Settings",
    "WatchfloorError",
    "analyze",
    "load_settings",
    "open_store",
    "read_inputs",
]

__version__ = "0.1.0"


def __getattr__(name: str) -> _typing.Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'watchfloor' has no attribute {name!r}")
    value = getattr(_importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
