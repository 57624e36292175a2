"""Shared fixtures. The pipeline is built once per test session (loading spaCy takes ~2 s)."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchfloor.kb import KnowledgeBase, load_kb
from watchfloor.pipeline import Pipeline
from watchfloor.records import Document
from watchfloor.settings import load_settings
from watchfloor.sources import read_inputs
from watchfloor.store import open_store

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="session")
def pipeline(kb: KnowledgeBase) -> Pipeline:
    return Pipeline(load_settings(), kb)


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder; tests that need it skip cleanly when it is absent."""
    if not (SHARED / "corpus" / "seeds" / "seeds.jsonl").is_file():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def examples_db(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real DuckDB file holding the analysed examples/ folder, shared by the workbench tests."""
    path = tmp_path_factory.mktemp("workbench") / "examples.duckdb"
    documents = [item for item in read_inputs([str(EXAMPLES)]) if isinstance(item, Document)]
    with open_store(path) as store:
        store.ingest(list(pipeline.pipe(documents)))
    return path
