"""Resolving mentions in the parse to KB actors and places.

An actor mention is a noun phrase: "Chinese aircraft" is China's military (CHNMIL), "Beijing" is
China's government acting by metonymy (CHNGOV), "Defense Minister Shinjiro Koizumi" is Japan's
defence establishment on the date of the text, "two B-52 bombers" are the US military.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from spacy.tokens import Span, Token

from watchfloor.kb import Entity, KnowledgeBase
from watchfloor.nlp import people
from watchfloor.nlp.context import DocContext
from watchfloor.nlp.entities import entity_at
from watchfloor.nlp.names import bare, dyad_entities, kb_entity
from watchfloor.nlp.pairs import last_pair, names_a_pair
from watchfloor.records import Actor

ACTOR_LABELS = {"GPE", "NORP", "ORG", "PERSON", "PRODUCT", "FAC", "LOC"}
MILITARY_NOUNS = frozenset(
    "aircraft jet fighter bomber warship ship vessel destroyer frigate carrier submarine navy army troop force military "
    "soldier drone missile plane helicopter fleet marine airman sailor unit personnel militaries commander".split()
)
# Groups named by a common noun, with the PLOVER/CAMEO-style sector code they stand for
GROUP_SECTORS = {
    **dict.fromkeys("rebel guerrilla guerilla insurgent militant separatist militia militiaman jihadist".split(), "REB"),
    **dict.fromkeys("fundamentalist islamist extremist secessionist".split(), "REB"),
    **dict.fromkeys("opposition protester protestor demonstrator activist dissident".split(), "OPP"),
    **dict.fromkeys("student worker employee resident civilian villager citizen farmer worshipper miner".split(), "CVL"),
    **dict.fromkeys("fisherman pilgrim hostage prisoner detainee inmate supporter".split(), "CVL"),
    **dict.fromkeys("refugee migrant asylum-seeker seeker".split(), "REF"),
    **dict.fromkeys("court judge prosecutor tribunal".split(), "JUD"),
    **dict.fromkeys("parliament lawmaker legislator senator congressman legislature".split(), "LEG"),
    **dict.fromkeys("newspaper journalist reporter broadcaster".split(), "MED"),
    **dict.fromkeys("company firm businessman corporation".split(), "BUS"),
    **dict.fromkeys("gang smuggler trafficker pirate hacker".split(), "CRM"),
    # CAMEO's unidentified armed forces: armed men whose side the text does not say
    **dict.fromkeys("gunman gunmen attacker assailant sniper kidnapper abductor bomber raider terrorist".split(), "UAF"),
    **dict.fromkeys("rioter striker marcher mob".split(), "OPP"),
    **dict.fromkeys("union unionist".split(), "LAB"),  # trade unions; the European or African Union are named bodies
    **dict.fromkeys("teacher doctor nurse pupil passenger shopper voter peasant tourist people person".split(), "CVL"),
}
# Of the group named before them ("rebel leaders") or after "of" ("members of the opposition")
GROUP_ROLES = frozenset({"leader", "member", "official", "spokesman", "figure", "chief", "head"})
MODIFIER_DEPS = frozenset({"compound", "amod"})
UNKNOWN_STATE = "---"  # CAMEO's code for an actor whose country is not known
GROUP_CODES = frozenset({*GROUP_SECTORS.values(), "COP"})  # a group with no country still says who acted
PERSON_PRONOUNS = frozenset({"he", "his", "him", "she", "her"})
SPEAKER_PLURAL = frozenset({"we", "our", "us", "ours"})
IDEAL_NOUNS = frozenset({"value", "ideal", "principle", "culture", "tradition", "heritage", "spirit"})
# A whole people, a group only with its country named: "the people of Ukraine" (a proclamation's "the people" is none)
PEOPLE_NOUNS = frozenset({"people", "population"})
FIRST_PERSON = SPEAKER_PLURAL | {"i", "my", "me"}
FIRST_PERSON_FORMS = FIRST_PERSON | {word.capitalize() for word in FIRST_PERSON}  # as written: "US" is no pronoun
POLICE_NOUNS = frozenset(["guard", "police", "coastguard"])
GOVERNMENT_NOUNS = frozenset(
    "government ministry official administration leader diplomat cabinet envoy authority politician regime junta"
    " negotiator".split()
)
# "Tens of thousands of students", "a group of Moroccan diplomats": the actor is the noun after "of"
COLLECTIVE_NOUNS = frozenset(
    "group team delegation member dozen hundred thousand ten million number crowd band contingent some many score handful"
    " mission".split()
)
# Titles that make an unknown named person a state actor ("President Levy Mwanawasa"), with their sector
PERSON_TITLES = {
    **dict.fromkeys("president premier minister chancellor king emir sultan governor mayor prince ruler".split(), "GOV"),
    **dict.fromkeys("secretary spokesman spokeswoman spokesperson ambassador envoy senator".split(), "GOV"),
    **dict.fromkeys("general gen. colonel col. commander admiral".split(), "MIL"),
}
# words of a title written into a name ("King Abdullah", "Crown Prince Mohammed"), not the name itself
NAME_TITLES = frozenset({*PERSON_TITLES, "crown", "mr", "mrs", "ms", "dr", "his", "her", "majesty", "highness", "excellency"})
PRONOUNS = frozenset({"it", "its", "they", "their", "them", "he", "his", "him", "she", "her"})
_STOP_DEPS = frozenset({"relcl", "acl", "prep", "punct", "cc", "conj", "appos", "advcl"})


def phrase_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by ``head``, without clauses or prepositional tails."""
    tokens = [head]
    stack = [child for child in head.children if child.dep_ not in _STOP_DEPS]
    while stack:
        token = stack.pop()
        tokens.append(token)
        # "Chinese and Russian aircraft": coordinated modifiers belong to the phrase
        stack.extend(
            child
            for child in token.children
            if child.dep_ not in _STOP_DEPS or (token.dep_ in ("compound", "amod", "nmod") and child.dep_ in ("conj", "cc"))
        )
    ent = entity_at(head.doc, head.i)
    if ent is not None:  # keep whole entities such as "Sea of Japan" or "Secretary of Defense Pete Hegseth"
        tokens.extend(ent)
    return sorted(set(tokens), key=lambda token: token.i)


