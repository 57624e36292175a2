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

from watchfloor.claims.detect import FACT_UNIT, mentions_any, office_mentions
from watchfloor.kb import Entity, Fact, KnowledgeBase, Office
from watchfloor.nlp.entities import entities_in
from watchfloor.nlp.names import kb_entity
from watchfloor.records import Quantity, Reference, Verdict

MISLEADING_FACTOR = 3.0


@dataclass(slots=True)
class Check:
    subject: str | None = None
    attribute: str | None = None
    value: Any = None
    verdict: Verdict = "unverifiable"
    reason: str = "The knowledge base holds no reference fact for this claim."
    references: list[Reference] = field(default_factory=list)


def format_value(value: float, unit: str | None) -> str:
    """A figure as a person writes it: $33.2 trillion, 7.2%, 180 km, 1951, 54,000."""
    if unit == "USD":
        for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if abs(value) >= size:
                return f"${value / size:,.1f} {word}"
        return f"${value:,.0f}"
    if unit == "percent":
        return f"{value:g}%"
    if unit == "year":
        return f"{value:.0f}"
    if unit == "km":
        return f"{value:,.0f} km"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _reference(fact: Fact) -> Reference:
    return Reference(fact.id, fact.statement, fact.value, fact.source, fact.as_of)


def check_office(sentence: Span, kb: KnowledgeBase, when: date) -> Check | None:
    """Does each named person hold the office the sentence gives them, on ``when``?

    Every title-name pair is checked; one wrong pair makes the claim contradicted.
    """
    checks = office_checks(sentence, kb, when)
    return _combine(checks) if checks else None


def office_checks(sentence: Span, kb: KnowledgeBase, when: date) -> list[Check]:
    """One check per title-name pair: "Secretary of Defense Pete Hegseth and Defense Minister Shinjiro
    Koizumi" holds two atomic office claims."""
    titles = office_mentions(sentence, kb)
    checks = []
    for ent in entities_in(sentence):
        person = kb_entity(ent, kb) if ent.label_ == "PERSON" else None
        if person is None or person.kind != "person":
            continue
        offset = sentence.start_char  # slice the sentence's text: Doc.text rebuilds the whole document
        before = sentence.text[max(0, ent.start_char - offset - 60) : ent.end_char - offset].lower()
        before = before[: len(before) - len(ent.text)] + ent.text.lower().replace(person.name.lower(), "")
        title = next((t for t in titles if before.rstrip(" ,").endswith(t) or f"{t} " in before[-len(t) - 25 :]), None)
        office = kb.office_for(_country_before(before, kb) or person.country, title) if title else None
        if office is not None:
            checks.append(_judge_holder(person, office, kb, when, _speaks_of_the_past(sentence)))
    return checks


PAST_MARKERS = frozenset({"once", "when", "while", "after", "before", "until", "since", "former", "then", "time"})


def _speaks_of_the_past(sentence: Span) -> bool:
    """'once President Biden came into office', 'the former minister': a title of that time, not of today."""
    past_verbs = any(token.tag_ in ("VBD", "VBN") for token in sentence)
    return past_verbs and any(token.lower_ in PAST_MARKERS for token in sentence)


def _combine(checks: list[Check]) -> Check:
    """One verdict for several office checks: any contradiction wins, then any unknown."""
    for verdict in ("contradicted", "unverifiable", "supported"):
        chosen = [check for check in checks if check.verdict == verdict]
        if chosen:
            combined = Check(chosen[0].subject, chosen[0].attribute, chosen[0].value, verdict)
            combined.reason = " ".join(check.reason for check in checks)
            combined.references = [ref for check in checks for ref in check.references]
            return combined
    return checks[0]


def _country_before(text: str, kb: KnowledgeBase) -> str | None:
    for word in re.findall(r"[a-z][a-z.\-]+", text)[::-1]:
        entity = kb.demonym(word) or next(iter(kb.lookup(word)), None)
        if entity is not None and entity.kind == "country":
            return entity.country
    return None


def _judge_holder(person: Entity, office: Office, kb: KnowledgeBase, when: date, past: bool = False) -> Check:
    holder = kb.holder(office.id, when)
    country = kb.country(office.country)
    country_name = country.name if country else office.country
    label = office.title if country_name in office.title else f"{office.title} of {country_name}"
    terms = [term for term in person.terms if term.office == office.id]
    references = [
        Reference(
            f"{person.id}#{office.id}",
            f"{person.name}: {label}, {term.valid_from} to {term.valid_to or 'present'}",
            person.name,
            term.source,
            str(term.valid_from),
        )
        for term in terms
    ]
    check = Check(subject=person.name, attribute=office.id, value=person.name, references=references)
    if holder is None:
        check.reason = f"The knowledge base does not know who was {label} on {when}."
    elif any(term.covers(when) for term in terms):  # the holder, or on a handover day either of the two
        check.verdict, check.reason = "supported", f"{person.name} was {label} on {when}."
    elif past and terms and terms[0].valid_from <= when:
        first = min(term.valid_from for term in terms)
        check.verdict = "supported"
        check.reason = f"{person.name} was {label} from {first}; the sentence speaks of that time, not of {when}."
    else:
        check.verdict = "contradicted"
        check.reason = f"On {when} the {label} was {holder.name}, not {person.name}."
        term = holder.term_at(when)
        if term is not None:
            check.references.append(
                Reference(
                    f"{holder.id}#{office.id}",
                    f"{holder.name}: {label} from {term.valid_from}",
                    holder.name,
                    term.source,
                    str(term.valid_from),
                )
            )
    return check


