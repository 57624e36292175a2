from datetime import date
from pathlib import Path

import duckdb
import pytest

from tests.conftest import EXAMPLES
from tests.factories import make_result
from watchfloor.errors import StoreError
from watchfloor.pipeline import Pipeline
from watchfloor.records import Document, Rejection
from watchfloor.sources import read_inputs
from watchfloor.store import Filters, open_store
from watchfloor.store.migrations import MIGRATIONS


def test_migrations_are_recorded_and_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    expected = [(1, "initial schema"), (2, "event contexts as a column")]
    with open_store(path) as store:
        assert store.migrations() == expected
    with open_store(path) as store:
        assert store.migrate() == []
        assert store.migrations() == expected


def test_a_database_of_an_older_version_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    connection = duckdb.connect(str(path))
    connection.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
    connection.execute(MIGRATIONS[0][2])
    connection.execute("INSERT INTO schema_migrations VALUES (1, 'initial schema', now())")
    row = [f"ev_{i}" if i == 0 else None for i in range(21)]
    row[20] = '{"context": ["military"]}'
    connection.execute("INSERT INTO events VALUES (" + ",".join("?" * 21) + ")", row)
    connection.close()
    with open_store(path) as store:
        assert store.migrations()[-1] == (2, "event contexts as a column")
        assert store.connection.execute("SELECT contexts FROM events").fetchone() == (["military"],)


def test_ingest_is_idempotent_by_content_hash(tmp_path: Path) -> None:
    with open_store(tmp_path / "w.duckdb") as store:
        first = store.ingest([make_result()], [Rejection("bad.txt", "W002", "the input is empty")])
        second = store.ingest([make_result(doc_id="renamed")])
        assert (len(first.added), len(second.added), len(second.skipped)) == (1, 0, 1)
        assert store.counts() == {"documents": 1, "events": 1, "claims": 1, "places": 1, "rejections": 1}
        assert store.rejections()[0].origin == "bad.txt"


def test_a_failing_batch_leaves_nothing_behind(tmp_path: Path) -> None:
    with open_store(tmp_path / "w.duckdb") as store:
        good = make_result("First document text.", "a")
        clash = make_result("Second document text.", "b")
        clash.events[0].id = good.events[0].id  # a primary-key clash inside the batch
        with pytest.raises(StoreError, match="cannot write"):
            store.ingest([good, clash])
        assert store.counts()["documents"] == 0


def test_event_filters(tmp_path: Path) -> None:
    with open_store(tmp_path / "w.duckdb") as store:
        store.ingest([make_result()])
        assert len(store.events(Filters(actor="CHN"))) == 1
        assert store.events(Filters(actor="USA")) == []
        assert len(store.events(Filters(recipient="JPN", event_type="mobilize"))) == 1
        assert len(store.events(Filters(since=date(2025, 5, 1), until=date(2025, 6, 30)))) == 1
        assert store.events(Filters(since=date(2025, 7, 1))) == []
        assert len(store.events(Filters(place="senkaku", text="Liaoning"))) == 1
        assert len(store.events(Filters(include_aux=False))) == 1
        row = store.events()[0]
        assert row["text"].startswith("China's") and row["doc_id"] == "d1" and row["actor"][0]["code"] == "CHNMIL"
        assert len(store.claims(Filters(verdict="unverifiable"))) == 1
        assert store.documents()[0]["events"] == 1


def test_unopenable_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "not-a-db.duckdb"
    path.write_text("this is not a database")
    with pytest.raises(StoreError, match="cannot open the database"):
        open_store(path)
    assert duckdb.__version__.startswith("1.5")


def test_checked_claims_leave_out_unverifiable(tmp_path: Path) -> None:
    with open_store(tmp_path / "w.duckdb") as store:
        store.ingest([make_result()])
        assert store.claims(Filters(checked_only=True)) == []
        assert len(store.claims(Filters())) == 1


def test_event_and_claim_ids_are_unique_within_each_document(pipeline: Pipeline) -> None:
    """Ids are primary keys in the store: two claims checked from one sentence must not share one."""
    documents = [item for item in read_inputs([str(EXAMPLES)]) if isinstance(item, Document)]
    for result in pipeline.pipe(documents):
        claim_ids = [claim.id for claim in result.claims]
        event_ids = [event.id for event in result.events]
        assert len(set(claim_ids)) == len(claim_ids) and len(set(event_ids)) == len(event_ids), result.doc.id


def test_search_loads_the_packaged_fts_extension_without_a_download(tmp_path: Path) -> None:
    from watchfloor.store.views import search

    with open_store(tmp_path / "w.duckdb") as store:
        store.ingest([make_result()])
        empty = tmp_path / "no-extensions"
        empty.mkdir()
        store.connection.execute(f"SET extension_directory = '{empty}'")
        store.connection.execute("SET autoinstall_known_extensions = false")
        total, hits = search(store, "Liaoning", 10, 0)
    assert total == 1 and "Liaoning" in hits[0]["snippet"]
