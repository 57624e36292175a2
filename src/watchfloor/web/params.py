"""Query parameters of the workbench, checked once for the API and the pages alike.

The CLI and the workbench must mean the same thing by a filter, so both end in the store's
``Filters``. A browser or a script can send anything, so every value is checked here against the
ontology and the contract: a wrong value is a 400 with a sentence saying what is allowed, never a
silently empty result and never a 500.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, get_args

from watchfloor.errors import Code, RequestError, WatchfloorError
from watchfloor.events import load_ontology
from watchfloor.records import ClaimKind, Verdict
from watchfloor.sources.dates import parse_published
from watchfloor.store import Filters

PLACE_KINDS = ("country", "admin", "city", "sea", "strait", "island", "region", "base", "other")
MAX_PER_PAGE = 500
PAGING = ("page", "per_page")
EVENT_PARAMS = ("actor", "recipient", "type", "mode", "context", "since", "until", "place", "q", "include_aux", *PAGING)
CLAIM_PARAMS = ("verdict", "kind", "since", "until", "q", "checked", *PAGING)
DOCUMENT_PARAMS = ("since", "until", "q", *PAGING)
PLACE_PARAMS = ("q", "kind", "since", "until", *PAGING)
ACTOR_PARAMS = ("actor", "recipient", "type", "mode", "context", "since", "until", "place", "q", "include_aux")


@dataclass(frozen=True, slots=True)
class Page:
    """Which slice of the rows a request asks for (pages count from 1)."""

    number: int
    size: int

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    def envelope(self, total: int, items: list[dict[str, Any]]) -> dict[str, Any]:
        """The list response: the contract's objects under ``items`` and where they sit in the whole."""
        pages = max(1, math.ceil(total / self.size))
        if self.number > pages:
            raise RequestError(Code.PAGE_OUT_OF_RANGE, status=404, page=self.number, total=total, pages=pages, per_page=self.size)
        return {"total": total, "page": self.number, "per_page": self.size, "pages": pages, "items": items}


def check_known(params: Mapping[str, str], allowed: Iterable[str]) -> None:
    """A misspelt filter ('verdit=supported') must not silently return everything."""
    allowed = tuple(allowed)
    for name in params:
        if name not in allowed:
            raise RequestError(Code.UNKNOWN_PARAMETER, name=name, choices=", ".join(allowed))


def page_of(params: Mapping[str, str], default_size: int = 50) -> Page:
    number = _integer(params, "page", 1)
    size = _integer(params, "per_page", default_size)
    if number < 1:
        raise RequestError(Code.BAD_PARAMETER, name="page", detail=f"must be 1 or more, not {number}")
    if not 1 <= size <= MAX_PER_PAGE:
        raise RequestError(Code.BAD_PARAMETER, name="per_page", detail=f"must be between 1 and {MAX_PER_PAGE}, not {size}")
    return Page(number, size)


def _integer(params: Mapping[str, str], name: str, default: int) -> int:
    raw = params.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(str(raw))
    except ValueError:
        raise RequestError(Code.BAD_PARAMETER, name=name, detail=f"expected a whole number, not {raw!r}") from None


def _choice(params: Mapping[str, str], name: str, choices: Iterable[str], upper: bool = False) -> str | None:
    raw = (params.get(name) or "").strip()
    if not raw:
        return None
    value = raw.upper() if upper else raw
    options = sorted(choices)
    if value not in options:
        raise RequestError(Code.BAD_PARAMETER, name=name, detail=f"unknown value {raw!r}; expected one of: {', '.join(options)}")
    return value


def _flag(params: Mapping[str, str], name: str) -> bool:
    raw = (params.get(name) or "").strip().lower()
    if raw in ("", "0", "false", "no", "off"):
        return False
    if raw in ("1", "true", "yes", "on"):
        return True
    raise RequestError(Code.BAD_PARAMETER, name=name, detail=f"expected true or false, not {raw!r}")


def _date_filters(params: Mapping[str, str]) -> dict[str, Any]:
    dates: dict[str, Any] = {}
    for name in ("since", "until"):
        raw = (params.get(name) or "").strip()
        if raw:
            try:
                dates[name] = parse_published(raw, name)
            except WatchfloorError as error:
                raise RequestError(Code.BAD_PARAMETER, name=name, detail=error.message) from None
    if dates.get("since") and dates.get("until") and dates["since"] > dates["until"]:
        raise RequestError(Code.BAD_PARAMETER, name="since", detail="is after until")
    return dates


def _text(params: Mapping[str, str], name: str) -> str | None:
    return (params.get(name) or "").strip() or None


def event_filters(params: Mapping[str, str], page: Page | None = None) -> Filters:
    ontology = load_ontology()
    event_type = _choice(params, "type", ontology.types, upper=True)
    modes = ontology.types[event_type].modes if event_type else {m for t in ontology.types.values() for m in t.modes}
    filters = Filters(
        actor=_text(params, "actor"),
        recipient=_text(params, "recipient"),
        event_type=event_type,
        mode=_choice(params, "mode", modes),
        context=_choice(params, "context", ontology.contexts),
        place=_text(params, "place"),
        text=_text(params, "q"),
        include_aux=_flag(params, "include_aux"),
        **_date_filters(params),
    )
    return _paged(filters, page)


def claim_filters(params: Mapping[str, str], page: Page | None = None) -> Filters:
    filters = Filters(
        verdict=_choice(params, "verdict", get_args(Verdict)),
        kind=_choice(params, "kind", get_args(ClaimKind)),
        text=_text(params, "q"),
        checked_only=_flag(params, "checked"),
        **_date_filters(params),
    )
    return _paged(filters, page)


def document_filters(params: Mapping[str, str], page: Page | None = None) -> Filters:
    return _paged(Filters(text=_text(params, "q"), **_date_filters(params)), page)


def place_filters(params: Mapping[str, str], page: Page | None = None) -> Filters:
    filters = Filters(text=_text(params, "q"), kind=_choice(params, "kind", PLACE_KINDS), **_date_filters(params))
    return _paged(filters, page)


def _paged(filters: Filters, page: Page | None) -> Filters:
    if page is not None:
        filters.limit, filters.offset = page.size, page.offset
    else:
        filters.limit, filters.offset = 10**9, 0
    return filters