def entities_in(tokens: list[Token]) -> list[Span]:
    """The actor-like entities that cover any of ``tokens``."""
    if not tokens:
        return []
    doc = tokens[0].doc
    found: dict[int, Span] = {}
    for token in tokens:
        ent = entity_at(doc, token.i)
        if ent is not None and ent.label_ in ACTOR_LABELS:
            found[ent.start] = ent
    return [found[start] for start in sorted(found)]


def office_holder(tokens: list[Token], kb: KnowledgeBase, when: date | None) -> Entity | None:
    """'Japan's defence minister' is whoever held that office on the date of the text."""
    if when is None:
        return None
    phrase = " ".join(token.lower_ for token in tokens if token.dep_ != "poss" or token.ent_type_ == "")
    title = next((t for t in kb.office_titles if f" {t} " in f" {phrase} "), None)
    if title is None:
        return None
    countries = [e for ent in entities_in(tokens) if (e := kb_entity(ent, kb)) is not None and e.kind in ("country", "capital")]
    office = kb.office_for(countries[0].country if countries else None, title) if countries else None
    return kb.holder(office.id, when) if office else None


def actor_for(entity: Entity, mention: str, head: Token | None, when: date | None) -> Actor | None:
    """The Actor an entity stands for at a date, refined by the head noun of the mention."""
    if entity.kind == "place":
        return None
    country = entity.country
    sector = entity.sector
    code = entity.code or country or ""
    if entity.kind == "person":
        sector, code = _person_role(entity, when)
    elif entity.kind == "country" and head is not None:
        sector = _group_sector(head) or _title_sector(head)  # "Colombian President Alvaro Uribe": COLGOV
        if _names_a_people(entity, mention) and head.lemma_.lower() not in REGIONAL_GOVERNMENTS:
            sector = PEOPLES_ARMED.get(sector or "", sector)  # "the Catalan government" stays a government
        code = f"{country}{sector}" if sector else code
    elif entity.kind == "capital" and head is not None and (organ := _sector_of_noun(head)) in ("COP", "MIL"):
        sector, code = organ, f"{country}{organ}"  # "Beijing police": the state's police, not its government
    if not code:
        return None
    return Actor(text=mention, name=entity.name, code=code, country=country, sector=sector, kb_id=entity.id)


# A people's armed men are rebels, and its leaders or its people as such are civilians, not the state: "Tigrayan
# forces", "Yoruba leaders", "Tibetans"
PEOPLES_ARMED = {"MIL": "REB", "": "CVL", "GOV": "CVL", "COP": "CVL", "JUD": "CVL", "LEG": "CVL"}
REGIONAL_GOVERNMENTS = frozenset({"government", "administration", "authority", "cabinet", "parliament"})


def _names_a_people(country: Entity, mention: str) -> bool:
    """'Tigrayan forces', 'Rohingya refugees': a people of the country's regions, not the country or its state."""
    if not country.peoples:
        return False
    written = [word.lower() for word in mention.replace("-", " ").split()]
    words = {*written, *(word.removesuffix("s") for word in written)}  # "Tigrayans", and "Québécois" as written
    state_names = {name.lower() for name in (country.name, *country.aliases, *country.demonyms)}
    return any(people.lower() in words for people in country.peoples) and not words & state_names


def _title_sector(head: Token) -> str | None:
    """The sector a title before a named person gives ('President', 'Gen.'), when the name is the phrase's head."""
    if head.ent_type_ != "PERSON":
        return None
    titles = [PERSON_TITLES[c.lower_] for c in head.children if c.dep_ == "compound" and c.lower_ in PERSON_TITLES]
    return titles[0] if titles else None


def _person_role(person: Entity, when: date | None) -> tuple[str | None, str]:
    """(sector, code) of a person: from the office held on the date, else the latest office."""
    term = person.term_at(when) if when else None
    if term is None and person.terms:
        term = max(person.terms, key=lambda t: t.valid_from)
    sector = "MIL" if term and "defence" in term.office else "GOV" if term else None
    return sector, f"{person.country}{sector or ''}"


def common_lemma(token: Token) -> str:
    """The lower-case lemma; a sentence's first word tagged as a name for its capital ('Rockets launched by ...',
    'Rebels in Mombasa reject ...') keeps its plural as lemma, so a plain plural is made singular as the common noun
    it is; so is a capitalised title in the plural ('the National Security Advisors of ...')."""
    word = token.lower_
    plural_name = token.pos_ == "PROPN" and word.endswith("s") and not word.endswith("ss")
    if plural_name and ((token.is_sent_start and not token.ent_type_) or word[:-1] in PLURAL_TITLES):
        return word[:-1]
    return token.lemma_.lower()


