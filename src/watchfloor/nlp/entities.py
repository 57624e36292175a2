"""Entity lookups over a parsed document, computed once per document.

spaCy builds a fresh list of Span objects on every ``doc.ents`` or ``span.ents`` access, which made
entity lookups the slowest part of the pipeline; these helpers build the list and a token index once
and keep them in ``doc.user_data``.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from spacy.tokens import Doc, Span

_KEY = "watchfloor.entities"


def _index(doc: Doc) -> dict[str, Any]:
    cached: dict[str, Any] | None = doc.user_data.get(_KEY)
    if cached is None:
        entities = list(doc.ents)
        by_token = {i: ent for ent in entities for i in range(ent.start, ent.end)}
        cached = {"entities": entities, "starts": [ent.start for ent in entities], "by_token": by_token}
        doc.user_data[_KEY] = cached
    return cached


def all_entities(doc: Doc) -> list[Span]:
    entities: list[Span] = _index(doc)["entities"]
    return entities


def entity_at(doc: Doc, token_index: int) -> Span | None:
    """The entity that covers a token, or None."""
    found: Span | None = _index(doc)["by_token"].get(token_index)
    return found


def entities_in(span: Span) -> list[Span]:
    """The entities that start inside ``span`` (a sentence, usually)."""
    index = _index(span.doc)
    first = bisect_left(index["starts"], span.start)
    last = bisect_left(index["starts"], span.end)
    entities: list[Span] = index["entities"][first:last]
    return entities
