"""Every place a document names, resolved with the document's own countries as context."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from watchfloor.geo.context import dateline_index
from watchfloor.geo.resolve import Resolver, Scored
from watchfloor.nlp.context import DocContext
from watchfloor.nlp.entities import all_entities
from watchfloor.nlp.names import bare
from watchfloor.records import Place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SITE_PREPS = frozenset({"at", "in", "inside", "outside", "near"})
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
    "airport": "other",
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
    """Places of the document; names no gazetteer knows are placed in the place they contain or the document's town."""
    if ctx.resolver is None:
        return
    mentions = [ent for ent in all_entities(ctx.parsed) if _is_place_mention(ent, ctx.resolver)]
    names = [bare(ent.text) for ent in mentions]
    local = [ent.label_ in ("FAC", "LOC") for ent in mentions]
    dateline = dateline_index(ctx.normalised.text, [(ent.start_char, ent.end_char) for ent in mentions])
    resolved = ctx.resolver.resolve_all(names, ctx.countries, local, dateline)
    for ent, best in zip(mentions, resolved, strict=True):
        if best is None:
            continue
        span = ctx.original_span(ent.start_char, ent.end_char)
        text = ctx.document.text[span[0] : span[1]]
        yield ent, (_inferred_place(best, text, span) if best.inferred else to_place(best, text, span))


def _is_place_mention(ent: Span, resolver: Resolver) -> bool:
    """A GPE, LOC or FAC span, a KB place, or an organisation span that is just a well-known place's
    name ("Toronto beat Boston", "California sued"): the model often tags a metonymic place as ORG."""
    if ent.label_ in PLACE_LABELS or ent.ent_id_.startswith("place."):
        return True
    if ent.label_ == "ORG" and _after_a_locative(ent) and resolver.is_kb_place(bare(ent.text)):
        return True  # "met at the White House", "talks in the Kremlin": the seat, not the government
    return ent.label_ == "ORG" and not ent.ent_id_ and resolver.is_well_known_place(bare(ent.text))


def _after_a_locative(ent: Span) -> bool:
    head = ent.root
    return head.dep_ == "pobj" and head.head.lower_ in SITE_PREPS


def _inferred_place(best: Scored, text: str, span: tuple[int, int]) -> Place:
    """A place no gazetteer has, located within the place its name contains or the document is about."""
    return Place(
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
    )
