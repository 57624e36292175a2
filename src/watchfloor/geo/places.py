"""Every place a document names, resolved with the document's own countries as context."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from watchfloor.geo.resolve import Scored
from watchfloor.nlp.context import DocContext
from watchfloor.nlp.entities import all_entities
from watchfloor.records import Place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# The result contract's place kinds; the KB's finer feature type is kept in Place.feature.
CONTRACT_KIND = {
    "gulf": "sea", "ocean": "sea", "channel": "strait", "island_group": "island", "reef": "island",
    "shoal": "island", "admin2": "admin", "capital": "city",
}


def _bare(text: str) -> str:
    return text.removeprefix("the ").removeprefix("The ").removesuffix("'s").strip()


def to_place(best: Scored, text: str, span: tuple[int, int]) -> Place:
    candidate = best.candidate
    feature = best.kb_kind or candidate.kind
    kind = CONTRACT_KIND.get(feature, feature)
    return Place(
        text, candidate.name, round(candidate.lat, 4), round(candidate.lon, 4), kind, candidate.country,
        best.kb_id or candidate.ref, span, feature=feature,
    )


def place_for(ent: Span, ctx: DocContext) -> Place | None:
    """The place a GPE/LOC/FAC entity names, or None when nothing in the KB or gazetteer fits."""
    if ctx.resolver is None:
        return None
    best = ctx.resolver.resolve(_bare(ent.text), ctx.countries)
    if best is None:
        return None
    span = ctx.original_span(ent.start_char, ent.end_char)
    return to_place(best, ctx.document.text[span[0] : span[1]], span)


def find_places(ctx: DocContext) -> Iterator[tuple[Span, Place]]:
    for ent in all_entities(ctx.parsed):
        if ent.label_ in PLACE_LABELS or ent.ent_id_.startswith("place."):
            place = place_for(ent, ctx)
            if place is not None:
                yield ent, place
