"""One sentence's events reconciled: acts that did not happen, a noun and a verb naming one act, twins merged.

The coder finds every trigger of a sentence on its own; these rules look at the triggers together. An act a demand
or a refusal is about was not done; a promise to concede is the concession; 'flew a joint patrol' is one act; two
readings of one act by one actor are one event.
"""

from __future__ import annotations

from spacy.tokens import Token

from watchfloor.events.clauses import holds_an_attitude
from watchfloor.events.incidents import actor_codes
from watchfloor.events.lexicon import is_nominal
from watchfloor.events.participants import is_infinitive
from watchfloor.records import Actor, Event

OBJECT_DENYING_TYPES = frozenset({"REJECT", "SANCTION", "ACCUSE", "THREATEN", "REQUEST", "SUPPORT"})  # "welcomed the release"
EASING_TYPES = frozenset({"CONCEDE", "RETREAT"})


def reconcile(found: list[tuple[Token, Event]]) -> list[Event]:
    """The events a sentence reports, from every trigger's own reading."""
    return merge_same(prefer_nominal(promised_concessions(realised(fired_in_an_attack(found)))))


def fired_in_an_attack(found: list[tuple[Token, Event]]) -> list[tuple[Token, Event]]:
    """'The rockets launched by the Russian army hit a fuel store': the firing is the attack's own (PLOVER: a
    MOBILIZE reported in the course of an ASSAULT is not coded apart), and who fired is who attacked."""
    launches = {token.i: event for token, event in found if event.event == "MOBILIZE" and token.dep_ == "acl"}
    merged: set[int] = set()
    for token, event in found:
        if event.event != "ASSAULT":
            continue
        weapons = [child for child in token.children if child.dep_ == "nsubj"]
        for launch in (child for weapon in weapons for child in weapon.children if child.i in launches):
            merged.add(launch.i)
            if not event.actor:
                event.actor.extend(launches[launch.i].actor)
                event.explanation["roles"].append(f"actor: who fired '{launch.head.text}' ('{launch.text}')")
    return [(token, event) for token, event in found if token.i not in merged]


def realised(found: list[tuple[Token, Event]]) -> list[tuple[Token, Event]]:
    """Leave out the acts a demand, refusal, threat or accusation is about: in 'the US demanded that Russia
    withdraw its troops', 'called on Israel to ease restrictions', 'rejected calls to release the sailors'
    nothing was withdrawn, eased or released. The demand, refusal or threat is the event; with no recipient
    of its own it takes the act's other actor ('a demand that Israel ease ...') or the act's recipient
    ('threatened to bar polling in Gaza City')."""
    about: dict[int, Event] = {}
    for token, event in found:
        if event.event in OBJECT_DENYING_TYPES:
            heads = [token, *(child for child in token.children if child.dep_ in ("dobj", "pobj", "attr"))]
            clauses = [child for head in heads for child in head.children if child.dep_ in ("ccomp", "xcomp", "acl")]
            # "(rejected calls) to release": the parser often hangs an infinitive on the main verb
            clauses += [child for child in token.children if child.dep_ == "advcl" and is_infinitive(child)]
            if is_nominal(token) and token.dep_ == "dobj":  # "reiterated its demand ... that Israel ease ...", "... to ease"
                clauses += [c for c in token.head.children if c.dep_ == "ccomp" or (c.dep_ == "advcl" and is_infinitive(c))]
            about.update((t.i, event) for clause in clauses for t in clause.subtree)
        elif event.event in EASING_TYPES:  # "lift the curfews that have been imposed", "stop fighting": not done now
            objects = [child for child in token.children if child.dep_ in ("dobj", "nsubjpass")]
            clauses = [c for obj in objects for c in obj.children if c.dep_ in ("relcl", "acl")]
            clauses += [child for child in token.children if child.dep_ == "xcomp"]
            about.update((t.i, event) for clause in clauses for t in clause.subtree)
    for token, event in found:
        outer = about.get(token.i)
        if outer is not None and not outer.recipient:
            # "demand that Israel ease ...": Israel is asked; "threatened to bar polling in Gaza City": the place's
            own = {actor.country for actor in outer.actor}
            outer.recipient.extend([actor for actor in event.actor if actor.country not in own] or event.recipient)
    return [(token, event) for token, event in found if token.i not in about]


