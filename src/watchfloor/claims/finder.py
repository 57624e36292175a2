"""Claims of one document: detect, type, then verify each against the KB at its date."""

from __future__ import annotations

import hashlib
from datetime import date

from spacy.tokens import Span

from watchfloor.claims.detect import claim_kind, score_sentence
from watchfloor.claims.verify import Check, check_figure, check_office
from watchfloor.nlp.context import DocContext
from watchfloor.nlp.dates import resolve_date
from watchfloor.nlp.entities import entities_in
from watchfloor.nlp.quantities import sentence_quantities
from watchfloor.records import Claim, Event, Quantity


def find_claims(ctx: DocContext, events: list[Event], threshold: float) -> list[Claim]:
    """Every sentence scoring at least ``threshold`` becomes a typed, checked claim."""
    event_spans = {event.span for event in events}
    claims = []
    for sentence in ctx.parsed.sents:
        span = ctx.original_span(sentence.start_char, sentence.end_char)
        quantities = sentence_quantities(sentence, ctx)
        features = score_sentence(sentence, quantities, ctx.kb, span in event_spans)
        if features.score < threshold:
            continue
        kind = claim_kind(features)
        as_of = _as_of(sentence, ctx)
        check = _check(kind, sentence, quantities, ctx, as_of)
        value = check.value if check.value is not None else (quantities[0].value if quantities else None)
        claims.append(
            Claim(
                id="cl_" + hashlib.sha1(f"{ctx.document.sha256}:{span}".encode()).hexdigest()[:16],
                text=ctx.document.text[span[0] : span[1]],
                span=span,
                kind=kind,
                checkworthy=round(features.score, 2),
                subject=check.subject,
                attribute=check.attribute or (quantities[0].about if quantities else None),
                value=value,
                as_of=as_of.isoformat() if as_of else None,
                verdict=check.verdict,
                reason=check.reason,
                references=check.references,
            )
        )
    return claims


def _as_of(sentence: Span, ctx: DocContext) -> date | None:
    """The claim's time: its own date expression when it names a past day, else publication."""
    for ent in entities_in(sentence):
        if ent.label_ == "DATE" and (resolved := resolve_date(ent.text, ctx.anchor)) and resolved.end:
            end = date.fromisoformat(resolved.end)
            if resolved.precision in ("day", "month") and (ctx.anchor is None or end <= ctx.anchor):
                return end
    return ctx.anchor


def _check(kind: str, sentence: Span, quantities: list[Quantity], ctx: DocContext, as_of: date | None) -> Check:
    """An office claim is checked against who held the office, anything else against the reference figures."""
    when = as_of or date.today()
    found = check_office(sentence, ctx.kb, when) if kind == "office" else None
    return found or check_figure(sentence, quantities, ctx.kb, when) or Check()