def _sector_of_noun(head: Token) -> str | None:
    lemma = common_lemma(head)
    if lemma in COUNTED_ONLY and not _counted(head):
        return None
    civilian = {CIVILIAN_CRAFT.get(child.lower_) for child in head.children if child.dep_ in MODIFIER_DEPS} - {None}
    if (lemma in CRAFT_NOUNS or lemma == "bomber") and civilian:  # "a cargo ship", "a passenger jet", "a suicide bomber"
        return civilian.pop()
    if lemma in FACILITY_NOUNS:  # "a military base", "a police station": whoever holds it
        owners = {FACILITY_OWNERS.get(child.lemma_.lower()) for child in head.children if child.dep_ in MODIFIER_DEPS}
        return next((owner for owner in ("COP", "MIL") if owner in owners), None)
    if head.lower_ in CROWD_NUMBERS and head.dep_ in ("nsubj", "nsubjpass", "pobj"):  # "tens of thousands took to the streets"
        return "CVL"
    if lemma in POLICE_NOUNS or (lemma == "guard" and any(c.lower_ == "coast" for c in head.children)):
        return "COP"
    if lemma in MILITARY_NOUNS:
        return "MIL"
    if lemma in GROUP_SECTORS:
        return GROUP_SECTORS[lemma]
    if lemma == "force" and any(child.lower_ == "security" for child in head.children):
        return "COP"
    if lemma in GOVERNMENT_NOUNS:
        return "GOV"
    return PERSON_TITLES.get(lemma) if _common_noun(head) else None  # "Kenya's president", "The Federal Minister"


# Modifiers that make a ship or an aircraft civilian, and the sector of those aboard; a suicide bomber is a person
CRAFT_NOUNS = frozenset("ship vessel boat tanker freighter aircraft plane jet airliner helicopter drone".split())
CIVILIAN_CRAFT = {
    **dict.fromkeys("cargo merchant container commercial freight oil".split(), "BUS"),
    **dict.fromkeys("fishing passenger cruise civilian".split(), "CVL"),
    **dict.fromkeys(("suicide", "car"), "UAF"),
}
# Places of the armed forces and the police, attacked in their stead: the holder is the recipient
FACILITY_NOUNS = frozenset("base headquarters station post checkpoint depot barracks outpost convoy garrison".split())
FACILITY_OWNERS = {**dict.fromkeys(("military", "army", "navy", "naval", "air"), "MIL"), "police": "COP"}
# A crowd named by its size alone, reached after "of" or standing as a subject: "tens of thousands", "hundreds"
# (plural only: "$191 million" is an amount)
CROWD_NUMBERS = frozenset({"thousands", "hundreds", "dozens", "millions"})
# Nouns that name a group only when counted: "five people were killed", not "the people of the state"
COUNTED_ONLY = frozenset({"people", "person"})
# Sector nouns that as a modifier describe a thing, not its people: "union jobs", "terrorist attack", "people power"
# "firm" before a noun is mostly the adjective ("a firm commitment"), not a company
NOT_AS_MODIFIER = frozenset({"union", "unionist", "people", "person", "terrorist", "firm"})
COUNTING_WORDS = frozenset({"several", "many", "dozens", "hundreds", "thousands", "scores", "one"})
# Heads whose sector is the word before them: "rebel units" and "rebel commanders" are rebels, not soldiers
GROUP_HEADS = GROUP_ROLES | frozenset("group unit movement faction cell fighter force commander".split())


def _counted(head: Token) -> bool:
    """'Five people', 'at least 11 people', 'hundreds of people'; outside any name ('People Power Party')."""
    if head.ent_type_ and head.ent_type_ not in ("CARDINAL", "QUANTITY"):
        return False
    counter = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    numbered = counter is not None and (counter.like_num or counter.lemma_.lower() in COLLECTIVE_NOUNS)
    counts = ("nummod", "quantmod")
    return numbered or any(c.dep_ in counts or c.like_num or c.lower_ in COUNTING_WORDS for c in head.children)


# "US allies" names the allies, not the US; "Vietnam veterans" fought in Vietnam and are no Vietnamese
RELATION_NOUNS = frozenset("ally partner neighbor neighbour rival adversary enemy foe critic veteran".split())


def actors_of(head: Token, ctx: DocContext, pronouns: bool = True) -> list[Actor]:
    """Actors named by the phrase headed by ``head`` and its conjuncts ("the US and Japan", "protesters and police").

    "US allies" names the allies, not the US: a relation noun with a modifier yields no actor.
    """
    actors: list[Actor] = []
    head = _relative_antecedent(head)
    if head.lemma_.lower() in IDEAL_NOUNS:  # "our commitment to American values": no one acts or undergoes
        return []
    nominal_conjuncts = [
        token for token in (*head.conjuncts, *_listed_as_apposition(head)) if token.pos_ in ("NOUN", "PROPN", "PRON")
    ]
    for phrase in (head, *nominal_conjuncts):
        token = collective_head(phrase)
        # "its neighbour Vietnam", "regional rival Japan's Prime Minister": the one named beside the relation
        named = _named_beside(token) if token.lemma_.lower() in RELATION_NOUNS else [token]
        found = [actor for part in named for actor in _actors_of_one(part, ctx, pronouns)]
        if not found and token is not phrase:  # "a team of monitors from the African Union": the team says whose
            found = _officials_of_countries(phrase, ctx)
        for actor in found:
            _add(actors, actor)
    return _drop_less_specific(actors)


def _persons(token: Token) -> bool:
    """'they', 'the leaders', 'the two presidents': people, who are first those who last met or spoke."""
    return token.lower_ == "they" or token.lemma_.lower() in PERSON_TITLES or token.lemma_.lower() == "leader"


