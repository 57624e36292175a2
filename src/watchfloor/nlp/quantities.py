"""Quantities in a sentence: value, unit, the counted noun and whether the text says over/under.

quantulum3 finds the numbers and units; the dependency parse supplies what is counted (the
head of a ``nummod``) and the qualifier ("over", "less than", "about"). Values are normalised to
one unit per dimension (kilometres, US dollars, percent) so claims compare like with like.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from spacy.tokens import Span

from watchfloor.nlp.context import DocContext
from watchfloor.nlp.entities import entities_in
from watchfloor.records import Quantity

_HAS_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million|billion|trillion)\b",
    re.I,
)
_TO_KM = {
    "mile": 1.609344,
    "nautical mile": 1.852,
    "kilometre": 1.0,
    "kilometer": 1.0,
    "metre": 0.001,
    "meter": 0.001,
    "foot": 0.0003048,
}
_TO_KM2 = {"square kilometre": 1.0, "square kilometer": 1.0, "square mile": 2.589988, "hectare": 0.01}
_UNIT_NAMES = {
    "dollar": "USD",
    "United States dollar": "USD",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "euro": "EUR",
    "percentage": "percent",
    "new Taiwan dollar": "TWD",
}
_OVER = ("over", "more than", "above", "at least", "exceeding", "upwards of", "in excess of")
_UNDER = ("less than", "under", "fewer than", "below", "up to", "at most", "nearly", "almost")
_ABOUT = ("about", "around", "approximately", "roughly", "some", "an estimated", "estimated", "nearly")


def _parser() -> Any:
    """quantulum3's parser, always with its rule-based unit disambiguation.

    quantulum3 switches to a pickled scikit-learn classifier whenever scikit-learn is importable,
    and that pickle does not load under current scikit-learn releases; results must not depend on
    what else happens to be installed, so the classifier is switched off.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import classifier, parser
    classifier.USE_CLF = False
    return parser


def sentence_quantities(sentence: Span, ctx: DocContext) -> list[Quantity]:
    """Quantities of a sentence, outside its date expressions; computed once per sentence."""
    if sentence.start not in ctx.quantities:
        dates = [(ent.start_char, ent.end_char) for ent in entities_in(sentence) if ent.label_ == "DATE"]
        ctx.quantities[sentence.start] = find_quantities(sentence, dates)
    return ctx.quantities[sentence.start]


def find_quantities(sentence: Span, skip: list[tuple[int, int]]) -> list[Quantity]:
    """Quantities of one sentence, leaving out numbers inside ``skip`` (date) character spans."""
    text = sentence.text
    if not _HAS_NUMBER.search(text):
        return []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = _parser().parse(text)
    found = []
    for item in parsed:
        start, end = item.span
        absolute = (sentence.start_char + start, sentence.start_char + end)
        if any(a <= absolute[0] < b for a, b in skip):
            continue
        quantity = _to_quantity(item, sentence, start, end)
        if quantity is not None:
            found.append(quantity)
    return found


NEWS_DIMENSIONS = frozenset({"currency", "length", "area", "dimensionless", "time", "mass", "speed", "volume"})


def _to_quantity(item: Any, sentence: Span, start: int, end: int) -> Quantity | None:
    unit_name = item.unit.name
    value = float(item.value)
    surface = sentence.text[start:end]
    unit_text = surface.lstrip("0123456789.,$€£¥ -")
    if item.unit.entity.name not in NEWS_DIMENSIONS or (len(unit_text) == 1 and unit_text.isupper()):
        # "54,000 U.S. troops" is not 54,000 atomic mass units: keep the number, drop the unit
        number = surface.split()[0] if surface.split() else surface
        start, end, unit_name = start, start + len(number), "dimensionless"
    unit: str | None = _UNIT_NAMES.get(unit_name, unit_name)
    if unit_name in _TO_KM:
        value, unit = value * _TO_KM[unit_name], "km"
    elif unit_name in _TO_KM2:
        value, unit = value * _TO_KM2[unit_name], "km2"
    if unit in ("dimensionless", "year"):
        unit = None
    elif unit == "percent" or (unit and unit.isupper()):
        pass
    before = sentence.text[max(0, start - 20) : start].lower()
    return Quantity(
        text=sentence.text[start:end].strip(),
        value=value,
        unit=unit,
        about=_counted_noun(sentence, start, end),
        qualifier=_qualifier(before),
    )


def _qualifier(before: str) -> Any:
    before = before.strip()
    for words, name in ((_UNDER, "under"), (_OVER, "over"), (_ABOUT, "about")):
        if any(before.endswith(word) for word in words):
            return name
    return "exact"


def _counted_noun(sentence: Span, start: int, end: int) -> str | None:
    """The noun a number counts: the head of its nummod, skipping compound modifiers."""
    for token in sentence:
        offset = token.idx - sentence.start_char
        if start <= offset < end and token.dep_ in ("nummod", "quantmod", "compound") and token.head.pos_ in ("NOUN", "PROPN"):
            head = token.head
            while head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN") and head.head != head:
                head = head.head
            if head.idx - sentence.start_char >= end or head.idx < token.idx:
                return head.lemma_.lower() if head.pos_ == "NOUN" else head.text
    return None
