"""Who did it and to whom: actors and recipients of a trigger, read off the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from watchfloor.nlp.context import DocContext
from watchfloor.nlp.mentions import actors_of
from watchfloor.records import Actor

RECIPIENT_PREPS = frozenset({"on", "to", "with", "against", "into", "toward", "towards", "at", "for", "near", "around"})
LIGHT_VERBS = frozenset(
    "conduct hold launch stage carry make have begin start announce continue step intensify expand order "
    "mount undertake perform join host resume".split()
)
SUBJECT_DEPS = ("nsubj", "csubj")


@dataclass(slots=True)
class Participants:
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    reciprocal: bool = False


def _merge(into: list[Actor], found: list[Actor]) -> None:
    for actor in found:
        if all(actor.code != known.code for known in into):
            into.append(actor)


def subject_of(verb: Token, ctx: DocContext, depth: int = 0) -> list[Actor]:
    """The actors of a verb's subject, climbing to the governing verb for xcomp/conj/advcl."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS or (depth > 0 and child.dep_ == "nsubjpass"):
            return actors_of(child, ctx)
        if child.dep_ == "agent":
            return [actor for grandchild in child.children for actor in actors_of(grandchild, ctx)]
    if depth < 3 and verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp") and verb.head != verb:
        return subject_of(verb.head, ctx, depth + 1)
    if verb.dep_ == "relcl":
        return actors_of(verb.head, ctx)
    return []


def _prep_objects(token: Token, ctx: DocContext, preps: frozenset[str]) -> list[Actor]:
    found: list[Actor] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    _merge(found, actors_of(pobj, ctx))
    return found


def verb_participants(verb: Token, ctx: DocContext) -> Participants:
    result = Participants()
    passive = next((child for child in verb.children if child.dep_ == "nsubjpass"), None)
    _merge(result.actor, subject_of(verb, ctx))
    if passive is not None:
        _merge(result.recipient, actors_of(passive, ctx))
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "attr"):
            _merge(result.recipient, actors_of(child, ctx))
            _merge(result.recipient, _prep_objects(child, ctx, RECIPIENT_PREPS))
    _merge(result.recipient, _prep_objects(verb, ctx, RECIPIENT_PREPS))
    return result


def noun_participants(noun: Token, ctx: DocContext) -> Participants:
    result = Participants()
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod") and child.ent_type_:
            _merge(result.actor, actors_of(child, ctx))
        if child.lower_ in ("joint", "bilateral", "combined", "trilateral"):
            result.reciprocal = True
    between = _prep_objects(noun, ctx, frozenset({"between", "among"}))
    if between:
        result.reciprocal = True
        _merge(result.actor, between)
    _merge(result.actor, _prep_objects(noun, ctx, frozenset({"by", "from", "of"})))
    if not result.actor and noun.head.pos_ in ("VERB", "AUX") and noun.dep_ in ("dobj", "nsubjpass", "attr"):
        if noun.head.lemma_.lower() in LIGHT_VERBS or noun.dep_ == "dobj":
            _merge(result.actor, subject_of(noun.head, ctx))
    _merge(result.recipient, _prep_objects(noun, ctx, RECIPIENT_PREPS))
    return result


def participants(trigger: Token, ctx: DocContext) -> Participants:
    """Actors and recipients of a trigger; the actor never also appears as its own recipient."""
    found = verb_participants(trigger, ctx) if trigger.pos_ in ("VERB", "AUX") else noun_participants(trigger, ctx)
    actor_codes = {actor.code for actor in found.actor}
    found.recipient = [actor for actor in found.recipient if actor.code not in actor_codes]
    if found.reciprocal and found.recipient and len(found.actor) == 1:
        _merge(found.actor, found.recipient)
        found.recipient = []
    return found
