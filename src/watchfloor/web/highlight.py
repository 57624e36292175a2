"""The article text with events, claims and places marked in place, escaped for HTML.

Events and claims are whole sentences and places sit inside them, so marks overlap. The text is cut
at every mark boundary; each piece is escaped and wrapped once with the ids of all the marks that
cover it. Nothing from the article is ever emitted unescaped: the text is data, not markup.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Mark:
    key: str
    kind: str  # event | claim | place
    start: int
    end: int
    css: str


def marks_of(doc: dict[str, Any]) -> list[Mark]:
    """The marks of a document page: every event, claim and place with a span inside the text."""
    length = len(doc["text"])
    marks = [Mark(f"e-{e['id']}", "event", e["span"][0], e["span"][1], f"ev q-{e['quad']}") for e in doc["events"]]
    marks += [Mark(f"c-{c['id']}", "claim", c["span"][0], c["span"][1], f"cl v-{c['verdict']}") for c in doc["claims"]]
    marks += [Mark(f"p-{i}", "place", p["span"][0], p["span"][1], "pl") for i, p in enumerate(doc["places"])]
    return [mark for mark in marks if 0 <= mark.start < mark.end <= length]


def highlighted(text: str, marks: list[Mark]) -> Markup:
    """HTML of ``text`` with a ``<mark>`` around each stretch covered by one or more marks."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    pieces = []
    for start, end in itertools.pairwise(cuts):
        covering = [mark for mark in marks if mark.start <= start and end <= mark.end]
        piece = escape(text[start:end])
        if not covering:
            pieces.append(str(piece))
            continue
        classes = " ".join(sorted({css for mark in covering for css in mark.css.split()}))
        keys = " ".join(mark.key for mark in covering)
        pieces.append(f'<mark class="{escape(classes)}" data-marks="{escape(keys)}" tabindex="0">{piece}</mark>')
    return Markup("".join(pieces))


def mark_records(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each mark's full record by key, for the details panel."""
    found: dict[str, dict[str, Any]] = {}
    for event in doc["events"]:
        found[f"e-{event['id']}"] = {**event, "mark": "event"}
    for claim in doc["claims"]:
        found[f"c-{claim['id']}"] = {**claim, "mark": "claim"}
    for index, place in enumerate(doc["places"]):
        found[f"p-{index}"] = {**place, "mark": "place"}
    return found


def json_for_html(data: Any) -> Markup:
    """JSON safe inside a ``<script type="application/json">`` block: no ``</script>`` can close it early."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))
