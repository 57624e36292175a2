"""SQL for the query commands, built from one Filters object with bound parameters only."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(slots=True)
class Filters:
    """Query filters; every field is optional. Codes match by prefix: 'CHN' matches CHNMIL."""

    actor: str | None = None
    recipient: str | None = None
    event_type: str | None = None
    mode: str | None = None
    context: str | None = None
    since: date | None = None
    until: date | None = None
    place: str | None = None
    verdict: str | None = None
    kind: str | None = None
    text: str | None = None
    include_aux: bool = True
    checked_only: bool = False
    limit: int = 100
    offset: int = 0


@dataclass(slots=True)
class Where:
    """WHERE clauses and their parameters; a clause is added only when its value is given."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, value: Any, clause: str, *params: Any) -> None:
        if value is None or value == "":
            return
        self.clauses.append(clause)
        self.params.extend(params or [value] * clause.count("?"))

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.clauses) if self.clauses else ""


def _code_clause(column: str) -> str:
    return f"len(list_filter({column}, c -> c LIKE ?)) > 0"


def _prefix(code: str | None) -> str | None:
    return code.upper() + "%" if code else None


def _contains(text: str | None) -> str | None:
    return f"%{text}%" if text else None


def event_query(filters: Filters) -> tuple[str, list[Any]]:
    where = Where()
    where.add(_prefix(filters.actor), _code_clause("e.actor_codes"))
    where.add(_prefix(filters.recipient), _code_clause("e.recipient_codes"))
    where.add(filters.event_type and filters.event_type.upper(), "e.event = ?")
    where.add(filters.mode, "e.mode = ?")
    where.add(filters.context, "list_contains(e.contexts, ?)")
    where.add(filters.since, "e.date_end >= ?")
    where.add(filters.until, "e.date_start <= ?")
    where.add(_contains(filters.place), "e.place_name ILIKE ?")
    where.add(_contains(filters.text), "e.text ILIKE ?")
    if not filters.include_aux:
        where.clauses.append("e.aux IS NULL")
    return _select("e.data", "events e", where, "e.date_start NULLS LAST, e.span_start", filters)


def claim_query(filters: Filters) -> tuple[str, list[Any]]:
    where = Where()
    where.add(filters.verdict, "c.verdict = ?")
    where.add(filters.kind, "c.kind = ?")
    where.add(_contains(filters.text), "c.text ILIKE ?")
    where.add(filters.since, "c.as_of >= ?")
    where.add(filters.until, "c.as_of <= ?")
    if filters.checked_only:
        where.clauses.append("c.verdict <> 'unverifiable'")
    return _select("c.data", "claims c", where, "d.published, c.checkworthy DESC", filters)


def _select(data: str, table: str, where: Where, order: str, filters: Filters) -> tuple[str, list[Any]]:
    alias = table.split()[1]
    sql = f"SELECT {data}, d.id, d.title, d.published FROM {table} JOIN documents d ON d.sha256 = {alias}.doc_sha256"
    sql += where.sql() + f" ORDER BY {order} LIMIT ? OFFSET ?"
    return sql, [*where.params, filters.limit, filters.offset]


def doc_query(filters: Filters) -> tuple[str, list[Any]]:
    where = Where()
    pattern = _contains(filters.text)
    where.add(pattern, "(d.text ILIKE ? OR d.title ILIKE ?)", pattern, pattern)
    where.add(filters.since, "d.published >= ?")
    where.add(filters.until, "d.published <= ?")
    sql = (
        "SELECT d.id, d.title, d.url, d.source, d.published, d.language, d.sha256, d.origin, "
        "(SELECT count(*) FROM events e WHERE e.doc_sha256 = d.sha256) AS events, "
        "(SELECT count(*) FROM claims c WHERE c.doc_sha256 = d.sha256) AS claims FROM documents d"
    )
    sql += where.sql() + " ORDER BY d.published NULLS LAST, d.id LIMIT ? OFFSET ?"
    return sql, [*where.params, filters.limit, filters.offset]
