"""The spaCy pipeline: KB names are entities, and sentences respect lines and datelines."""

from __future__ import annotations

import pytest

from watchfloor.pipeline import Pipeline
from watchfloor.text import normalise


def _sentences(pipeline: Pipeline, text: str) -> list[str]:
    return [sentence.text.strip() for sentence in pipeline.nlp(normalise(text).text).sents]


def test_headline_dateline_and_hard_wraps(pipeline: Pipeline) -> None:
    text = (
        "A Warrior Ethos Unites Two Nations\n"
        "MANILA, June 19 (watchfloor) - Chinese coast guard personnel boarded Philippine boats near the\n"
        "shoal on Monday, the military said.\n\nA new paragraph starts here."
    )
    assert _sentences(pipeline, text) == [
        "A Warrior Ethos Unites Two Nations",
        "MANILA, June 19 (watchfloor) -",
        "Chinese coast guard personnel boarded Philippine boats near the\nshoal on Monday, the military said.",
        "A new paragraph starts here.",
    ]


def test_kb_names_are_always_entities(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("The B-52 and the Liaoning crossed the Miyako Strait near the Senkaku Islands.")
    found = {ent.text: ent.ent_id_ for ent in doc.ents}
    assert found["B-52"] == "platform.b52"
    assert found["Miyako Strait"].startswith("place.")
    assert found["Senkaku Islands"].startswith("place.")
    assert any("Liaoning" in text for text in found)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("TOKYO - Chinese aircraft entered Japanese airspace.", "TOKYO -"),
        ("WASHINGTON (Reuters) - The two allies held talks.", "WASHINGTON (Reuters) -"),
    ],
)
def test_a_dateline_without_a_date_is_its_own_sentence(pipeline: Pipeline, text: str, first: str) -> None:
    """Otherwise the dateline city joins the lead's subject and becomes an actor."""
    sentences = [sentence.text.strip() for sentence in pipeline.nlp(text).sents]
    assert sentences[0] == first and len(sentences) == 2


def test_a_country_code_and_a_dash_are_not_a_dateline(pipeline: Pipeline) -> None:
    assert len(list(pipeline.nlp("US - Japan ties deepened as both held talks.").sents)) == 1