def promised_concessions(found: list[tuple[Token, Event]]) -> list[tuple[Token, Event]]:
    """'The military agreed to lift all restrictions', 'vowed to end the curfew': a promise whose content is a
    concession or a retreat is that concession (PLOVER's CONCEDE), not an AGREE; 'vowed to retaliate' is a threat.
    The promise gives way."""
    conceded = {token.i for token, event in found if event.event in ("CONCEDE", "THREATEN")}
    promises = {
        token.i
        for token, event in found
        if event.event == "AGREE" and any(child.dep_ in ("xcomp", "ccomp") and child.i in conceded for child in token.children)
    }
    return [(token, event) for token, event in found if token.i not in promises]


def prefer_nominal(found: list[tuple[Token, Event]]) -> list[Event]:
    """'flew a joint patrol' is one COOPERATE event: a verb whose object is an event of another type gives way.

    A verb whose rule names its object ("ended mediation", "lifted the ban") keeps its own type. A verb that
    refuses, ends, eases or demands its object ("refused talks", "suspended aid", "threatened sanctions", "lifted
    the curfew") is the event and its object is not: the talks and the aid did not happen, no curfew was imposed.
    When both say the same type ("approved a record defense budget") the verb stays: it carries the date.
    """
    nominal = {token.i: event for token, event in found if is_nominal(token)}
    dropped: set[int] = set()
    kept_verbs: set[int] = set()
    for token, event in found:
        if is_nominal(token):
            continue
        rule = event.explanation.get("rule", {})
        required = {*rule.get("requires", []), *rule.get("matched", [])}
        direct = [child for child in token.children if child.dep_ == "dobj"]
        objects = [child for child in direct if child.i in nominal]
        if event.event in OBJECT_DENYING_TYPES | EASING_TYPES:  # "lifted the curfew": no curfew is imposed
            compounds = [c for obj in direct for c in obj.children if c.dep_ == "compound"]  # "ended mediation efforts"
            # "called for talks", "is opposed to Turkish mediation"
            sought = [obj for prep in token.children if _seeks_or_opposes(prep, token) for obj in prep.children]
            dropped.update(child.i for child in (*objects, *compounds, *sought) if child.i in nominal)
        elif event.event == "AGREE":  # "accepted Russian mediation": the mediation the rule names is agreed to, not done
            dropped.update(child.i for child in objects if child.lemma_.lower() in required)
        elif any(nominal[c.i].event != event.event and c.lemma_.lower() not in required for c in objects):
            continue
        kept_verbs.add(token.i)
    return [event for token, event in found if token.i in kept_verbs or (is_nominal(token) and token.i not in dropped)]


def _seeks_or_opposes(preposition: Token, verb: Token) -> bool:
    return preposition.lower_ == "for" or (preposition.lower_ == "to" and holds_an_attitude(verb))


def merge_same(events: list[Event]) -> list[Event]:
    """One event per type and actor in a sentence; an actorless one lends its recipients to its twin."""
    kept: list[Event] = []
    for event in sorted(events, key=lambda e: -e.confidence):
        same_actors = [k for k in kept if actor_codes(k.actor) == actor_codes(event.actor) or not event.actor]
        twin = next((k for k in same_actors if k.event == event.event), None)
        if twin is None:
            kept.append(event)
        else:
            merge_actors(twin.recipient, [a for a in event.recipient if a.country not in {b.country for b in twin.actor}])
    return sorted(kept, key=lambda e: events.index(e))


def merge_actors(into: list[Actor], extra: list[Actor]) -> None:
    """Add actors not yet there; one mention found twice keeps its country where either reading found it."""
    for actor in extra:
        same = next((i for i, known in enumerate(into) if known.code == actor.code or known.text == actor.text), None)
        if same is None:
            into.append(actor)
        elif into[same].country is None and actor.country is not None:
            into[same] = actor
