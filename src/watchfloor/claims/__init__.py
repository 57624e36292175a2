"""Claims: check-worthy factual sentences, typed and verified against the knowledge base."""

from watchfloor.claims.finder import find_claims

__all__ = ["find_claims"]
