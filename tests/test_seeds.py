"""Acceptance on the two seed articles (read from ../shared; skipped when it is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import countries, find_events, one_event
from watchfloor.pipeline import Pipeline
from watchfloor.records import Result
from watchfloor.sources import read_inputs


@pytest.fixture(scope="module")
def seeds(shared: Path, pipeline: Pipeline) -> dict[str, Result]:
    documents = list(read_inputs([str(shared / "corpus" / "seeds" / "seeds.jsonl")]))
    return {result.doc.id: result for result in pipeline.pipe(documents)}  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def december(seeds: dict[str, Result]) -> Result:
    return seeds["us-japan-alliance-opinion-2025-12"]


@pytest.fixture(scope="module")
def march(seeds: dict[str, Result]) -> Result:
    return seeds["hegseth-tokyo-2025-03"]


def _in_month(event_date: str | None, month: str) -> bool:
    return event_date is not None and event_date.startswith(month)


def test_joint_flight_of_b52s_with_japanese_fighters(december: Result) -> None:
    event = one_event(december, "COOPERATE", "B-52")
    assert {"USA", "JPN"} <= countries(event.actor) | countries(event.recipient)
    assert event.place is not None and event.place.name == "Sea of Japan"
    assert _in_month(event.date.start, "2025-12") and event.aux is None


def test_chinese_radar_lock_on_against_japanese_jets(december: Result) -> None:
    event = one_event(december, "MOBILIZE", "locked radars")
    assert countries(event.actor) == {"CHN"} and countries(event.recipient) == {"JPN"}
    assert event.mode == "weapons" and _in_month(event.date.start, "2025-12")


def test_china_russia_joint_bomber_patrol(december: Result) -> None:
    event = one_event(december, "COOPERATE", "joint patrol")
    assert countries(event.actor) == {"CHN", "RUS"}
    assert _in_month(event.date.start, "2025-12")


def test_hegseth_koizumi_phone_call(december: Result) -> None:
    event = one_event(december, "CONSULT", "phone call")
    assert event.mode == "phone"
    assert {actor.name for actor in event.actor} == {"Pete Hegseth", "Shinjiro Koizumi"}
    assert countries(event.actor) == {"USA", "JPN"} and _in_month(event.date.end, "2025-12")


def test_trump_october_visit_to_tokyo(december: Result) -> None:
    event = one_event(december, "CONSULT", "October visit")
    assert event.mode == "visit" and countries(event.actor) == {"USA"} and countries(event.recipient) == {"JPN"}
    assert event.date.start == "2025-10-01" and event.date.precision == "month"
    assert event.place is not None and event.place.name == "Tokyo"


def test_liaoning_drills_near_senkakus_and_japans_scramble(december: Result) -> None:
    drills = one_event(december, "MOBILIZE", "Liaoning")
    chinese = [e for e in find_events(december, "MOBILIZE", "Liaoning") if countries(e.actor) == {"CHN"}]
    japanese = [e for e in find_events(december, "MOBILIZE", "scramble") if countries(e.actor) == {"JPN"}]
    assert chinese and japanese, drills
    assert chinese[0].place is not None and chinese[0].place.name == "Senkaku Islands"
    assert chinese[0].date.start is not None and chinese[0].date.start.startswith("2025")


def test_every_event_has_evidence_that_points_into_the_text(seeds: dict[str, Result]) -> None:
    for result in seeds.values():
        assert result.events
        for event in result.events:
            start, end = event.span
            assert result.doc.text[start:end] == event.text


def test_hegseth_meets_nakatani_and_ishiba_in_tokyo(march: Result) -> None:
    meetings = find_events(march, "CONSULT")
    met = {actor.name for event in meetings for actor in event.recipient}
    assert {"Gen Nakatani", "Shigeru Ishiba"} <= met
    assert all("Pete Hegseth" in {a.name for a in e.actor} for e in meetings)
    visit = one_event(march, "CONSULT", "trip to Tokyo")
    assert visit.place is not None and visit.place.name == "Tokyo"


def test_1951_treaty_is_historical_not_a_2025_event(march: Result) -> None:
    treaty = [e for e in march.events if "1951" in e.text]
    assert treaty and all(e.aux == "historical" for e in treaty)
    assert all(e.date.start is not None and e.date.start.startswith("1951") for e in treaty)


def test_march_seed_claims_are_checked(march: Result) -> None:
    by_text = {claim.text[:40]: claim for claim in march.claims}
    gdp = next(c for t, c in by_text.items() if "combined GDP" in t)
    assert gdp.verdict == "misleading" and gdp.kind == "statistic"
    nakatani = next(c for c in march.claims if "Gen Nakatani" in c.text)
    assert nakatani.kind == "office" and nakatani.verdict == "supported"
    tariff = next(c for c in march.claims if "25% tariff" in c.text)
    assert tariff.verdict == "supported"
    definition = next(c for c in march.claims if "refers to" in c.text)
    assert definition.kind == "definition" and definition.verdict == "unsupported"


def test_december_seed_claims_are_checked(december: Result) -> None:
    budget = next(c for c in december.claims if "7.2%" in c.text)
    assert budget.verdict == "supported" and budget.references
    target = next(c for c in december.claims if "2% of gross domestic product" in c.text)
    assert target.verdict == "supported"


def test_contract_shape_is_json_serialisable(seeds: dict[str, Result]) -> None:
    for result in seeds.values():
        data = json.loads(json.dumps(result.to_dict()))
        assert set(data) == {"doc", "events", "claims", "places", "warnings"}
        assert set(data["doc"]) == {"id", "title", "url", "source", "published", "language", "sha256"}
        event = data["events"][0]
        for key in (
            "id",
            "event",
            "mode",
            "context",
            "quad",
            "intensity",
            "actor",
            "recipient",
            "date",
            "place",
            "quantities",
            "aux",
            "text",
            "span",
            "confidence",
        ):
            assert key in event
        assert set(event["date"]) == {"start", "end", "text", "precision"}


def test_distance_from_the_senkakus_is_a_relation(december: Result) -> None:
    chinese = [e for e in find_events(december, "MOBILIZE", "Liaoning") if countries(e.actor) == {"CHN"}]
    relation = chinese[0].place.relation if chinese[0].place else None
    assert relation == {"type": "distance", "km": 201.2, "qualifier": "under", "text": "125 miles"}


def test_nothing_is_coded_from_the_blurb_byline_or_comment_policy(december: Result) -> None:
    boilerplate = ("Click here", "senior fellow", "comment policy", "newsletter")
    assert [e.text for e in december.events if any(b in e.text for b in boilerplate)] == []


def test_no_event_in_the_past_is_dated_to_the_publication_week(seeds: dict[str, Result]) -> None:
    past_markers = ("In 2021", "1951", "Established", "In October", "October visit", "Earlier this year")
    for result in seeds.values():
        for event in result.events:
            if any(marker in event.text for marker in past_markers):
                assert event.date.text, (event.event, event.text[:80])
