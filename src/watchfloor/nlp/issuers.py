"""Who speaks in a document: the body whose website published it, and the partners of a joint statement.

"We will continue to impose sanctions on Russia" in a joint statement of the United States and Japan
is the two governments speaking; "my Administration" in a White House proclamation is the US
government. News copy has no issuer: its "we" belongs to a quoted speaker or to the newspaper, and
stays unresolved.
"""

from __future__ import annotations

import re

from watchfloor.kb import Entity, KnowledgeBase
from watchfloor.records import Actor, Document

JOINT = re.compile(r"\bjoint (?:statement|declaration|communiqu[eé]|readout|vision statement|leaders' statement)\b", re.I)
# a document about a joint statement is not one: "Background Press Call on ... Joint Statement from the Leaders of ..."
ABOUT_A_TEXT = re.compile(
    r"^(?:background |on-the-record )?(?:press (?:call|briefing|gaggle)|remarks|statement (?:by|from))\b", re.I
)
MAX_NAME_WORDS = 4


def document_issuers(document: Document, kb: KnowledgeBase) -> list[Actor]:
    """The body that published the document, then the other countries a joint statement's title names."""
    body = kb.issuer(document.url)
    if body is None or not body.code:
        return []
    issuers = [Actor(text=body.name, name=body.name, code=body.code, country=body.country, sector=body.sector, kb_id=body.id)]
    if document.title and JOINT.search(document.title) and not ABOUT_A_TEXT.match(document.title) and body.sector:
        for country in countries_named(document.title, kb):
            if country.country and country.country != body.country:
                issuers.append(_government(country, body.sector))
    return issuers


def _government(country: Entity, sector: str) -> Actor:
    """A joint statement's partner, in the same capacity as the publishing body (its government, its military)."""
    code = f"{country.country}{sector}"
    return Actor(text=country.name, name=country.name, code=code, country=country.country, sector=sector, kb_id=country.id)


def countries_named(title: str, kb: KnowledgeBase) -> list[Entity]:
    """Countries a title names, longest names first ('the United States and Japan' -> USA, JPN)."""
    words = re.findall(r"[\w.'-]+", title)
    found: dict[str, Entity] = {}
    taken: set[int] = set()
    for size in range(MAX_NAME_WORDS, 0, -1):
        for start in range(len(words) - size + 1):
            span = set(range(start, start + size))
            if span & taken:
                continue
            country = next((e for e in kb.lookup(" ".join(words[start : start + size])) if e.kind == "country"), None)
            if country is not None:
                found.setdefault(country.id, country)
                taken |= span
    return list(found.values())
