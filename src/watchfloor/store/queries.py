"""SQL for the query commands, built from one Filters object with bound parameters only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(slots=True)
class Filters:
    """Query filters; every field is optional. Codes match by prefix: 'CHN' matches CHNMIL."""

    actor: str | None = None
    recipient: str | None = None
    event_type: str | None = None
    since: date | None = None
    until: date | None = None
    place: str | None = None
    verdict: str | None = None
    kind: str | None = None
    text: str | None = None
    include_aux: bool = True
    limit: int = 100
    offset: int = 0


def _code_clause(column: str, code: str, params: list[Any]) -> str:
    params.append(code.upper() + "%")
    return f"len(list_filter({column}, c -> c LIKE ?)) > 0"


def event_query(filters: Filters) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if filters.actor:
        where.append(_code_clause("e.actor_codes", filters.actor, params))
    if filters.recipient:
        where.append(_code_clause("e.recipient_codes", filters.recipient, params))
    if filters.event_type:
        where.append("e.event = ?")
        params.append(filters.event_type.upper())
    if filters.since:
        where.append("e.date_end >= ?")
        params.append(filters.since)
    if filters.until:
        where.append("e.date_start <= ?")
        params.append(filters.until)
    if filters.place:
        where.append("e.place_name ILIKE ?")
        params.append(f"%{filters.place}%")
    if filters.text:
        where.append("e.text ILIKE ?")
        params.append(f"%{filters.text}%")
    if not filters.include_aux:
        where.append("e.aux IS NULL")
    return _select("e.data", "events e", where, "e.date_start NULLS LAST, e.span_start", filters, params)


def claim_query(filters: Filters) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if filters.verdict:
        where.append("c.verdict = ?")
        params.append(filters.verdict)
    if filters.kind:
        where.append("c.kind = ?")
        params.append(filters.kind)
    if filters.text:
        where.append("c.text ILIKE ?")
        params.append(f"%{filters.text}%")
    if filters.since:
        where.append("c.as_of >= ?")
        params.append(filters.since)
    if filters.until:
        where.append("c.as_of <= ?")
        params.append(filters.until)
    return _select("c.data", "claims c", where, "d.published, c.checkworthy DESC", filters, params)


def _select(data: str, table: str, where: list[str], order: str, filters: Filters, params: list[Any]) -> tuple[str, list[Any]]:
    alias = table.split()[1]
    sql = f"SELECT {data}, d.id, d.title, d.published FROM {table} JOIN documents d ON d.sha256 = {alias}.doc_sha256"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order} LIMIT ? OFFSET ?"
    return sql, [*params, filters.limit, filters.offset]


def doc_query(filters: Filters) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if filters.text:
        where.append("(d.text ILIKE ? OR d.title ILIKE ?)")
        params.extend([f"%{filters.text}%"] * 2)
    if filters.since:
        where.append("d.published >= ?")
        params.append(filters.since)
    if filters.until:
        where.append("d.published <= ?")
        params.append(filters.until)
    sql = (
        "SELECT d.id, d.title, d.url, d.source, d.published, d.language, d.sha256, d.origin, "
        "(SELECT count(*) FROM events e WHERE e.doc_sha256 = d.sha256) AS events, "
        "(SELECT count(*) FROM claims c WHERE c.doc_sha256 = d.sha256) AS claims FROM documents d"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY d.published NULLS LAST, d.id LIMIT ? OFFSET ?"
    return sql, [*params, filters.limit, filters.offset]
