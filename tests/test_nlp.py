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


def test_press_releases_wrapped_at_72_columns_keep_names_across_lines(pipeline: Pipeline) -> None:
    text = (
        "Readout of a Meeting\n\n"
        "National Security Advisor Jake Sullivan held talks today with Chinese\n"
        "Communist Party Politburo Member Wang Yi in Vienna, Austria. The two\n"
        "sides went over the recent phone call between President Biden and\n"
        "President Xi and agreed that steady, open channels help keep the rivalry\n"
        "between their countries from turning into conflict.\n"
    )
    sentences = _sentences(pipeline, text)
    assert sentences[0] == "Readout of a Meeting"
    assert sentences[1].startswith("National Security Advisor") and sentences[1].endswith("Vienna, Austria.")
    assert len(sentences) == 3


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


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The governor of New Jersey met officials on Monday.", "New Jersey"),
        ("Officials in Western Australia said the port would reopen.", "Western Australia"),
        ("Police in Northern Ireland arrested two men.", "Northern Ireland"),
        ("The summit moved to Mexico City.", "Mexico City"),
    ],
)
def test_a_place_named_after_a_country_is_found_whole(pipeline: Pipeline, text: str, place: str) -> None:
    """The ruler knows 'Jersey' and 'Mexico' as countries; the longer name must still win."""
    assert place in [entity.text for entity in pipeline.nlp(text).ents]