def _subjects(sentence: Span, kb: KnowledgeBase) -> list[str]:
    subjects: list[str] = []
    lowered = sentence.text.lower()
    for fact in kb.facts:
        if any(name.lower() in lowered for name in fact.names) and fact.subject not in subjects:
            subjects.append(fact.subject)
    for ent in entities_in(sentence):
        entity = kb_entity(ent, kb)
        entity = kb.metonym(entity) if entity is not None else None
        code = entity.country if entity is not None and entity.kind in ("country", "capital", "person") else None
        code = entity.id if entity is not None and entity.kind == "place" and code is None else code
        if code and code not in subjects:
            subjects.append(code)
    return subjects


def check_figure(sentence: Span, quantities: list[Quantity], kb: KnowledgeBase, when: date) -> Check | None:
    """Compare the sentence's figures with the reference facts of its subjects and attribute."""
    lowered = sentence.text.lower()
    subjects = _subjects(sentence, kb)
    for name, attribute in kb.attributes.items():
        if not mentions_any(lowered, attribute.phrases) or mentions_any(lowered, attribute.excludes):
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
        return [
            Quantity(m.group(), float(m.group()), "year", None, "exact")
            for m in re.finditer(r"\b1[89]\d\d|20\d\d\b", sentence.text)
        ]
    return [q for q in quantities if FACT_UNIT.get(q.unit, q.unit) == unit]


def _facts(subjects: list[str], attribute: str, kb: KnowledgeBase, when: date, combined: bool) -> list[Fact]:
    per_subject = [kb.facts_for(subject, attribute, when) for subject in subjects]
    per_subject = [facts for facts in per_subject if facts]
    if combined and len(per_subject) > 1:
        return [facts[0] for facts in per_subject]
    return per_subject[0][:1] if per_subject else []


def rounding_tolerance(claimed: Quantity) -> float:
    """Relative slack a round figure implies: '50,000' is rounded to the 10,000, '7.2%' to the 0.1.

    Half a unit of the last significant digit, relative to the figure; 'about' doubles it, since the
    writer says the figure is approximate.
    """
    digits = re.sub(r"[^\d.]", "", claimed.text.split("-")[0]) or "0"
    if "." in digits:
        unit = 10.0 ** -len(digits.split(".")[1].rstrip("0") or "0")
        unit = unit if digits.split(".")[1].rstrip("0") else 1.0
    else:
        stripped = digits.lstrip("0")
        unit = 10.0 ** (len(stripped) - len(stripped.rstrip("0"))) if stripped else 1.0
    shown = float(digits) if digits.replace(".", "", 1).isdigit() and float(digits) else 0.0
    slack = 0.5 * unit / shown if shown else 0.0
    return min(slack * (2.0 if claimed.qualifier == "about" else 1.0), 0.25)


def _judge_value(claimed: Quantity, facts: list[Fact], attribute: str) -> Check:
    """Supported within the tolerance of the fact and of the figure's rounding; 'over'/'under' are bounds.

    A bound that holds but misses the reference by a factor of three or more is ``misleading``: it is
    literally true and leaves the reader with the wrong size.
    """
    actual = sum(float(fact.value) for fact in facts)
    rounding = rounding_tolerance(claimed)
    tolerance = max(max(fact.tolerance for fact in facts), rounding)
    allowance = f"within {tolerance:.0%}" + (f", the rounding of '{claimed.text}'" if rounding >= tolerance else "")
    subject = "+".join(fact.subject for fact in facts)
    check = Check(subject=subject, attribute=attribute, value=claimed.value, references=[_reference(f) for f in facts])
    shown, said = format_value(actual, facts[0].unit), _as_said(claimed)
    about = f"the reference figure{' (' + ' + '.join(f.subject for f in facts) + ')' if len(facts) > 1 else ''}"
    slack = tolerance * max(abs(actual), 1e-9)
    bound_holds = (claimed.qualifier == "over" and actual >= claimed.value - slack) or (
        claimed.qualifier == "under" and actual <= claimed.value + slack
    )
    ratio = max(actual, claimed.value) / max(min(actual, claimed.value), 1e-9)
    if bound_holds and ratio >= MISLEADING_FACTOR:
        direction = "understates" if claimed.qualifier == "over" else "overstates"
        check.verdict = "misleading"
        check.reason = f"'{said}' is literally true but {direction} {about}, {shown}, about {ratio:.1f} times."
    elif bound_holds:
        check.verdict, check.reason = "supported", f"{about.capitalize()} {shown} is consistent with '{said}'."
    elif abs(actual - claimed.value) <= slack:
        check.verdict = "supported"
        check.reason = f"{about.capitalize()} {shown} agrees with '{said}' ({allowance})."
    else:
        check.verdict = "contradicted"
        check.reason = f"{about.capitalize()} is {shown}, not '{said}' (not {allowance})."
    return check


def _as_said(claimed: Quantity) -> str:
    """The figure with its qualifier, as the text says it: 'over $5 trillion'."""
    words = {"over": "over ", "under": "under ", "about": "about "}
    prefix = words.get(claimed.qualifier, "")
    return claimed.text if claimed.text.lower().startswith(prefix.strip() or "\0") else prefix + claimed.text
