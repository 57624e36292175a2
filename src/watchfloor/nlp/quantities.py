"""Quantities in a sentence: value, unit, the counted noun and whether the text says over/under.

Why our own extractor: news figures come in few shapes ("$5 trillion", "7.2%", "less than 125
miles", "a 180-kilometre-wide strait", "two B-52 bombers", "54,000 troops"), and the general
library we used before (quantulum3) took seconds to load and a large share of the pipeline's
time on every sentence with a digit, while guessing exotic units ("54,000 U.S." as atomic mass
units). One regular expression over the sentence finds the number, its scale word and its unit or
currency; the dependency parse supplies what is counted (the head of a ``nummod``) and the text
before it the qualifier ("over", "less than", "about"). Values are normalised to one unit per
dimension (kilometres, square kilometres, US dollars, percent) so claims compare like with like.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span

from watchfloor.nlp.context import DocContext
from watchfloor.nlp.entities import entities_in
from watchfloor.records import Quantity

_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES = {word: float(n) for n, word in enumerate(_SMALL)} | {w: float(20 + 10 * n) for n, w in enumerate(_TENS)}
WORD_VALUES["dozen"] = 12.0
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6}
CURRENCY_SIGNS = {"US$": "USD", "NT$": "TWD", "A$": "AUD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
# unit text (lower case) -> (unit, factor to that unit)
UNITS: dict[str, tuple[str, float]] = {
    "percentage points": ("percent", 1.0),
    "percentage point": ("percent", 1.0),
    "per cent": ("percent", 1.0),
    "percent": ("percent", 1.0),
    "%": ("percent", 1.0),
    "square kilometres": ("km2", 1.0),
    "square kilometers": ("km2", 1.0),
    "square kilometre": ("km2", 1.0),
    "square kilometer": ("km2", 1.0),
    "square km": ("km2", 1.0),
    "sq km": ("km2", 1.0),
    "km2": ("km2", 1.0),
    "km²": ("km2", 1.0),
    "square miles": ("km2", 2.589988),
    "square mile": ("km2", 2.589988),
    "hectares": ("km2", 0.01),
    "hectare": ("km2", 0.01),
    "nautical miles": ("km", 1.852),
    "nautical mile": ("km", 1.852),
    "miles": ("km", 1.609344),
    "mile": ("km", 1.609344),
    "kilometres": ("km", 1.0),
    "kilometers": ("km", 1.0),
    "kilometre": ("km", 1.0),
    "kilometer": ("km", 1.0),
    "km": ("km", 1.0),
    "metres": ("km", 0.001),
    "meters": ("km", 0.001),
    "metre": ("km", 0.001),
    "meter": ("km", 0.001),
    "feet": ("km", 0.0003048),
    "foot": ("km", 0.0003048),
    "tonnes": ("tonne", 1.0),
    "tonne": ("tonne", 1.0),
    "tons": ("tonne", 1.0),
    "ton": ("tonne", 1.0),
    "new taiwan dollars": ("TWD", 1.0),
    "us dollars": ("USD", 1.0),
    "dollars": ("USD", 1.0),
    "dollar": ("USD", 1.0),
    "yen": ("JPY", 1.0),
    "yuan": ("CNY", 1.0),
    "renminbi": ("CNY", 1.0),
    "euros": ("EUR", 1.0),
    "euro": ("EUR", 1.0),
}


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_NUMBER_WORD = rf"(?:{_alternatives([w for w in WORD_VALUES if w != 'dozen'])})"
_ORDINAL_WORD = r"(?:first|second|third|fifth|eighth|ninth|twelfth|\w+th)\b"
FIGURE = re.compile(
    rf"(?P<sign>{_alternatives(list(CURRENCY_SIGNS))})?\s?"
    r"(?P<number>(?<![\w.:/])(?<![\w]-)\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]*\d)|(?<![\w.:/])(?<![\w]-)\d+(?:\.\d+)?"
    rf"|\b{_NUMBER_WORD}(?:[\s-]+{_NUMBER_WORD})*\b(?![\s-]+{_ORDINAL_WORD})|\ba dozen\b"
    r"|\b(?:half )?an?\b(?=\s(?:hundred|thousand|million|billion|trillion)\b))"
    r"(?!\d)(?!(?:st|nd|rd|th)\b)(?![:/]\d)(?!-[A-Za-z]*\d)"
    rf"(?:\s?(?P<scale>{_alternatives(list(SCALES))})\b)?"
    rf"(?:[\s-]?(?P<unit>{_alternatives(list(UNITS))})(?![A-Za-z]))?",
    re.I,
)
_HAS_NUMBER = re.compile(r"\d|\b(?:" + "|".join(WORD_VALUES) + r"|hundred|thousand|million|billion|trillion)\b", re.I)
_OVER = ("over", "more than", "above", "at least", "exceeding", "upwards of", "in excess of")
_UNDER = ("less than", "under", "fewer than", "below", "up to", "at most", "nearly", "almost")
_ABOUT = ("about", "around", "approximately", "roughly", "some", "an estimated", "estimated", "nearly")


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
    found = []
    for match in FIGURE.finditer(text):
        start = match.start("sign") if match.group("sign") else match.start("number")
        absolute = sentence.start_char + match.start("number")
        if any(a <= absolute < b for a, b in skip):
            continue
        quantity = _to_quantity(match, sentence, start)
        if quantity is not None:
            found.append(quantity)
    return found


def number_value(text: str) -> float | None:
    """'54,000' -> 54000.0, 'twenty-five' -> 25.0, 'a dozen' -> 12.0, 'half a' -> 0.5; None when it is no number."""
    cleaned = text.lower().replace(",", "").strip()
    try:
        return float(cleaned)
    except ValueError:
        pass
    if cleaned in ("a", "an", "half a", "half an"):  # only ever matched before a scale word: "half a million"
        return 0.5 if cleaned.startswith("half") else 1.0
    total = 0.0
    for word in re.split(r"[\s-]+", cleaned.removeprefix("a ")):
        if word not in WORD_VALUES:
            return None
        total += WORD_VALUES[word]
    return total


# Words before a number that make it a label, not an amount: "Article 5", "Section 232", "Resolution 2231",
# "Executive Order 14024", "Phase 2", "a Category 5 hurricane"
LABEL_WORDS = frozenset(
    "article section subsection chapter title resolution paragraph clause order annex phase stage category"
    " part rule item schedule".split()
)


def _to_quantity(match: re.Match[str], sentence: Span, start: int) -> Quantity | None:
    value = number_value(match.group("number"))
    scale, unit_text, sign = match.group("scale"), match.group("unit"), match.group("sign")
    if value is None or (match.group("number").lower() == "one" and not (scale or unit_text or sign)):
        return None  # "one of the best": a pronoun more often than a count
    previous = sentence.text[max(0, start - 20) : start].split()[-1:]  # the word before the number
    if not (scale or unit_text or sign) and previous and previous[0].lower() in LABEL_WORDS:
        return None
    if scale:
        value *= SCALES[scale.lower()]
    unit: str | None = CURRENCY_SIGNS.get(sign) if sign else None
    if unit_text:
        unit_name, factor = UNITS[unit_text.lower()]
        if unit is None or unit_name in ("USD", "JPY", "CNY", "EUR", "TWD"):
            unit, value = unit_name, value * factor
    end = match.end()
    before = sentence.text[max(0, start - 20) : start].lower()
    return Quantity(
        text=sentence.text[start:end].strip(),
        value=value,
        unit=unit,
        about=_counted_noun(sentence, match.start("number"), end),
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
