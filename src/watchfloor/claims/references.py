"""Attributions and definitions: does any source the KB knows stand behind them?

A figure can be right or wrong; an attribution or a definition can also come from nowhere. Two
reviewed tables decide it, never the wording of one article:

* ``publishers.yaml`` says which organisations publish which kinds of statistics. "According to the
  IMO, over 3,000 vessels pass through the strait daily" names a publisher the table knows and a
  kind of statistic (vessel transits) it does not publish: ``unsupported``. A publisher the table
  does not know leaves the claim ``unverifiable``: absence from our table is not evidence.
* ``definitions.yaml`` is a glossary with a reference for every term. "Reciprocal defense spending
  refers to ..." defines a term no reference defines: ``unsupported``; the sentences that go on to
  describe the same term ("The goal of reciprocal defense spending is ...", "This concept ...")
  inherit the finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from watchfloor.claims.verify import Check
from watchfloor.kb import KnowledgeBase
from watchfloor.kb.model import Definition, Publisher, StatisticTopic
from watchfloor.records import Quantity, Reference

ATTRIBUTION_CUE = re.compile(
    r"\b(according to|said|says|reported|reports|estimates?|data from|figures from|statistics from|cited)\b", re.I
)
DEFINING = re.compile(
    r"^(?:the term\s+)?[\"'‘“]?(?P<term>[A-Za-z][\w\s\-/]{2,60}?)[\"'’”]?\s+"
    r"(?:refers to|is defined as|is a term (?:for|used)|is the term for|means)\b",
    re.I,
)
DESCRIBING = re.compile(
    r"^the (?:goal|aim|purpose|idea|concept|principle) (?:of|behind) (?P<term>[A-Za-z][\w\s\-/]{2,60}?)\s+(?:is|are|was)\b", re.I
)
ANAPHORA = re.compile(r"^(?:this|that|the) (?:concept|term|strategy|idea|approach|principle|policy)\b|^it (?:also )?aims\b", re.I)
GLOSSARY = "watchfloor knowledge base, definitions.yaml (terms with the reference that defines each)"
LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


def _says(text: str, phrase: str) -> bool:
    """Whole-word match; abbreviations in capitals (IMO, GDP) must match in capitals."""
    flags = 0 if phrase.isupper() else re.I
    return re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text, flags) is not None


def _publisher_named(text: str, kb: KnowledgeBase) -> Publisher | None:
    for publisher in kb.references.publishers:
        if any(_says(text, name) for name in (publisher.name, *publisher.aliases)):
            return publisher
    return None


def _topics_named(text: str, kb: KnowledgeBase) -> list[StatisticTopic]:
    return [topic for topic in kb.references.topics.values() if any(_says(text, phrase) for phrase in topic.phrases)]


def check_attribution(text: str, quantities: list[Quantity], kb: KnowledgeBase) -> Check | None:
    """``unsupported`` when a figure is attributed to a publisher that does not publish its kind of figure."""
    if not quantities or not ATTRIBUTION_CUE.search(text):
        return None
    publisher = _publisher_named(text, kb)
    topics = _topics_named(text, kb)
    if publisher is None or not topics or any(topic.id in publisher.topics for topic in topics):
        return None
    topic = topics[0]
    figure = quantities[0].text
    reason = (
        f"The figure '{figure}' is attributed to the {publisher.name}, which publishes {publisher.publishes}, "
        f"not {topic.name}; no source the knowledge base knows gives this figure."
    )
    reference = Reference(publisher.id, f"The {publisher.name} publishes {publisher.publishes}.", None, publisher.source, None)
    return Check(
        subject=publisher.id,
        attribute=topic.id,
        value=quantities[0].value,
        verdict="unsupported",
        reason=reason,
        references=[reference],
    )


@dataclass(slots=True)
class Glossary:
    """The glossary lookups of one document, remembering terms already found undefined.

    A document that invents a term usually goes on about it for several sentences; those sentences
    refer back to the term ("This concept ...") and share its verdict.
    """

    kb: KnowledgeBase
    undefined: list[str] = field(default_factory=list)

    def check(self, text: str) -> Check | None:
        stripped = text.strip()
        if (match := DEFINING.match(stripped)) is not None:
            return self._defined(_clean(match.group("term")), stripped)
        if (match := DESCRIBING.match(stripped)) is not None:
            term = _clean(match.group("term"))
            return self._undefined(term, f"It describes '{term}', a term") if self._lookup(term) is None else None
        if ANAPHORA.match(stripped) and self.undefined:
            return self._undefined(self.undefined[-1], f"It goes on about '{self.undefined[-1]}', a term")
        return None

    def _defined(self, term: str, text: str) -> Check:
        found = self._lookup(term)
        if found is None:
            return self._undefined(term, f"It defines '{term}', a term")
        reference = Reference(found.id, f"{found.term}: {found.definition}", found.definition, found.source, None)
        check = Check(subject=found.id, attribute="definition", value=found.term, references=[reference])
        if _overlap(text, found.definition) >= 0.25:
            check.verdict, check.reason = "supported", f"The definition agrees with the reference ({found.source})."
        else:
            check.reason = f"'{found.term}' is a known term, but its reference defines it differently: {found.definition}."
        return check

    def _undefined(self, term: str, opening: str) -> Check:
        if term not in self.undefined:
            self.undefined.append(term)
        glossary = self.kb.references.definitions
        known = [d for d in glossary if _says(term, d.term) and d.term.lower() != term]
        reason = f"{opening} that no reference the knowledge base knows defines ({len(glossary)} glossary terms checked"
        reason += f"; '{known[0].term}' is known, '{term}' is not)." if known else ")."
        checked = Reference(
            "kb.definitions", f"The glossary of {len(glossary)} terms has no entry for '{term}'.", None, GLOSSARY, None
        )
        nearest = [Reference(d.id, f"{d.term}: {d.definition}", d.definition, d.source, None) for d in known[:1]]
        return Check(
            subject=term, attribute="definition", value=term, verdict="unsupported", reason=reason, references=[checked, *nearest]
        )

    def _lookup(self, term: str) -> Definition | None:
        wanted = _key(term)
        for definition in self.kb.references.definitions:
            if wanted in {_key(name) for name in (definition.term, *definition.aliases)}:
                return definition
        return None


def _clean(term: str) -> str:
    return LEADING_ARTICLE.sub("", " ".join(term.split())).lower()


def _key(term: str) -> str:
    """Spelling-insensitive key: case, hyphens and a plural s do not matter."""
    key = re.sub(r"[\s\-]+", " ", term.lower()).strip()
    return key[:-1] if key.endswith("s") and not key.endswith("ss") else key


def _overlap(text: str, definition: str) -> float:
    """Share of the reference definition's content words that the sentence uses."""
    words = {word for word in re.findall(r"[a-z]{4,}", definition.lower())}
    used = {word for word in re.findall(r"[a-z]{4,}", text.lower())}
    return len(words & used) / len(words) if words else 0.0
