"""References back to the parties just named: 'the two nations', 'both ministers', 'the leaders' after a meeting,
'they' agreeing or talking. They stand for the two sides of the last event, or for those who last met or spoke."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from watchfloor.nlp.context import DocContext
from watchfloor.records import Actor

# What two parties do together, which "they" after a meeting or call refers to: "They agreed to remain in contact"
JOINT_ACT_VERBS = frozenset({"agree", "discuss", "meet", "talk", "exchange", "consult", "negotiate", "commit"})
MEETING_REACH = 1500  # characters after a meeting within which "the leaders" and "they" are its sides
PAIR_NOUNS = frozenset({"nation", "country", "leader", "side", "government", "president", "minister", "ally", "state"})


def names_a_pair(token: Token) -> bool:
    """'the two nations', 'both leaders', 'the two sides', 'the leaders' with nothing more said of them, and 'they'
    agreeing or talking: a reference back to the two parties just named (read as such only when the last event had
    two, one per country)."""
    if token.lower_ == "they":  # not "they met with President Bazoum": one side, meeting the other
        verb = token.head
        met = verb.lemma_.lower() == "meet" and any(child.dep_ == "dobj" for child in verb.children)
        sides = met or any(child.dep_ == "prep" and child.lower_ == "with" for child in verb.children)
        return token.dep_ == "nsubj" and verb.lemma_.lower() in JOINT_ACT_VERBS and not sides
    if token.lemma_.lower() not in PAIR_NOUNS:
        return False
    if token.tag_ == "NNS" and token.text.islower() and [child.lower_ for child in token.children] == ["the"]:
        return True  # "the leaders"; a summit's "The Leaders" are all of its members
    return any(child.lower_ in ("two", "both") and child.dep_ in ("nummod", "det", "predet") for child in token.children)


def last_pair(token: Token, ctx: DocContext, mention: str, people: bool) -> list[Actor]:
    """The two parties of the last event, one per country, when it had exactly two; the mention is kept as
    their text, so the coder can tell a re-mention ('the two ministers agreed ...') from a new act. People ('the
    leaders', 'they') are first those who last met or spoke, whatever was said of others since ('thanked Petro for
    all Colombia has done for Haitian families. The leaders also pledged ...')."""
    counted = any(child.lower_ in ("two", "both") for child in token.children)
    recent = token.idx - ctx.last_meeting_end < MEETING_REACH
    for parties in (ctx.last_meeting, ctx.last_parties) if people and recent else (ctx.last_parties,):
        by_country: dict[str, Actor] = {}
        for actor in parties:
            if actor.country:
                by_country.setdefault(actor.country, dataclasses.replace(actor, text=mention))
        if len(by_country) == 2 or (len(by_country) > 2 and token.lower_ != "they" and people and not counted):
            return list(by_country.values())
    return []


def refers_to_a_pair(actor: Actor) -> bool:
    """An actor found through 'the two leaders', 'both nations', 'the leaders', 'they'."""
    words = actor.text.lower().split()
    if words == ["they"]:
        return True
    both = len(words) >= 2 and (words[0] == "both" or words[:2] == ["the", "two"])
    return (both or (len(words) == 2 and words[0] == "the")) and words[-1].rstrip("s") in PAIR_NOUNS
