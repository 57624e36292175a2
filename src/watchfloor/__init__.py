"""watchfloor: security and foreign-affairs news into a verified, time-scoped event database."""

import logging

from watchfloor.errors import WatchfloorError
from watchfloor.pipeline import Pipeline, analyze
from watchfloor.records import Actor, Claim, DateSpan, Document, Event, Place, Quantity, Rejection, Result
from watchfloor.settings import Settings, load_settings
from watchfloor.sources import read_inputs
from watchfloor.store import open_store

logging.getLogger(__name__).addHandler(logging.NullHandler())

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
