"""The command line end to end: analyze, ingest, the query commands, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import EXAMPLES
from watchfloor.cli import app

runner = CliRunner()


def _run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_analyze_jsonl_prints_one_contract_object_per_document(tmp_path: Path) -> None:
    code, out, _ = _run("analyze", str(EXAMPLES / "briefs.jsonl"), "--format", "jsonl")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["doc"]["id"] for line in lines] == ["2024-11-29-china-russia-bomber-patrol", "2025-04-02-strait-thunder-2025a"]
    assert all(set(line) == {"doc", "events", "claims", "places", "warnings"} for line in lines)


def test_analyze_text_report_reads_like_a_report() -> None:
    code, out, _ = _run("analyze", str(EXAMPLES / "2024-09-18-liaoning-yonaguni.md"))
    assert code == 0
    assert "EVENTS" in out and "CLAIMS" in out and "PLACES" in out
    assert "MOBILIZE" in out and "CHNMIL" in out


def test_analyze_reads_stdin_with_a_publication_date() -> None:
    code, out, _ = _run(
        "analyze",
        "-",
        "--published",
        "2025-03-10",
        "--format",
        "json",
        input="Japan's defence minister visited Manila on Monday.",
    )
    assert code == 0
    (result,) = json.loads(out)
    assert result["doc"]["published"] == "2025-03-10"
    assert result["events"][0]["actor"][0]["name"] == "Gen Nakatani"


def test_ingest_twice_stores_each_document_once_and_query_by_actor(tmp_path: Path) -> None:
    db = str(tmp_path / "w.duckdb")
    code, out, _ = _run("ingest", str(EXAMPLES), "--db", db)
    assert code == 0 and "added 10, skipped 0" in out
    code, out, _ = _run("ingest", str(EXAMPLES), "--db", db)
    assert code == 0 and "added 0, skipped 10" in out and "(10 documents" in out
    code, out, _ = _run("events", "--actor", "CHN", "--db", db, "--format", "json")
    rows = json.loads(out)
    assert rows and all(any(a["country"] == "CHN" or a["code"].startswith("CHN") for a in row["actor"]) for row in rows)
    assert all(row["text"] and row["span"] for row in rows)
    code, out, _ = _run(
        "events", "--type", "COERCE", "--since", "2024-06-01", "--until", "2024-06-30", "--db", db, "--format", "csv"
    )
    assert code == 0 and out.splitlines()[0].startswith("id,date,event,mode,actor") and "COERCE" in out
    code, out, _ = _run("claims", "--verdict", "supported", "--db", db, "--format", "json")
    assert code == 0 and all(row["verdict"] == "supported" for row in json.loads(out))
    code, out, _ = _run("docs", "--db", db, "--search", "Balikatan")
    assert code == 0 and "Balikatan" in out


def test_batch_with_bad_inputs_stores_the_good_ones_and_reports_the_bad(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Chinese aircraft entered Japanese airspace near Okinawa on Monday, the ministry said.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "bad.jsonl").write_text('{"id": "x", "text": "ok text here for a test"}\n{broken\n')
    db = str(tmp_path / "w.duckdb")
    code, out, err = _run("ingest", str(tmp_path), "--db", db)
    assert code == 0 and "added 2" in out and "rejected 3" in out
    assert "empty.txt: the input is empty" in err and "binary" in err and "line 2: not valid JSON" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["analyze", "/no/such/file.txt"], "no such file or directory"),
        (["analyze", "-", "--published", "next Tuesdayish"], "cannot parse the date"),
        (["events", "--since", "soon"], "cannot parse the date"),
    ],
)
def test_bad_input_is_one_line_and_a_non_zero_exit(
    args: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = _run(*args, input="Some text.")
    assert code != 0
    assert message in err and "Traceback" not in err
    assert len([line for line in err.splitlines() if line.startswith("watchfloor:")]) == 1


def test_installed_command_never_shows_a_traceback(tmp_path: Path) -> None:
    bad_db = tmp_path / "bad.duckdb"
    bad_db.write_text("not a database")
    command = [sys.executable, "-m", "watchfloor", "events", "--db", str(bad_db)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1
    assert "cannot open the database" in result.stderr and "Traceback" not in result.stderr


def test_event_filters_aux_and_explain(tmp_path: Path) -> None:
    db = str(tmp_path / "w.duckdb")
    assert _run("ingest", str(EXAMPLES), "--db", db)[0] == 0
    _, out, _ = _run("events", "--db", db, "--format", "json", "--limit", "500")
    news = json.loads(out)
    _, out, _ = _run("events", "--db", db, "--format", "json", "--limit", "500", "--include-aux")
    everything = json.loads(out)
    assert all(event["aux"] is None for event in news)
    assert len(everything) > len(news) and any(event["aux"] == "historical" for event in everything)
    _, out, _ = _run("events", "--db", db, "--format", "json", "--mode", "weapons", "--context", "military")
    assert out and all(e["mode"] == "weapons" and "military" in e["context"] for e in json.loads(out))
    target = next(e for e in news if e["event"] == "COERCE")
    code, out, _ = _run("events", "--db", db, "--explain", target["id"])
    assert code == 0 and "matched the lexicon entry lemma=board" in out and "role:     actor CHNCOP" in out
    code, _, err = _run("events", "--db", db, "--explain", "ev_nope")
    assert code == 1 and "no event with id 'ev_nope'" in err


def test_every_demo_command_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`make demo` must keep working: run its watchfloor commands in order on a fresh database."""
    makefile = (EXAMPLES.parent / "Makefile").read_text()
    demo = makefile.split("\ndemo:", 1)[1].split("\n\n", 1)[0]
    commands = [line.strip().split()[1:] for line in demo.splitlines() if "$(BIN)/watchfloor" in line]
    assert len(commands) >= 5
    monkeypatch.chdir(EXAMPLES.parent)
    db = str(tmp_path / "demo.duckdb")
    for args in commands:
        code, _, err = _run(*[db if arg == "$(DEMO_DB)" else arg for arg in args])
        assert code == 0, f"{' '.join(args)}: {err}"


def test_demo_ends_by_naming_the_command_that_opens_the_workbench() -> None:
    makefile = (EXAMPLES.parent / "Makefile").read_text()
    demo = makefile.split("\ndemo:", 1)[1].split("\n\n", 1)[0]
    assert "watchfloor serve --db $(DEMO_DB)" in demo.strip().splitlines()[-1]
