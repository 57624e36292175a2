"""Claims of one document: split into atomic claims, score, type, then verify each against the KB at its date."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span

from watchfloor.claims.atomic import atomic_parts
from watchfloor.claims.detect import Features, claim_kind, score_sentence, with_learned_score
from watchfloor.claims.references import Glossary, check_attribution
from watchfloor.claims.verify import Check, check_figure, office_checks
from watchfloor.nlp.context import DocContext
from watchfloor.nlp.dates import resolve_date
from watchfloor.nlp.entities import entities_in
from watchfloor.nlp.quantities import sentence_quantities
from watchfloor.records import Claim, ClaimKind, Event, Quantity


@dataclass(slots=True)
class Candidate:
    """One atomic part of a sentence with what was found in it."""

    part: Span
    span: tuple[int, int]
    quantities: list[Quantity]
    features: Features


def candidates(ctx: DocContext, events: list[Event]) -> list[Candidate]:
    """Every atomic part of every sentence, scored for check-worthiness (no threshold applied)."""
    event_spans = [event.span for event in events]
    found = []
    for sentence in ctx.parsed.sents:
        sentence_figures = sentence_quantities(sentence, ctx)
        for part in atomic_parts(sentence):
            span = ctx.original_span(part.start_char, part.end_char)
            quantities = [q for q in sentence_figures if q.text in part.text] if part != sentence else sentence_figures
            has_event = any(start < span[1] and span[0] < end for start, end in event_spans)
            features = with_learned_score(score_sentence(part, quantities, ctx.kb, has_event), part)
            found.append(Candidate(part, span, quantities, features))
    return found


@dataclass(slots=True)
class Detected:
    """A candidate that scored as a claim, with its kind and the date it speaks of."""

    candidate: Candidate
    kind: ClaimKind
    as_of: date | None


def detect_claims(ctx: DocContext, events: list[Event], threshold: float) -> list[Detected]:
    """Every atomic part scoring at least ``threshold``, typed and dated (not yet checked)."""
    detected = []
    for candidate in candidates(ctx, events):
        if candidate.features.score >= threshold:
            kind = claim_kind(candidate.features)
            detected.append(Detected(candidate, kind, _as_of(candidate.part, ctx)))
    return detected


def verify_claims(ctx: DocContext, detected: list[Detected]) -> list[Claim]:
    """Each detected claim checked against the KB at its date; one claim per check (an office claim may give several)."""
    glossary = Glossary(ctx.kb)
    claims: dict[str, Claim] = {}
    for found in detected:
        for check in _checks(found.kind, found.candidate, ctx, found.as_of, glossary):
            claim = _claim(ctx, found.candidate, found.kind, check, found.as_of)
            claims.setdefault(claim.id, claim)  # the same check reached twice is one claim
    return list(claims.values())


def find_claims(ctx: DocContext, events: list[Event], threshold: float) -> list[Claim]:
    """Every atomic part scoring at least ``threshold`` becomes one or more typed, checked claims."""
    return verify_claims(ctx, detect_claims(ctx, events, threshold))


def _claim(ctx: DocContext, candidate: Candidate, kind: ClaimKind, check: Check, as_of: date | None) -> Claim:
    quantities = candidate.quantities
    value = check.value if check.value is not None else (quantities[0].value if quantities else None)
    key = f"{ctx.document.sha256}:{candidate.span}" + (f":{check.subject}" if kind == "office" else "")
    key += f":{check.attribute}:{value}" if check.attribute else ""
    return Claim(
        id="cl_" + hashlib.sha1(key.encode()).hexdigest()[:16],
        text=ctx.document.text[candidate.span[0] : candidate.span[1]],
        span=candidate.span,
        kind=kind,
        checkworthy=round(candidate.features.score, 2),
        subject=check.subject,
        attribute=check.attribute or (quantities[0].about if quantities else None),
        value=value,
        as_of=as_of.isoformat() if as_of else None,
        verdict=check.verdict,
        reason=check.reason,
        references=check.references,
    )


def _as_of(part: Span, ctx: DocContext) -> date | None:
    """The claim's time: its own date expression when it names a past day or month, else publication."""
    sentence = part.sent
    for ent in [*entities_in(part), *(entities_in(sentence) if part != sentence else [])]:
        if ent.label_ == "DATE" and (resolved := resolve_date(ent.text, ctx.anchor)) and resolved.end:
            end = date.fromisoformat(resolved.end)
            if resolved.precision in ("day", "month") and (ctx.anchor is None or end <= ctx.anchor):
                return end
    return ctx.anchor


def _checks(kind: str, candidate: Candidate, ctx: DocContext, as_of: date | None, glossary: Glossary) -> list[Check]:
    """Attributions to a source that publishes no such figure first, then offices (one claim per
    title-name pair), figures and definitions."""
    when = as_of or date.today()
    part, quantities = candidate.part, candidate.quantities
    if (attributed := check_attribution(part.text, quantities, ctx.kb)) is not None:
        return [attributed]
    if kind == "office" and (offices := office_checks(part, ctx.kb, when)):
        return offices
    found = check_figure(part, quantities, ctx.kb, when) or glossary.check(part.text)
    return [found or _nothing_to_check(quantities)]


def _nothing_to_check(quantities: list[Quantity]) -> Check:
    if quantities:
        figure = quantities[0].text
        return Check(reason=f"The knowledge base holds no reference figure to compare with '{figure}'.")
    return Check(reason="The knowledge base holds no reference fact or source for this claim.")
