"""Geoparsing: the gazetteer, the resolver's ranking, and places in analysed documents."""

from __future__ import annotations

import pytest

from watchfloor.geo.gazetteer import Gazetteer, fold, load
from watchfloor.geo.resolve import Resolver
from watchfloor.kb import KnowledgeBase
from watchfloor.pipeline import Pipeline, analyze


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load()


@pytest.fixture(scope="module")
def resolver(kb: KnowledgeBase, gazetteer: Gazetteer) -> Resolver:
    return Resolver(kb, gazetteer)


def test_gazetteer_has_cities_subdivisions_counties_and_continents(gazetteer: Gazetteer) -> None:
    kinds = {
        candidate.kind
        for name in ("louisiana", "orange county", "europe", "new orleans")
        for candidate in gazetteer.candidates(name)
    }
    assert {"admin", "admin2", "region", "city"} <= kinds
    assert fold("Santa Bárbara") == "santa barbara"
    assert gazetteer.candidates("Calif.")[0].name == "California"


@pytest.mark.parametrize(
    ("name", "context", "country", "kind"),
    [
        ("Paris", set(), "FRA", "capital"),
        ("Sea of Japan", set(), None, "kb"),
        ("Japanese", set(), "JPN", "country"),
        ("Louisiana", {"USA"}, "USA", "admin"),
        ("Houston", {"USA"}, "USA", "city"),
        ("European", set(), None, "region"),
        ("EU", set(), None, "kb"),
    ],
)
def test_resolver_ranking(resolver: Resolver, name: str, context: set[str], country: str | None, kind: str) -> None:
    best = resolver.resolve(name, context)
    assert best is not None
    assert best.candidate.country == country and best.candidate.kind == kind


def test_unknown_local_names_go_to_the_document_focus(resolver: Resolver) -> None:
    new_orleans = resolver.resolve("New Orleans", {"USA"})
    assert new_orleans is not None
    focus = resolver.focus([new_orleans, new_orleans])
    street = resolver.resolve("Frenchmen Street", {"USA"}, focus)
    assert street is not None and street.inferred and street.candidate.name == "New Orleans"
    assert resolver.resolve("Frenchmen Street", {"USA"}) is None


def test_document_places_carry_coordinates_and_contract_kinds(pipeline: Pipeline) -> None:
    result = analyze(
        "Chinese ships sailed through the Miyako Strait near Okinawa, Tokyo said, and later reached Kagoshima and Nagasaki.",
        "2025-06-01",
        pipeline=pipeline,
    )
    places = {place.name: place for place in result.places}
    assert places["Miyako Strait"].kind == "strait" and places["Miyako Strait"].country is None
    assert places["Tokyo"].kind == "city" and places["Tokyo"].country == "JPN"
    kagoshima = places["Kagoshima"]
    assert kagoshima.kind in ("city", "admin") and kagoshima.country == "JPN" and 30 < kagoshima.lat < 32.5
    for place in result.places:
        assert place.kind in {"country", "admin", "city", "sea", "strait", "island", "region", "base", "other"}
