"""Who the unnamed are: the country of a group named only by its sector, the target of a domestic measure,
and a government speaking of itself.

"Police jailed two opposition leaders in Minsk" names no state, yet an analyst codes Belarusian police
and opposition; "Chad's cabinet ended a state of emergency" falls on Chad; "My Administration is
committed to ..." in a White House proclamation is the US government talking about its programmes,
not an act on anyone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from spacy.tokens import Token

from watchfloor.events.participants import STATE_SECTORS, Participants, settle
from watchfloor.geo.context import named_places
from watchfloor.kb.model import Entity
from watchfloor.nlp.context import DocContext
from watchfloor.nlp.entities import entities_in
from watchfloor.nlp.mentions import (
    CRAFT_NOUNS,
    FACILITY_NOUNS,
    FIRST_PERSON_FORMS,
    GROUP_CODES,
    PEOPLE_NOUNS,
    UNKNOWN_STATE,
    actor_for,
)
from watchfloor.nlp.names import kb_entity
from watchfloor.records import Actor, Event, Place

if TYPE_CHECKING:
    from watchfloor.events.coder import SentenceFacts

FOREIGN_WORDS = frozenset({"foreign", "international", "overseas", "visiting", "allied", "coalition"})
ABROAD_SECTORS = frozenset({"REF"})  # refugees and migrants are seldom of the country they are in
# Sectors of officials and organs a text may leave without their state ('President ...', 'Gen. ...', 'the government')
TITLED_SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG"})
VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE"})  # acts on people where they are
# Attacks by weapons that leave no doubt of an attack, whoever did it: a bombing, shelling or air strike with no party
# named is still one ("a bomb exploded in Jerusalem"); "battled", "fight", "beat" with no party may be a metaphor
WEAPON_MODES = frozenset({"explosives", "suicide-attack", "aerial", "heavy-weapons", "drone"})
DOMESTIC_MEASURES = frozenset({"COERCE", "CONCEDE"})  # restrictions and their easing, at home unless said otherwise
# Conflict words a government's papers use of its own politics: fights for laws, crackdowns on fees, suits in court
DOMESTIC_CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "REJECT", "ACCUSE", "PROTEST", "MOBILIZE"})
SUMMIT_PLURALS = frozenset({"leaders", "ministers", "diplomats", "envoys", "delegates", "delegations", "governments", "parties"})


def speaking_of_itself(found: Participants, ctx: DocContext) -> bool:
    """The publishing government ('we', 'my Administration', 'allowing us to ...') with no party outside its own
    countries: another state, its people, or an international body."""
    parties = [*found.actor, *found.recipient]
    if not any(_first_person(actor) for actor in parties):
        return False
    home = {issuer.country for issuer in ctx.issuers}
    others = [actor for actor in parties if not _first_person(actor)]
    return not any(actor.country not in home if actor.country else actor.kb_id is not None for actor in others)


def home_affairs(found: Participants, ctx: DocContext, event: tuple[str, str | None]) -> bool:
    """In a government's own papers, an act no one is named to have done that falls only on its own country, people
    or firms ('infrastructure will support U.S. competitiveness', 'Medicare will negotiate prices', 'FDA provided
    technical assistance to states') is domestic policy, not an act between parties; one on another country or its
    people is kept ('deploying to Niger', 'met with President Duque'). So is a conflict between its own parties
    ('fought to secure Pell Grants', 'the Court's decision to strike down the plan', 'a crackdown on junk fees'),
    unless armed men or weapons make it an attack ('a gunman stormed into the synagogue')."""
    if not ctx.issuers:
        return False
    home = {issuer.country for issuer in ctx.issuers}
    at_home = all(actor.country in home or (actor.country is None and actor.kb_id is None) for actor in found.recipient)
    if not found.actor:
        return at_home
    event_type, mode = event
    publisher = ctx.issuers[0].country  # not a joint statement's partners: "the US and India condemn terrorism"
    parties = [*found.actor, *found.recipient]
    armed = mode in WEAPON_MODES or any(actor.sector == "UAF" for actor in parties)
    ours = all(actor.country == publisher for actor in parties if actor.country or actor.kb_id)
    return event_type in DOMESTIC_CONFLICT_TYPES and ours and not armed


def own_policy(event: Event, facts: SentenceFacts, ctx: DocContext) -> bool:
    """In a government's own papers, what its own state does with no one on the other side (or only its own country or
    people), in a sentence naming no other country or international body ('the President signed the memorandum',
    'asked the competition regulator to look into fuel prices', 'the relief law gave billions to
    schools'), is its domestic policy, not an act between parties. 'The President will travel to Africa' or
    'stressed America's backing for Estonia's defence' is kept (the other side named, though not as
    a party), and so is anything a joint statement's partners do together."""
    if not ctx.issuers or not event.actor or event.event == "ASSAULT":  # "a gunman stormed into the synagogue" is kept
        return False
    publisher = ctx.issuers[0].country
    parties = (*event.actor, *event.recipient)
    if any(party.country != publisher for party in parties) or _sentence_countries(facts, ctx) - {publisher}:
        return False
    bodies = (kb_entity(ent, ctx.kb) for ent in entities_in(facts.sentence) if ent.label_ in ("ORG", "LOC", "NORP"))
    return not any(body is not None and body.country is None for body in bodies)  # "NATO", "ASEAN", "Africa"


def _first_person(actor: Actor) -> bool:
    """An actor found as 'we', 'our ...' or 'my Administration': the document's issuer speaking."""
    words = actor.text.split()
    return bool(words) and words[0] in FIRST_PERSON_FORMS


def locate_groups_by_context(
    found: Participants,
    place: Place | None,
    facts: SentenceFacts,
    ctx: DocContext,
    event: tuple[str, str | None],
    material: bool,
) -> None:
    """Give groups named only by their sector a country from the event's place or its other side.

    A state organ named without its state ('the army', 'soldiers', 'officials') is that state's only as the
    actor of a material act in its territory ('soldiers fired on protesters in Yangon') or of any act in a text
    naming one country only ('the government conceded to demands that Guineans abroad could vote'); as a
    recipient ('sent troops to South Sudan', 'an ultimatum to Muslim leaders'), as a speaker among several
    countries ('the leaders welcome investment across the Philippines') or with no place it is dropped, not
    coded on a guess; but the soldiers or police an attack killed or an arrest took are of the country where it
    happened ('a bomb went off in Kathmandu, killing four soldiers'), and the official a visitor met is of the
    country the meeting was in ('met with Prime Minister Ariel Henry' in Haiti).
    """
    event_type, mode = event
    unplaced_actors = [actor for actor in found.actor if _stateless_organ(actor, material)]
    _officials_of_the_only_country(found, facts, ctx)
    if not (event_type in VIOLENT_TYPES and place is not None and place.country):
        _drop_unplaced_recipients(found)
    if event_type == "CONSULT" and place is not None and place.country:
        _hosts_at_the_place(found, place)
    if not material:
        found.actor = [actor for actor in found.actor if not actor.code.startswith(UNKNOWN_STATE)]
    if place is not None:
        _of_the_place(found, place, ctx)
    found.actor = [actor for actor in found.actor if not actor.code.startswith(UNKNOWN_STATE)]
    _drop_unplaced_recipients(found)
    _of_the_other_side(found, facts, ctx)
    if event_type == "ASSAULT" and mode in WEAPON_MODES and place is not None:
        _attacked_where_it_happened(found, place, ctx)
    if not found.actor and not found.recipient and not ctx.issuers:
        found.actor = unplaced_actors
    settle(found)


def arrested_by_the_state_where_it_happened(trigger: Token, found: Participants, place: Place | None, ctx: DocContext) -> None:
    """'Mutesi was detained in Burundi': an arrest told in the passive with no one making it is made by the state of
    the place; not at a base or station, which another state may run ('held at Naval Station Guantanamo Bay'), nor
    one only described ('release those unjustly detained')."""
    if place is None or not any(child.dep_ == "nsubjpass" for child in trigger.children):
        return
    facility = any(word in FACILITY_NOUNS | {"camp"} for word in place.name.lower().split())
    state = ctx.kb.country(place.country) if not found.actor and place.country and not facility else None
    if state is not None and (actor := actor_for(state, place.text, None, ctx.anchor)) is not None:
        found.take("actor", [actor], f"an arrest with no one named making it is the state's where it happened ('{place.text}')")
        found.recipient = [party for party in found.recipient if party.code != actor.code]


def _attacked_where_it_happened(found: Participants, place: Place, ctx: DocContext) -> None:
    """'A bomb exploded at a bus station in Jerusalem': an attack that names neither attacker nor target falls on the
    country where it happened, as CAMEO and the PLOVER gold records code an attack on a place."""
    entity = ctx.kb.country(place.country)
    if found.actor or found.recipient or entity is None or entity.country is None:
        return
    found.take(
        "recipient", [_country_actor(entity, place.text)], "an attack with no named party falls on the country where it happened"
    )


def the_public_where_it_happened(found: Participants, place: Place) -> None:
    """'Demonstrations were held across Kenya', 'a strike paralysed Lagos': a protest that names no one is the public's
    of the country where it happened (as 'thousands marched in Berlin' is German civilians')."""
    if found.actor or found.recipient or place.country is None:
        return
    public = Actor(text=place.text, name="civilians", code=f"{place.country}CVL", country=place.country, sector="CVL", kb_id=None)
    found.take("actor", [public], "a protest with no named party is by the public of the country where it happened")


def _hosts_at_the_place(found: Participants, place: Place) -> None:
    """A titled official the KB does not know, met by visitors from elsewhere, is of the country the meeting was in."""
    if place.country is None or any(actor.country == place.country for actor in found.actor):
        return
    for index, actor in enumerate(found.recipient):
        if actor.kb_id is None and actor.country is None and actor.code == actor.sector and actor.sector in TITLED_SECTORS:
            _relocate(found, found.recipient, index, place.country, "the host, an official of the country the meeting was in")


def _relocate(found: Participants, role: list[Actor], index: int, country: str, why: str) -> None:
    """Give the actor at ``role[index]``, named only by its sector, the country ``country`` and say why."""
    actor = role[index]
    located = f"{country}{actor.sector}"
    role[index] = dataclasses.replace(actor, code=located, country=country)
    found.how.append(f"{located} ({actor.text}): {why}")


def _drop_unplaced_recipients(found: Participants) -> None:
    unplaced = [actor for actor in found.recipient if actor.code.startswith(UNKNOWN_STATE)]
    found.recipient = [actor for actor in found.recipient if actor not in unplaced]
    found.how.extend(f"'{actor.text}' names no country: not coded as recipient on a guess" for actor in unplaced)


def _of_the_place(found: Participants, place: Place, ctx: DocContext) -> None:
    """'Police jailed two opposition leaders in Minsk': participants named only by their sector (police,
    the opposition, civilians, journalists) are of the country where the act took place, unless the
    phrase says they are foreign. Named groups and bodies (the UN, Islamic State) keep their codes."""
    if place.country:
        _locate_groups(found, place.country, f"of the country where it happened ('{place.text}')", ctx)


def _of_the_other_side(found: Participants, facts: SentenceFacts, ctx: DocContext) -> None:
    """'Egyptian police opened fire on demonstrators': in a sentence and a document that name no other
    country, a group named only by its sector is of the country of the other side: the act is a
    domestic one. (In a story about the South China Sea, the fishermen the Chinese coast guard fires
    at are not assumed Chinese.)"""
    sides = {actor.country for actor in (*found.actor, *found.recipient) if actor.country}
    if (only := _the_only_country(sides, facts, ctx)) is not None and only.country:
        _locate_groups(found, only.country, "of the other side's country (a domestic act)", ctx)


def _officials_of_the_only_country(found: Participants, facts: SentenceFacts, ctx: DocContext) -> None:
    """'President Omar Farah threatened to impose a curfew in the capital Mogadishu', 'Peru's top
    court ordered the detention of a former interior minister': a titled official the KB does not know, or a state
    organ named without its state ('the government'), in a sentence and document naming one country, is of
    that country, unless that country's state is the other party ('President Jorge Mendoza threatened action
    against Russia': a leader acting on a state, or on a whole people, is seldom its own)."""
    countries = ctx.countries | _sentence_countries(facts, ctx)
    if len(countries) != 1:
        return
    code = next(iter(countries))
    parties = (*found.actor, *found.recipient)
    state_party = any(actor.country == code and (actor.sector in STATE_SECTORS or _a_whole_people(actor)) for actor in parties)
    country = ctx.kb.country(code)
    if state_party or country is None or country.country is None:
        return
    # a government's own publications speak of 'the Administration', 'the Government' at home: not coded
    at_home = code in {issuer.country for issuer in ctx.issuers}
    for role in (found.actor, found.recipient):
        for index, actor in enumerate(role):
            organ = actor.code == f"{UNKNOWN_STATE}{actor.sector}" and not at_home and _one_body(actor)
            unnamed = actor.code == actor.sector or organ
            foreign = bool(FOREIGN_WORDS & set(actor.text.lower().split()))  # "coalition planes bombed ... in Syria"
            if actor.kb_id is None and actor.country is None and unnamed and actor.sector in TITLED_SECTORS and not foreign:
                _relocate(found, role, index, country.country, "an official of the only country the text names")


def _a_whole_people(actor: Actor) -> bool:
    """'the people of Korea': a country's whole people, not a group within it."""
    return actor.sector == "CVL" and actor.text.lower() in PEOPLE_NOUNS


def _stateless_organ(actor: Actor, material: bool) -> bool:
    """'The government outlawed two parties', 'soldiers raped women', in a text naming no state: an organ of a state
    the text does not say, kept as the act's actor (CAMEO's '---') when no other party is named; not several
    governments, nor officials meeting or talking (a statement by no one in particular)."""
    plural = actor.text.lower().endswith("s")
    return actor.code.startswith(UNKNOWN_STATE) and _one_body(actor) and (material or not plural)


def _one_body(actor: Actor) -> bool:
    """'The government', 'officials', 'the army': of one state; 'the leaders', 'the ministers' who meet are of several."""
    return actor.text.lower().split()[-1] not in SUMMIT_PLURALS


def _locate_groups(found: Participants, code: str, why: str, ctx: DocContext) -> None:
    country = ctx.kb.country(code)
    if country is None or country.country is None:
        return
    for role in (found.actor, found.recipient):
        for index, actor in enumerate(role):
            group = actor.code in GROUP_CODES or actor.code.startswith(UNKNOWN_STATE)  # not a titled person
            unnamed = group and actor.kb_id is None and actor.country is None
            words = set(actor.text.lower().split())
            # ships and aircraft fly their own flag, whatever the waters or the side: "rebels seized a cargo ship"
            native = actor.sector not in ABROAD_SECTORS and not (FOREIGN_WORDS | CRAFT_NOUNS) & words
            if unnamed and actor.sector and native:
                _relocate(found, role, index, country.country, why)


def _sentence_countries(facts: SentenceFacts, ctx: DocContext) -> set[str]:
    """Every country a sentence names, by name, demonym, capital or place (the KB's, or a town the geoparser placed:
    'Cleveland officials'): found once per sentence, when a rule first asks."""
    if facts.countries is None:
        named = {entity.country for entity in named_places(entities_in(facts.sentence), ctx.kb) if entity.country}
        facts.countries = named | {place.country for _, place in facts.places if place.country}
    return facts.countries


def measure_on_own_country(trigger: Token, found: Participants, facts: SentenceFacts, ctx: DocContext) -> None:
    """'Chad's cabinet ended a state of emergency': a restriction or its easing with no one named as its
    target falls on the state's own country, as the PLOVER gold records code it; only in a sentence and a
    document that name no other country."""
    states = {actor.country for actor in found.actor if actor.country and actor.sector in ("GOV", "MIL", "COP", "JUD")}
    entity = _the_only_country(states, facts, ctx)
    if entity is not None:
        target = next((child for child in trigger.children if child.dep_ in ("dobj", "nsubjpass")), None)
        text = ctx.original_text(target.doc[target.left_edge.i : target.right_edge.i + 1]) if target is not None else entity.name
        found.take(
            "recipient",
            [_country_actor(entity, text)],
            "a domestic measure with no named target falls on the state's own country",
        )


INSURGENT_SECTORS = frozenset({"REB", "UAF", "OPP"})


def insurgency_at_home(found: Participants, facts: SentenceFacts, ctx: DocContext) -> None:
    """'Colombian guerrillas blew up an oil pipeline': an armed group's attack with no target named falls on its own
    country, as CAMEO and the PLOVER gold records code it; only in a sentence and a document naming no other country."""
    insurgents = [actor for actor in found.actor if actor.country and actor.sector in INSURGENT_SECTORS]
    entity = _the_only_country({actor.country for actor in insurgents}, facts, ctx)
    if entity is not None and len(insurgents) == len(found.actor):
        found.take(
            "recipient",
            [_country_actor(entity, entity.name)],
            "an armed group's attack with no named target falls on its own country",
        )


def _country_actor(country: Entity, text: str) -> Actor:
    """A country itself as a party, named in the text by ``text``."""
    return Actor(text=text, name=country.name, code=country.country or "", country=country.country, sector=None, kb_id=country.id)


def _the_only_country(codes: AbstractSet[str | None], facts: SentenceFacts, ctx: DocContext) -> Entity | None:
    """The KB entity of the one country ``codes`` hold, when neither the sentence nor the document names another."""
    code = next(iter(codes)) if len(codes) == 1 else None
    entity = ctx.kb.country(code)
    if code is None or entity is None or (ctx.countries | _sentence_countries(facts, ctx)) - {code}:
        return None
    return entity