def _listed_as_apposition(head: Token) -> list[Token]:
    """'President Boric of Chile, President Arce of Bolivia, Prime Minister Torres ... and President Petro met': the
    parser hangs the second name of a list on the first as an apposition, the rest as its conjuncts. A person
    beside a person, with more names joined to it, is the list's next item, not the first one named again."""
    appositions = [child for child in head.children if child.dep_ == "appos"]
    if not appositions or not _a_person(head):
        return []
    appositions = [child for child in appositions if _a_person(child)]
    listed = [child for child in appositions if child.conjuncts or head.conjuncts]
    return [token for item in listed for token in (item, *item.conjuncts)]


def _listed_places(place: Token) -> list[Token]:
    """'of Australia, Brazil, Bulgaria and Canada', the parser hanging 'Brazil' on 'Australia' as an apposition and the
    rest on it: a place beside a place, with more joined to it, continues the list."""
    listed = [child for child in place.children if child.dep_ == "appos" and child.ent_type_ == "GPE" and child.conjuncts]
    return [token for item in listed for token in (item, *item.conjuncts)]


def _a_person(token: Token) -> bool:
    """A person's name or title: 'Olaf Scholz', 'Chancellor', 'Prime Minister'."""
    return token.ent_type_ == "PERSON" or (token.pos_ in ("NOUN", "PROPN") and common_lemma(token) in PERSON_TITLES)


def meet_the_people(ctx: DocContext) -> None:
    """Place every titled or known person the document names, so that 'the President' or 'Gallant' later can be told
    apart from the start: a title only one person of the whole text holds is that person's."""
    for ent in ctx.parsed.ents:
        if ent.label_ == "PERSON":
            actors_of(ent.root, ctx, pronouns=False)


def _named_beside(relation: Token) -> list[Token]:
    """Who a relation noun names: the one in apposition ('its neighbour Vietnam'), or for allies of an alliance the
    alliance acting together ('NATO allies agreed to extend the mission'); 'US allies' names no one."""
    appositions = [child for child in relation.children if child.dep_ == "appos"]
    # "NATO allies Albania and Belarus held ...", parsed as two subjects: the allies are named beside
    named_next = any(sibling.dep_ == relation.dep_ and sibling.i != relation.i for sibling in relation.head.children)
    if appositions or relation.lemma_.lower() != "ally" or named_next:
        return appositions
    return [child for child in relation.children if child.dep_ == "compound" and child.ent_type_ == "ORG"]


def _relative_antecedent(token: Token) -> Token:
    """'Chinese troops who attacked Indian soldiers', 'a lawmaker who was accused': the relative pronoun stands for
    the noun its clause describes."""
    clause = token.head
    if token.tag_ in ("WP", "WDT") and clause.dep_ == "relcl" and clause.head.i != clause.i:
        return clause.head
    return token


def _actors_of_one(token: Token, ctx: DocContext, pronouns: bool) -> list[Actor]:
    """The actors one conjunct names: an office holder, named entities, else the first fallback that finds any."""
    tokens = phrase_tokens(token)
    holder = office_holder(tokens, ctx.kb, ctx.anchor) if not any(t.ent_type_ == "PERSON" for t in tokens) else None
    if holder is not None:
        found = actor_for(holder, " ".join(t.text for t in tokens), token, ctx.anchor)
        return [found] if found is not None else []
    actors: list[Actor] = []
    for ent in entities_in(tokens):
        entity = _as_actor(kb_entity(ent, ctx.kb), ent, ctx.kb)
        for named in [ctx.kb.metonym(entity)] if entity is not None else dyad_entities(ent, ctx.kb):
            _add(actors, actor_for(named, ctx.original_text(ent), token, ctx.anchor))
    if actors:
        people.remember(tokens, actors, ctx, NAME_TITLES)
        return actors
    if token.pos_ == "PROPN" and not token.ent_type_:  # "Ethopia has agreed": untagged, misspelt
        _add(actors, _misspelt_country(token, ctx))
    if not actors:
        _add(actors, _administration_of(token, ctx))
    if not actors and token.lower_ in FIRST_PERSON and token.pos_ == "PRON":  # "us", not "US"
        actors.extend(_speakers(token, ctx))
    if not actors and names_a_pair(token):
        actors.extend(last_pair(token, ctx, " ".join(t.text for t in tokens), _persons(token)))
    if not actors and pronouns and token.lower_ in PRONOUNS:
        actors.extend(_clause_antecedent(token, ctx) or _subject_above(token, ctx) or _antecedents(token.lower_, ctx))
    if not actors and pronouns:
        actors.extend(_their_state(token, ctx))
    if not actors:
        actors.extend(_officials_of_countries(token, ctx))
    if actors:
        return actors
    # the person in apposition, where it says whose ("Presidents Vladimir Putin and Hassan Rouhani"); else the group
    in_apposition = [actor for apposition in _person_in_apposition(token) for actor in _actors_of_one(apposition, ctx, False)]
    if any(actor.country or actor.kb_id for actor in in_apposition):
        return in_apposition
    group = (
        _group_actor(token, tokens, ctx) or people.named_before(tokens, ctx, NAME_TITLES) or _titled_person(tokens, token, ctx)
    )
    if group is not None and group.sector in PERSON_TITLES.values():
        people.remember(tokens, [group], ctx, NAME_TITLES)  # "Crown Prince Mohammed bin Salman of ... Saudi Arabia"
    return [group] if group is not None else in_apposition


