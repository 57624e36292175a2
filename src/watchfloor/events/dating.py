"""When an act happened: which of a sentence's dates is the act's own, and which dates frame something else (a
reference point, a noun of the clause, an act above or below it); and how far a date carries to the sentences after
it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from watchfloor.events.auxiliary import HISTORY_AGE, REPORTING_VERBS
from watchfloor.events.lexicon import is_nominal
from watchfloor.records import DateSpan

if TYPE_CHECKING:
    from watchfloor.events.coder import SentenceFacts

BASELINE_WORDS = frozenset({"compared", "than", "since", "until", "by", "ahead", "before"})


def opens_a_paragraph(sentence: Span) -> bool:
    """A line break between the sentence and the one before: "The alliance rests on a treaty signed in 1960." ends one
    paragraph, and "The two ministers agreed to ..." opening the next is not of 1960."""
    doc = sentence.doc
    before = doc.text[doc[sentence.start - 1].idx : sentence.start_char] if sentence.start else ""
    leading = "".join(token.text for token in sentence if token.is_space) if sentence[0].is_space else ""
    return "\n" in before or "\n" in leading


def is_baseline(ent: Span) -> bool:
    """'compared with 2024', 'ahead of its 2027 goal', 'since 2021': a reference point, not the event's date."""
    head = ent.root.head
    words = {head.lower_, head.head.lower_, *(t.lower_ for t in ent.doc[max(ent.start - 2, 0) : ent.start])}
    reference_point = ent.root.dep_ in ("compound", "amod") and head.lemma_ in ("goal", "target", "deadline")
    return bool(words & BASELINE_WORDS) or reference_point


def nearest_date(trigger: Token, facts: SentenceFacts) -> DateSpan:
    """The date of the act: one on the trigger's own clause, else the nearest in the sentence. A date inside
    a noun phrase of the clause dates that noun ("discussed the kingdom's ambitions over the next four
    years"), not the act; with only such dates, the act has the sentence's date before them."""
    if not facts.date_tokens:
        return facts.date
    doc = trigger.doc
    own = [
        (start, span)
        for start, end, span in facts.date_tokens
        if not _describes_a_noun(doc[start:end].root, trigger)
        and not _dates_an_act_around_it(doc[start:end].root, trigger)
        and not _dates_a_clause_below(doc[start:end].root, trigger)
    ]
    subtree = {token.i for token in trigger.subtree}
    inside = [span for start, span in own if start in subtree]
    if inside:
        return inside[0]
    if own:
        return min(own, key=lambda item: abs(item[0] - trigger.i))[1]
    return facts.fallback


def _dates_an_act_around_it(date_root: Token, trigger: Token) -> bool:
    """'The agency shall adopt a plan, by March 1, to release files concerning the 1963 assassination': the date
    is the plan's. A date hung on a verb above a named act that has a verb of its
    own in between (publish, concerning) dates that verb, not the act named under it."""
    if not is_nominal(trigger):
        return False
    dated = next((token for token in date_root.ancestors if token.pos_ in ("VERB", "AUX")), None)
    governor = next((token for token in trigger.ancestors if token.pos_ in ("VERB", "AUX")), None)
    if dated is None or governor is None or governor.i == dated.i or dated.lemma_ in REPORTING_VERBS:
        return False  # "In 2021, the ministry said ... cooperation ...": the report's date frames what it says
    if governor in dated.conjuncts:
        return False  # "In 1945, Truman established ... and issued the first national call": both acts of 1945
    return dated.is_ancestor(governor)


def _dates_a_clause_below(date_root: Token, trigger: Token) -> bool:
    """'They back reforms in Haiti, agree on the need to ensure Venezuela never arms militias, stress the conference in
    view of elections on December 24': a date hung in a clause below the trigger that has a subject of its own dates
    that clause's act."""
    if not trigger.is_ancestor(date_root):
        return False
    token = date_root.head
    while token.i != trigger.i and token.head.i != token.i:
        if token.pos_ in ("VERB", "AUX") and any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children):
            return True
        token = token.head
    return False


def _describes_a_noun(date_root: Token, trigger: Token) -> bool:
    """A date hung on a noun of the trigger's clause (not the trigger itself) on its way up to the trigger."""
    token = date_root
    for _ in range(6):
        head = token.head
        if head.i in (token.i, trigger.i):  # the root, or the trigger itself (spaCy makes a new Token per access)
            return False
        if head.pos_ in ("NOUN", "PROPN") and token.dep_ in ("prep", "pobj", "npadvmod", "compound", "amod", "nmod"):
            return head.i in {t.i for t in trigger.subtree}
        token = head
    return False


DESCRIBING_DEPS = frozenset({"relcl", "acl"})


def date_carried(facts: SentenceFacts) -> DateSpan | None:
    """The date the next sentence of the paragraph takes when it has none: the first of this sentence's dates that is
    not inside a clause describing a noun ('a toddler whose parents were killed on October 7th' does not date 'The two
    leaders agreed ...' after it)."""
    doc = facts.sentence.doc
    for start, end, span in facts.date_tokens:
        token = doc[start:end].root
        while token.head.i != token.i and token.dep_ not in DESCRIBING_DEPS:
            token = token.head
        if token.dep_ not in DESCRIBING_DEPS:
            return span
    return None


def far_from_the_news(span: DateSpan | None, anchor: date | None) -> bool:
    """A date a year or more before the document's, or after it: background or plans, which a new paragraph leaves
    behind ("The alliance rests on a treaty signed in 1960." then "The two ministers agreed ..."), where "earlier
    this month" still dates the paragraph after it."""
    if span is None or span.start is None or span.end is None or anchor is None:
        return False
    return date.fromisoformat(span.end) < anchor - HISTORY_AGE or date.fromisoformat(span.start) > anchor
