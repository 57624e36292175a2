"""Validating knowledge-base files: one readable problem per line, for `watchfloor kb check`.

Checks every record against the schema of its section (required fields, ISO3 codes, dates,
coordinates in range, a source for every office term and fact), then across files: unique ids, no
alias used twice within a file, every term's office known, and no two people holding a
single-holder office at the same time.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

ISO3 = re.compile(r"^[A-Z]{3}$")
DOMAIN = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
PLACE_KINDS = frozenset(
    "country admin city sea strait channel gulf island island_group reef shoal base airport region ocean other".split()
)
REQUIRED = {
    "countries": ("iso3", "name"),
    "organisations": ("id", "name", "code", "sector"),
    "offices": ("id", "country", "title"),
    "people": ("id", "name", "country", "terms"),
    "platforms": ("id", "name", "country", "code", "kind"),
    "places": ("id", "name", "kind", "lat", "lon"),
    "facts": ("id", "subject", "attribute", "value", "source", "statement"),
    "attributes": ("id", "phrases"),
    "topics": ("id", "name", "phrases"),
    "publishers": ("id", "name", "topics", "source"),
    "definitions": ("id", "term", "definition", "source"),
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in one file, said so a person can fix it."""

    origin: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.where}: {self.message}"


Record = dict[str, Any]
Located = tuple[str, Record]  # (file it came from, record)


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _record_name(section: str, record: Record) -> str:
    return str(record.get("id") or record.get("iso3") or record.get("name") or f"a {section} record")


def check_record(section: str, record: Record) -> Iterator[str]:
    """Schema problems of one record, as messages."""
    for key in REQUIRED.get(section, ()):
        if record.get(key) in (None, "", []):
            yield f"missing '{key}'"
    yield from _check_codes(record)
    yield from _check_coordinates(record)
    checker = _SECTION_CHECKS.get(section)
    if checker is not None:
        yield from checker(record)


def _check_codes(record: Record) -> Iterator[str]:
    for key in ("iso3", "country"):
        value = record.get(key)
        if value not in (None, "") and not ISO3.match(str(value)):
            yield f"'{key}' must be an ISO 3166-1 alpha-3 code, not {value!r}"


def _check_coordinates(record: Record) -> Iterator[str]:
    for lat_key, lon_key in (("lat", "lon"), ("capital_lat", "capital_lon")):
        lat, lon = record.get(lat_key), record.get(lon_key)
        if lat is None and lon is None:
            continue
        if not isinstance(lat, int | float) or not -90 <= lat <= 90:
            yield f"'{lat_key}' must be a number from -90 to 90, not {lat!r}"
        if not isinstance(lon, int | float) or not -180 <= lon <= 180:
            yield f"'{lon_key}' must be a number from -180 to 180, not {lon!r}"


def _check_person(record: Record) -> Iterator[str]:
    for index, term in enumerate(record.get("terms") or [], start=1):
        where = f"term {index}"
        if not isinstance(term, dict):
            yield f"{where}: expected office, valid_from, valid_to, source"
            continue
        start, end = _as_date(term.get("valid_from")), term.get("valid_to")
        if not term.get("office"):
            yield f"{where}: missing 'office'"
        if start is None:
            yield f"{where}: 'valid_from' must be a date (YYYY-MM-DD), not {term.get('valid_from')!r}"
        if end is not None and _as_date(end) is None:
            yield f"{where}: 'valid_to' must be a date or empty, not {end!r}"
        elif start and end and _as_date(end) < start:  # type: ignore[operator]
            yield f"{where}: ends ({end}) before it starts ({start})"
        if not term.get("source"):
            yield f"{where}: missing 'source'"


def _check_organisation(record: Record) -> Iterator[str]:
    for site in record.get("websites") or []:
        if not DOMAIN.match(str(site)):
            yield f"'websites' holds domain names in lower case ('state.gov'), not {site!r}"


def _check_place(record: Record) -> Iterator[str]:
    if record.get("kind") and record["kind"] not in PLACE_KINDS:
        yield f"'kind' must be one of {', '.join(sorted(PLACE_KINDS))}, not {record['kind']!r}"


