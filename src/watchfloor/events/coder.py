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
from watchfloor.events.participants import Participants, participants
from watchfloor.nlp.context import DocContext
from watchfloor.nlp.dates import reporting_window, resolve_date
from watchfloor.nlp.quantities import find_quantities
from watchfloor.records import Actor, DateSpan, Event, Place

LOCATIVE_PREPS = frozenset({"over", "in", "near", "around", "across", "into", "at", "off", "through", "from", "to", "within", "above", "along"})
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
            carried = facts.date if facts.date.text else None
            found = [event for trigger, entry in self.lexicon.triggers(sentence) if (event := self._event(trigger, entry, facts, ctx, events))]
            events.extend(_merge_same(found))
            subjects = [actor for event in found for actor in event.actor]
            if subjects:
                ctx.last_subjects = subjects
        return events

    def _sentence_facts(self, sentence: Span, ctx: DocContext, carried: DateSpan | None) -> SentenceFacts:
        dates = []
        for ent in sentence.ents:
            if ent.label_ == "DATE" and (resolved := resolve_date(ent.text, ctx.anchor)) is not None:
                dates.append((ent.start, ent.end, resolved))
        default = dates[0][2] if dates else carried or reporting_window(ctx.anchor)
        places = [(ent, place) for ent in sentence.ents if (place := ctx.place_by_start.get(ent.start_char))]
        return SentenceFacts(sentence, default, dates, places)

    def _event(self, trigger: Token, entry: Entry, facts: SentenceFacts, ctx: DocContext, earlier: list[Event]) -> Event | None:
        event_type = self.ontology.types.get(entry.event)
        if event_type is None:
            return None
        found = participants(trigger, ctx)
        if not found.actor and trigger.pos_ == "NOUN":
            _inherit(found, trigger, earlier, facts.sentence)
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


def _inherit(found: Participants, trigger: Token, earlier: list[Event], sentence: Span) -> None:
    """A definite nominal with no actor ("The joint flight ...") continues the previous event."""
    if not any(child.lower_ in ("the", "this", "that") for child in trigger.children) or not earlier:
        return
    previous = earlier[-1]
    if previous.span[1] >= sentence.start_char - 400:
        found.actor = list(previous.actor)
        found.recipient = list(previous.recipient)


def _nearest_date(trigger: Token, facts: SentenceFacts) -> DateSpan:
    if not facts.date_tokens:
        return facts.date
    subtree = {token.i for token in trigger.subtree}
    inside = [span for start, end, span in facts.date_tokens if start in subtree]
    if inside:
        return inside[0]
    return min(facts.date_tokens, key=lambda item: abs(item[0] - trigger.i))[2]


def _place(trigger: Token, facts: SentenceFacts, actor_ids: set[str | None]) -> Place | None:
    candidates = []
    for ent, place in facts.places:
        governor = ent.root.head
        locative = governor.dep_ == "prep" and governor.lower_ in LOCATIVE_PREPS or governor.lower_ in LOCATIVE_PREPS
        if place.kb_id in actor_ids and place.kind == "country":
            continue
        rank = PLACE_PRIORITY.get(place.kind, 2) - (5 if locative else 0)
        candidates.append((rank, abs(ent.start - trigger.i), place))
    return min(candidates, key=lambda item: (item[0], item[1]))[2] if candidates else None


def _merge_same(events: list[Event]) -> list[Event]:
    """Keep one event per (type, actors) in a sentence: the most confident."""
    best: dict[tuple[str, tuple[str, ...]], Event] = {}
    for event in events:
        key = (event.event, tuple(sorted(actor.code for actor in event.actor)))
        if key not in best or event.confidence > best[key].confidence:
            best[key] = event
    return [event for event in events if best[(event.event, tuple(sorted(a.code for a in event.actor)))] is event]


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
