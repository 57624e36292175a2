"""The workbench's access to the store and the pipeline, safe to share between request threads.

FastAPI runs plain endpoints in a thread pool, while a DuckDB connection and a spaCy pipeline
are each meant for one thread at a time. One lock per resource keeps requests correct; the
workbench is a tool for one analyst or a small team, so serialising database reads costs little.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from watchfloor.errors import Code, RequestError
from watchfloor.records import Result
from watchfloor.settings import Settings
from watchfloor.sources import html_document, make_document
from watchfloor.store import DuckDBStore, Filters, open_store, views
from watchfloor.web import params as p

T = TypeVar("T")
ANALYZE_FIELDS = ("text", "html", "published", "title", "url", "source", "id")


class Workbench:
    """Everything the pages and the API read, behind locks."""

    def __init__(self, settings: Settings, store: DuckDBStore | None = None) -> None:
        self.settings = settings
        self.store = store or open_store(settings.db)
        self._store_lock = threading.Lock()
        self._pipeline_lock = threading.Lock()
        self._pipeline: Any = None

    def close(self) -> None:
        self.store.close()

    def read(self, query: Callable[[DuckDBStore], T]) -> T:
        with self._store_lock:
            return query(self.store)

    def events(self, params: Mapping[str, str]) -> dict[str, Any]:
        return self._listing(params, p.EVENT_PARAMS, p.event_filters, views.count_events, DuckDBStore.events)

    def claims(self, params: Mapping[str, str]) -> dict[str, Any]:
        return self._listing(params, p.CLAIM_PARAMS, p.claim_filters, views.count_claims, DuckDBStore.claims)

    def documents(self, params: Mapping[str, str]) -> dict[str, Any]:
        return self._listing(params, p.DOCUMENT_PARAMS, p.document_filters, views.count_documents, DuckDBStore.documents)

    def places(self, params: Mapping[str, str]) -> dict[str, Any]:
        return self._listing(params, p.PLACE_PARAMS, p.place_filters, views.count_places, views.places, default_size=100)

    def _listing(
        self,
        params: Mapping[str, str],
        allowed: tuple[str, ...],
        to_filters: Callable[[Mapping[str, str], p.Page], Filters],
        count: Callable[[DuckDBStore, Filters], int],
        fetch: Callable[[DuckDBStore, Filters], list[dict[str, Any]]],
        default_size: int = 50,
    ) -> dict[str, Any]:
        """One page of a list endpoint: check the parameters, count all matches, fetch the page."""
        p.check_known(params, allowed)
        page = p.page_of(params, default_size)
        filters = to_filters(params, page)
        total, items = self.read(lambda store: (count(store, filters), fetch(store, filters)))
        return page.envelope(total, items)

    def actors(self, params: Mapping[str, str]) -> list[dict[str, Any]]:
        p.check_known(params, p.ACTOR_PARAMS)
        filters = p.event_filters(params)
        return self.read(lambda store: views.actors(store, filters))

    def network(self, params: Mapping[str, str]) -> dict[str, Any]:
        p.check_known(params, p.ACTOR_PARAMS)
        filters = p.event_filters(params)
        edges, nodes = self.read(lambda store: (views.network(store, filters), views.actors(store, filters)))
        return {"nodes": nodes, "edges": edges}

    def document(self, doc_id: str) -> dict[str, Any]:
        found = self.read(lambda store: views.document(store, doc_id))
        if found is None:
            raise RequestError(Code.NOT_FOUND, status=404, what="document", key=doc_id)
        return found

    def search(self, params: Mapping[str, str]) -> dict[str, Any]:
        p.check_known(params, ("q", *p.PAGING))
        page = p.page_of(params, default_size=20)
        query = (params.get("q") or "").strip()
        if not query:
            return page.envelope(0, [])
        total, items = self.read(lambda store: views.search(store, query, page.size, page.offset))
        return page.envelope(total, items)

    def comparisons(self, params: Mapping[str, str]) -> list[dict[str, Any]]:
        """Cross-document pairs about one subject and attribute: disputed, or (relation=all) successions too."""
        p.check_known(params, ("relation",))
        relation = (params.get("relation") or "disputed").strip()
        if relation not in ("disputed", "succession", "all"):
            raise RequestError(
                Code.BAD_PARAMETER, name="relation", detail=f"unknown value {relation!r}; expected disputed, succession or all"
            )
        from watchfloor.kb import load_kb
        from watchfloor.store.disputes import comparisons

        kb = load_kb(self.settings.kb_extra or None)
        found = self.read(lambda store: comparisons(store.connection, kb))
        return [pair.to_dict() for pair in found if relation == "all" or pair.relation == relation]

    def claim_summary(self) -> dict[str, int]:
        sql = "SELECT verdict, count(*) FROM claims GROUP BY verdict"
        rows = self.read(lambda store: store.connection.execute(sql).fetchall())
        return {str(verdict): int(count) for verdict, count in rows}

    def counts(self) -> dict[str, int]:
        return self.read(lambda store: store.counts())

    def analyze(self, record: Mapping[str, Any]) -> Result:
        """Analyse one pasted text or HTML page without storing it."""
        unknown = [name for name in record if name not in ANALYZE_FIELDS]
        if unknown:
            raise RequestError(Code.UNKNOWN_PARAMETER, name=unknown[0], choices=", ".join(ANALYZE_FIELDS))
        meta = {key: value for key, value in record.items() if key not in ("text", "html") and value}
        html, text = record.get("html"), record.get("text")
        if isinstance(html, str) and html.strip() and not (isinstance(text, str) and text.strip()):
            document = html_document(html, "pasted HTML", meta, None)
        elif isinstance(text, str) and text.strip():
            document = make_document(text, "pasted text", meta, None)
        else:
            raise RequestError(Code.BAD_PARAMETER, name="text", detail="send a non-empty 'text' or 'html' field")
        with self._pipeline_lock:
            if self._pipeline is None:
                from watchfloor.pipeline import Pipeline

                self._pipeline = Pipeline(self.settings)
            result: Result = self._pipeline.analyze(document)
        return result
