"""Checking a claim against the knowledge base, at the time the claim speaks of.

Office claims ("Japanese Defense Minister Gen Nakatani") are checked against who held the office on
the claim's date. Figures are checked against reference facts valid on that date, within each
fact's tolerance; a true "over $5 trillion" that understates the real figure several times over is
``misleading``. Anything the KB does not hold stays ``unverifiable``: no verdict without evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Span

from watchfloor.claims.detect import office_mentions
from watchfloor.kb import Entity, Fact, KnowledgeBase
from watchfloor.nlp.mentions import kb_entity
from watchfloor.records import Quantity, Reference, Verdict

MISLEADING_FACTOR = 3.0
_UNIT_OF = {"USD": "USD", "percent": "percent", "km": "km", None: "count"}


@dataclass(slots=True)
class Check:
    subject: str | None = None
    attribute: str | None = None
    value: Any = None
    verdict: Verdict = "unverifiable"
    reason: str = "The knowledge base holds no reference fact for this claim."
    references: list[Reference] = field(default_factory=list)


def _reference(fact: Fact) -> Reference:
    return Reference(fact.id, fact.statement, fact.value, fact.source, fact.as_of)


def check_office(sentence: Span, kb: KnowledgeBase, when: date) -> Check | None:
    """Does the named person hold the office the sentence gives them, on ``when``?"""
    titles = office_mentions(sentence, kb)
    for ent in sentence.ents:
        person = kb_entity(ent, kb) if ent.label_ == "PERSON" else None
        if person is None or person.kind != "person":
            continue
        before = sentence.doc.text[max(sentence.start_char, ent.start_char - 60) : ent.start_char].lower()
        title = next((t for t in titles if t in before), None)
        if title is None:
            continue
        country = _country_before(before, kb) or person.country
        office = kb.office_for(country, title)
        if office is not None:
            return _judge_holder(person, office.id, f"{title} of {country}", kb, when)
    return None


def _country_before(text: str, kb: KnowledgeBase) -> str | None:
    for word in re.findall(r"[a-z][a-z.\-]+", text)[::-1]:
        entity = kb.demonym(word) or next(iter(kb.lookup(word)), None)
        if entity is not None and entity.kind == "country":
            return entity.country
    return None


def _judge_holder(person: Entity, office_id: str, label: str, kb: KnowledgeBase, when: date) -> Check:
    holder = kb.holder(office_id, when)
    terms = [term for term in person.terms if term.office == office_id]
    references = [
        Reference(f"{person.id}#{office_id}", f"{person.name}: {label}, {term.valid_from} to {term.valid_to or 'present'}", person.name, term.source, str(term.valid_from))
        for term in terms
    ]
    check = Check(subject=person.name, attribute=office_id, value=person.name, references=references)
    if holder is None:
        check.reason = f"The knowledge base does not know who was {label} on {when}."
    elif holder.id == person.id:
        check.verdict, check.reason = "supported", f"{person.name} was {label} on {when}."
    else:
        check.verdict = "contradicted"
        check.reason = f"On {when} the {label} was {holder.name}, not {person.name}."
        term = holder.term_at(when)
        if term is not None:
            check.references.append(Reference(f"{holder.id}#{office_id}", f"{holder.name}: {label} from {term.valid_from}", holder.name, term.source, str(term.valid_from)))
    return check


def _subjects(sentence: Span, kb: KnowledgeBase) -> list[str]:
    subjects: list[str] = []
    lowered = sentence.text.lower()
    for fact in kb.facts:
        if any(name.lower() in lowered for name in fact.names) and fact.subject not in subjects:
            subjects.append(fact.subject)
    for ent in sentence.ents:
        entity = kb_entity(ent, kb)
        code = entity.country if entity is not None and entity.kind in ("country", "capital") else None
        code = entity.id if entity is not None and entity.kind == "place" and code is None else code
        if code and code not in subjects:
            subjects.append(code)
    return subjects


def check_figure(sentence: Span, quantities: list[Quantity], kb: KnowledgeBase, when: date) -> Check | None:
    """Compare the sentence's figures with the reference facts of its subjects and attribute."""
    lowered = sentence.text.lower()
    subjects = _subjects(sentence, kb)
    for name, attribute in kb.attributes.items():
        if not any(re.search(rf"\b{re.escape(phrase.lower())}\b", lowered) for phrase in attribute.phrases):
            continue
        values = _claimed_values(sentence, quantities, attribute.unit)
        if not values:
            continue
        facts = _facts(subjects, name, kb, when, combined="combined" in lowered or "together" in lowered)
        if facts:
            return _judge_value(values[0], facts, name)
    return None


def _claimed_values(sentence: Span, quantities: list[Quantity], unit: str | None) -> list[Quantity]:
    if unit == "year":
        return [Quantity(m.group(), float(m.group()), "year", None, "exact") for m in re.finditer(r"\b1[89]\d\d|20\d\d\b", sentence.text)]
    return [q for q in quantities if _UNIT_OF.get(q.unit, q.unit) == unit]


def _facts(subjects: list[str], attribute: str, kb: KnowledgeBase, when: date, combined: bool) -> list[Fact]:
    per_subject = [kb.facts_for(subject, attribute, when) for subject in subjects]
    per_subject = [facts for facts in per_subject if facts]
    if combined and len(per_subject) > 1:
        return [facts[0] for facts in per_subject]
    return per_subject[0][:1] if per_subject else []


def _judge_value(claimed: Quantity, facts: list[Fact], attribute: str) -> Check:
    actual = sum(float(fact.value) for fact in facts)
    tolerance = max(fact.tolerance for fact in facts)
    subject = "+".join(fact.subject for fact in facts)
    check = Check(subject=subject, attribute=attribute, value=claimed.value, references=[_reference(f) for f in facts])
    shown = f"{actual:,.6g}"
    within = abs(actual - claimed.value) <= tolerance * max(abs(actual), 1e-9)
    if claimed.qualifier == "over" and actual >= claimed.value or claimed.qualifier == "under" and actual <= claimed.value:
        ratio = max(actual, claimed.value) / max(min(actual, claimed.value), 1e-9)
        if ratio >= MISLEADING_FACTOR:
            check.verdict = "misleading"
            check.reason = f"Literally true but off by a factor of {ratio:.1f}: the reference figure is {shown}."
        else:
            check.verdict, check.reason = "supported", f"The reference figure {shown} agrees with '{claimed.text}'."
    elif within:
        check.verdict, check.reason = "supported", f"The reference figure {shown} agrees with {claimed.text} (within {tolerance:.0%})."
    else:
        check.verdict, check.reason = "contradicted", f"The reference figure is {shown}, not {claimed.text}."
    return check
