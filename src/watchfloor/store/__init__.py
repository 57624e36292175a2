"""Storage: the embedded DuckDB store (default) behind one small interface."""

from __future__ import annotations

from pathlib import Path

from watchfloor.store.duckdb_store import DuckDBStore, IngestReport
from watchfloor.store.queries import Filters


def open_store(path: str | Path | None = None) -> DuckDBStore:
    """Open (creating and migrating if needed) the database at ``path`` or the ``db`` setting."""
    if path is None:
        from watchfloor.settings import load_settings

        path = load_settings().db
    return DuckDBStore(path)


__all__ = ["DuckDBStore", "Filters", "IngestReport", "open_store"]
