"""The claim-check report for a person: each claim with its verdict, reason and reference, grouped by verdict.

Problems come first (contradicted, misleading, unsupported), then what holds, then what nothing could
check; a one-line summary closes each document.
"""

from __future__ import annotations

import textwrap
from collections import Counter

from watchfloor.records import Claim, Result, Verdict

ORDER: tuple[Verdict, ...] = ("contradicted", "misleading", "unsupported", "supported", "unverifiable")
WIDTH = 100


def summary(claims: list[Claim]) -> str:
    """'14 claims: 1 misleading, 2 unsupported, 7 supported, 4 unverifiable'."""
    counts = Counter(claim.verdict for claim in claims)
    parts = [f"{counts[verdict]} {verdict}" for verdict in ORDER if counts[verdict]]
    return f"{len(claims)} claim{'s' if len(claims) != 1 else ''}" + (": " + ", ".join(parts) if parts else "")


def _claim_block(claim: Claim) -> list[str]:
    lines = textwrap.wrap(" ".join(claim.text.split()), WIDTH, initial_indent="  * ", subsequent_indent="    ")
    lines.append(f"    {claim.kind}, check-worthiness {claim.checkworthy:.2f}, as of {claim.as_of or 'unknown'}")
    lines.extend(textwrap.wrap(claim.reason, WIDTH, initial_indent="    why: ", subsequent_indent="         "))
    for reference in claim.references:
        text = f"{reference.statement} [{reference.fact_id}; {reference.source}]"
        lines.extend(textwrap.wrap(text, WIDTH, initial_indent="    ref: ", subsequent_indent="         "))
    return lines


def render_check(result: Result) -> str:
    """The report of one document."""
    doc = result.doc
    lines = [f"== {doc.title or doc.id} ({'published ' + str(doc.published) if doc.published else 'no publication date'})"]
    for verdict in ORDER:
        chosen = [claim for claim in result.claims if claim.verdict == verdict]
        if chosen:
            lines.extend(["", f"{verdict.upper()} ({len(chosen)})"])
            for claim in chosen:
                lines.extend(_claim_block(claim))
    lines.extend(["", summary(result.claims)])
    lines.extend(f"warning: {warning}" for warning in result.warnings)
    return "\n".join(lines) + "\n"
