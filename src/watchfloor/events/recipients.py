"""Who an event befell when the sentence names no one: the country a visit went to, the country where a material act
took place, the country a UN mission serves, the government a protest addresses; found from the trigger's own phrase
and clause, never from a place that only frames the sentence ("At the Shangri-La Dialogue in Singapore, ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from watchfloor.events.lexicon import is_nominal
from watchfloor.events.located import DOMESTIC_MEASURES, VIOLENT_TYPES, insurgency_at_home, measure_on_own_country
from watchfloor.events.participants import STATE_SECTORS, TOPIC_VERBS, Participants, exempted, is_infinitive
from watchfloor.nlp.context import DocContext
from watchfloor.nlp.mentions import actor_for
from watchfloor.records import Actor, Place

if TYPE_CHECKING:
    from watchfloor.events.coder import SentenceFacts


def own_subtree(trigger: Token) -> set[int]:
    """The trigger's subtree without coordinated clauses, which describe other acts."""
    indexes = {trigger.i}
    stack = [child for child in trigger.children if child.dep_ != "conj"]
    while stack:
        token = stack.pop()
        indexes.add(token.i)
        stack.extend(token.children)
    return indexes


def subject_words(trigger: Token) -> set[int]:
    """The words of the trigger's subject: a place there says who acted, not what was acted on ('warplanes supported
    by Russia pounded Ghouta' is no act against Russia)."""
    return {t.i for child in trigger.children if child.dep_ in ("nsubj", "csubj") for t in child.subtree}


def complete_recipients(
    trigger: Token,
    found: Participants,
    facts: SentenceFacts,
    ctx: DocContext,
    event: tuple[str, str | None, bool],
    place: Place | None,
) -> None:
    """With no recipient named: the country a visit went to, the country where a material act took place, the
    government a protest addresses, the state's own country for a domestic measure or an armed group's attack; the
    first that applies. ``event`` is the type, mode and whether the act is material."""
    event_name, mode, material = event
    if not found.recipient and mode == "visit" and place is not None:
        _host_of_the_visit(found, place, ctx)
    if not found.recipient:
        recipient_from_place(trigger, found, facts, ctx, material)
    elif all(actor.country is None and actor.code.startswith("IGO") for actor in found.recipient):
        _country_of_the_mission(trigger, found, facts, ctx)
    if not found.recipient and event_name == "THREATEN":  # "threatened to resume attacks in Israel"
        for act in (child for child in trigger.children if child.dep_ == "xcomp"):
            recipient_from_place(act, found, facts, ctx, material=False)
    if not found.recipient and event_name == "PROTEST":
        _protest_addresses_own_government(found, ctx)
    if not found.recipient and (event_name in DOMESTIC_MEASURES or event_name in ("THREATEN", "RETREAT")):
        measure_on_own_country(trigger, found, facts, ctx)  # "threatened to impose a curfew in Mogadishu" too
    if not found.recipient and event_name in VIOLENT_TYPES:
        insurgency_at_home(found, facts, ctx)


def recipient_from_place(trigger: Token, found: Participants, facts: SentenceFacts, ctx: DocContext, material: bool) -> None:
    """'Israeli tanks fired at targets in Jericho': with no recipient named, the country where the act took place.

    A material act takes any place in its own phrase or clause; a statement or request only a place on the
    trigger or its object ("sought refuge in Germany": a statement made at a conference in Singapore is not
    addressed to Singapore). Only another country than a state actor's: a state acting at home has no recipient by
    place, but guerrillas blowing up power lines into Kabul act against Afghanistan.
    """
    own = own_subtree(trigger) - subject_words(trigger) if material else _direct_places(trigger)
    if material:  # "a truce plan to stop the clashes in Sudan"
        own |= {t.i for obj in _purposes(trigger.head if trigger.dep_ == "compound" else trigger) for t in obj.subtree}
    if material and is_nominal(trigger) and trigger.dep_ == "dobj":  # "carried out air strikes in Yemen"
        own |= {t.i for prep in trigger.head.children if prep.dep_ == "prep" for t in prep.subtree}
    if len({actor.country for actor in found.actor}) > 1 and not material:
        return  # "Indian and Pakistani ministers met in New York": a meeting among the actors, not with the host
    # a state at home has no recipient by place; rebels or protesters at home act against their country
    actor_countries = {actor.country for actor in found.actor if actor.sector in STATE_SECTORS}
    for ent, place in facts.places:
        if ent.root.i not in own or not place.country or place.country in actor_countries or exempted(ent.root):
            continue
        actor = _country_party(place, ctx.original_text(ent), ctx)
        if actor is not None:
            found.take("recipient", [actor], f"the country of the place '{ent.text}'")
            return