def _check_fact(record: Record) -> Iterator[str]:
    start, end = record.get("valid_from"), record.get("valid_to")
    for key, value in (("valid_from", start), ("valid_to", end)):
        if value not in (None, "") and _as_date(value) is None:
            yield f"'{key}' must be a date (YYYY-MM-DD), not {value!r}"
    if _as_date(start) and _as_date(end) and _as_date(end) < _as_date(start):  # type: ignore[operator]
        yield f"valid_to ({end}) is before valid_from ({start})"


_SECTION_CHECKS: dict[str, Callable[[Record], Iterator[str]]] = {
    "people": _check_person,
    "places": _check_place,
    "organisations": _check_organisation,
    "facts": _check_fact,
}


def check_sections(sections: dict[str, list[Located]]) -> list[Problem]:
    """Every problem in the loaded sections: per record, then across records and files."""
    problems = [
        Problem(origin, f"{section} {_record_name(section, record)}", message)
        for section, records in sections.items()
        for origin, record in records
        for message in check_record(section, record)
    ]
    problems.extend(_duplicate_ids(sections))
    problems.extend(_duplicate_aliases(sections))
    problems.extend(_unknown_references(sections))
    problems.extend(_overlapping_terms(sections))
    return problems


def _duplicate_ids(sections: dict[str, list[Located]]) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for section, records in sections.items():
        for origin, record in records:
            key = str(record.get("id") or record.get("iso3") or "")
            if not key or (section == "people" and key in seen and seen[key] == origin):
                continue  # CSV people repeat their id once per term
            if key in seen:
                yield Problem(origin, f"{section} {key}", f"id already used in {seen[key]}")
            seen[key] = origin


def _duplicate_aliases(sections: dict[str, list[Located]]) -> Iterator[Problem]:
    for section, records in sections.items():
        owners: dict[tuple[str, str], str] = {}  # (scope, alias) -> first record using it
        for origin, record in records:
            name = _record_name(section, record)
            scope = f"{origin}:{record.get('country')}" if section == "offices" else origin  # titles repeat per country
            names = [alias for field in ("aliases", "demonyms", "peoples", "websites") for alias in record.get(field) or []]
            for alias in {str(a).lower() for a in names}:
                owner = owners.setdefault((scope, alias), name)
                if owner != name:
                    yield Problem(origin, f"{section} {name}", f"alias {alias!r} is also used by {owner}")


def _unknown_references(sections: dict[str, list[Located]]) -> Iterator[Problem]:
    offices = {str(record.get("id")) for _, record in sections.get("offices", [])}
    attributes = {str(record.get("id")) for _, record in sections.get("attributes", [])}
    for origin, record in sections.get("people", []):
        for term in record.get("terms") or []:
            if isinstance(term, dict) and term.get("office") and term["office"] not in offices:
                yield Problem(origin, f"people {record.get('id')}", f"unknown office {term['office']!r}")
    for origin, record in sections.get("facts", []):
        if attributes and record.get("attribute") not in attributes:
            yield Problem(origin, f"facts {record.get('id')}", f"unknown attribute {record.get('attribute')!r}")


def _overlapping_terms(sections: dict[str, list[Located]]) -> Iterator[Problem]:
    """No two people may hold a single-holder office on the same day (handover days excepted)."""
    single = {str(r.get("id")) for _, r in sections.get("offices", []) if r.get("single_holder", True)}
    terms: dict[str, list[tuple[date, date, str, str]]] = defaultdict(list)
    for origin, record in sections.get("people", []):
        for term in record.get("terms") or []:
            start = _as_date(term.get("valid_from")) if isinstance(term, dict) else None
            if start is None or term.get("office") not in single:
                continue
            end = _as_date(term.get("valid_to")) or date.max
            terms[term["office"]].append((start, end, str(record.get("id")), origin))
    for office, spans in terms.items():
        spans.sort()
        for (_, end_a, person_a, _), (start_b, _, person_b, origin_b) in itertools.pairwise(spans):
            if end_a > start_b and person_a != person_b:
                yield Problem(origin_b, f"people {person_b}", f"{office} from {start_b} overlaps {person_a} (until {end_a})")
