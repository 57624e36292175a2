"""The REST API: the contract's objects as JSON, with the CLI's filters as query parameters.

Filters are read from the raw query string rather than declared one by one, so that an unknown or
misspelt parameter is an error (``verdit=supported`` would otherwise return every claim) and every
bad value gets the same one-sentence JSON error as the rest of watchfloor.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from watchfloor.errors import Code, RequestError
from watchfloor.web.service import Workbench

router = APIRouter(prefix="/api", tags=["api"])

FILTER_HELP = {
    "actor": "Actor code or prefix: CHN matches CHN, CHNMIL, CHNCOP.",
    "recipient": "Recipient code or prefix.",
    "type": "PLOVER event type, e.g. MOBILIZE.",
    "mode": "PLOVER mode, e.g. naval or phone.",
    "context": "PLOVER context, e.g. military.",
    "since": "On or after this date (YYYY-MM-DD).",
    "until": "On or before this date (YYYY-MM-DD).",
    "place": "Place name contains.",
    "q": "Text contains (documents: title or text).",
    "include_aux": "true: also historical, future, hypothetical and negated events.",
    "verdict": "supported, contradicted, misleading, unsupported or unverifiable.",
    "kind": "Claim kind (statistic, office, ...) or place kind (sea, city, ...).",
    "checked": "true: only claims the knowledge base could check.",
    "page": "Page number, from 1.",
    "per_page": "Rows per page, 1 to 500.",
}


def _workbench(request: Request) -> Workbench:
    workbench: Workbench = request.app.state.workbench
    return workbench


def _query(request: Request) -> dict[str, str]:
    return dict(request.query_params)


def _parameters(*names: str) -> dict[str, Any]:
    """OpenAPI description of the query parameters an endpoint reads from the raw query string."""
    parameters = [
        {"name": name, "in": "query", "required": False, "schema": {"type": "string"}, "description": FILTER_HELP[name]}
        for name in names
    ]
    return {"parameters": parameters}


@router.get("/documents", openapi_extra=_parameters("since", "until", "q", "page", "per_page"))
def list_documents(request: Request) -> dict[str, Any]:
    """Stored documents with their event and claim counts, newest last."""
    return _workbench(request).documents(_query(request))


@router.get("/documents/{doc_id}")
def get_document(doc_id: str, request: Request) -> dict[str, Any]:
    """One document: its text with every event, claim and place found in it."""
    return _workbench(request).document(doc_id)


@router.get(
    "/events",
    openapi_extra=_parameters(
        "actor", "recipient", "type", "mode", "context", "since", "until", "place", "q", "include_aux", "page", "per_page"
    ),
)
def list_events(request: Request) -> dict[str, Any]:
    """Events (the contract's Event objects plus doc_id, doc_title, published)."""
    return _workbench(request).events(_query(request))


@router.get("/claims", openapi_extra=_parameters("verdict", "kind", "since", "until", "q", "checked", "page", "per_page"))
def list_claims(request: Request) -> dict[str, Any]:
    """Claims with their verdicts, reasons and references."""
    return _workbench(request).claims(_query(request))


@router.get(
    "/claims/disputed",
    openapi_extra={
        "parameters": [
            {
                "name": "relation",
                "in": "query",
                "required": False,
                "schema": {"type": "string", "enum": ["disputed", "succession", "all"]},
                "description": "disputed (default): conflicting values at overlapping times; "
                "succession: values at different times.",
            }
        ]
    },
)
def list_disputes(request: Request) -> list[dict[str, Any]]:
    """Pairs of claims from different documents about the same subject and attribute, and how they relate."""
    return _workbench(request).comparisons(_query(request))


@router.get("/places", openapi_extra=_parameters("q", "kind", "since", "until", "page", "per_page"))
def list_places(request: Request) -> dict[str, Any]:
    """Place mentions (the contract's Place objects plus doc_id, doc_title, published)."""
    return _workbench(request).places(_query(request))


@router.get(
    "/actors",
    openapi_extra=_parameters("actor", "recipient", "type", "mode", "context", "since", "until", "place", "q", "include_aux"),
)
def list_actors(request: Request) -> list[dict[str, Any]]:
    """Actors of the matching events: how often each acts and is acted on, and the mean intensity."""
    return _workbench(request).actors(_query(request))


@router.get(
    "/network",
    openapi_extra=_parameters("actor", "recipient", "type", "mode", "context", "since", "until", "place", "q", "include_aux"),
)
def get_network(request: Request) -> dict[str, Any]:
    """Who acts on whom: nodes (actors) and edges weighted by event count and intensity."""
    return _workbench(request).network(_query(request))


@router.get("/search", openapi_extra=_parameters("q", "page", "per_page"))
def search_documents(request: Request) -> dict[str, Any]:
    """Full-text search over document titles and texts, ranked by BM25."""
    return _workbench(request).search(_query(request))


@router.post(
    "/analyze",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            name: {"type": "string"} for name in ("text", "html", "published", "title", "url", "source", "id")
                        },
                    },
                    "example": {"text": "TOKYO - Japan scrambled fighter jets on Monday.", "published": "2025-12-08"},
                }
            },
        }
    },
)
async def analyze(request: Request) -> JSONResponse:
    """Analyse a text or HTML page (not stored): the contract's Result."""
    try:
        record = json.loads(await request.body() or b"null")
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise RequestError(Code.BAD_PARAMETER, name="body", detail=f"not valid JSON ({error})") from None
    if not isinstance(record, dict):
        raise RequestError(Code.BAD_PARAMETER, name="body", detail="expected a JSON object with 'text' or 'html'")
    from starlette.concurrency import run_in_threadpool

    result = await run_in_threadpool(_workbench(request).analyze, record)
    return JSONResponse(result.to_dict())
