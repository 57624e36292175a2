"""Claim detection, typing and verification on hand-written sentences."""

from __future__ import annotations

import pytest

from watchfloor.pipeline import Pipeline, analyze
from watchfloor.records import Claim


def _claims(pipeline: Pipeline, text: str, published: str = "2025-06-10") -> list[Claim]:
    return analyze(text, published, pipeline=pipeline).claims


def _only(pipeline: Pipeline, text: str, published: str = "2025-06-10") -> Claim:
    claims = _claims(pipeline, text, published)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def test_office_claim_is_checked_at_the_claims_date(pipeline: Pipeline) -> None:
    text = "Japanese Defense Minister Gen Nakatani met his Philippine counterpart in Manila."
    assert _only(pipeline, text, "2025-03-01").verdict == "supported"
    later = _only(pipeline, text, "2025-12-01")
    assert later.verdict == "contradicted" and "Shinjiro Koizumi" in later.reason
    assert any("Koizumi" in ref.statement for ref in later.references)


def test_two_ministers_nine_months_apart_are_a_succession_not_a_contradiction(pipeline: Pipeline) -> None:
    march = _only(pipeline, "Japanese Defense Minister Gen Nakatani met Philippine officials on Monday.", "2025-03-10")
    december = _only(pipeline, "Japanese Defense Minister Shinjiro Koizumi met Philippine officials on Monday.", "2025-12-10")
    assert march.verdict == december.verdict == "supported"


def test_statistic_against_reference_fact(pipeline: Pipeline) -> None:
    supported = _only(pipeline, "China increased its defense budget by 7.2% this year.", "2025-06-10")
    assert (supported.kind, supported.verdict, supported.subject) == ("statistic", "supported", "CHN")
    wrong = _only(pipeline, "China increased its defense budget by 12% this year.", "2025-06-10")
    assert wrong.verdict == "contradicted" and "7.2%" in wrong.reason


def test_understatement_is_misleading(pipeline: Pipeline) -> None:
    claim = _only(pipeline, "With a combined GDP of over $5 trillion, the US and Japan are major economies.", "2025-03-31")
    assert claim.verdict == "misleading" and claim.value == 5e12
    assert len(claim.references) == 2


def test_distances_are_normalised_to_km(pipeline: Pipeline) -> None:
    claim = _only(pipeline, "The Taiwan Strait is about 112 miles wide at its widest point, officials said.")
    assert claim.verdict == "supported" and claim.value == pytest.approx(180.2, abs=0.5)


def test_unknown_facts_are_unverifiable_not_guessed(pipeline: Pipeline) -> None:
    claim = _only(pipeline, "According to Taiwan's port authority, over 3,000 vessels pass through the strait daily.")
    assert claim.kind == "attribution" and claim.verdict == "unverifiable"
    assert "3,000" in claim.reason and claim.references == []


@pytest.mark.parametrize(
    "text",
    [
        "The stakes couldn't be higher for either nation.",
        "Tokyo and Washington must do more.",
        "What happens next?",
    ],
)
def test_opinion_and_questions_are_not_claims(pipeline: Pipeline, text: str) -> None:
    assert _claims(pipeline, text) == []


def test_claim_spans_point_into_the_original_text(pipeline: Pipeline) -> None:
    text = "Intro line.\nJapan\u2019s government said China\u2019s  defense budget rose 7.2% in 2025."
    result = analyze(text, "2025-06-10", pipeline=pipeline)
    claim = result.claims[0]
    assert text[claim.span[0] : claim.span[1]] == claim.text
    assert claim.text.startswith("Japan\u2019s")


def test_share_of_gdp_is_not_checked_as_budget_growth(pipeline: Pipeline) -> None:
    claim = _only(pipeline, "A spokesman said China's defence spending had remained below 1.5 percent of GDP for years.")
    assert claim.verdict == "unverifiable"