def _person_in_apposition(token: Token) -> list[Token]:
    """A person named by title and name in turn, either way round: 'the then president, Goodluck Jonathan',
    'Zabihullah Mujahid, the Taliban spokesman'. Other appositions describe a thing ('Bhutan, a kingdom between
    China and India') and name no one who acts."""
    if not (token.ent_type_ == "PERSON" or _person_noun(token)):
        return []
    appositions = [child for child in token.children if child.dep_ == "appos"]
    return [
        a for a in appositions if (a.ent_type_ == "PERSON") != (token.ent_type_ == "PERSON") and (a.ent_type_ or _person_noun(a))
    ]


def _person_noun(token: Token) -> bool:
    """A noun for a person's office, role or walk of life ('the minister', 'Algeria's leading activist')."""
    lemma = token.lemma_.lower()
    known = lemma in PERSON_TITLES or lemma in GOVERNMENT_NOUNS or lemma in GROUP_ROLES or lemma in GROUP_SECTORS
    return _common_noun(token) and known


def _common_noun(token: Token) -> bool:
    """A common noun, also when capitalised as a title and tagged a name ('The Federal Minister for Trade')."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and not token.ent_type_)


def _administration_of(head: Token, ctx: DocContext) -> Actor | None:
    """'The Bush administration', 'the Clinton government': a leader's government, by the leader's surname, when
    every person of that surname in the KB led or served the same country."""
    if head.lemma_.lower() not in ("administration", "government", "regime", "cabinet"):
        return None
    for child in head.children:
        if child.dep_ in ("compound", "poss") and child.ent_type_ == "PERSON" and not child.n_lefts:
            country = ctx.kb.surname_country(child.text)
            if country is not None and country.country:
                return _group_of(country.country, "GOV", f"{child.text} {head.text}")
    return None


def _misspelt_country(token: Token, ctx: DocContext) -> Actor | None:
    country = ctx.kb.misspelt_country(token.text)
    return actor_for(country, token.text, token, ctx.anchor) if country is not None else None


def collective_head(token: Token) -> Token:
    """'Thousands of striking nurses' names nurses; 'a group of diplomats' names diplomats."""
    for _ in range(3):
        if token.lemma_.lower() not in COLLECTIVE_NOUNS and token.pos_ != "NUM":
            break
        of = next((child for child in token.children if child.dep_ == "prep" and child.lower_ == "of"), None)
        pobj = next((child for child in of.children if child.dep_ == "pobj"), None) if of is not None else None
        if pobj is None:
            break
        token = pobj
    return token


ARMED_SERVICES = frozenset({"army", "navy", "military", "force", "troop"})  # "the armies of Brazil and Argentina"
# People sent on a body's or a state's behalf: "monitors from the Arab League", "a delegation from the European Union"
ENVOY_NOUNS = frozenset("delegation mission observer monitor inspector delegate representative emissary".split())


# "the National Security Advisers of Ghana and Togo"; one adviser is found by name, the title alone places no one
ADVISER_NOUNS = frozenset({"adviser", "advisor"})
OFFICIAL_NOUNS = GOVERNMENT_NOUNS | ENVOY_NOUNS | ADVISER_NOUNS
PLURAL_TITLES = frozenset(PERSON_TITLES) | ADVISER_NOUNS | GOVERNMENT_NOUNS  # "the National Security Advisors of ..."


def _officials_of_countries(head: Token, ctx: DocContext) -> list[Actor]:
    """'The foreign ministers of India and Pakistan', 'the leaders of France and Germany': each country's state
    organ (its government, or its military for a commander or 'the armies of Brazil and Argentina'); 'ministers from
    the Group of Seven', 'a spokesman for the Taliban', the body itself. A single holder of an office ('the foreign
    minister of Japan') is found by name before this."""
    lemma = common_lemma(head)
    sector = PERSON_TITLES.get(lemma) or ("GOV" if lemma in OFFICIAL_NOUNS else None)
    sector = sector or ("MIL" if lemma in ARMED_SERVICES else None)
    if sector is None or (head.pos_ != "NOUN" and lemma == head.lemma_.lower()):  # not "President Ruto": a name
        return []
    preps = ("of", "for") if _leaving(head) else ("of", "from", "for")  # "withdrew its forces from Syria"
    places = [pobj for prep in head.children if prep.dep_ == "prep" and prep.lower_ in preps for pobj in prep.children]
    actors: list[Actor] = []
    for place in [token for pobj in places if pobj.dep_ == "pobj" for token in (pobj, *pobj.conjuncts, *_listed_places(pobj))]:
        ent = entity_at(place.doc, place.i)
        found = _as_actor(kb_entity(ent, ctx.kb), ent, ctx.kb) if ent is not None and ent.label_ in ACTOR_LABELS else None
        if found is not None and ent is not None and found.kind == "organisation":  # "foreign ministers from the G7"
            _add(actors, actor_for(found, f"{head.text} {place.head.text} {ent.text}", head, ctx.anchor))
            continue
        country = ctx.kb.country(found.country) if found is not None and found.kind == "country" and found.country else None
        if country is not None and country.country:
            _add(actors, _group_of(country.country, sector, f"{head.text} of {ent.text}" if ent is not None else head.text))
        elif ent is None and lemma in ENVOY_NOUNS:
            _add(actors, _sent_by_a_group(head, place, ctx))
    return actors


def _sent_by_a_group(envoys: Token, group: Token, ctx: DocContext) -> Actor | None:
    """'Representatives from Egyptian civil society groups': the envoys of a group a demonym places speak for that
    country's group, of the group's sector where its noun gives one."""
    country = _named_with(group, ctx)
    if country is None or not country.country:
        return None
    text = " ".join(t.text for t in envoys.subtree if t.dep_ not in ("det", "punct"))
    return _group_of(country.country, _group_sector(group), text)


