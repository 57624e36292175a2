"""Record types that flow through the pipeline and serialise to the JSON result contract.

Every record is a slotted dataclass whose ``to_dict`` output matches the field names in the
contract (``Result``, ``Doc``, ``Event``, ``Actor``, ``Place``, ``Quantity``, ``Claim``). The field
names are part of the public interface: add fields freely, rename none.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Quad = Literal["V-Coop", "M-Coop", "V-Conf", "M-Conf"]
Precision = Literal["day", "week", "month", "year", "unknown"]
Aux = Literal["historical", "future", "hypothetical", "negated"]
Verdict = Literal["supported", "contradicted", "misleading", "unsupported", "unverifiable"]
ClaimKind = Literal["statistic", "quantity", "office", "date", "attribution", "definition", "comparison", "event", "other"]
Span = tuple[int, int]


def _plain(value: Any) -> Any:
    """Turn nested dataclasses, tuples and dates into JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if not f.name.startswith("_")}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


class _Serialisable:
    """Mixin: ``to_dict`` returns the contract shape of the record."""

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = _plain(self)
        return result


@dataclass(slots=True)
class Document(_Serialisable):
    """One input article. ``text`` is the text the user sees; spans in results point into it."""

    id: str
    title: str | None
    url: str | None
    source: str | None
    published: date | None
    language: str
    sha256: str
    text: str = field(repr=False)
    author: str | None = None
    origin: str = ""


@dataclass(slots=True)
class DateSpan(_Serialisable):
    start: str | None
    end: str | None
    text: str
    precision: Precision


@dataclass(slots=True)
class Actor(_Serialisable):
    text: str
    name: str
    code: str
    country: str | None
    sector: str | None
    kb_id: str | None

    def __post_init__(self) -> None:
        # a name broken over two lines of hard-wrapped text ("Prime Minister Ariel\nHenry") is one name
        self.text = " ".join(self.text.split())
        self.name = " ".join(self.name.split())


@dataclass(slots=True)
class Place(_Serialisable):
    text: str
    name: str
    lat: float | None
    lon: float | None
    kind: str
    country: str | None
    kb_id: str | None
    span: Span
    feature: str | None = None
    relation: dict[str, Any] | None = None


@dataclass(slots=True)
class Quantity(_Serialisable):
    text: str
    value: float
    unit: str | None
    about: str | None
    qualifier: Literal["exact", "over", "under", "about"]


@dataclass(slots=True)
class Event(_Serialisable):
    id: str
    event: str
    mode: str | None
    context: list[str]
    quad: Quad
    intensity: float
    actor: list[Actor]
    recipient: list[Actor]
    date: DateSpan
    place: Place | None
    quantities: list[Quantity]
    aux: Aux | None
    text: str
    span: Span
    confidence: float
    trigger: str = ""
    mentions: list[Span] = field(default_factory=list)
    explanation: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Reference(_Serialisable):
    fact_id: str
    statement: str
    value: Any
    source: str
    as_of: str | None


@dataclass(slots=True)
class Claim(_Serialisable):
    id: str
    text: str
    span: Span
    kind: ClaimKind
    checkworthy: float
    subject: str | None
    attribute: str | None
    value: Any
    as_of: str | None
    verdict: Verdict
    reason: str
    references: list[Reference] = field(default_factory=list)


@dataclass(slots=True)
class Result(_Serialisable):
    """Everything watchfloor found in one document."""

    doc: Document
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        doc = {key: _plain(getattr(self.doc, key)) for key in ("id", "title", "url", "source", "published", "language", "sha256")}
        return {
            "doc": doc,
            "events": [event.to_dict() for event in self.events],
            "claims": [claim.to_dict() for claim in self.claims],
            "places": [place.to_dict() for place in self.places],
            "warnings": list(self.warnings),
        }


@dataclass(slots=True)
class Rejection(_Serialisable):
    """An input that could not be read, with the reason a person can act on."""

    origin: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message} [{self.code}]"
