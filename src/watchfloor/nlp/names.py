"""The KB entities a spaCy entity span names: by the entity ruler's id, by name, as a demonym, misspelt, or as the
two countries of a dyad ('U.S.-Japan'). Shared by the actor, place and claim readers."""

from __future__ import annotations

from spacy.tokens import Span

from watchfloor.kb import Entity, KnowledgeBase


def kb_entity(ent: Span, kb: KnowledgeBase) -> Entity | None:
    """The KB entity of a spaCy entity: by ruler id, then by name, then by demonym."""
    if _first_name_of_a_longer_name(ent):
        return None  # "President Teodoro Obiang Nguema Mbasogo" split by the tagger: "Teodoro" is not Gilberto Teodoro
    if ent.ent_id_ and ent.ent_id_ in kb.entities:
        return _unless_anothers(kb.entities[ent.ent_id_], ent, kb)
    text = bare(ent.text)
    found = kb.resolve(text)
    if found is None and ent.label_ == "NORP":  # "Palestinians", "Iraqis": a plural demonym
        found = kb.demonym(text)
    if found is None and (ent.label_ in ("GPE", "NORP") or (ent.label_ == "ORG" and len(ent) == 1)):
        found = kb.misspelt_country(text)  # "Quatar's emir": a slip of the keyboard, which the tagger calls anything
    if found is None and ent.label_ == "PERSON" and len(text.split()) > 1:
        found = kb.resolve(text.split()[-1])
        if found is not None and found.kind != "person":
            found = None
    return _unless_anothers(found, ent, kb)


def _unless_anothers(found: Entity | None, ent: Span, kb: KnowledgeBase) -> Entity | None:
    """'Poland's National Security Bureau' is not Taiwan's: a body's generic name, written as another country's, names
    that country's body, which the KB does not hold (its country is read from the possessive)."""
    if found is None or found.kind != "organisation" or not found.country or ent.start < 2:
        return found
    marker, owner = ent.doc[ent.start - 1], ent.doc[ent.start - 2]
    if marker.tag_ != "POS" or not owner.ent_type_:
        return found
    owners = {entity.country for entity in kb.lookup(bare(owner.text)) if entity.kind == "country"}
    return None if owners and found.country not in owners else found


def _first_name_of_a_longer_name(ent: Span) -> bool:
    """A one-word PERSON span followed by more capitalised words of the same name: a first name, which a surname
    alias in the KB must not claim."""
    if ent.label_ != "PERSON" or len(ent) != 1 or ent.end >= len(ent.doc):
        return False
    following = ent.doc[ent.end]
    return following.pos_ == "PROPN" and following.is_title and following.dep_ in ("compound", "flat", "pobj", "nsubj", "dobj")


def bare(text: str) -> str:
    """A name without article, title or possessive: 'the Sea of Japan' -> 'Sea of Japan'."""
    for prefix in ("the ", "The ", "Mr. ", "Ms. ", "Mrs. ", "Dr. "):
        text = text.removeprefix(prefix)
    return text.removesuffix("'s").strip()


def dyad_entities(ent: Span, kb: KnowledgeBase) -> list[Entity]:
    """'U.S.-Japan' or 'China-Russia' names two countries at once."""
    parts = bare(ent.text).split("-")
    if len(parts) < 2:
        return []
    found = [kb.resolve(part) for part in parts]
    return [entity for entity in found if entity is not None] if all(found) else []
