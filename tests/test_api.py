"""The REST API over a real DuckDB file filled from examples/: shapes, filters, paging and errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from watchfloor.pipeline import Pipeline
from watchfloor.settings import load_settings
from watchfloor.sources import make_document
from watchfloor.store import open_store
from watchfloor.web import create_app

EVENT_FIELDS = {"id", "event", "mode", "context", "quad", "intensity", "actor", "recipient", "date", "place"}
EVENT_FIELDS |= {"quantities", "aux", "text", "span", "confidence"}
CLAIM_FIELDS = {"id", "text", "span", "kind", "checkworthy", "subject", "attribute", "value", "as_of", "verdict"}
CLAIM_FIELDS |= {"reason", "references"}
PLACE_FIELDS = {"text", "name", "lat", "lon", "kind", "country", "kb_id", "span"}


@pytest.fixture(scope="module")
def client(examples_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(load_settings(db=str(examples_db)))) as test_client:
        yield test_client


def _get(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.text
    return response.json()


def test_documents_list_pages_with_counts(client: TestClient) -> None:
    listing = _get(client, "/api/documents?per_page=4")
    assert listing["total"] == 10 and listing["pages"] == 3 and len(listing["items"]) == 4
    last = _get(client, "/api/documents?per_page=4&page=3")
    assert len(last["items"]) == 2
    assert {"id", "title", "published", "sha256", "events", "claims"} <= set(last["items"][0])


def test_document_by_id_has_its_text_and_findings(client: TestClient) -> None:
    doc = _get(client, "/api/documents/2025-03-30-hegseth-nakatani-tokyo")
    assert "Nakatani" in doc["text"]
    for event in doc["events"]:
        start, end = event["span"]
        assert doc["text"][start:end] == event["text"]
    assert all(place["text"] == doc["text"][slice(*place["span"])] for place in doc["places"])


def test_events_are_contract_objects_and_filters_match_the_cli(client: TestClient) -> None:
    everything = _get(client, "/api/events?per_page=500&include_aux=true")
    news = _get(client, "/api/events?per_page=500")
    assert news["total"] < everything["total"], "aux events are hidden by default, as in the CLI"
    assert all(set(event) >= EVENT_FIELDS for event in everything["items"])
    chinese = _get(client, "/api/events?actor=CHN&per_page=500")["items"]
    assert chinese and all(any(a["code"].startswith("CHN") for a in e["actor"]) for e in chinese)
    typed = _get(client, "/api/events?type=mobilize&since=2024-01-01&until=2025-12-31")["items"]
    assert typed and all(e["event"] == "MOBILIZE" and e["date"]["end"] >= "2024-01-01" for e in typed)


def test_claims_filter_by_verdict(client: TestClient) -> None:
    supported = _get(client, "/api/claims?verdict=supported&per_page=500")
    assert supported["total"] > 0
    assert all(set(claim) >= CLAIM_FIELDS and claim["verdict"] == "supported" for claim in supported["items"])
    checked = _get(client, "/api/claims?checked=true&per_page=500")["items"]
    assert all(claim["verdict"] != "unverifiable" for claim in checked)


def test_places_actors_and_network(client: TestClient) -> None:
    places = _get(client, "/api/places?kind=sea&per_page=500")["items"]
    assert places and all(set(place) >= PLACE_FIELDS and place["kind"] == "sea" for place in places)
    actors = {actor["code"]: actor for actor in _get(client, "/api/actors")}
    assert actors["CHNMIL"]["as_actor"] > 0 and actors["CHNMIL"]["country"] == "CHN"
    network = _get(client, "/api/network?include_aux=true")
    assert any(edge["source"].startswith("CHN") and edge["target"] == "JPN" for edge in network["edges"])


def test_search_ranks_documents_by_words(client: TestClient) -> None:
    hits = _get(client, "/api/search?q=Scarborough+Shoal")["items"]
    assert hits and "Shoal" in hits[0]["snippet"]
    assert _get(client, "/api/search?q=zzzyzzx")["total"] == 0


def test_analyze_returns_the_result_contract(client: TestClient) -> None:
    text = "TOKYO - Chinese military aircraft entered Japanese airspace near the Senkaku Islands on Monday."
    response = client.post("/api/analyze", json={"text": text, "published": "2025-12-10", "title": "Incursion"})
    assert response.status_code == 200, response.text
    result = response.json()
    assert set(result) >= {"doc", "events", "claims", "places", "warnings"}
    assert result["doc"]["published"] == "2025-12-10"
    assert any("CHNMIL" in {actor["code"] for actor in event["actor"]} for event in result["events"])


@pytest.mark.parametrize(
    ("url", "status", "says"),
    [
        ("/api/events?type=INVADE", 400, "unknown value 'INVADE'"),
        ("/api/events?since=2025-02-30", 400, "since"),
        ("/api/events?since=2025-05-01&until=2025-01-01", 400, "after until"),
        ("/api/events?page=50", 404, "out of range"),
        ("/api/events?page=0", 400, "page"),
        ("/api/events?per_page=abc", 400, "whole number"),
        ("/api/events?include_aux=maybe", 400, "true or false"),
        ("/api/claims?verdict=true", 400, "expected one of"),
        ("/api/claims?verdit=supported", 400, "unknown parameter 'verdit'"),
        ("/api/places?kind=planet", 400, "planet"),
        ("/api/documents/no-such-doc", 404, "no document"),
        ("/api/nothing-here", 404, "no such"),
    ],
)
def test_bad_requests_get_a_clear_json_error(client: TestClient, url: str, status: int, says: str) -> None:
    body = _get(client, url, status)
    assert says in body["error"] and body["status"] == status


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b'{"text": ""}', b'{"text": "x", "colour": "red"}'])
def test_analyze_rejects_bad_bodies_with_400(client: TestClient, body: bytes) -> None:
    response = client.post("/api/analyze", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400 and response.json()["error"]


def test_openapi_lists_every_endpoint_and_its_filters(client: TestClient) -> None:
    spec = _get(client, "/openapi.json")
    assert {"/api/documents", "/api/events", "/api/claims", "/api/places", "/api/actors", "/api/analyze"} <= set(spec["paths"])
    names = {parameter["name"] for parameter in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "recipient", "type", "since", "until", "q", "page"} <= names
    page = client.get("/docs")
    assert page.status_code == 200 and "/static/swagger/swagger-ui-bundle.js" in page.text
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200


def test_pages_escape_article_text_and_forbid_inline_scripts(client: TestClient) -> None:
    hostile = "<script>window.pwned = 1</script> Japan said <img src=x onerror=alert(1)> it scrambled jets."
    response = client.post("/analyze", data={"text": hostile, "published": "2025-12-10", "title": "<b>t</b>"})
    assert response.status_code == 200
    assert "<script>window.pwned" not in response.text and "<img src=x" not in response.text
    assert "&lt;script&gt;" in response.text or "pwned" not in response.text
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_serve_command_listens_on_127_0_0_1_and_reports_a_busy_port(examples_db: Path, tmp_path: Path) -> None:
    """The installed command, a real port: the API answers; a second server on the same port gets one line."""
    import shutil
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    database = tmp_path / "serve.duckdb"  # a copy: the module's client holds the examples database open
    shutil.copy(examples_db, database)
    command = [sys.executable, "-m", "watchfloor", "serve", "--db", str(database), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        body = None
        for _ in range(600):  # up to two minutes on a loaded machine
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/documents?per_page=1", timeout=2) as response:
                    body = response.read()
                break
            except OSError:
                if server.poll() is not None:
                    break
                time.sleep(0.2)
        assert body is not None and b'"total":10' in body, server.stderr.read() if server.poll() is not None else "no answer"
        busy = subprocess.run(command, capture_output=True, text=True, timeout=60)
        assert busy.returncode == 1 and busy.stderr.count("\n") == 1, busy.stderr
        assert f"cannot listen on 127.0.0.1:{port}" in busy.stderr
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/" in out


def test_disputed_lists_conflicts_and_never_a_succession(pipeline: Pipeline, tmp_path: Path) -> None:
    """Two defence ministers nine months apart are a succession; two troop figures the same week conflict."""
    texts = [
        ("march", "2025-03-30", "Japanese Defense Minister Gen Nakatani met US officials in Tokyo."),
        ("december", "2025-12-10", "Japanese Defense Minister Shinjiro Koizumi met US officials in Tokyo."),
        ("troops-a", "2025-03-30", "The United States keeps about 54,000 US troops in Japan."),
        ("troops-b", "2025-03-31", "The United States keeps about 20,000 US troops in Japan."),
    ]
    documents = [make_document(text, name, {"id": name, "published": day}, None) for name, day, text in texts]
    db = tmp_path / "pairs.duckdb"
    with open_store(db) as store:
        store.ingest(list(pipeline.pipe(documents)))
    with TestClient(create_app(load_settings(db=str(db)))) as local:
        every = _get(local, "/api/claims/disputed?relation=all")
        disputed = _get(local, "/api/claims/disputed")
        assert _get(local, "/api/claims/disputed?relation=maybe", 400)["error"].startswith("relation")
        page = local.get("/claims").text
    offices = [pair for pair in every if {c["doc_id"] for c in pair["claims"]} == {"march", "december"}]
    assert offices and all(pair["relation"] == "succession" for pair in offices)
    assert all(pair["relation"] == "disputed" for pair in disputed)
    assert any({c["doc_id"] for c in pair["claims"]} == {"troops-a", "troops-b"} for pair in disputed)
    assert "Succession" in page and "Disputed" in page
