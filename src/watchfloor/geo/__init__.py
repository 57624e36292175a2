"""Geoparsing: the gazetteer, document context and the resolver that places every toponym."""

from watchfloor.geo.context import document_countries
from watchfloor.geo.resolve import Resolver

__all__ = ["Resolver", "document_countries"]