def _group_of(country: str, sector: str | None, text: str) -> Actor:
    """A country's organ or group the KB does not name: 'forces of Mali' (MLIMIL), 'the Bush administration' (USAGOV)."""
    return Actor(text=text, name=text, code=f"{country}{sector or ''}", country=country, sector=sector, kb_id=None)


def _titled_person(tokens: list[Token], head: Token, ctx: DocContext) -> Actor | None:
    """A named person the KB does not know, made a state actor by a title: 'President Levy Mwanawasa' is GOV.

    The country is unknown unless the phrase names it (then the country's entity already gave the actor) or an
    'of' or 'from' after the name does ('Crown Prince Mohammed bin Salman of the Kingdom of Saudi Arabia').
    """
    person = next((ent for ent in entities_in(tokens) if ent.label_ == "PERSON"), None)
    if person is None:
        return None
    words = [token.lower_ for token in tokens if token.i < person.end]
    sector = next((PERSON_TITLES[word] for word in words if word in PERSON_TITLES), None)
    if sector is None:
        return None
    text = " ".join(t.text for t in tokens)
    located = _located_in(head, ctx)
    country = located.country if located is not None else None
    code = f"{country}{sector}" if country else sector
    return Actor(text=text, name=person.text, code=code, country=country, sector=sector, kb_id=None)


def _their_state(head: Token, ctx: DocContext) -> list[Actor]:
    """'Modi said his country would keep the tariffs': 'his country', 'its government' are the state of the one
    the possessive refers to (the speaker of the clause, else the last subject)."""
    possessive = _possessive(head)
    if possessive is None or head.lemma_.lower() not in ("country", "nation", "government"):
        return []
    entity = _possessors_country(head, ctx)
    if entity is None or entity.country is None:
        return []
    sector = "GOV" if head.lemma_.lower() == "government" else None
    code = f"{entity.country}{sector or ''}"
    text = f"{possessive.text} {head.text}"
    return [Actor(text=text, name=entity.name, code=code, country=entity.country, sector=sector, kb_id=entity.id)]


def _clause_antecedent(pronoun: Token, ctx: DocContext) -> list[Actor]:
    """'Taiwan said it had dispatched ...': a pronoun in a reported clause is the speaker; through a clause whose own
    subject names no one ('the cabinet has stated plainly it would keep the tariffs'), the speaker above it."""
    verb = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return []
    for _ in range(3):
        if verb.dep_ not in CLAUSE_DEPS or verb.head.i == verb.i:
            return []
        subject = next((child for child in verb.head.children if child.dep_ == "nsubj"), None)
        found = actors_of(subject, ctx, pronouns=False) if subject is not None else []
        if subject is not None and found and pronoun.lower_ in PERSON_PRONOUNS and not _names_a_person(subject, found):
            found = []  # "Trump said North Korea must act before he would ...": 'he' is no country
        elif found or (subject is not None and subject.pos_ != "PRON"):
            return found
        verb = verb.head
    return []


CLAUSE_DEPS = frozenset({"ccomp", "advcl", "xcomp"})


def _names_a_person(subject: Token, found: list[Actor]) -> bool:
    return (
        subject.ent_type_ == "PERSON"
        or _person_noun(subject)
        or any((actor.kb_id or "").startswith("person.") for actor in found)
    )


def _subject_above(pronoun: Token, ctx: DocContext) -> list[Actor]:
    """'Ajak was released after President Kiir pardoned him', 'Obama is ending his trip in Paris, where he had lunch
    with Macron': an object pronoun, or the subject of a relative clause, stands for the subject of a clause above
    its own, named before it and of its kind (a person for 'he' or 'him', anyone else for 'it' or 'they'); never for
    its own clause's subject."""
    clause = pronoun.head
    subject_of_relative = pronoun.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "relcl"
    if not (subject_of_relative or pronoun.dep_ in ("dobj", "dative", "pobj")):
        return []
    person = pronoun.lower_ in PERSON_PRONOUNS
    for verb in (a for a in clause.ancestors if a.pos_ in ("VERB", "AUX")):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.i > pronoun.i or subject.pos_ == "PRON":
            continue
        named_person = subject.ent_type_ == "PERSON" or subject.lemma_.lower() in PERSON_TITLES
        return actors_of(subject, ctx, pronouns=False) if named_person == person else []
    return []


def _speakers(pronoun: Token, ctx: DocContext) -> list[Actor]:
    """'We', 'our', 'I' in a statement a government published: that government, with the partners of a joint
    statement for 'we'; those a 'we' names beside it ('We – the Leaders of Ghana, Togo and Benin – convened'). Not
    inside a quotation, where someone else speaks."""
    named = [actor for appos in pronoun.children if appos.dep_ == "appos" for actor in actors_of(appos, ctx, pronouns=False)]
    if named:
        return named
    if not ctx.issuers or _quoted(pronoun) or (pronoun.lower_ not in SPEAKER_PLURAL and len(ctx.issuers) > 1):
        return []
    return [dataclasses.replace(issuer, text=pronoun.text) for issuer in ctx.issuers]


def _quoted(token: Token) -> bool:
    """Inside quotation marks within its sentence."""
    before = token.doc[token.sent.start : token.i].text
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


def _antecedents(pronoun: str, ctx: DocContext) -> list[Actor]:
    """The last subject of the text that a pronoun can refer to: he/she a person, it/they a group or state."""
    people = pronoun in PERSON_PRONOUNS
    fitting = [actor for actor in ctx.last_subjects if (actor.kb_id or "").startswith("person.") == people]
    return fitting[:2] if pronoun in ("they", "their", "them") else fitting[:1]


