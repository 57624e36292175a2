"""Atomic claims, tolerance by qualifier and rounding, unsupported attributions and definitions, the learned score."""

from __future__ import annotations

import pytest

from watchfloor.claims.checkworthy import load_model
from watchfloor.claims.verify import rounding_tolerance
from watchfloor.kb import KnowledgeBase
from watchfloor.nlp.ngrams import grams, hashed_counts
from watchfloor.pipeline import Pipeline, analyze
from watchfloor.records import Claim, Quantity


def _claims(pipeline: Pipeline, text: str, published: str = "2025-06-10") -> list[Claim]:
    return analyze(text, published, pipeline=pipeline).claims


def _one(pipeline: Pipeline, text: str, published: str = "2025-06-10") -> Claim:
    claims = _claims(pipeline, text, published)
    assert len(claims) == 1, [(c.text, c.verdict) for c in claims]
    return claims[0]


def test_a_compound_sentence_is_split_into_atomic_claims(pipeline: Pipeline) -> None:
    text = "China has increased its defense budget by 7.2% compared with 2024 and continues to accelerate its missile programmes."
    claims = _claims(pipeline, text, "2025-12-18")
    figure = next(c for c in claims if "7.2%" in c.text)
    assert figure.verdict == "supported" and "missile" not in figure.text
    assert text[figure.span[0] : figure.span[1]] == figure.text


def test_two_titles_in_one_sentence_are_two_office_claims(pipeline: Pipeline) -> None:
    text = "A phone call between Secretary of Defense Pete Hegseth and Defense Minister Shinjiro Koizumi reaffirmed the alliance."
    claims = [c for c in _claims(pipeline, text, "2025-12-18") if c.kind == "office"]
    assert {c.subject for c in claims} == {"Pete Hegseth", "Shinjiro Koizumi"}
    assert {c.verdict for c in claims} == {"supported"} and len({c.id for c in claims}) == 2


@pytest.mark.parametrize(
    ("text", "qualifier", "expected"),
    [
        ("50,000", "exact", 0.1),  # rounded to the 10,000
        ("7.2%", "exact", 0.05 / 7.2),
        ("180 km", "exact", 5 / 180),
        ("180 km", "about", 10 / 180),  # 'about' doubles the slack
        ("54,321", "exact", 0.5 / 54321),
    ],
)
def test_rounding_tolerance_follows_the_written_figure(text: str, qualifier: str, expected: float) -> None:
    quantity = Quantity(text, 1.0, None, None, qualifier)  # type: ignore[arg-type]
    assert rounding_tolerance(quantity) == pytest.approx(expected)


def test_a_bound_is_supported_when_it_holds_and_close(pipeline: Pipeline) -> None:
    claim = _one(pipeline, "Japan hosts more than 50,000 U.S. troops, officials said.", "2025-03-31")
    assert claim.verdict == "supported", claim.reason


def test_a_bound_that_fails_is_contradicted(pipeline: Pipeline) -> None:
    claim = _one(pipeline, "Japan hosts more than 90,000 U.S. troops, officials said.", "2025-03-31")
    assert claim.verdict == "contradicted" and "54,000" in claim.reason


def test_misleading_names_the_reference_and_the_factor(pipeline: Pipeline) -> None:
    claim = _one(pipeline, "With a combined GDP of over $5 trillion, the US and Japan are major economies.", "2025-03-31")
    assert claim.verdict == "misleading"
    assert "over $5 trillion" in claim.reason and "$33.2 trillion" in claim.reason and "6.6 times" in claim.reason


def test_figure_attributed_to_a_publisher_of_other_statistics_is_unsupported(pipeline: Pipeline) -> None:
    text = "According to the International Maritime Organization (IMO), over 3,000 vessels pass through the strait daily."
    claim = _one(pipeline, text)
    assert claim.kind == "attribution" and claim.verdict == "unsupported"
    assert "International Maritime Organization" in claim.reason and "vessel transits" in claim.reason
    assert claim.references and claim.references[0].fact_id == "pub.imo"


def test_figure_attributed_to_a_publisher_of_such_statistics_is_not_unsupported(pipeline: Pipeline) -> None:
    claim = _one(pipeline, "According to the IMF, Japan's GDP was about $4 trillion in 2024.", "2025-06-10")
    assert claim.verdict == "supported", claim.reason


def test_a_publisher_the_table_does_not_know_leaves_the_claim_unverifiable(pipeline: Pipeline) -> None:
    claim = _one(pipeline, "According to the Harbour Watch Institute, over 3,000 vessels pass through the strait daily.")
    assert claim.verdict == "unverifiable"


def test_invented_term_is_unsupported_and_so_is_what_follows_about_it(pipeline: Pipeline) -> None:
    text = (
        "Mutual patrol equivalence refers to a naval doctrine where two countries agree to patrol equal distances. "
        "The goal of mutual patrol equivalence is to share costs between allies. "
        "It also aims to reduce the burden on individual countries and encourage cooperation among navies."
    )
    claims = _claims(pipeline, text)
    definition = next(c for c in claims if "refers to" in c.text)
    assert definition.kind == "definition" and definition.verdict == "unsupported"
    assert "'mutual patrol equivalence'" in definition.reason
    goal = next(c for c in claims if "goal of" in c.text)
    assert goal.verdict == "unsupported"


def test_a_known_term_defined_as_its_reference_does_is_supported(pipeline: Pipeline) -> None:
    text = "Burden sharing refers to the distribution among allies of the costs and responsibilities of their common defence."
    claim = _one(pipeline, text)
    assert claim.verdict == "supported" and claim.references[0].fact_id == "def.burden_sharing"


def test_kb_reference_tables_load(kb: KnowledgeBase) -> None:
    imo = next(p for p in kb.references.publishers if p.id == "pub.imo")
    assert "topic.vessel_transits" not in imo.topics and "topic.vessel_transits" in kb.references.topics
    assert any(d.term == "burden sharing" for d in kb.references.definitions)
    assert all(topic in kb.references.topics for p in kb.references.publishers for topic in p.topics)


def test_learned_model_is_shipped_and_separates_claims_from_chatter() -> None:
    model = load_model()
    assert model is not None and "train" in model.about["trained_on"]
    factual = model.probability("Unemployment rose by 3.2 percent in 2011, the highest rate in twenty years.")
    chatter = model.probability("Thank you very much, it is good to be here tonight.")
    assert 0.0 <= chatter < 0.5 < factual <= 1.0


def test_features_are_stable_and_fold_digits() -> None:
    assert grams("GDP grew 7.2%") == grams("GDP grew 3.5%")
    assert hashed_counts("Japan hosts troops", 17) == hashed_counts("Japan hosts troops", 17)
    assert all(0 <= bucket < 2**17 for bucket in hashed_counts("Japan hosts troops", 17))
