"""Quantities: values normalised to one unit per dimension, with counted noun and qualifier."""

from __future__ import annotations

import pytest

from watchfloor.nlp.quantities import find_quantities
from watchfloor.pipeline import Pipeline
from watchfloor.records import Quantity


def _quantities(pipeline: Pipeline, text: str) -> list[Quantity]:
    sentence = next(iter(pipeline.nlp(text).sents))
    dates = [(ent.start_char, ent.end_char) for ent in sentence.ents if ent.label_ == "DATE"]
    return find_quantities(sentence, dates)


def test_miles_become_kilometres_with_qualifier(pipeline: Pipeline) -> None:
    (quantity,) = _quantities(pipeline, "The carrier drilled less than 125 miles from the islands.")
    assert quantity.unit == "km" and quantity.value == pytest.approx(201.17, abs=0.01)
    assert quantity.qualifier == "under" and quantity.text == "125 miles"


def test_money_and_percentages(pipeline: Pipeline) -> None:
    money, percent = _quantities(pipeline, "A combined GDP of over $5 trillion grew 7.2% last year.")
    assert (money.value, money.unit, money.qualifier) == (5e12, "USD", "over")
    assert (percent.value, percent.unit) == (7.2, "percent")


def test_counted_noun_and_years_left_out(pipeline: Pipeline) -> None:
    (quantity,) = _quantities(pipeline, "In 2024, Japan hosted about 54,000 US military personnel.")
    assert quantity.value == 54000 and quantity.unit is None
    assert quantity.about == "personnel" and quantity.qualifier == "about"


def test_sentence_without_numbers_is_skipped_cheaply(pipeline: Pipeline) -> None:
    assert _quantities(pipeline, "The ministers met in Tokyo.") == []


def test_abbreviations_are_not_units(pipeline: Pipeline) -> None:
    (quantity,) = _quantities(pipeline, "About 54,000 U.S. troops are stationed in Japan.")
    assert (quantity.text, quantity.value, quantity.unit, quantity.about) == ("54,000", 54000, None, "troop")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They sent over half a billion doses to 114 countries.", [(5e8, None, "over"), (114, None, "exact")]),
        ("It spent $250 million and 8.7 trillion yen.", [(2.5e8, "USD", "exact"), (8.7e12, "JPY", "exact")]),
        ("A dozen ships sailed up to 24 nautical miles offshore.", [(12, None, "exact"), (44.448, "km", "under")]),
        ("The 180-kilometre-wide strait covers 180 square kilometres.", [(180, "km", "exact"), (180, "km2", "exact")]),
        ("Two B-52 bombers, F-35 jets and SM-6 missiles flew at 12:01 a.m.; call 1-800-222-1222.", [(2, None, "exact")]),
        ("It was one of the best, marking the 80th anniversary.", []),
        ("Nearly 60 percent of twenty-five states agreed.", [(60, "percent", "under"), (25, None, "exact")]),
    ],
)
def test_news_figures(pipeline: Pipeline, text: str, expected: list[tuple[float, str | None, str]]) -> None:
    found = [(q.value, q.unit, q.qualifier) for q in _quantities(pipeline, text)]
    assert [(pytest.approx(v), u, q) for v, u, q in expected] == found


def test_a_number_that_labels_something_is_no_quantity(pipeline: Pipeline) -> None:
    text = "Under Article 5 and Resolution 2231, the US sent 5,000 troops to a Category 5 storm zone."
    assert [quantity.text for quantity in _quantities(pipeline, text)] == ["5,000"]
