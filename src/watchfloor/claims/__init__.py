"""Claims: check-worthy factual sentences, typed and verified against the knowledge base."""

from watchfloor.claims.finder import detect_claims, find_claims, verify_claims

__all__ = ["detect_claims", "find_claims", "verify_claims"]
