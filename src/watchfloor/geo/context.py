"""Where a document is: the countries it names, then the countries, states and towns its places lie in.

A toponym is disambiguated by its neighbours in the text: "Riverdale" in a story that also names
Paterson and New Jersey is the one in New Jersey. The places found in a first pass over a document
become the context of the second.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from watchfloor.geo.gazetteer import fold
from watchfloor.kb import Entity, KnowledgeBase
from watchfloor.nlp.entities import all_entities

if TYPE_CHECKING:
    from watchfloor.geo.resolve import Scored

CONTEXT_LABELS = frozenset({"GPE", "NORP", "LOC"})
LOCAL_KINDS = frozenset({"city", "admin2", "capital"})
# What may come before a dateline's place: an opening parenthesis, or a byline ("By Nate Raymond.").
DATELINE_LEAD = re.compile(r"\s*(?:\(|By [A-Z][^\n]{1,80}\s)?")
# What follows it: the state or date, the agency, then a dash or colon ("RALEIGH, N.C. (AP) -", "Muscat:").
DATELINE_TAIL = re.compile(r"\)?(?:,[^\n()]{1,40}?)?\s*(?:\([^)\n]{1,40}\)\s*)?(?:--|[-\u2013\u2014:\ufffd])")
MAX_DATELINE_START = 60


def dateline_index(text: str, spans: Sequence[tuple[int, int]]) -> int | None:
    """Which toponym, if any, is the story's dateline ("CAIRO -", "BOSTON (Reuters) -", "LONDON The Latest").

    A news story is filed from where it happens; its dateline is the strongest clue to the town its
    unnamed suburbs, schools and streets are in. A dateline opens the text, and is in capitals or
    followed by a dash or colon.
    """
    for index, (start, end) in enumerate(spans):
        if start > MAX_DATELINE_START or DATELINE_LEAD.fullmatch(text, 0, start) is None:
            continue
        name = text[start:end]
        if (name.isupper() and sum(char.isalpha() for char in name) >= 3) or DATELINE_TAIL.match(text, end):
            return index
    return None


def document_countries(doc: Doc, kb: KnowledgeBase, top: int = 4, namesake: Callable[[Entity], bool] | None = None) -> set[str]:
    """ISO3 codes of the countries a document names most (by name, demonym or capital).

    A capital that shares its name with a large city elsewhere (``namesake``) says nothing of the country: 'Tripoli'
    in a story about the Lebanese port would otherwise vote for Libya and place itself there."""
    counts: Counter[str] = Counter(
        entity.country
        for entity in named_places(all_entities(doc), kb)
        if entity.country
        and (entity.kind == "country" or (entity.kind == "capital" and not (namesake is not None and namesake(entity))))
    )
    return {code for code, _ in counts.most_common(top)}


def named_places(ents: Iterable[Span], kb: KnowledgeBase) -> Iterator[Entity]:
    """The KB entities with a country that place-like entity spans name (countries, demonyms, capitals, places)."""
    for ent in ents:
        if ent.label_ in CONTEXT_LABELS:
            entity = kb.entities.get(ent.ent_id_) if ent.ent_id_ else kb.resolve(ent.text)
            if entity is None and ent.label_ == "NORP":  # "Guineans": a plural demonym
                entity = kb.demonym(ent.text)
            if entity is not None and entity.country:
                yield entity


@dataclass(frozen=True, slots=True)
class NamedPlace:
    """One place the first pass found: which name found it, and where it is."""

    key: str  # the folded name that found it
    country: str | None
    state: str | None
    lat: float
    lon: float
    local: bool  # a town or county, not a country or region


@dataclass(slots=True)
class DocumentPlaces:
    """The countries a document names, and the places its first pass resolved.

    Each question leaves out the places found by the name being asked about, so a first guess does
    not vote for itself.
    """

    countries: Counter[str]
    named: list[NamedPlace] = field(default_factory=list)

    @classmethod
    def of(cls, countries: set[str], names: Sequence[str], resolved: Sequence[Scored | None]) -> DocumentPlaces:
        named = []
        for name, best in zip(names, resolved, strict=True):
            if best is None or best.inferred or best.candidate.kind == "region":
                continue
            candidate = best.candidate
            local = candidate.kind in LOCAL_KINDS or best.kb_kind == "city"
            state = candidate.name if candidate.kind == "admin" else candidate.admin1
            named.append(NamedPlace(fold(name), candidate.country, state, candidate.lat, candidate.lon, local))
        return cls(Counter(countries), named)

    def codes(self) -> set[str]:
        """Every country the document names or has a place in."""
        return set(self.countries) | {place.country for place in self.named if place.country}

    def country_weight(self, code: str | None, exclude: str) -> int:
        if code is None:
            return 0
        return self.countries[code] + self.places_in(code, exclude)

    def has_state(self, country: str | None, state: str | None, exclude: str) -> bool:
        return state is not None and bool(self.towns_in_state(country, state, exclude))

    def towns_in_state(self, country: str | None, state: str, exclude: str) -> list[tuple[float, float]]:
        """The points of the different towns the document names in a state, and of the state itself under another
        name ('Wash.', 'Washington state'); the asked name's own mentions left out."""
        towns = {
            place.key: (place.lat, place.lon)
            for place in self.named
            if place.state == state and place.country == country and place.key != exclude
        }
        return list(towns.values())

    def places_in(self, country: str | None, exclude: str) -> int:
        """How many places the document names in a country under other names than ``exclude``."""
        return sum(place.country == country and place.key != exclude for place in self.named)

    def states_of(self, country: str | None, exclude: str) -> int:
        """How many different first-level divisions of a country the document names as such."""
        return len(
            {
                place.state
                for place in self.named
                if place.country == country and not place.local and place.state and place.key != exclude
            }
        )

    def near(self, lat: float, lon: float, exclude: str, radius_km: float) -> bool:
        from watchfloor.geo.resolve import km

        return any(
            place.local and place.key != exclude and km(lat, lon, place.lat, place.lon) <= radius_km for place in self.named
        )

    def main_country(self) -> str | None:
        """The country with most mentions and places in the document; of equals, the one placed first (then by
        code), so a tie never falls to the order of a set."""
        counts = Counter(self.countries)
        counts.update(place.country for place in self.named if place.country)
        order = [place.country for place in self.named if place.country]
        first = {code: order.index(code) if code in order else len(order) for code in counts}
        return min(counts, key=lambda code: (-counts[code], first[code], code)) if counts else None
