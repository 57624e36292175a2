"""Read-only views over the store for the workbench: totals, actors, the actor network, places, search.

The query commands page through rows; a browser also needs to know how many rows there are, who the
actors are, who acts on whom, and where things happened. These are aggregates over the same tables,
built with the same filters, so a page and the CLI always agree on what a filter means.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from importlib import resources
from typing import Any

import duckdb

from watchfloor.errors import Code, StoreError
from watchfloor.store.duckdb_store import DuckDBStore, _plain_row
from watchfloor.store.queries import Filters, Where, claim_query, doc_query, event_query

_LIMIT_TAIL = re.compile(r" ORDER BY .* LIMIT \? OFFSET \?$", re.DOTALL)
_ACTOR_ROLES = ("actor", "recipient")


def _total(build: Callable[[Filters], tuple[str, list[Any]]], store: DuckDBStore, filters: Filters) -> int:
    """How many rows a paged query would return without its page: the same SQL, counted."""
    sql, params = build(filters)
    inner = _LIMIT_TAIL.sub("", sql)
    row = store.connection.execute(f"SELECT count(*) FROM ({inner})", params[:-2]).fetchone()
    return int(row[0]) if row else 0


def count_events(store: DuckDBStore, filters: Filters) -> int:
    return _total(event_query, store, filters)


def count_claims(store: DuckDBStore, filters: Filters) -> int:
    return _total(claim_query, store, filters)


def count_documents(store: DuckDBStore, filters: Filters) -> int:
    return _total(doc_query, store, filters)


def _event_rows(filters: Filters) -> tuple[str, list[Any]]:
    """The filtered events as a subquery, without paging: the base of every aggregate."""
    sql, params = event_query(filters)
    sql = _LIMIT_TAIL.sub("", sql).replace("SELECT e.data, d.id, d.title, d.published", "SELECT e.*", 1)
    return sql, params[:-2]


def actors(store: DuckDBStore, filters: Filters) -> list[dict[str, Any]]:
    """Every actor code in the filtered events: its name, how often it acts and is acted on, mean intensity."""
    base, params = _event_rows(filters)
    parts = []
    for role in _ACTOR_ROLES:
        parts.append(
            f"SELECT json_extract_string(j, '$.code') AS code, json_extract_string(j, '$.name') AS name, "
            f"json_extract_string(j, '$.country') AS country, json_extract_string(j, '$.sector') AS sector, "
            f"'{role}' AS role, intensity FROM (SELECT unnest(CAST(json_extract(data, '$.{role}') AS JSON[])) AS j, "
            f"intensity FROM ({base}))"
        )
    sql = (
        "SELECT code, mode(name) AS name, any_value(country) AS country, any_value(sector) AS sector, "
        "count(*) FILTER (role = 'actor') AS as_actor, count(*) FILTER (role = 'recipient') AS as_recipient, "
        f"round(avg(intensity), 2) AS mean_intensity FROM ({' UNION ALL '.join(parts)}) "
        "GROUP BY code ORDER BY as_actor + as_recipient DESC, code"
    )
    return _dicts(store.connection.execute(sql, params * 2))


def network(store: DuckDBStore, filters: Filters) -> list[dict[str, Any]]:
    """Who acts on whom: one edge per actor-recipient pair, weighted by count and mean intensity."""
    base, params = _event_rows(filters)
    sql = (
        "SELECT source, target, count(*) AS events, round(avg(intensity), 2) AS mean_intensity, "
        "round(sum(abs(intensity)), 2) AS weight, list(DISTINCT event ORDER BY event) AS types FROM ("
        f"SELECT unnest(actor_codes) AS source, recipient_codes, intensity, event FROM ({base})) "
        ", unnest(recipient_codes) AS r(target) WHERE source <> target "
        "GROUP BY source, target ORDER BY events DESC, source, target"
    )
    return _dicts(store.connection.execute(sql, params))


def _place_query(filters: Filters, select: str) -> tuple[str, list[Any]]:
    where = Where()
    where.add(f"%{filters.text}%" if filters.text else None, "p.name ILIKE ?")
    where.add(filters.kind, "p.kind = ?")
    where.add(filters.since, "d.published >= ?")
    where.add(filters.until, "d.published <= ?")
    return f"SELECT {select} FROM places p JOIN documents d ON d.sha256 = p.doc_sha256{where.sql()}", where.params


def places(store: DuckDBStore, filters: Filters) -> list[dict[str, Any]]:
    """Place mentions as the contract's Place objects with their document, filtered by name, kind and date."""
    sql, params = _place_query(
        filters,
        "p.name, p.kind, p.country, p.lat, p.lon, p.kb_id, p.span_start, p.span_end, d.id AS doc_id, "
        "substr(d.text, p.span_start + 1, p.span_end - p.span_start) AS text, d.title AS doc_title, d.published",
    )
    sql += " ORDER BY d.published NULLS LAST, d.id, p.span_start LIMIT ? OFFSET ?"
    rows = _dicts(store.connection.execute(sql, [*params, filters.limit, filters.offset]))
    return [_place(row) for row in rows]


