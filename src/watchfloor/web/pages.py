"""The workbench pages, rendered on the server from the same queries as the API.

Server rendering keeps the pages usable without JavaScript for reading and filtering; the small
scripts in ``static/`` only add what needs a pointer: the details panel, map zoom and the network.
Every template autoescapes, and data handed to scripts goes through ``json_for_html``.
"""

from __future__ import annotations

from datetime import date
from importlib import resources
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from watchfloor.events import load_ontology
from watchfloor.web import timeline
from watchfloor.web.basemap import country_paths
from watchfloor.web.highlight import highlighted, json_for_html, mark_records, marks_of
from watchfloor.web.service import Workbench

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(resources.files("watchfloor.web") / "templates"))
templates.env.filters["tojson_safe"] = json_for_html
VERDICTS = ("supported", "contradicted", "misleading", "unsupported", "unverifiable")
FAVICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">'
    '<rect width="16" height="16" rx="3" fill="#1d3557"/><circle cx="8" cy="8" r="3" fill="#f1c453"/></svg>'
)


def _workbench(request: Request) -> Workbench:
    workbench: Workbench = request.app.state.workbench
    return workbench


def _render(request: Request, name: str, **context: Any) -> HTMLResponse:
    context.setdefault("query", dict(request.query_params))
    context["counts"] = _workbench(request).counts()
    return templates.TemplateResponse(request, name, context)


def _filter_options() -> dict[str, Any]:
    ontology = load_ontology()
    return {
        "types": sorted(ontology.types),
        "contexts": sorted(ontology.contexts),
        "modes": sorted({mode for kind in ontology.types.values() for mode in kind.modes}),
    }


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(FAVICON, media_type="image/svg+xml")


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    listing = _workbench(request).documents(dict(request.query_params))
    return _render(request, "documents.html", listing=listing)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(doc_id: str, request: Request) -> HTMLResponse:
    return _document(request, _workbench(request).document(doc_id), stored=True)


def _document(request: Request, doc: dict[str, Any], stored: bool) -> HTMLResponse:
    body = highlighted(doc["text"], marks_of(doc))
    return _render(request, "document.html", doc=doc, body=body, annotations=mark_records(doc), stored=stored)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request) -> HTMLResponse:
    params = dict(request.query_params)
    params.setdefault("per_page", "200")
    listing = _workbench(request).events(params)
    chart = timeline.chart(listing["items"])
    return _render(request, "timeline.html", listing=listing, chart=chart, options=_filter_options())


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    params = {**dict(request.query_params), "per_page": "500"}
    listing = _workbench(request).events(params)
    points = [_point(event) for event in listing["items"] if (event.get("place") or {}).get("lat") is not None]
    return _render(request, "map.html", listing=listing, points=points, countries=country_paths(), options=_filter_options())


def _point(event: dict[str, Any]) -> dict[str, Any]:
    place = event["place"]
    actors = "+".join(actor["code"] for actor in event["actor"])
    recipients = "+".join(actor["code"] for actor in event["recipient"])
    return {
        "id": event["id"],
        "lat": place["lat"],
        "lon": place["lon"],
        "place": place["name"],
        "label": f"{event['date']['start'] or ''} {actors} {event['event']} {recipients}".strip(),
        "quad": event["quad"],
        "href": f"/documents/{event['doc_id']}#e-{event['id']}",
    }


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> HTMLResponse:
    graph = _workbench(request).network(dict(request.query_params))
    return _render(request, "network.html", graph=graph, options=_filter_options())


@router.get("/claims", response_class=HTMLResponse)
def claims_page(request: Request) -> HTMLResponse:
    workbench = _workbench(request)
    listing = workbench.claims(dict(request.query_params))
    pairs = workbench.comparisons({"relation": "all"})
    return _render(request, "claims.html", listing=listing, summary=workbench.claim_summary(), verdicts=VERDICTS, pairs=pairs)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request) -> HTMLResponse:
    return _render(request, "search.html", results=_workbench(request).search(dict(request.query_params)))


@router.get("/analyze", response_class=HTMLResponse)
def paste_page(request: Request) -> HTMLResponse:
    return _render(request, "paste.html", text="", published=date.today().isoformat())


@router.post("/analyze", response_class=HTMLResponse)
async def paste_result(request: Request) -> HTMLResponse:
    form = await request.form()
    record = {key: str(form.get(key) or "") for key in ("text", "published", "title")}
    from starlette.concurrency import run_in_threadpool

    result = await run_in_threadpool(_workbench(request).analyze, record)
    doc = {**result.doc.to_dict(), "text": result.doc.text}
    doc.update(events=[e.to_dict() for e in result.events], claims=[c.to_dict() for c in result.claims])
    doc["places"] = [p.to_dict() for p in result.places]
    return _document(request, doc, stored=False)
