"""Record types of the knowledge base: entities, office terms and reference facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Term:
    """One person's time in one office; ``valid_to`` None means still in office."""

    office: str
    valid_from: date
    valid_to: date | None
    source: str

    def covers(self, when: date) -> bool:
        return self.valid_from <= when and (self.valid_to is None or when <= self.valid_to)


@dataclass(frozen=True, slots=True)
class Entity:
    """Anything the text can name: a country, organisation, person, platform or place."""

    id: str
    name: str
    kind: str  # country | organisation | person | platform | place
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    peoples: tuple[str, ...] = ()  # peoples of one country's regions, whose armed men are not its army
    lat: float | None = None
    lon: float | None = None
    place_kind: str | None = None
    capital: str | None = None
    terms: tuple[Term, ...] = ()
    source: str = ""
    websites: tuple[str, ...] = ()  # the body's own web domains: what is published there speaks for it

    def term_at(self, when: date) -> Term | None:
        """The office this person held on ``when`` (the most recent start wins)."""
        current = [term for term in self.terms if term.covers(when)]
        return max(current, key=lambda term: term.valid_from) if current else None


@dataclass(frozen=True, slots=True)
class Office:
    id: str
    country: str
    title: str
    aliases: tuple[str, ...]
    sector: str
    single_holder: bool = True


@dataclass(frozen=True, slots=True)
class Fact:
    """A reference figure or statement, valid over a period, with its source."""

    id: str
    subject: str
    attribute: str
    value: float | str
    unit: str | None
    statement: str
    source: str
    as_of: str | None
    valid_from: date | None = None
    valid_to: date | None = None
    tolerance: float = 0.1
    names: tuple[str, ...] = ()

    def covers(self, when: date | None) -> bool:
        if when is None:
            return True
        starts_ok = self.valid_from is None or self.valid_from <= when
        return starts_ok and (self.valid_to is None or when <= self.valid_to)


@dataclass(frozen=True, slots=True)
class Attribute:
    """A checkable attribute and the phrases that name it in text."""

    name: str
    phrases: tuple[str, ...]
    unit: str | None = None
    subjects: tuple[str, ...] = field(default_factory=tuple)
    excludes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StatisticTopic:
    """A kind of statistic ("counts of vessel transits") and the phrases that name it."""

    id: str
    name: str
    phrases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Publisher:
    """An organisation and the kinds of statistics it publishes: what an attribution is checked against."""

    id: str
    name: str
    aliases: tuple[str, ...]
    topics: tuple[str, ...]
    publishes: str
    source: str


@dataclass(frozen=True, slots=True)
class Definition:
    """A glossary term with the reference that defines it."""

    id: str
    term: str
    aliases: tuple[str, ...]
    definition: str
    source: str
