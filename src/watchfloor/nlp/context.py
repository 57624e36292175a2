"""What every stage needs about one document: the record, the parsed text, the KB, the anchor date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from watchfloor.kb import KnowledgeBase

if TYPE_CHECKING:
    from watchfloor.geo.resolve import Resolver
from watchfloor.records import Actor, Document, Place, Quantity
from watchfloor.text import NormalisedText


@dataclass(slots=True)
class DocContext:
    """One document in flight: stages read it and add their findings."""

    document: Document
    normalised: NormalisedText
    parsed: Doc
    kb: KnowledgeBase
    places: list[Place] = field(default_factory=list)
    place_by_start: dict[int, Place] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    last_subjects: list[Actor] = field(default_factory=list)
    last_parties: list[Actor] = field(default_factory=list)  # both sides of the last event: "the two sides"
    last_meeting: list[Actor] = field(default_factory=list)  # both sides of the last meeting or call: "the leaders"
    last_meeting_end: int = 0  # where the sentence telling it ends
    quantities: dict[int, list[Quantity]] = field(default_factory=dict)
    resolver: Resolver | None = None
    countries: set[str] = field(default_factory=set)
    issuers: list[Actor] = field(default_factory=list)  # who "we" are: the publishing body, its joint partners
    # persons the text has placed, by the words of their name and their title (nlp.people)
    people: dict[tuple[frozenset[str], tuple[str, ...]], Actor] = field(default_factory=dict)

    @property
    def anchor(self) -> date | None:
        return self.document.published

    def original_span(self, start_char: int, end_char: int) -> tuple[int, int]:
        return self.normalised.original_span(start_char, end_char)

    def original_text(self, span: Span) -> str:
        start, end = self.original_span(span.start_char, span.end_char)
        return self.document.text[start:end]