MISSION_NOUNS = frozenset({"force", "mission", "operation", "peacekeeping", "contingent", "deployment"})


def _country_of_the_mission(trigger: Token, found: Participants, facts: SentenceFacts, ctx: DocContext) -> None:
    """'sending troops to the UN peacekeeping force in South Sudan': besides the body, the country its mission serves."""
    for ent, place in facts.places:
        holder = ent.root.head.head if ent.root.head.dep_ == "prep" else None
        if holder is None or holder.lemma_.lower() not in MISSION_NOUNS or ent.root.i not in _direct_places(trigger):
            continue
        actor = _country_party(place, ctx.original_text(ent), ctx) if place.country else None
        if actor is not None:
            found.take("recipient", [actor], f"the country of the mission's place '{ent.text}'")
            return


def _host_of_the_visit(found: Participants, place: Place, ctx: DocContext) -> None:
    """'Ethiopia's prime minister arrived in Nairobi on a two-day visit': the visitor is the actor and the country
    visited the recipient, as PLOVER codes a visit."""
    host = _country_party(place, place.name, ctx)
    if host is not None and all(actor.country != place.country for actor in found.actor):
        found.take("recipient", [host], f"the country visited ('{place.name}')")


def _country_party(place: Place, text: str, ctx: DocContext) -> Actor | None:
    """The country a place lies in, as a party named by ``text``."""
    country = ctx.kb.country(place.country)
    return actor_for(country, text, None, ctx.anchor) if country is not None else None


def _protest_addresses_own_government(found: Participants, ctx: DocContext) -> None:
    """'Young Algerians blocked roads to press their demands': a protest with no named target addresses the
    protesters' own government, as PLOVER and CAMEO code it."""
    country = next((actor.country for actor in found.actor if actor.country and actor.sector != "GOV"), None)
    entity = ctx.kb.country(country)
    if entity is not None and country is not None:
        government = Actor(
            text=entity.name, name=entity.name, code=f"{country}GOV", country=country, sector="GOV", kb_id=entity.id
        )
        found.take("recipient", [government], "a protest with no named target addresses the protesters' own government")


def _direct_places(trigger: Token) -> set[int]:
    """Tokens in a prepositional phrase on the trigger or on its direct object (not on a subject matter: 'discussed
    the situation in Syria'; not an occasion framing a verb from before it: 'At the Shangri-La Dialogue in
    Singapore, Hegseth reaffirmed ...' is not addressed to Singapore, while 'In Paris, Sullivan will meet ...' is)."""
    topic = trigger.lemma_.lower() in TOPIC_VERBS
    heads = [trigger, *(child for child in trigger.children if child.dep_ == "dobj" and not topic)]
    if trigger.lemma_.lower() not in MEETING_VERBS:  # "spoke with allies to underscore support for Ukraine": a topic
        heads += _purposes(trigger.head if trigger.dep_ == "compound" else trigger)
    preps = [prep for head in heads for prep in head.children if prep.dep_ == "prep" and not _occasion(prep, trigger)]
    return {t.i for prep in preps for t in prep.subtree}


MEETING_VERBS = frozenset({"speak", "talk", "meet", "confer", "consult", "negotiate", "call", "phone", "telephone"})


def _purposes(head: Token) -> list[Token]:
    """The objects of what an act is for: 'a truce plan to stop the clashes in Sudan', 'aid to contain the
    epidemic in Guinea'; not a subject matter ('met to discuss the situation in Syria')."""
    clauses = [c for c in head.children if c.dep_ in ("acl", "relcl", "advcl") and is_infinitive(c)]
    clauses = [clause for clause in clauses if clause.lemma_ not in TOPIC_VERBS]
    return [obj for clause in clauses for obj in clause.children if obj.dep_ == "dobj"]


def _occasion(prep: Token, trigger: Token) -> bool:
    """A phrase before the verb naming an occasion rather than a place: 'At the 2025 Shangri-La Dialogue in ...'."""
    named_place = any(child.dep_ == "pobj" and child.ent_type_ in ("GPE", "LOC", "FAC") for child in prep.children)
    return prep.head == trigger and prep.i < trigger.i and not named_place
