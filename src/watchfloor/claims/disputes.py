"""Claims across sources: the same subject and attribute told differently by two documents.

Two claims conflict only when they speak of the same time. A value that changed between their times
is a succession, never a dispute: Nakatani as Japan's defence minister in March 2025 and Koizumi in
December 2025 are both right. Times are compared as the KB sees them: if the KB's holder of an
office (or its reference figure) differs between the two claims' dates, the claims describe two
periods. Without KB knowledge, office claims share a period when they fall in the same month and
figures when they fall in the same year.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from watchfloor.kb import KnowledgeBase

Relation = Literal["disputed", "succession"]
BOUND = re.compile(r"\b(over|more than|at least|above|exceed\w*)\b|\b(under|less than|fewer than|below|at most|up to)\b", re.I)
DIFFERENCE = 0.1  # relative difference between two figures that counts as a conflict


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two stored claims about one subject and attribute from different documents, and how they relate."""

    relation: Relation
    subject: str
    attribute: str
    reason: str
    claims: tuple[dict[str, Any], dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "relation": self.relation,
            "subject": self.subject,
            "attribute": self.attribute,
            "reason": self.reason,
            "claims": list(self.claims),
        }


def compare_claims(claims: list[dict[str, Any]], kb: KnowledgeBase) -> list[Comparison]:
    """Every pair of claims from different documents that give different values for one subject and attribute.

    ``claims`` are stored claim objects (the contract's Claim plus ``doc_id``); a pair is ``disputed``
    when the values conflict at overlapping times, a ``succession`` when the times differ.
    """
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for claim in claims:
        key = _key(claim)
        if key is not None:
            groups[key].append(claim)
    found = []
    for (subject, attribute), members in groups.items():
        for first, second in itertools.combinations(members, 2):
            if first["doc_id"] == second["doc_id"] or not _values_differ(first, second):
                continue
            found.append(_relate(subject, attribute, first, second, kb))
    return found


def _key(claim: dict[str, Any]) -> tuple[str, str] | None:
    """Office claims group by office (the holder is the value); figures by subject and attribute."""
    if not claim.get("attribute") or claim.get("value") is None or not claim.get("as_of"):
        return None
    if claim["kind"] == "office":
        return (claim["attribute"], claim["attribute"])
    if not claim.get("subject") or not isinstance(claim["value"], int | float) or claim["attribute"] == "definition":
        return None
    return (claim["subject"], claim["attribute"])


def _values_differ(first: dict[str, Any], second: dict[str, Any]) -> bool:
    a, b = first["value"], second["value"]
    if not isinstance(a, int | float) or not isinstance(b, int | float):
        return bool(str(a).lower() != str(b).lower())
    low, high = sorted((float(a), float(b)))
    if high - low <= DIFFERENCE * max(abs(high), 1e-9):
        return False
    return not (_bound_allows(first, float(b)) or _bound_allows(second, float(a)))


def _bound_allows(claim: dict[str, Any], other: float) -> bool:
    """'over 3,000' does not conflict with 3,400: a bound is a range, not a point."""
    match = BOUND.search(claim.get("text", ""))
    if match is None:
        return False
    value = float(claim["value"])
    return other >= value if match.group(1) else other <= value


def _relate(subject: str, attribute: str, first: dict[str, Any], second: dict[str, Any], kb: KnowledgeBase) -> Comparison:
    day_a, day_b = date.fromisoformat(first["as_of"]), date.fromisoformat(second["as_of"])
    said = f"{_shown(first)} ({first['doc_id']}, as of {day_a}) and {_shown(second)} ({second['doc_id']}, as of {day_b})"
    changed = _kb_change(first, attribute, day_a, day_b, kb)
    if changed:
        return Comparison("succession", subject, attribute, f"{said}: {changed}", (first, second))
    if not _same_period(first["kind"], day_a, day_b):
        period = "month" if first["kind"] == "office" else "year"
        reason = f"{said}: different {period}s, so a change over time, not a conflict."
        return Comparison("succession", subject, attribute, reason, (first, second))
    return Comparison("disputed", subject, attribute, f"{said}: different values for the same time.", (first, second))


def _kb_change(claim: dict[str, Any], attribute: str, day_a: date, day_b: date, kb: KnowledgeBase) -> str | None:
    """Why the KB says the two dates fall in different periods, or None."""
    if claim["kind"] == "office":
        before, after = kb.holder(attribute, min(day_a, day_b)), kb.holder(attribute, max(day_a, day_b))
        if before is not None and after is not None and before.id != after.id:
            return f"the office passed from {before.name} to {after.name} in between (a succession)."
        return None
    before_fact, after_fact = (
        kb.fact(claim["subject"], attribute, min(day_a, day_b)),
        kb.fact(claim["subject"], attribute, max(day_a, day_b)),
    )
    if before_fact is not None and after_fact is not None and before_fact.id != after_fact.id:
        return f"the reference figure changed in between ({before_fact.as_of} to {after_fact.as_of}), a succession."
    return None


def _same_period(kind: str, day_a: date, day_b: date) -> bool:
    if kind == "office":
        return (day_a.year, day_a.month) == (day_b.year, day_b.month)
    return day_a.year == day_b.year


def _shown(claim: dict[str, Any]) -> str:
    value = claim["value"]
    return f"{value:g}" if isinstance(value, float) else str(value)
