"""The analyst workbench: a FastAPI app serving the REST API and the pages over a watchfloor database."""

from watchfloor.web.app import create_app

__all__ = ["create_app"]
