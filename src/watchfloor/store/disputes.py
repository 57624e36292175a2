"""The disputed-claims query: stored claims that share a subject and attribute, compared across documents.

Only claims the KB could attach a subject, attribute and value to take part; the comparison itself
(which pairs conflict, which are a succession) lives in :mod:`watchfloor.claims.disputes`.
"""

from __future__ import annotations

import json
from typing import Any

import duckdb

from watchfloor.claims.disputes import Comparison, compare_claims
from watchfloor.kb import KnowledgeBase

GROUP_KEY = "CASE WHEN {t}kind = 'office' THEN {t}attribute ELSE {t}attribute || '|' || coalesce({t}subject, '') END"
COMPARABLE = f"""
SELECT c.data, d.id, d.title, d.published FROM claims c JOIN documents d ON d.sha256 = c.doc_sha256
WHERE c.attribute IS NOT NULL AND c.as_of IS NOT NULL AND {GROUP_KEY.format(t="c.")} IN (
    SELECT {GROUP_KEY.format(t="")} FROM claims WHERE attribute IS NOT NULL GROUP BY 1 HAVING count(DISTINCT doc_sha256) > 1
)
ORDER BY c.attribute, c.as_of
"""


def comparisons(connection: duckdb.DuckDBPyConnection, kb: KnowledgeBase) -> list[Comparison]:
    """Every cross-document pair of claims with different values for one subject and attribute."""
    claims = []
    for data, doc_id, title, published in connection.execute(COMPARABLE).fetchall():
        claim: dict[str, Any] = json.loads(data)
        claim["doc_id"], claim["doc_title"] = doc_id, title
        claim["published"] = published.isoformat() if published else None
        claims.append(claim)
    return compare_claims(claims, kb)


def disputed(connection: duckdb.DuckDBPyConnection, kb: KnowledgeBase) -> list[Comparison]:
    """The pairs whose values conflict at overlapping times (successions left out)."""
    return [comparison for comparison in comparisons(connection, kb) if comparison.relation == "disputed"]
