"""Claims across sources: conflicts at the same time are disputed, changes over time are a succession."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from watchfloor.cli import app
from watchfloor.kb import KnowledgeBase
from watchfloor.pipeline import Pipeline, analyze
from watchfloor.store import open_store
from watchfloor.store.disputes import comparisons, disputed

runner = CliRunner()


def _store(tmp_path: Path, pipeline: Pipeline, *texts: tuple[str, str]) -> Path:
    path = tmp_path / "claims.duckdb"
    with open_store(str(path)) as store:
        store.ingest([analyze(text, published, pipeline=pipeline) for text, published in texts])
    return path


def test_conflicting_figures_at_the_same_time_are_disputed(tmp_path: Path, pipeline: Pipeline, kb: KnowledgeBase) -> None:
    path = _store(
        tmp_path,
        pipeline,
        ("China increased its defense budget by 7.2% this year, the finance ministry said.", "2025-06-10"),
        ("China increased its defense budget by 12% this year, analysts said.", "2025-06-20"),
    )
    with open_store(str(path)) as store:
        found = disputed(store.connection, kb)
    assert len(found) == 1
    assert (found[0].subject, found[0].attribute) == ("CHN", "defense_budget_growth")
    assert {claim["value"] for claim in found[0].claims} == {7.2, 12.0}


def test_ministers_nine_months_apart_are_a_succession(tmp_path: Path, pipeline: Pipeline, kb: KnowledgeBase) -> None:
    path = _store(
        tmp_path,
        pipeline,
        ("Japanese Defense Minister Gen Nakatani met Philippine officials in Manila.", "2025-03-10"),
        ("Japanese Defense Minister Shinjiro Koizumi met Philippine officials in Manila.", "2025-12-10"),
    )
    with open_store(str(path)) as store:
        found = comparisons(store.connection, kb)
    assert [c.relation for c in found] == ["succession"]
    assert "Gen Nakatani to Shinjiro Koizumi" in found[0].reason
    code = runner.invoke(app, ["claims", "--disputed", "--db", str(path)])
    assert code.exit_code == 0 and "no disputed claims" in code.stdout


def test_claims_disputed_lists_pairs_as_json(tmp_path: Path, pipeline: Pipeline) -> None:
    path = _store(
        tmp_path,
        pipeline,
        ("Japan hosts 54,000 U.S. troops, the ministry said.", "2025-03-10"),
        ("Japan hosts 90,000 U.S. troops, a lawmaker said.", "2025-03-12"),
    )
    result = runner.invoke(app, ["claims", "--disputed", "--db", str(path), "--format", "json"])
    assert result.exit_code == 0
    pairs = json.loads(result.stdout)
    assert len(pairs) == 1 and pairs[0]["relation"] == "disputed"
    assert {claim["value"] for claim in pairs[0]["claims"]} == {54000.0, 90000.0}


def test_check_prints_claims_grouped_by_verdict_with_a_summary(tmp_path: Path) -> None:
    source = tmp_path / "note.txt"
    source.write_text(
        "With a combined GDP of over $5 trillion, the US and Japan are major economies. "
        "China increased its defense budget by 7.2% this year.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", str(source), "--published", "2025-06-10"])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.index("MISLEADING") < out.index("SUPPORTED")
    assert "why:" in out and "ref:" in out
    assert out.rstrip().splitlines()[-1].startswith("2 claims: 1 misleading, 1 supported")


def test_check_json_gives_the_contract_claim_objects(tmp_path: Path) -> None:
    source = tmp_path / "note.txt"
    source.write_text("China increased its defense budget by 7.2% this year.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(source), "--published", "2025-06-10", "--format", "json"])
    claims = json.loads(result.stdout)
    keys = {
        "id",
        "text",
        "span",
        "kind",
        "checkworthy",
        "subject",
        "attribute",
        "value",
        "as_of",
        "verdict",
        "reason",
        "references",
    }
    assert keys <= set(claims[0]) and claims[0]["verdict"] == "supported"


def test_check_of_a_missing_file_is_one_clear_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1 and "nope.txt" in result.stderr and "Traceback" not in result.stderr
