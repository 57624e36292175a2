"""Every place a document names, resolved with the document's own countries as context."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from watchfloor.geo.resolve import Scored
from watchfloor.nlp.context import DocContext
from watchfloor.nlp.entities import all_entities
from watchfloor.nlp.mentions import bare
from watchfloor.records import Place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# The result contract's place kinds; the KB's finer feature type is kept in Place.feature.
CONTRACT_KIND = {
    "gulf": "sea",
    "ocean": "sea",
    "channel": "strait",
    "island_group": "island",
    "reef": "island",
    "shoal": "island",
    "admin2": "admin",
    "capital": "city",
}


def to_place(best: Scored, text: str, span: tuple[int, int]) -> Place:
    candidate = best.candidate
    feature = best.kb_kind or candidate.kind
    kind = CONTRACT_KIND.get(feature, feature)
    return Place(
        text,
        candidate.name,
        round(candidate.lat, 4),
        round(candidate.lon, 4),
        kind,
        candidate.country,
        best.kb_id or candidate.ref,
        span,
        feature=feature,
    )


def find_places(ctx: DocContext) -> Iterator[tuple[Span, Place]]:
    """Places of the document; names no gazetteer knows are placed in the town the document is about."""
    if ctx.resolver is None:
        return
    mentions = [ent for ent in all_entities(ctx.parsed) if ent.label_ in PLACE_LABELS or ent.ent_id_.startswith("place.")]
    resolved = {ent.start: ctx.resolver.resolve(bare(ent.text), ctx.countries) for ent in mentions}
    focus = ctx.resolver.focus([best for best in resolved.values() if best is not None])
    for ent in mentions:
        best = resolved[ent.start]
        if best is None and focus is not None and ent.label_ in ("FAC", "LOC"):
            best = ctx.resolver.resolve(bare(ent.text), ctx.countries, focus)
        if best is None:
            continue
        span = ctx.original_span(ent.start_char, ent.end_char)
        text = ctx.document.text[span[0] : span[1]]
        if best.inferred:
            yield (
                ent,
                Place(
                    text,
                    bare(text),
                    best.candidate.lat,
                    best.candidate.lon,
                    "other",
                    best.candidate.country,
                    None,
                    span,
                    feature="inferred",
                    relation={"within": best.candidate.name},
                ),
            )
        else:
            yield ent, to_place(best, text, span)
