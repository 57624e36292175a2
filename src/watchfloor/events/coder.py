"""The event coder: PLOVER events from each sentence, with evidence, actors, date and place.

For every sentence the lexicon proposes triggers; the dependency parse supplies the actor and
recipient; the nearest date expression (or the reporting window) dates the event; a locative
place attached to the sentence places it; auxiliary rules mark history, plans, hypotheses and
denials. One event per trigger, merged when two triggers of a sentence say the same thing.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span, Token

from watchfloor.events.auxiliary import (
    auxiliary,
    is_conditional,
    prepared_for,
    refused_intention,
    reported_verb,
    threatened_consequence,
)
from watchfloor.events.dating import date_carried, far_from_the_news, is_baseline, nearest_date, opens_a_paragraph
from watchfloor.events.incidents import one_per_incident
from watchfloor.events.lexicon import Entry, Lexicon, is_nominal, load_lexicon
from watchfloor.events.located import (
    VIOLENT_TYPES,
    arrested_by_the_state_where_it_happened,
    home_affairs,
    locate_groups_by_context,
    own_policy,
    speaking_of_itself,
    the_public_where_it_happened,
)
from watchfloor.events.ontology import Ontology, load_ontology
from watchfloor.events.participants import (
    TOPIC_VERBS,
    Participants,
    alleged_by_reporter,
    compelled,
    is_infinitive,
    moved_forces,
    participants,
    prep_objects,
    settle,
    subject_of,
    unknown_named_subject,
)
from watchfloor.events.recipients import complete_recipients, own_subtree, recipient_from_place
from watchfloor.events.sentence import merge_actors, reconcile
from watchfloor.nlp.context import DocContext
from watchfloor.nlp.dates import reporting_window, resolve_date
from watchfloor.nlp.entities import entities_in
from watchfloor.nlp.mentions import FIRST_PERSON, PRONOUNS, meet_the_people
from watchfloor.nlp.pairs import refers_to_a_pair
from watchfloor.nlp.quantities import sentence_quantities
from watchfloor.records import Actor, Aux, DateSpan, Event, Place, Quantity

LOCATIVE_PREPS = frozenset(
    {"over", "in", "near", "around", "across", "into", "at", "off", "through", "from", "within", "above", "along", "to"}
    | {"inside", "outside"}
)
THREAT_MODES = {"ASSAULT": "violence", "COERCE": "restrict", "SANCTION": "restrict", "REJECT": "relations"}
INHERIT_REACH = 600  # characters: about three sentences of news prose
OBLIGATION_MODALS = frozenset({"must", "should"})
CROWD_SECTORS = frozenset({"CVL", "OPP", "LAB", "REF"})  # the public, in the streets
ACCUSATION_NOUNS = frozenset({"charge", "accusation", "allegation", "claim", "report", "responsibility", "involvement"})
PEACEKEEPING_WORDS = frozenset({"peacekeeping", "peacekeeper", "peace-keeping", "peacekeepers"})
SUBORDINATE_DEPS = frozenset({"relcl", "acl", "advcl", "csubj", "amod", "npadvmod", "pcomp"})
PLACE_PRIORITY = {"sea": 0, "strait": 0, "island": 0, "base": 1, "region": 2, "admin": 2, "other": 3, "city": 3, "country": 4}


@dataclass(slots=True)
class SentenceFacts:
    """What every event of one sentence shares."""

    sentence: Span
    date: DateSpan
    date_tokens: list[tuple[int, int, DateSpan]]
    places: list[tuple[Span, Place]]
    fallback: DateSpan  # the date carried from the sentence before, else the reporting window
    span: tuple[int, int]  # the sentence's offsets in the original text
    countries: set[str] | None = None  # every country the sentence names; filled when a rule first needs it


class EventCoder:
    """Codes the events of one parsed document; build once, call per document."""

    def __init__(self, ontology: Ontology | None = None, lexicon: Lexicon | None = None) -> None:
        self.ontology = ontology or load_ontology()
        self.lexicon = lexicon or load_lexicon()

    def code(self, ctx: DocContext) -> list[Event]:
        events: list[Event] = []
        carried: DateSpan | None = None
        meet_the_people(ctx)
        for sentence in ctx.parsed.sents:
            if opens_a_paragraph(sentence) and far_from_the_news(carried, ctx.anchor):
                carried = None  # background ("a treaty signed in 1960") and plans date their own paragraph only
            facts = self._sentence_facts(sentence, ctx, carried)
            carried = date_carried(facts)
            found: list[tuple[Token, Event]] = []
            triggers = self.lexicon.triggers(sentence)
            obligations = obligations_stated(sentence, triggers)
            demanded_only = {trigger.i for trigger, _ in obligations}  # coded only with someone to do it
            for trigger, entry in [*triggers, *obligations]:
                event = self._event(trigger, entry, facts, ctx, [*events, *(e for _, e in found)], found)
                if event is not None and (event.recipient or trigger.i not in demanded_only):
                    found.append((trigger, event))
                    ctx.last_subjects = list(event.actor) or ctx.last_subjects
                    ctx.last_parties = [*event.actor, *event.recipient] or ctx.last_parties
                    if event.event == "CONSULT" and event.aux is None and _told_as_news(trigger):
                        ctx.last_meeting, ctx.last_meeting_end = ctx.last_parties, sentence.end_char
            events.extend(reconcile(found))
        return one_per_incident(events)

    def _material(self, event: str) -> bool:
        """A material act (cooperation or conflict), not a statement."""
        return self.ontology.types[event].quad in ("M-Conf", "M-Coop")

    def _intent(self, event: str, mode: str | None, aux: Aux | None, trigger: Token) -> tuple[str, str | None, Aux | None]:
        """PLOVER codes a stated intention as its own category, not as category plus 'future'.

        "X will support the resolution" is AGREE; "X will impose sanctions" is THREATEN; "X will not lift the
        ban" is REJECT; "troops prepared to attack" is MOBILIZE, the readiness shown. The statement is the event of the
        day, so it carries no auxiliary flag.
        """
        quad = self.ontology.types[event].quad
        if aux == "negated" and quad in ("V-Coop", "M-Coop") and refused_intention(trigger):
            return "REJECT", None, None
        if event == "ASSAULT" and aux in (None, "future") and prepared_for(trigger):
            return "MOBILIZE", "troops", None
        if aux == "hypothetical" and event in THREAT_MODES and threatened_consequence(trigger):
            return "THREATEN", THREAT_MODES[event], None  # "would respond with force to any attack"
        if aux != "future":
            return event, mode, aux
        if event in ("RETREAT", "CONCEDE"):  # the manual: announced retreats and promised concessions are CONCEDE
            return "CONCEDE", None, None
        if quad in ("V-Coop", "M-Coop"):
            return "AGREE", None, None
        if event in THREAT_MODES:
            return "THREATEN", THREAT_MODES[event], None
        if event == "PROTEST" and _on_condition(trigger):  # "will boycott the elections unless the president steps down"
            return "THREATEN", "restrict", None
        return event, mode, aux

    def _sentence_facts(self, sentence: Span, ctx: DocContext, carried: DateSpan | None) -> SentenceFacts:
        dates = []
        for ent in entities_in(sentence):
            if ent.label_ == "DATE" and not is_baseline(ent) and (resolved := resolve_date(ent.text, ctx.anchor)) is not None:
                dates.append((ent.start, ent.end, resolved))
        fallback = carried or reporting_window(ctx.anchor)
        default = dates[0][2] if dates else fallback
        places = [(ent, place) for ent in entities_in(sentence) if (place := ctx.place_by_start.get(ent.start_char))]
        return SentenceFacts(sentence, default, dates, places, fallback, _sentence_span(sentence, ctx))

    def _event(
        self,
        trigger: Token,
        entry: Entry,
        facts: SentenceFacts,
        ctx: DocContext,
        earlier: list[Event],
        same_sentence: list[tuple[Token, Event]],
    ) -> Event | None:
        if entry.event not in self.ontology.types:
            return None
        parties = self._parties(trigger, entry, ctx)
        if parties is None:
            return None
        found, entry = parties
        where = _place(trigger, facts, {a.kb_id for a in (*found.actor, *found.recipient)})
        locate_groups_by_context(found, where[0], facts, ctx, (entry.event, entry.mode), self._material(entry.event))
        if entry.event == "COERCE" and entry.mode == "arrest":
            arrested_by_the_state_where_it_happened(trigger, found, where[0], ctx)
        if entry.event == "PROTEST" and where[0] is not None and _placed_on(trigger, where[1]):
            the_public_where_it_happened(found, where[0])
        pair = found.actor and all(refers_to_a_pair(actor) for actor in found.actor)
        if pair and _pair_told_again(trigger, found, entry.event, earlier, facts):
            return None
        if not found.actor:
            source = _inherit(found, trigger, entry.event, earlier, facts.sentence, same_sentence)
            if source is not None and source.span != facts.span:
                _enrich(source, found, trigger, facts)  # a re-mention of an earlier event, not a new one
                return None
            settle(found)
            _befalls_the_place(trigger, entry.event, found, facts, ctx)
        if speaking_of_itself(found, ctx) or home_affairs(found, ctx, (entry.event, entry.mode)):
            return None  # "My Administration is committed to ...", "Medicare will negotiate prices": a government at home
        if not found.actor and not found.recipient and not _uncoded_party(trigger, found, ctx):
            return None
        event = self._build(trigger, entry, found, facts, ctx, where)
        return None if own_policy(event, facts, ctx) else event

    def _parties(self, trigger: Token, entry: Entry, ctx: DocContext) -> tuple[Participants, Entry] | None:
        """Who did the act to whom, and the entry that says what it is: an alleged wrongdoing is the reporter's
        accusation (or, told by the writer alone, whatever other entry fits, if any); an act ordered, moved forces,
        roles turned by the verb, and an obligation ("X must ...") as a request."""
        found = alleged_by_reporter(trigger, ctx) if entry.alleged else None
        if entry.alleged and found is None:
            fallback = self.lexicon.match(trigger, alleged=False)
            if fallback is None:
                return None
            entry = fallback
        if found is None:
            found = compelled(trigger, participants(trigger, ctx), ctx, entry.event)
        moved_forces(trigger, found, ctx, entry.event)
        if entry.object_acts and found.recipient:
            found = _object_acts(found)
        demanded = _obligation(trigger, found, ctx)
        if demanded is not None:
            found, entry = demanded, dataclasses.replace(entry, event="REQUEST", mode=None)
        return found, entry

    def _build(
        self,
        trigger: Token,
        entry: Entry,
        found: Participants,
        facts: SentenceFacts,
        ctx: DocContext,
        where: tuple[Place | None, Token | None],
    ) -> Event:
        """The event record: type after the joint-activity and stated-intention rules, date, place, evidence."""
        if entry.event == "MOBILIZE" and not found.recipient and _helping_purposes(trigger):
            recipient_from_place(trigger, found, facts, ctx, material=True)  # where forces went to help
        event_name, mode, context = _retyped(*_joint(entry, found, trigger), trigger, found)
        when = nearest_date(trigger, facts)
        aux = auxiliary(trigger, facts.sentence, when, ctx.anchor)
        stated = aux == "future"
        event_name, mode, aux = self._intent(event_name, mode, aux, trigger)
        stated = stated and aux is None  # the intention itself is the event of the day
        quantities = sentence_quantities(facts.sentence, ctx)
        place, preposition = where
        complete_recipients(trigger, found, facts, ctx, (event_name, mode, self._material(entry.event)), place)
        event_type = self.ontology.types[event_name]
        return Event(
            id=_event_id(ctx.document.sha256, facts.span, event_name, trigger.i),
            event=event_name,
            mode=mode,
            context=context,
            quad=event_type.quad,  # type: ignore[arg-type]
            intensity=event_type.intensity(mode),
            actor=found.actor,
            recipient=found.recipient,
            date=when,
            place=_with_distance(place, preposition, quantities),
            quantities=quantities,
            aux=aux,
            text=ctx.document.text[facts.span[0] : facts.span[1]],
            span=facts.span,
            confidence=_confidence(found, when, entry, trigger, aux),
            trigger=trigger.text,
            explanation=_explain(trigger, entry, found, when, stated) | _denial(trigger, event_name),
        )


def _pair_told_again(trigger: Token, found: Participants, event_type: str, earlier: list[Event], facts: SentenceFacts) -> bool:
    """'the two leaders discussed ...' after 'Trump held a call with the Crown Prince': the same act told again (True,
    the earlier event enriched). Otherwise a new act of both ('the two leaders agreed to meet again')."""
    again = _told_again(found, event_type, earlier, facts.sentence)
    if again is not None and again.span != facts.span:
        _enrich(again, found, trigger, facts)
        again.mentions.append(facts.span)
        return True
    return False


def _object_acts(found: Participants) -> Participants:
    """'Xi hosted the Brazilian president', 'Taiwan detected 32 Chinese aircraft': the one named as the object did
    the act and the subject underwent it (PLOVER: the visitor is the actor, the host the recipient)."""
    note = "roles turned: for this verb the object is the one acting (lexicon: object_acts)"
    return Participants(actor=found.recipient, recipient=found.actor, reciprocal=found.reciprocal, how=[*found.how, note])


def _befalls_the_place(trigger: Token, event_type: str, found: Participants, facts: SentenceFacts, ctx: DocContext) -> None:
    """'A school was stormed in Maiduguri', 'six groups were barred from operating in Armenia': a violent or coercive
    act told with no party befalls the country where it happened; one named by a noun only as the subject of what it
    did ('a cyberattack crippled the network of a plant in Poland'), not as a topic ('condolences over the attack in
    Kabul' recalls one); nor one whose party is a name the KB does not know ('Mutesi was detained')."""
    nominal = is_nominal(trigger)
    if found.recipient or event_type not in VIOLENT_TYPES or (nominal and not _did_something(trigger)):
        return
    if unknown_named_subject(trigger, acronyms=not ctx.issuers) is None:
        root = trigger.head.head if _passive_agent(trigger) else trigger.head if nominal else trigger
        recipient_from_place(root, found, facts, ctx, material=True)


def _passive_agent(noun: Token) -> bool:
    """'a power plant in Guerrero was disabled by a cyber attack': the noun in a passive's 'by' phrase."""
    return noun.dep_ == "pobj" and noun.head.dep_ == "agent" and noun.head.head.pos_ == "VERB"


def _did_something(noun: Token) -> bool:
    """A noun trigger that is the subject of a verb acting on an object: 'a cyberattack crippled the network'."""
    verb = noun.head
    return (noun.dep_ == "nsubj" and verb.pos_ == "VERB" and any(c.dep_ == "dobj" for c in verb.children)) or _passive_agent(noun)


def _uncoded_party(trigger: Token, found: Participants, ctx: DocContext) -> bool:
    """'Suharto resigned', 'the ELN declared a ceasefire': an act whose only party is a name the KB does not know is
    coded with that party uncoded, the name kept in the explanation. A government's own papers name its offices by
    initials ('the ITWG shall consult'): not parties there."""
    name = unknown_named_subject(trigger, acronyms=not ctx.issuers)
    if name is not None and ctx.kb.lookup(name):
        return False  # a name the KB knows, out of the parse's reach here ("Biden will have ... meetings"): no guess
    if name is not None:
        found.how.append(f"'{name}' (named as its subject) is not in the knowledge base: left uncoded")
    return name is not None


def _retyped(
    event_name: str, mode: str | None, context: list[str], trigger: Token, found: Participants
) -> tuple[str, str | None, list[str]]:
    """Types the lexicon cannot tell apart by the trigger alone: the public protesting, troops sent to keep a peace."""
    if _crowd_protest(event_name, trigger, found):
        return "PROTEST", "demo", context
    if event_name == "ASSAULT" and _riot(found, mode):
        return "PROTEST", "riot", context
    if event_name == "COERCE" and trigger.lemma_.lower() == "block" and _crowd(found):
        return "PROTEST", "obstruct", context  # "activists blocked a highway": a blockade by the public is a protest
    if event_name == "MOBILIZE" and any(t.lemma_.lower() in PEACEKEEPING_WORDS for t in trigger.sent):
        return "COOPERATE", None, ["peacekeeping", "military"]
    if event_name == "MOBILIZE" and mode == "troops" and _sent_to_help(trigger, found):
        return "AID", None, ["military"]
    if event_name == "CONSULT" and mode is None and len({a.country for a in (*found.actor, *found.recipient) if a.country}) > 2:
        return event_name, "multilateral", context  # "the leaders of France, Germany, the UK and the US met in Berlin"
    return event_name, mode, context


def _of_their_own(clause: Token) -> bool:
    objects = [child for child in clause.children if child.dep_ == "dobj"]
    return any(child.dep_ == "poss" and child.pos_ == "PRON" for obj in objects for child in obj.children)


HELPING_VERBS = frozenset({"protect", "help", "assist", "support", "defend", "secure", "guard", "train", "bolster", "aid"})


def _helping_purposes(trigger: Token) -> list[Token]:
    """'sent troops to protect civilians': the infinitives of protecting or helping that say what forces went for,
    not for their own ('deployed troops to defend its border with Belarus': no help to Belarus)."""
    return [
        child
        for child in trigger.children
        if child.dep_ in ("xcomp", "advcl")
        and child.lemma_.lower() in HELPING_VERBS
        and is_infinitive(child)
        and not _of_their_own(child)
    ]


def _sent_to_help(trigger: Token, found: Participants) -> bool:
    """'Rwanda sent troops to protect civilians in Mozambique': forces sent to another country to protect, help or
    train it are military assistance, PLOVER's AID ('military and police assistance including arms and personnel')."""
    own = {actor.country for actor in found.actor}
    return bool(_helping_purposes(trigger)) and any(actor.country and actor.country not in own for actor in found.recipient)


def _explain(trigger: Token, entry: Entry, found: Participants, when: DateSpan, stated: bool = False) -> dict[str, Any]:
    """Why this event: the lexicon entry that fired, how each role was found, where the date came from, and whether
    the act is only announced or promised ('will lift the ban': CONCEDE, as PLOVER codes it, but not yet done)."""
    rule = {"lemma": entry.lemma, "pos": entry.pos, "event": entry.event, "mode": entry.mode, "requires": list(entry.requires)}
    if any(word.startswith("$") for word in entry.requires):  # which words of the classes were there: "$forces" -> marine
        rule["matched"] = sorted({t.lemma_.lower() for t in trigger.sent} & frozenset().union(*entry.needs))
    date = f"'{when.text}'" if when.text else "no date in the sentence: the document's date"
    explained = {"trigger": trigger.text, "rule": rule, "roles": list(found.how), "date": date}
    if stated:
        explained["intention"] = f"'{trigger.text}' is announced or promised, not yet done: the statement is the event"
    return explained


def _inherit(
    found: Participants,
    trigger: Token,
    event_type: str,
    earlier: list[Event],
    sentence: Span,
    same_sentence: list[tuple[Token, Event]],
) -> Event | None:
    """Fill a missing actor from the discourse.

    A relative clause continues the event it hangs on ("a joint patrol that encroached on Japan");
    a definite nominal ("The joint flight ...") continues the last event of its type close before it.
    """
    if trigger.dep_ == "relcl":
        for token, event in same_sentence:
            if token == trigger.head and event.actor:
                found.actor = list(event.actor)
                found.how.append(f"actor from the event '{token.text}' this clause describes")
                return None
    if not is_nominal(trigger) or not any(_definite(child) for child in trigger.children):
        return None
    for previous in reversed(earlier):
        if previous.span[1] < sentence.start_char - INHERIT_REACH:
            return None
        if previous.event == event_type and previous.actor:
            found.actor = list(previous.actor)
            merge_actors(found.recipient, previous.recipient)
            found.how.append(f"actors of the earlier '{previous.trigger}' event this mention refers back to")
            return previous
    return None


def _definite(determiner: Token) -> bool:
    """'the talks', 'this meeting', and a day's: 'today's meeting', 'Monday's strikes' name one already told."""
    return determiner.lower_ in ("the", "this", "that", "these") or (determiner.dep_ == "poss" and determiner.ent_type_ == "DATE")


def _told_again(found: Participants, event_type: str, earlier: list[Event], sentence: Span) -> Event | None:
    """The last event of the same type between the same two countries, close before: 'the two leaders
    discussed ...' after 'Trump held a call with the Crown Prince' tells the same call again."""
    countries = {actor.country for actor in found.actor}
    for previous in reversed(earlier):
        if previous.span[1] < sentence.start_char - INHERIT_REACH:
            return None
        if previous.event == event_type and {x.country for x in (*previous.actor, *previous.recipient)} == countries:
            return previous
    return None


def _sentence_span(sentence: Span, ctx: DocContext) -> tuple[int, int]:
    return ctx.original_span(sentence.start_char, sentence.end_char)


def _enrich(source: Event, found: Participants, trigger: Token, facts: SentenceFacts) -> None:
    """A later mention ("The joint flight over the Sea of Japan ...") adds what the first one lacked."""
    if source.place is None:
        source.place = _place(trigger, facts, {a.kb_id for a in source.actor})[0]
    if found.reciprocal and source.recipient:
        merge_actors(source.actor, source.recipient)
        source.recipient = []
    if source.date.precision in ("week", "unknown") and facts.date_tokens:
        source.date = nearest_date(trigger, facts)


def _joint(entry: Entry, found: Participants, trigger: Token) -> tuple[str, str | None, list[str]]:
    """PLOVER: a joint exercise or patrol of several states with no target is COOPERATE, not MOBILIZE;
    one state's exercise is MOBILIZE even when its services drill "jointly".

    Only activities (nouns such as exercise, drills, patrol) or explicitly joint acts qualify:
    "Japan and South Korea scrambled jets" are two separate responses.
    """
    countries = {actor.country for actor in found.actor}
    shared = is_nominal(trigger) or found.reciprocal or _shared_activity(trigger)
    if entry.event == "MOBILIZE" and len(countries) > 1 and not found.recipient and shared:
        return "COOPERATE", None, ["military"]
    if entry.event == "MOBILIZE" and len(countries) > 1 and _said_joint(trigger):
        found.recipient = []  # "held joint exercises near the Armenian border": near it, not with it
        return "COOPERATE", None, ["military"]
    if entry.event == "MOBILIZE" and _said_joint(trigger) and _held_with(trigger) and found.recipient:
        merge_actors(found.actor, found.recipient)  # "conducted joint exercises with the Ethiopian navy": both hold them
        found.recipient = []
        return "COOPERATE", None, ["military"]
    if entry.event == "COOPERATE" and "military" in entry.context and len(countries) == 1 and not found.recipient:
        return "MOBILIZE", "troops", ["military"]  # one country's "joint" (all-services) drills
    return entry.event, entry.mode, list(entry.context)


JOINT_WORDS = frozenset({"joint", "combined", "bilateral", "trilateral", "multilateral"})
ACTIVITIES = frozenset({"exercise", "drill", "patrol", "maneuver", "manoeuvre", "flight", "sail", "operation"})


def _said_joint(trigger: Token) -> bool:
    """The verb's object is called joint: 'held joint military exercises'."""
    objects = [child for child in trigger.children if child.dep_ in ("dobj", "attr")]
    return any(mod.lower_ in JOINT_WORDS for obj in objects for mod in obj.children)


def _held_with(trigger: Token) -> bool:
    """A 'with' phrase on the verb or its object: the other party of a joint activity."""
    heads = [trigger, *(child for child in trigger.children if child.dep_ in ("dobj", "attr"))]
    return any(child.dep_ == "prep" and child.lower_ == "with" for head in heads for child in head.children)


def _told_as_news(trigger: Token) -> bool:
    """The act a sentence tells ('met today with', 'held a call with'), not one it mentions ('welcomed the resumption
    of talks between Turkey and Greece')."""
    clause = trigger.head if is_nominal(trigger) and trigger.dep_ in ("dobj", "nsubj", "nsubjpass") else trigger
    return clause.dep_ == "ROOT" or (clause.dep_ == "conj" and clause.head.dep_ == "ROOT")


def _shared_activity(trigger: Token) -> bool:
    """'The US and Japan held (joint) drills': the verb's object is one activity the actors share."""
    activity = any(
        child.dep_ in ("dobj", "attr", "nsubjpass") and child.lemma_.lower() in ACTIVITIES for child in trigger.children
    )
    return activity or _said_joint(trigger)


def _place(trigger: Token, facts: SentenceFacts, actor_ids: set[str | None]) -> tuple[Place | None, Token | None]:
    """The place of the event and its preposition: a locative phrase, preferably in the trigger's own clause."""
    if not facts.places:
        return None, None
    own = own_subtree(trigger)
    other_clauses = {t.i for child in trigger.children if child.dep_ == "conj" for t in child.subtree}
    other_clauses |= _reporters(trigger) | _topics(trigger) | _descriptions(trigger)
    candidates = []
    for ent, place in facts.places:
        if ent.root.i in other_clauses:
            continue
        governor = _locative_governor(ent.root)
        if not (governor.dep_ == "prep" and governor.lower_ in LOCATIVE_PREPS):
            continue
        if governor.lower_ == "to" and ent.root.i not in own:  # "visit to Tokyo", not "commitment to Japan"
            continue
        if place.kb_id in actor_ids and place.kind == "country":
            continue
        # "drone strikes in Pakistan" is the strikes' place even where the parser hangs "in Pakistan" higher up
        elsewhere = ent.root.i not in own and governor.i != trigger.i + 1
        candidates.append((elsewhere, PLACE_PRIORITY.get(place.kind, 2), abs(ent.start - trigger.i), place, governor))
    if not candidates:
        return None, None
    best = min(candidates, key=lambda item: item[:3])
    return best[3], best[4]


def _descriptions(trigger: Token) -> set[int]:
    """Clauses describing a noun deeper under the trigger than its own objects: 'discussed the importance of the
    initiative launched in Washington' was not held in Washington; 'attacked the town captured by rebels near Gao'
    keeps Gao (the parser often hangs the act's own place on such a clause)."""
    own_objects = {child.i for child in trigger.children}
    described = [
        t
        for t in trigger.subtree
        if t.i != trigger.i and t.dep_ in ("acl", "relcl") and t.head.i != trigger.i and t.head.i not in own_objects
    ]
    return {t.i for clause in described for t in clause.subtree}


def _topics(trigger: Token) -> set[int]:
    """What is discussed: 'spoke with Lula to discuss the situation in Venezuela' did not take place in Venezuela."""
    verbs = [token for token in trigger.subtree if token.pos_ == "VERB" and token.lemma_.lower() in TOPIC_VERBS]
    objects = [child for verb in verbs for child in verb.children if child.dep_ == "dobj"]
    return {t.i for obj in objects for t in obj.subtree}


def _reporters(trigger: Token) -> set[int]:
    """The subjects of the clauses above the trigger: 'rebels bombarded Goma, aid workers in Kampala said' did not
    bombard Kampala."""
    subjects = [child for verb in trigger.ancestors for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
    return {t.i for subject in subjects if trigger not in subject.subtree for t in subject.subtree}


PARTS_OF_A_PLACE = frozenset("part area region city town province district street outskirt centre center capital".split())


def _locative_governor(root: Token) -> Token:
    """The preposition a place hangs on, through 'parts of', 'cities across', 'the streets of': 'held in various parts
    of Kenya' happened in Kenya."""
    if root.dep_ == "compound" and root.head.lemma_.lower() in PARTS_OF_A_PLACE:  # "in Helmand province"
        root = root.head
    governor = root.head
    part = governor.head
    if governor.lower_ in ("of", "across") and part.dep_ == "pobj" and part.lemma_.lower() in PARTS_OF_A_PLACE:
        return part.head
    return governor


def _placed_on(trigger: Token, preposition: Token | None) -> bool:
    """The place phrase belongs to the trigger itself ('protests erupted in Tehran'), not to a name elsewhere in the
    sentence ('the Office for Foreign Trade in the United States'); a protest named as the subject takes the
    place of its verb ('demonstrations were held across Kenya')."""
    if preposition is None:
        return False
    named_as_subject = trigger.dep_ in ("nsubj", "nsubjpass") and preposition.head.i == trigger.head.i
    return named_as_subject or preposition.i in own_subtree(trigger) or preposition.head.i == trigger.i


def _with_distance(place: Place | None, governor: Token | None, quantities: list[Quantity]) -> Place | None:
    """'less than 125 miles from the Senkaku Islands': the event is near the place, not at it.

    The distance is kept as a relation on the event's place (in km, with the text's qualifier) so a map
    can draw it as such; the coordinates stay those of the named place.
    """
    if place is None or governor is None or governor.lower_ != "from":
        return place
    measure = " ".join(t.text for child in governor.children if child.dep_ in ("npadvmod", "advmod") for t in child.subtree)
    for quantity in quantities:
        if quantity.unit == "km" and quantity.text and quantity.text in measure:
            relation = {
                "type": "distance",
                "km": round(quantity.value, 1),
                "qualifier": quantity.qualifier,
                "text": quantity.text,
            }
            return dataclasses.replace(place, relation=relation)
    return place


def _confidence(found: Participants, when: DateSpan, entry: Entry, trigger: Token, aux: Aux | None) -> float:
    """Higher for an event with both sides, a date, a specific rule, and a trigger in the sentence's main clause.

    The most confident event stands for the sentence; an act in a relative or adverbial clause ("..., killing
    one person"), or one that is denied or only supposed ("refused to lift sanctions"), is rarely what the
    sentence reports.
    """
    score = 0.4 + (0.25 if found.actor else 0) + (0.15 if found.recipient else 0.05)
    score += 0.1 if when.text else 0
    score += 0.05 if entry.requires else 0
    score -= 0.1 if _subordinate(trigger) else 0
    score -= 0.1 if trigger.dep_ == "acl" and trigger.tag_ in ("VBN", "VBD") else 0  # "forces backed by Russia": a description
    score -= 0.1 if aux in ("negated", "hypothetical") else 0
    return round(min(score, 0.95), 2)


def _crowd_protest(event_name: str, trigger: Token, found: Participants) -> bool:
    """'Students protested in Seoul': a protest by the public, not a state's diplomatic protest, is PLOVER's
    PROTEST (a demonstration); the lexicon can only tell them apart by their subjects."""
    return event_name == "ACCUSE" and trigger.lemma_.lower() == "protest" and trigger.pos_ == "VERB" and _crowd(found)


def _denial(trigger: Token, event_name: str) -> dict[str, str]:
    """'denied charges that it tortured a priest', 'rejected accusations of genocide', 'denied that its troops crossed':
    a REJECT that answers an accusation is a denial of responsibility (CAMEO's 016, which the PLOVER manual allows
    under REJECT), not the rejection of a proposal; the explanation says which."""
    if event_name != "REJECT":
        return {}
    objects = [child for child in trigger.children if child.dep_ == "dobj" and child.lemma_.lower() in ACCUSATION_NOUNS]
    denied_clause = trigger.lemma_.lower() == "deny" and any(child.dep_ == "ccomp" for child in trigger.children)
    if not objects and not denied_clause:
        return {}
    return {"denial": "a denial of responsibility for what the actor is accused of, not the rejection of a proposal"}


def _riot(found: Participants, mode: str | None) -> bool:
    """Violence by the public at the police or the state, or its property, is a violent protest, not an armed attack:
    'protesters clashed with police', 'clashes between protesters and police', 'rioters burned shops'."""
    sectors = {actor.sector for actor in found.actor}
    with_police = "COP" in sectors and bool(sectors & CROWD_SECTORS) and sectors <= CROWD_SECTORS | {"COP"}
    targets_state = any(r.sector in ("COP", "GOV") for r in found.recipient)
    return with_police or (_crowd(found) and (targets_state or mode == "destroy"))


def _crowd(found: Participants) -> bool:
    """Every actor is of the public: civilians, the opposition, workers, refugees."""
    return bool(found.actor) and all(actor.sector in CROWD_SECTORS for actor in found.actor)


def _on_condition(trigger: Token) -> bool:
    """An act announced with 'unless' or 'if' attached: a threat, not a plan."""
    return any(child.dep_ == "advcl" and is_conditional(child) for child in trigger.children)


def _subordinate(trigger: Token) -> bool:
    token = trigger
    for _ in range(8):
        if token.dep_ in SUBORDINATE_DEPS:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _obligation(trigger: Token, found: Participants, ctx: DocContext) -> Participants | None:
    """'Straw said the government and the rebels must reach an agreement', 'Biden stressed the need for Hamas to cease
    firing': a demand made of them (REQUEST).

    The speaker is the actor and the clause's subject the recipient.
    """
    verb = reported_verb(trigger)
    if verb is not None and any(child.lower_ in OBLIGATION_MODALS and child.dep_ == "aux" for child in verb.children):
        governor = verb.head.head if verb.head.pos_ == "NOUN" else verb.head  # who issued the reminder
    elif (stated := _need_stated_by(trigger)) is not None:
        verb, governor = trigger, stated
    else:
        return None
    speaker = subject_of(governor, ctx)
    if not speaker:
        return None
    demanded = Participants()
    demanded.take("actor", speaker, f"speaker of '{governor.text}', demanding '{verb.text}'")
    demanded.take("recipient", _addressees(verb, governor, ctx), f"addressee of '{governor.text}', of whom it is demanded")
    passive = any(child.dep_ == "nsubjpass" for child in verb.children)  # "Russia must be held accountable"
    obliged = found.actor or (found.recipient if passive else [])
    if not demanded.recipient:
        demanded.take("recipient", obliged, f"subject of '{verb.text}', of whom it is demanded")
    return demanded


def _addressees(verb: Token, governor: Token, ctx: DocContext) -> list[Actor]:
    """'wrote to Togo that it must reopen the border', 'sent a firm note to Ghana that it must free the crew': the
    pronoun is the one addressed."""
    if not any(child.dep_ == "nsubj" and child.lower_ in PRONOUNS for child in verb.children):
        return []
    return [actor for word in dict.fromkeys((verb.head, governor)) for actor in prep_objects(word, ctx, frozenset({"to"}))]


# Subjects an obligation puts on the speaker's own side, or on no one in particular: "we must", "everyone should"
SPEAKER_PRONOUNS = FIRST_PERSON | {"you", "everyone", "everybody", "all"}
# What a reported obligation is coded as when its verb is in no lexicon entry
DEMAND_ENTRY = Entry(lemma="must", pos="VERB", event="REQUEST", mode=None, context=("diplomatic",), requires=(), excludes=())


def obligations_stated(sentence: Span, triggers: list[tuple[Token, Entry]]) -> list[tuple[Token, Entry]]:
    """'The White House stated that Vietnam must open its markets', 'repeated that Syria must surrender the
    gunmen': an obligation a speaker puts on someone is a demand (REQUEST) whatever the verb; the lexicon's own
    verbs in such clauses become requests through the obligation rule of the participants."""
    taken = {token.i for token, _ in triggers}
    return [
        (verb, dataclasses.replace(DEMAND_ENTRY, lemma=verb.lemma_.lower()))
        for verb in sentence
        if verb.i not in taken
        and verb.pos_ in ("VERB", "AUX")
        and reported_verb(verb) is verb
        and any(child.dep_ == "aux" and child.lower_ in OBLIGATION_MODALS for child in verb.children)
        and _obliged_other(verb)
    ]


def _obliged_other(verb: Token) -> bool:
    """The clause names whom the obligation binds, and not the speaker's own side ('we must continue' is a resolve)."""
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
    own_side = [s for s in subjects if s.lower_ in SPEAKER_PRONOUNS and s.pos_ != "PROPN"]  # "the US must" binds the US
    return bool(subjects) and not own_side


NEED_NOUNS = frozenset({"need", "necessity", "importance", "urgency"})


def _need_stated_by(trigger: Token) -> Token | None:
    """The verb that states a need of someone to act ('stressed the need for Hamas to cease firing', 'emphasized the
    importance of Russia withdrawing its troops'), or None."""
    infinitive = trigger.dep_ in ("advcl", "acl") and any(c.dep_ == "mark" and c.lower_ == "for" for c in trigger.children)
    gerund = trigger.tag_ == "VBG" and trigger.dep_ == "pcomp" and trigger.head.lower_ == "of"
    gerund = gerund and any(child.dep_ == "nsubj" for child in trigger.children)
    need = trigger.head if infinitive else trigger.head.head if gerund else None
    if need is None or need.lemma_.lower() not in NEED_NOUNS or need.dep_ not in ("dobj", "pobj"):
        return None
    return need.head


def _event_id(sha256: str, span: tuple[int, int], event: str, token: int) -> str:
    raw = f"{sha256}:{span[0]}:{span[1]}:{event}:{token}"
    return "ev_" + hashlib.sha1(raw.encode()).hexdigest()[:16]
