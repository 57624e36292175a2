"""What every benchmark script shares: where ../shared is, and how a report is printed and saved."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def require(path: Path) -> Path:
    """The path, or a one-line exit when the shared data is not beside the checkout."""
    if not path.exists():
        raise SystemExit(f"benchmarks: {path} not found (../shared sits beside the checkout)")
    return path


def emit(report: dict[str, Any], out: Path | None) -> None:
    """Print the report as JSON and, with --out, save it (benchmarks/results/ is not committed)."""
    text = json.dumps(report, indent=2)
    print(text)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text + "\n")