def count_places(store: DuckDBStore, filters: Filters) -> int:
    sql, params = _place_query(filters, "count(*)")
    row = store.connection.execute(sql, params).fetchone()
    return int(row[0]) if row else 0


def _place(row: dict[str, Any]) -> dict[str, Any]:
    start, end = row.pop("span_start"), row.pop("span_end")
    row["span"] = [start, end]
    return row


def document(store: DuckDBStore, doc_id: str) -> dict[str, Any] | None:
    """One document with its text, events, claims and places, for the document page."""
    cursor = store.connection.execute(
        "SELECT sha256, id, title, url, source, published, language, origin, author, text, warnings "
        "FROM documents WHERE id = ? ORDER BY published NULLS LAST LIMIT 1",
        [doc_id],
    )
    rows = _dicts(cursor)
    if not rows:
        return None
    doc = rows[0]
    sha = doc["sha256"]
    doc["events"] = _json_rows(store, "SELECT data FROM events WHERE doc_sha256 = ? ORDER BY span_start", sha)
    doc["claims"] = _json_rows(
        store, "SELECT data FROM claims WHERE doc_sha256 = ? ORDER BY CAST(data->>'$.span[0]' AS INTEGER)", sha
    )
    place_rows = store.connection.execute(
        "SELECT name, kind, country, lat, lon, kb_id, span_start, span_end FROM places WHERE doc_sha256 = ? ORDER BY span_start",
        [sha],
    )
    doc["places"] = [_place(row) for row in _dicts(place_rows)]
    for place in doc["places"]:
        place["text"] = doc["text"][place["span"][0] : place["span"][1]]
    return doc


def search(store: DuckDBStore, query: str, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    """Full-text search over titles and texts, ranked by BM25 (DuckDB's fts extension)."""
    _ensure_search_index(store)
    sql = (
        "SELECT * FROM (SELECT d.id, d.title, d.published, d.source, fts_main_documents.match_bm25(d.sha256, ?) AS score, "
        "d.text FROM documents d) WHERE score IS NOT NULL"
    )
    rows = _dicts(store.connection.execute(sql + " ORDER BY score DESC, id", [query]))
    page = rows[offset : offset + limit]
    for row in page:
        row["snippet"] = _snippet(row.pop("text"), query)
        row["score"] = round(float(row["score"]), 3)
    return len(rows), page


def _ensure_search_index(store: DuckDBStore) -> None:
    """Build the BM25 index when missing or older than the documents table (it does not update itself)."""
    con = store.connection
    _load_fts(store)
    con.execute("CREATE TABLE IF NOT EXISTS search_index_state (documents BIGINT)")
    count_row = con.execute("SELECT count(*) FROM documents").fetchone()
    count = int(count_row[0]) if count_row else 0
    state = con.execute("SELECT documents FROM search_index_state").fetchone()
    if state is not None and int(state[0]) == count:
        return
    con.execute("PRAGMA create_fts_index('documents', 'sha256', 'title', 'text', overwrite=1)")
    con.execute("DELETE FROM search_index_state")
    con.execute("INSERT INTO search_index_state VALUES (?)", [count])


def _load_fts(store: DuckDBStore) -> None:
    """Load the fts extension shipped by the pinned ``duckdb-extension-fts`` package.

    A bare ``LOAD fts`` looks in ``~/.duckdb`` and would download the extension there, which a machine
    without network to DuckDB's extension site (and a run that must not download) cannot do.
    """
    packaged = resources.files("duckdb_extension_fts") / "extensions" / f"v{duckdb.__version__}" / "fts.duckdb_extension"
    quoted = str(packaged).replace("'", "''")  # a SQL string literal: LOAD takes no parameter
    try:
        store.connection.execute(f"LOAD '{quoted}'")
    except duckdb.Error as error:
        detail = f"full-text search needs duckdb-extension-fts=={duckdb.__version__}: {str(error).splitlines()[0]}"
        raise StoreError(Code.STORE_OPEN, str(store.path), detail=detail) from None


def _snippet(text: str, query: str, width: int = 220) -> str:
    """The stretch of text around the first query word found, so a result shows why it matched."""
    lowered = text.lower()
    hits = [lowered.find(word) for word in query.lower().split() if lowered.find(word) >= 0]
    start = max(0, min(hits) - width // 3) if hits else 0
    snippet = " ".join(text[start : start + width].split())
    return ("…" if start else "") + snippet + ("…" if start + width < len(text) else "")


def _json_rows(store: DuckDBStore, sql: str, *params: Any) -> list[dict[str, Any]]:
    return [json.loads(row[0]) for row in store.connection.execute(sql, list(params)).fetchall()]


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [column[0] for column in cursor.description or []]
    return [_plain_row(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]
