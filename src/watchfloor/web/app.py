"""The workbench application: REST API, pages and static assets, all served from 127.0.0.1.

Nothing is fetched from elsewhere: the pages' scripts and styles are files of this package, the API
explorer at ``/docs`` is served from the fastapi-offline package's copy of Swagger UI, and a Content-Security-Policy
tells the browser to load nothing from any other origin and to run no inline script, so text from
an article can never become code in the analyst's browser.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from watchfloor import __version__
from watchfloor.errors import RequestError, WatchfloorError
from watchfloor.settings import Settings, load_settings
from watchfloor.store import DuckDBStore
from watchfloor.web import api, pages
from watchfloor.web.service import Workbench

PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
# The API explorer's page starts Swagger UI with an inline script; it shows no article text.
DOCS_POLICY = PAGE_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'"
)


def create_app(settings: Settings | None = None, store: DuckDBStore | None = None) -> FastAPI:
    """The workbench over the database named by ``settings.db`` (or an already open ``store``)."""
    settings = settings or load_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if store is None:
            app.state.workbench.close()

    app = FastAPI(
        title="watchfloor workbench",
        version=__version__,
        description="Events, claims, places and documents of a watchfloor database, as the JSON contract.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.workbench = Workbench(settings, store)
    swagger = resources.files("fastapi_offline") / "static"
    app.mount("/static/swagger", StaticFiles(directory=str(swagger)), name="swagger")
    app.mount("/static", StaticFiles(directory=str(resources.files("watchfloor.web") / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _add_docs(app)
    _add_error_handlers(app)
    app.middleware("http")(_security_headers)
    return app


def _add_docs(app: FastAPI) -> None:
    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="watchfloor API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url="/favicon.ico",
        )


async def _security_headers(request: Request, call_next: Any) -> Response:
    response: Response = await call_next(request)
    policy = DOCS_POLICY if request.url.path == "/docs" else PAGE_POLICY
    response.headers.setdefault("Content-Security-Policy", policy)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    return response


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _error(request: Request, status: int, message: str, code: str | None = None) -> Response:
    """A JSON error for the API, a page for a person: one sentence either way, never a traceback."""
    if _is_api(request):
        return JSONResponse({"error": message, "code": code, "status": status}, status_code=status)
    context = {"status": status, "message": message, "query": {}, "counts": request.app.state.workbench.counts()}
    return pages.templates.TemplateResponse(request, "error.html", context, status_code=status)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(WatchfloorError)
    async def watchfloor_error(request: Request, error: WatchfloorError) -> Response:
        status = error.status if isinstance(error, RequestError) else 400
        return _error(request, status, error.message, error.error_code.code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> Response:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()) if part not in ("query", "path", "body"))
        return _error(request, 400, f"{where or 'request'}: {first.get('msg', 'invalid request')}")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        message = "no such page or endpoint" if error.status_code == 404 else str(error.detail)
        return _error(request, error.status_code, f"{request.url.path}: {message}")
