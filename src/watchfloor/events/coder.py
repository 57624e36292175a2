"""The event coder: PLOVER events from each sentence, with evidence, actors, date and place.

For every sentence the lexicon proposes triggers; the dependency parse supplies the actor and
recipient; the nearest date expression (or the reporting window) dates the event; a locative
place attached to the sentence places it; auxiliary rules mark history, plans, hypotheses and
denials. One event per trigger, merged when two triggers of a sentence say the same thing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from spacy.tokens import Span, Token

from watchfloor.events.auxiliary import auxiliary
from watchfloor.events.lexicon import Entry, Lexicon, load_lexicon
from watchfloor.events.ontology import Ontology, load_ontology
from watchfloor.events.participants import Participants, participants, settle
from watchfloor.nlp.context import DocContext
from watchfloor.nlp.dates import reporting_window, resolve_date
from watchfloor.nlp.quantities import find_quantities
from watchfloor.records import Actor, DateSpan, Event, Place

LOCATIVE_PREPS = frozenset({"over", "in", "near", "around", "across", "into", "at", "off", "through", "from", "within", "above", "along", "to"})
BASELINE_WORDS = frozenset({"compared", "than", "since", "until", "by", "ahead", "before"})
PLACE_PRIORITY = {"sea": 0, "strait": 0, "channel": 0, "gulf": 0, "island": 0, "island_group": 0, "reef": 0, "shoal": 0, "base": 1, "region": 2, "city": 3, "country": 4}


@dataclass(slots=True)
class SentenceFacts:
    """What every event of one sentence shares."""

    sentence: Span
    date: DateSpan
    date_tokens: list[tuple[int, int, DateSpan]]
    places: list[tuple[Span, Place]]


class EventCoder:
    """Codes the events of one parsed document; build once, call per document."""

    def __init__(self, ontology: Ontology | None = None, lexicon: Lexicon | None = None) -> None:
        self.ontology = ontology or load_ontology()
        self.lexicon = lexicon or load_lexicon()

    def code(self, ctx: DocContext) -> list[Event]:
        events: list[Event] = []
        carried: DateSpan | None = None
        for sentence in ctx.parsed.sents:
            facts = self._sentence_facts(sentence, ctx, carried)
            carried = facts.date_tokens[0][2] if facts.date_tokens else None
            found: list[tuple[Token, Event]] = []
            for trigger, entry in self.lexicon.triggers(sentence):
                event = self._event(trigger, entry, facts, ctx, [*events, *(e for _, e in found)], found)
                if event is not None:
                    found.append((trigger, event))
                    ctx.last_subjects = list(event.actor) or ctx.last_subjects
            events.extend(_merge_same([event for _, event in found]))
        return events

    def _sentence_facts(self, sentence: Span, ctx: DocContext, carried: DateSpan | None) -> SentenceFacts:
        dates = []
        for ent in sentence.ents:
            if ent.label_ == "DATE" and not _is_baseline(ent) and (resolved := resolve_date(ent.text, ctx.anchor)) is not None:
                dates.append((ent.start, ent.end, resolved))
        default = dates[0][2] if dates else carried or reporting_window(ctx.anchor)
        places = [(ent, place) for ent in sentence.ents if (place := ctx.place_by_start.get(ent.start_char))]
        return SentenceFacts(sentence, default, dates, places)

    def _event(
        self, trigger: Token, entry: Entry, facts: SentenceFacts, ctx: DocContext, earlier: list[Event], same_sentence: list[tuple[Token, Event]]
    ) -> Event | None:
        event_type = self.ontology.types.get(entry.event)
        if event_type is None:
            return None
        found = participants(trigger, ctx)
        if not found.actor:
            _inherit(found, trigger, earlier, facts.sentence, same_sentence)
            settle(found)
        if not found.actor and not found.recipient:
            return None
        when = _nearest_date(trigger, facts)
        sentence = facts.sentence
        span = ctx.original_span(sentence.start_char, sentence.end_char)
        skip = [(sentence.doc[s:e].start_char, sentence.doc[s:e].end_char) for s, e, _ in facts.date_tokens]
        actor_ids = {a.kb_id for a in (*found.actor, *found.recipient)}
        return Event(
            id=_event_id(ctx.document.sha256, span, entry.event, trigger.i),
            event=entry.event,
            mode=entry.mode,
            context=list(entry.context),
            quad=event_type.quad,  # type: ignore[arg-type]
            intensity=event_type.intensity(entry.mode),
            actor=found.actor,
            recipient=found.recipient,
            date=when,
            place=_place(trigger, facts, actor_ids),
            quantities=find_quantities(sentence, skip),
            aux=auxiliary(trigger, sentence, when, ctx.anchor),
            text=ctx.document.text[span[0] : span[1]],
            span=span,
            confidence=_confidence(found, when, entry),
            trigger=trigger.text,
        )


def _inherit(found: Participants, trigger: Token, earlier: list[Event], sentence: Span, same_sentence: list[tuple[Token, Event]]) -> None:
    """Fill a missing actor from the discourse.

    A relative clause continues the event it hangs on ("a joint patrol that encroached on Japan");
    a definite nominal ("The joint flight ...") continues the previous event of the text.
    """
    if trigger.dep_ == "relcl":
        for token, event in same_sentence:
            if token == trigger.head and event.actor:
                found.actor = list(event.actor)
                return
    if trigger.pos_ != "NOUN" or not earlier or not any(child.lower_ in ("the", "this", "that") for child in trigger.children):
        return
    previous = earlier[-1]
    if previous.span[1] >= sentence.start_char - 400:
        found.actor = list(previous.actor)
        _merge_actors(found.recipient, previous.recipient)


def _merge_actors(into: list[Actor], extra: list[Actor]) -> None:
    into.extend(actor for actor in extra if all(actor.code != known.code for known in into))


def _is_baseline(ent: Span) -> bool:
    """'compared with 2024', 'ahead of its 2027 goal', 'since 2021': a reference point, not the event's date."""
    head = ent.root.head
    words = {head.lower_, head.head.lower_, *(t.lower_ for t in ent.doc[max(ent.start - 2, 0) : ent.start])}
    return bool(words & BASELINE_WORDS) or ent.root.dep_ in ("compound", "amod") and head.lemma_ in ("goal", "target", "deadline")


