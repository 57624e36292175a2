"""`watchfloor kb`: list, show, check and add, with a user's own YAML and CSV files."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from watchfloor.cli import app
from watchfloor.kb import load_kb

runner = CliRunner()

GOOD_PLACES = """\
- id: place.test_reef
  name: Test Reef
  aliases: [Testing Reef]
  kind: reef
  lat: 10.5
  lon: 115.2
  country: null
"""
BAD_PEOPLE = """\
- id: person.someone
  name: Some One
  country: JPN
  terms:
    - office: JPN.defence_minister
      valid_from: 2025-01-01
      valid_to: null
- id: person.other
  name: Other Person
  country: XX
  terms:
    - office: JPN.no_such_office
      valid_from: sometime
      source: "a source"
"""
PEOPLE_CSV = """\
id,name,aliases,country,office,valid_from,valid_to,source
person.test_minister,Test Minister,T. Minister;Minister Test,VNM,JPN.defence_minister,2001-01-01,2001-12-31,Test source
"""


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_list_and_show_are_time_aware(tmp_path: Path) -> None:
    extra = str(tmp_path / "kb")
    code, out, _ = _run("kb", "list", "--kb-extra", extra)
    assert code == 0 and "person" in out and "place" in out
    code, out, _ = _run("kb", "show", "JPN.defence_minister", "--date", "2025-03-30", "--kb-extra", extra)
    (office,) = json.loads(out)
    assert office["holder"] == "Gen Nakatani" and len(office["holders"]) >= 8
    code, out, _ = _run("kb", "show", "Senkaku", "--kb-extra", extra)
    assert code == 0 and any(item["id"].startswith("place.senkaku") for item in json.loads(out))
    code, _, err = _run("kb", "show", "Atlantis-on-Thames", "--kb-extra", extra)
    assert code == 1 and "holds nothing called" in err


def test_shipped_kb_passes_check(tmp_path: Path) -> None:
    code, out, _ = _run("kb", "check", "--kb-extra", str(tmp_path / "none"))
    assert code == 0 and "knowledge base OK" in out


def test_broken_user_file_gets_one_line_per_problem(tmp_path: Path) -> None:
    bad = tmp_path / "people-mine.yaml"
    bad.write_text(BAD_PEOPLE)
    code, _, err = _run("kb", "check", str(bad), "--kb-extra", str(tmp_path / "none"))
    lines = [line for line in err.splitlines() if line.startswith(str(bad))]
    assert code == 1
    assert any("term 1: missing 'source'" in line for line in lines)
    assert any("JPN.defence_minister from 2025-01-01 overlaps" in line for line in lines)
    assert any("'country' must be an ISO 3166-1 alpha-3 code" in line for line in lines)
    assert any("'valid_from' must be a date" in line for line in lines)
    assert any("unknown office 'JPN.no_such_office'" in line for line in lines)
    code, _, err = _run("kb", "add", str(bad), "--kb-extra", str(tmp_path / "kb"))
    assert code == 1 and "not added" in err and not (tmp_path / "kb").exists()


def test_add_yaml_and_csv_then_the_pipeline_knows_them(tmp_path: Path) -> None:
    extra = tmp_path / "kb"
    places = tmp_path / "places-reefs.yaml"
    places.write_text(GOOD_PLACES)
    people = tmp_path / "people.csv"
    people.write_text(PEOPLE_CSV)
    code, out, err = _run("kb", "add", str(places), "--kb-extra", str(extra))
    assert code == 0, err
    assert "added 1 record(s)" in out and (extra / "places-reefs.yaml").is_file()
    code, out, err = _run("kb", "add", str(people), "--kb-extra", str(extra))
    assert code == 0, err
    kb = load_kb(str(extra))
    reef = kb.resolve("Testing Reef")
    assert reef is not None and reef.lat == 10.5
    minister = kb.resolve("T. Minister")
    assert minister is not None and minister.terms[0].office == "JPN.defence_minister"
    code, _, _ = _run("kb", "check", "--kb-extra", str(extra))
    assert code == 0


def test_a_website_must_be_a_domain_name(tmp_path: Path) -> None:
    bad = tmp_path / "organisations-mine.yaml"
    bad.write_text(
        "- id: org.test.ministry\n  name: Test Ministry\n  code: USAGOV\n  sector: GOV\n"
        "  websites: ['https://www.Example.gov/']\n"
    )
    code, _, err = _run("kb", "check", str(bad), "--kb-extra", str(tmp_path / "none"))
    assert code == 1 and "'websites' holds domain names in lower case" in err