def _group_actor(head: Token, tokens: list[Token], ctx: DocContext) -> Actor | None:
    """'Rebels', 'university students', 'security forces': a group the KB does not name, coded by sector.

    'Rebels in Niger', 'authorities in Nepal': a country after in/from/of makes it that country's group
    (then a government or military noun qualifies too).
    """
    sector = _group_sector(head)
    if sector is None and head.lemma_.lower() in PEOPLE_NOUNS:
        sector = "CVL" if _located_in(head, ctx) is not None else None
    if sector is None:
        return None
    country = _located_in(head, ctx) or _town_before(head, ctx) or _speakers_country(head, ctx) or _possessors_country(head, ctx)
    text = " ".join(token.text for token in tokens if token.dep_ not in ("det", "punct") or token.pos_ == "PRON")
    if country is not None and country.country:
        return _group_of(country.country, sector, text)
    if head.text[:1].isupper() and head.lemma_.lower() in PERSON_TITLES:  # "the President", "the King"
        earlier = _the_one_so_titled(head, tokens, ctx)
        if earlier is not None or ctx.issuers:  # in a government's own papers, not guessed otherwise
            return earlier
    # "the army", "soldiers": a state's organ, whose state the event's place or other side may tell
    code = sector if sector in GROUP_CODES else f"{UNKNOWN_STATE}{sector}"
    return Actor(text=text, name=text, code=code, country=None, sector=sector, kb_id=None)


def _the_one_so_titled(head: Token, tokens: list[Token], ctx: DocContext) -> Actor | None:
    """'The President' after 'President Donald J. Trump': the one person the text so titled. In a government's own
    papers its own holder of the title may go unnamed, so a guest's title is taken only where the government has no
    such office ('the Prime Minister' of a White House readout is the guest)."""
    earlier = people.titled_before(head, ctx)
    home = {issuer.country for issuer in ctx.issuers}
    if earlier is None or not home or earlier.country in home:
        return earlier
    title = " ".join(t.text for t in tokens if t.dep_ != "det")
    return None if any(ctx.kb.office_for(country, title) for country in home) else earlier


def _group_sector(head: Token) -> str | None:
    """The sector of a group's head noun, or of the group word before a role ('rebel leaders', 'militia units');
    a title keeps its own ('Myanmar's civilian president' is no civilian)."""
    lemma = head.lemma_.lower()
    of_group = _sector_named_with(head) if lemma not in PERSON_TITLES or lemma in GROUP_HEADS else None
    return of_group if of_group and lemma in GROUP_HEADS else _sector_of_noun(head) or of_group


def _sector_named_with(head: Token) -> str | None:
    """The sector a modifier gives ('student groups', 'rebel units', 'opposition leaders') or, for a member or
    leader, the group after 'of' ('members of the opposition', 'the chief of the armed forces')."""
    role = head.lemma_.lower() in GROUP_HEADS
    for child in head.children:
        lemma = child.lemma_.lower()
        if child.dep_ in MODIFIER_DEPS and lemma in GROUP_SECTORS and lemma not in NOT_AS_MODIFIER:
            return GROUP_SECTORS[lemma]
        if role and child.dep_ == "poss" and child.tag_ == "NNS" and lemma in GROUP_SECTORS:  # "the rebels' military leader"
            return GROUP_SECTORS[lemma]
        if child.dep_ == "compound" and lemma in GROUP_ROLES and (sector := _sector_named_with(child)):
            return sector  # "opposition leader Juan Guaido"
    if head.lemma_.lower() not in GROUP_ROLES:
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for group in prep.children:
                if group.dep_ == "pobj" and not group.ent_type_:
                    return _sector_named_with(group) or _sector_of_noun(group)
    return None


def _possessors_country(head: Token, ctx: DocContext) -> Entity | None:
    """'China ... expanded the aggressive use of its Coast Guard', 'Russia moved its troops': the group of the one the
    possessive refers to, when that is one country."""
    possessive = _possessive(head)
    if possessive is None:
        return None
    owners = _clause_antecedent(head, ctx) or _clause_subject(head, ctx) or _antecedents(possessive.lower_, ctx)
    states = {owner.country for owner in owners if owner.country}
    return ctx.kb.country(states.pop()) if len(states) == 1 else None


def _clause_subject(token: Token, ctx: DocContext) -> list[Actor]:
    """The subject of the clause a phrase sits in ('Russia moved its troops': Russia), the phrase itself excepted."""
    verb = next((ancestor for ancestor in token.ancestors if ancestor.pos_ in ("VERB", "AUX")), None)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
    if subject is None or subject.i == token.i or token.i in {t.i for t in subject.subtree}:
        return []
    return actors_of(subject, ctx)


def _possessive(head: Token) -> Token | None:
    return next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("his", "her", "its", "their")), None)


def _speakers_country(head: Token, ctx: DocContext) -> Entity | None:
    """'my Administration', 'our forces' in a statement one government published: that government's country."""
    speaker = any(child.dep_ == "poss" and child.lower_ in FIRST_PERSON and child.pos_ == "PRON" for child in head.children)
    countries = {issuer.country for issuer in ctx.issuers}
    if not speaker or len(countries) != 1 or _quoted(head):
        return None
    return ctx.kb.country(countries.pop())


