"""The countries a document is about, the context that disambiguates its other toponyms."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from watchfloor.kb import KnowledgeBase
from watchfloor.nlp.entities import all_entities

CONTEXT_LABELS = frozenset({"GPE", "NORP", "LOC"})


def document_countries(doc: Doc, kb: KnowledgeBase, top: int = 4) -> set[str]:
    """ISO3 codes of the countries a document names most (by name, demonym or capital)."""
    counts: Counter[str] = Counter()
    for ent in all_entities(doc):
        if ent.label_ not in CONTEXT_LABELS:
            continue
        entity = kb.entities.get(ent.ent_id_) if ent.ent_id_ else kb.resolve(ent.text)
        if entity is not None and entity.kind in ("country", "capital") and entity.country:
            counts[entity.country] += 1
    return {code for code, _ in counts.most_common(top)}