def _nearest_date(trigger: Token, facts: SentenceFacts) -> DateSpan:
    if not facts.date_tokens:
        return facts.date
    subtree = {token.i for token in trigger.subtree}
    inside = [span for start, end, span in facts.date_tokens if start in subtree]
    if inside:
        return inside[0]
    return min(facts.date_tokens, key=lambda item: abs(item[0] - trigger.i))[2]


def _own_subtree(trigger: Token) -> set[int]:
    """The trigger's subtree without coordinated clauses, which describe other acts."""
    indexes = {trigger.i}
    stack = [child for child in trigger.children if child.dep_ != "conj"]
    while stack:
        token = stack.pop()
        indexes.add(token.i)
        stack.extend(token.children)
    return indexes


def _place(trigger: Token, facts: SentenceFacts, actor_ids: set[str | None]) -> Place | None:
    """The place of the event: a place in a locative phrase, preferably inside the trigger's own clause."""
    own = _own_subtree(trigger)
    other_clauses = {t.i for child in trigger.children if child.dep_ == "conj" for t in child.subtree}
    candidates = []
    for ent, place in facts.places:
        if ent.root.i in other_clauses:
            continue
        governor = ent.root.head
        if not (governor.dep_ == "prep" and governor.lower_ in LOCATIVE_PREPS):
            continue
        if governor.lower_ == "to" and ent.root.i not in own:  # "visit to Tokyo", not "commitment to Japan"
            continue
        if place.kb_id in actor_ids and place.kind == "country":
            continue
        candidates.append((ent.root.i not in own, PLACE_PRIORITY.get(place.kind, 2), abs(ent.start - trigger.i), place))
    return min(candidates, key=lambda item: item[:3])[3] if candidates else None


def _merge_same(events: list[Event]) -> list[Event]:
    """One event per type and actor in a sentence; an actorless one lends its recipients to its twin."""
    kept: list[Event] = []
    for event in sorted(events, key=lambda e: -e.confidence):
        twin = next((k for k in kept if k.event == event.event and (_codes(k.actor) == _codes(event.actor) or not event.actor)), None)
        if twin is None:
            kept.append(event)
        else:
            _merge_actors(twin.recipient, [a for a in event.recipient if a.country not in {b.country for b in twin.actor}])
    return sorted(kept, key=lambda e: events.index(e))


def _codes(actors: list[Actor]) -> tuple[str, ...]:
    return tuple(sorted(actor.code for actor in actors))


def _confidence(found: Participants, when: DateSpan, entry: Entry) -> float:
    score = 0.4 + (0.25 if found.actor else 0) + (0.15 if found.recipient else 0.05)
    score += 0.1 if when.text else 0
    score += 0.05 if entry.requires else 0
    return round(min(score, 0.95), 2)


def _event_id(sha256: str, span: tuple[int, int], event: str, token: int) -> str:
    raw = f"{sha256}:{span[0]}:{span[1]}:{event}:{token}"
    return "ev_" + hashlib.sha1(raw.encode()).hexdigest()[:16]


def actors_text(actors: list[Actor]) -> str:
    return ", ".join(actor.code for actor in actors) or "-"
