"""Finding check-worthy factual sentences and typing them.

A transparent score, not a black box: each feature of a sentence (a figure, an office title next
to a name, a year, "according to", a definition, a comparison) adds weight; opinion and hedging
take weight away. The features that fired are kept so a person can see why a sentence was picked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span

from watchfloor.claims.checkworthy import load_model
from watchfloor.kb import KnowledgeBase
from watchfloor.nlp.entities import entities_in
from watchfloor.records import ClaimKind, Quantity

OPINION_CUES = (
    "should",
    "must",
    "couldn't",
    "could not be",
    "never been greater",
    "i think",
    "we believe",
    "clear that",
    "is clear",
    "urgency",
    "stakes",
)
DEFINITION = re.compile(r"\b(refers to|is defined as|is a term|is the term|is based on the idea|the goal of)\b", re.I)
COMPARISON = re.compile(
    r"\b(larger|largest|smallest|biggest|greater|higher|lower|compared (with|to)|increase[sd]?|decrease[sd]?"
    r"|among the|record|(more|less|fewer) than (?![\d$]))\b",
    re.I,
)
ATTRIBUTION = re.compile(r"\b(according to|said|says|stated|reported|announced|estimates?)\b", re.I)
HISTORY_YEAR = re.compile(r"\b(in|since|from|of) (1[89]\d\d|20[0-2]\d)\b|\b(established|founded|signed|created) in\b", re.I)


@dataclass(slots=True)
class Features:
    score: float = 0.0
    kinds: list[ClaimKind] = field(default_factory=list)
    fired: list[str] = field(default_factory=list)
    rules: float = 0.0  # the rules' score alone, kept for the benchmark's comparison
    learned: float | None = None  # the learned model's calibrated score, when the model is shipped

    def add(self, name: str, weight: float, kind: ClaimKind | None = None) -> None:
        self.score += weight
        self.fired.append(name)
        if kind is not None and kind not in self.kinds:
            self.kinds.append(kind)


KIND_ORDER: tuple[ClaimKind, ...] = (
    "office",
    "statistic",
    "comparison",
    "attribution",
    "date",
    "definition",
    "quantity",
    "event",
    "other",
)
SMALL_WORD_NUMBERS = frozenset("one two three four five six seven eight nine ten eleven twelve both".split())


def _is_figure(quantity: Quantity) -> bool:
    """A figure worth checking: a unit, or a number written as digits ('50,000'), not 'two nations'."""
    return quantity.unit is not None or quantity.text.strip().lower() not in SMALL_WORD_NUMBERS


def _is_classification(sentence: Span) -> bool:
    """'The Taiwan Strait is a 180-km-wide waterway': a named subject classed by 'is a ...'."""
    root = sentence.root
    if root.lemma_ != "be":
        return False
    subject = next((child for child in root.children if child.dep_ == "nsubj"), None)
    attribute = next((child for child in root.children if child.dep_ == "attr"), None)
    if subject is None or attribute is None or subject.pos_ == "PRON" or subject.ent_type_ == "PERSON":
        return False
    return any(child.lower_ in ("a", "an") for child in attribute.children)


def office_mentions(sentence: Span, kb: KnowledgeBase) -> list[str]:
    """Every office title the KB knows standing as whole words in the sentence (overlapping ones too)."""
    lowered = sentence.text.lower()
    if not kb.office_pattern.search(lowered):
        return []
    return [title for title in kb.office_titles if title in lowered and re.search(rf"\b{re.escape(title)}\b", lowered)]


CHECKABLE_FIGURE = "figure the knowledge base can check"
CHECKABLE_OFFICE = "office holder the knowledge base knows"


def _is_known_person(ent: Span, kb: KnowledgeBase) -> bool:
    from watchfloor.nlp.names import kb_entity

    entity = kb_entity(ent, kb)
    return entity is not None and entity.kind == "person"


# The unit a reference fact is kept in, by the unit of a claimed quantity (a bare number is a count).
FACT_UNIT = {"USD": "USD", "percent": "percent", "km": "km", None: "count"}


def mentions_any(lowered: str, phrases: tuple[str, ...]) -> bool:
    """Whether any phrase stands as whole words in the lower-cased text."""
    return any(re.search(rf"\b{re.escape(phrase.lower())}\b", lowered) for phrase in phrases)


def _checkable_figure(lowered: str, quantities: list[Quantity], kb: KnowledgeBase) -> bool:
    """A figure of an attribute the KB holds reference facts for ('GDP', 'defence budget', 'wide'),
    found as the verifier finds it (:func:`watchfloor.claims.verify.check_figure`)."""
    units = {FACT_UNIT.get(q.unit, q.unit) for q in quantities if _is_figure(q)}
    for attribute in kb.attributes.values():
        if attribute.unit not in units and not (attribute.unit == "year" and re.search(r"\b(1[89]|20)\d\d\b", lowered)):
            continue
        if mentions_any(lowered, attribute.phrases) and not mentions_any(lowered, attribute.excludes):
            return True
    return False


def score_sentence(sentence: Span, quantities: list[Quantity], kb: KnowledgeBase, has_event: bool) -> Features:
    """Check-worthiness features of one sentence."""
    features = Features()
    text = sentence.text
    lowered = text.lower()
    if not _is_statement(sentence):
        return features
    entities = entities_in(sentence)
    people = [ent for ent in entities if ent.label_ == "PERSON"]
    if people and office_mentions(sentence, kb):
        features.add("office title beside a name", 0.35, "office")
        if any(_is_known_person(person, kb) for person in people):
            features.add(CHECKABLE_OFFICE, 0.15)
    if any(q.unit in ("percent", "USD", "JPY", "CNY", "EUR", "TWD") for q in quantities):
        features.add("percentage or money", 0.6, "statistic")
    elif any(_is_figure(q) for q in quantities):
        features.add("number", 0.5, "quantity")
    elif quantities:
        features.add("small count", 0.15, "quantity")
    if _checkable_figure(lowered, quantities, kb):
        features.add(CHECKABLE_FIGURE, 0.5, "statistic")
    if COMPARISON.search(text):
        features.add("comparison", 0.2, "comparison")
    if HISTORY_YEAR.search(text):
        features.add("year of a past event", 0.45, "date")
    if ATTRIBUTION.search(text) and any(ent.label_ in ("PERSON", "ORG", "GPE", "NORP") for ent in entities):
        features.add("attributed statement", 0.3 if "according to" not in lowered else 0.5, "attribution")
    if DEFINITION.search(text):
        features.add("definition", 0.5, "definition")
    elif _is_classification(sentence):
        features.add("classification", 0.3, "definition")
    if has_event:
        features.add("reported event", 0.3, "event")
    if any(ent.label_ in ("GPE", "ORG", "PERSON", "NORP", "LOC") for ent in entities):
        features.add("named entity", 0.1)
    if any(cue in lowered for cue in OPINION_CUES):
        features.add("opinion or hedge", -0.3)
    features.score = max(0.0, min(1.0, features.score))
    return features


# Signals of news text the debate-trained model never saw; the other rules only repeat what it knows.
NEWS_SIGNALS = {
    CHECKABLE_OFFICE: 0.5,  # a title beside a person the KB holds terms for: the office check can run
    "definition": 0.5,
    "classification": 0.3,
    CHECKABLE_FIGURE: 0.5,
}


def with_learned_score(features: Features, sentence: Span) -> Features:
    """Add the learned model's view: check-worthy when the model says so or a news-specific signal does.

    The model knows the many ways a checkable statement is phrased; the rules add what it never saw
    in its training data: definitions, office titles beside names, figures the KB holds references
    for, "according to" attributions. Chosen on CheckThat! dev over the higher of all rules and the
    model (F1 0.897 against 0.879). Sentences the rules reject outright (too short, no verb,
    questions) stay rejected.
    """
    model = load_model()
    if model is None or not _is_statement(sentence):
        return features
    features.rules = features.score
    features.learned = model.calibrated(sentence.text)
    features.fired.append(f"learned model {features.learned:.2f}")
    news = sum(weight for name, weight in NEWS_SIGNALS.items() if name in features.fired)
    if "attributed statement" in features.fired and "according to" in sentence.text.lower():
        news += 0.5
    features.score = round(max(min(news, 1.0), features.learned), 4)
    return features


def _is_statement(sentence: Span) -> bool:
    return (
        len(sentence) >= 6
        and any(token.pos_ in ("VERB", "AUX") for token in sentence)
        and not sentence.text.rstrip().endswith("?")
    )


def claim_kind(features: Features) -> ClaimKind:
    for kind in KIND_ORDER:
        if kind in features.kinds:
            return kind
    return "other"
