"""People named again later in a document by part of their name.

"King Abdullah II of Jordan" opens a readout and "King Abdullah" follows; "Israeli Defence Minister Yoav Gallant"
becomes "Gallant". The KB knows a person by the names it lists, and a person it does not know is placed only by
the words around the first mention; so each person the text has placed is remembered by the words of their name,
and a later mention whose name words are all among one remembered person's is that person.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Span, Token

from watchfloor.nlp.context import DocContext
from watchfloor.nlp.entities import entity_at
from watchfloor.records import Actor


def _name_words(person: Span | list[Token], titles: frozenset[str]) -> frozenset[str]:
    return frozenset(t.lower_ for t in person if t.is_alpha and t.lower_ not in titles)


def _the_person(tokens: list[Token]) -> Span | None:
    people = {ent.start: ent for t in tokens if t.ent_type_ == "PERSON" and (ent := entity_at(t.doc, t.i)) is not None}
    return next(iter(people.values())) if len(people) == 1 else None


def remember(tokens: list[Token], actors: list[Actor], ctx: DocContext, titles: frozenset[str]) -> None:
    """Keep the one placed actor a phrase naming one person gave, under the words of the name and its titles."""
    person = _the_person(tokens)
    placed = [actor for actor in actors if actor.country]
    if person is not None and len(placed) == 1 and (words := _name_words(person, titles)):
        # the words before the name, and titles the tagger took into it ("President Biden" as one PERSON)
        before = [t for t in tokens if t.i < person.start and t.is_alpha and t.dep_ not in ("det", "poss")]
        inside = [t for t in person if t.lower_ in titles or t.lower_ in RANKS]
        title = tuple(t.lower_ for t in sorted([*before, *inside], key=lambda t: t.i))
        ctx.people[(words, title)] = placed[0]


def titled_before(title: Token, ctx: DocContext) -> Actor | None:
    """'The President' after 'President Donald J. Trump' in a readout: the one person the text has given that title,
    when only one has had it (a readout of a meeting of two presidents leaves it unsaid); 'the Vice President' is
    no president."""
    said = tuple(t.lower_ for t in title.subtree if t.i <= title.i and t.is_alpha and t.dep_ not in ("det", "poss"))
    matches = {actor.code: actor for (_, given), actor in ctx.people.items() if _same_title(said, given)}
    if len(matches) != 1:
        return None
    return dataclasses.replace(next(iter(matches.values())), text=title.text)


def named_before(tokens: list[Token], ctx: DocContext, titles: frozenset[str]) -> Actor | None:
    """The one person remembered whose name holds every word of this phrase's person name (or of its untagged proper
    nouns: the tagger often misses a surname alone, 'Gallant later criticized ...')."""
    person = _the_person(tokens)
    untagged = [t for t in tokens if t.pos_ == "PROPN" and not t.ent_type_]
    words = _name_words(person, titles) if person is not None else _name_words(untagged, titles)
    if not words:
        return None
    matches = {actor.code: actor for (known, _), actor in ctx.people.items() if words <= known}
    if len(matches) != 1:
        return None
    actor = next(iter(matches.values()))
    return dataclasses.replace(actor, text=" ".join(t.text for t in tokens))


RANKS = frozenset({"vice", "deputy", "former", "acting", "assistant", "under", "crown", "prime", "first", "second"})


def _same_title(said: tuple[str, ...], given: tuple[str, ...]) -> bool:
    """'the President' is 'U.S. President Joe Biden' but not 'Vice President Kamala Harris'."""
    if not said or given[-len(said) :] != said:
        return False
    return len(given) == len(said) or given[-len(said) - 1] not in RANKS
