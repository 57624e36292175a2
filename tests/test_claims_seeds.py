"""The seeds' hand-checked claims (tests/fixtures/seed_claims.yaml) get their expected verdicts; the seed
texts are read from ../shared and the test skips when it is absent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from watchfloor.claims.disputes import compare_claims
from watchfloor.kb import KnowledgeBase
from watchfloor.pipeline import Pipeline
from watchfloor.records import Result
from watchfloor.sources import read_inputs

FIXTURE = Path(__file__).parent / "fixtures" / "seed_claims.yaml"
EXPECTED: list[dict[str, Any]] = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seeds(shared: Path, pipeline: Pipeline) -> dict[str, Result]:
    documents = list(read_inputs([str(shared / "corpus" / "seeds" / "seeds.jsonl")]))
    return {result.doc.id: result for result in pipeline.pipe(documents)}  # type: ignore[arg-type]


def test_fixture_quotes_only_a_few_words_of_each_seed() -> None:
    assert all(len(item["locate"].split()) <= 5 for item in EXPECTED)


@pytest.mark.parametrize("item", EXPECTED, ids=[item["locate"] for item in EXPECTED])
def test_seed_claim_gets_its_hand_checked_verdict(seeds: dict[str, Result], item: dict[str, Any]) -> None:
    matches = [claim for claim in seeds[item["doc"]].claims if item["locate"] in claim.text]
    assert matches or item.get("optional"), f"no claim contains {item['locate']!r}"
    for claim in matches:
        assert claim.verdict == item["verdict"], claim.reason
        assert claim.reason
        if "kind" in item:
            assert claim.kind == item["kind"]
        if item["verdict"] != "unverifiable":
            assert claim.references


def test_planted_problems_say_what_is_wrong(seeds: dict[str, Result]) -> None:
    claims = seeds["hegseth-tokyo-2025-03"].claims
    gdp = next(c for c in claims if "combined GDP" in c.text)
    assert "over $5 trillion" in gdp.reason and "understates" in gdp.reason
    imo = next(c for c in claims if "International Maritime Organization" in c.text)
    assert "vessel transits" in imo.reason
    definition = next(c for c in claims if "refers to" in c.text)
    assert "reciprocal defense spending" in definition.reason


def test_the_two_seeds_hold_no_dispute_and_the_ministers_are_a_succession(seeds: dict[str, Result], kb: KnowledgeBase) -> None:
    stored = [{**claim.to_dict(), "doc_id": doc_id} for doc_id, result in seeds.items() for claim in result.claims]
    comparisons = compare_claims(stored, kb)
    assert [c for c in comparisons if c.relation == "disputed"] == []
    ministers = [c for c in comparisons if c.attribute == "JPN.defence_minister"]
    assert ministers and all(c.relation == "succession" for c in ministers)
    assert {claim["value"] for c in ministers for claim in c.claims} == {"Gen Nakatani", "Shinjiro Koizumi"}