def _town_before(head: Token, ctx: DocContext) -> Entity | None:
    """'Cleveland police', 'Mosul residents', 'Lagos protesters': the country of a town the geoparser placed, named as
    the group's modifier (a town the tagger reads as a demonym or part of a name is not placed, and gives none)."""
    for child in head.children:
        ent = entity_at(child.doc, child.i) if child.dep_ in ("compound", "nmod", "amod") else None
        place = ctx.place_by_start.get(ent.start_char) if ent is not None and ent.label_ in ("GPE", "LOC", "NORP") else None
        if place is not None and place.country and (country := ctx.kb.country(place.country)) is not None:
            return country
    return None


def _located_in(head: Token, ctx: DocContext) -> Entity | None:
    """The country named in 'in X' / 'from X' / 'of X' after a group noun, or None."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "at":  # "dock workers at the main terminal in Chile"
            found = next((c for pobj in prep.children if pobj.dep_ == "pobj" and (c := _located_in(pobj, ctx))), None)
            if found is not None:
                return found
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "from", "of", "throughout"):
            continue
        if prep.lower_ == "from" and _leaving(head):  # "the withdrawal of forces from Iraq": not Iraq's forces
            continue
        for pobj in _place_objects(prep):
            ent = entity_at(pobj.doc, pobj.i) if pobj.dep_ in ("pobj", "dobj") else None
            if (found := _country_named(ent, ("GPE", "LOC", "NORP"), ("country", "capital", "place"), ctx)) is not None:
                return found
            if ent is None and prep.lower_ == "from" and (named := _named_with(pobj, ctx)) is not None:
                return named  # "doctors from two American aid groups"
            if ent is None and prep.lower_ == "of" and head.lemma_.lower() in GROUP_ROLES:
                # "the commander of the army of Mali", "the heads of the three Somali clan militias"
                return _located_in(pobj, ctx) or _named_with(pobj, ctx)
            of_place = [c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"] if ent is None else []
            if of_place and (found := _located_in(pobj, ctx)) is not None:  # "authorities in the former colony of Guinea"
                return found
    return None


# Movements away from a place: after them, "from X" is the place left, not where the group comes from
DEPARTURE_WORDS = frozenset(
    "withdraw withdrawal pull pullout retreat evacuate evacuation remove removal expel expulsion oust".split()
)


def _leaving(group: Token) -> bool:
    """'the withdrawal of forces from Iraq', 'evacuated troops from Kabul': the group moves away from the place."""
    governor = group.head.head if group.dep_ == "pobj" and group.head.lower_ == "of" else group.head
    return group.dep_ in ("pobj", "dobj", "nsubjpass") and governor.lemma_.lower() in DEPARTURE_WORDS


def _place_objects(prep: Token) -> list[Token]:
    """The objects of a preposition, through 'neighboring' when the parser made it a verb ('from neighboring Sudan')."""
    objects = list(prep.children)
    for child in prep.children:
        if child.dep_ == "pcomp" and child.lower_ in ("neighboring", "neighbouring"):
            objects.extend(c for c in child.children if c.dep_ == "dobj")
    return objects


def _named_with(group: Token, ctx: DocContext) -> Entity | None:
    """The country of a demonym or country name modifying a group noun ('Tuvaluan factions')."""
    for child in group.children:
        ent = entity_at(child.doc, child.i) if child.dep_ in MODIFIER_DEPS | {"nmod", "poss"} else None
        if (found := _country_named(ent, ("GPE", "NORP"), ("country", "capital"), ctx)) is not None:
            return found
    return None


def _country_named(ent: Span | None, labels: tuple[str, ...], kinds: tuple[str, ...], ctx: DocContext) -> Entity | None:
    """The country an entity of these labels names, when the KB knows it as one of these kinds."""
    found = kb_entity(ent, ctx.kb) if ent is not None and ent.label_ in labels else None
    if found is None or not found.country or found.kind not in kinds:
        return None
    placed = ctx.place_by_start.get(ent.start_char) if ent is not None and found.kind == "capital" else None
    if placed is not None and placed.country and placed.country != found.country:  # 'in Tripoli', the Lebanese port
        return ctx.kb.country(placed.country)
    return ctx.kb.country(found.country) or found


def _as_actor(entity: Entity | None, ent: Span, kb: KnowledgeBase) -> Entity | None:
    """'EU' names a place and a body: as an actor it is the body."""
    if entity is None or entity.kind != "place":
        return entity
    return next((e for e in kb.lookup(bare(ent.text)) if e.kind in ("organisation", "country", "capital")), entity)


def _add(actors: list[Actor], actor: Actor | None) -> None:
    """Add an actor not yet there; a named person takes the place of their country's title ('Japanese Prime
    Minister Shigeru Ishiba': JPNGOV is Ishiba, not Japan)."""
    if actor is None:
        return
    same = next((i for i, known in enumerate(actors) if known.code == actor.code), None)
    if same is None:
        actors.append(actor)
    elif (actor.kb_id or "").startswith("person.") and (actors[same].kb_id or "").startswith("country."):
        actors[same] = actor


def _drop_less_specific(actors: list[Actor]) -> list[Actor]:
    """'Japan's Air Self-Defense Force' is JPNMIL; keep it, not also JPN. 'Japanese Defense Minister Gen Nakatani' is
    Nakatani (JPNMIL), not also the Japanese state his title names."""
    specific = {actor.country for actor in actors if actor.code != actor.country}
    named = {actor.country for actor in actors if not (actor.kb_id or "").startswith("country.")}
    return [
        actor
        for actor in actors
        if not (actor.code == actor.country and actor.country in specific)
        and not ((actor.kb_id or "").startswith("country.") and actor.country in named)
    ]
