"""NLP: the spaCy pipeline and our resolvers for dates, quantities, actors and places."""

from watchfloor.nlp.pipeline import build_nlp

__all__ = ["build_nlp"]
