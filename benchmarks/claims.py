"""Claim detection, typing and verification: three measurements on data no one on the team wrote.

* check-worthiness on CheckThat! 2024 Task 1 (English): F1 of the positive class on ``dev`` (used to
  choose the model and its threshold: not held out) and ``dev-test`` (held out: never used to train
  or choose anything). Three scorers: the rules alone, the learned model alone, and the shipped
  combination (the model, or a news-specific rule signal it never saw); check-worthy at a score of 0.5 or more.
* claim typing on QuanTemp's categorised subset (309 numerical claims): accuracy of our claim kind
  against its taxonomy, mapped statistical -> statistic or quantity, temporal -> date, comparison ->
  comparison, interval -> quantity or statistic. QuanTemp is CC BY-NC: evaluated on, never trained on.
* verdicts on the seeds: the hand-checked list ``tests/fixtures/seed_claims.yaml``.

Usage:

    python benchmarks/claims.py [--part checkworthy|typing|seeds|all] [--out benchmarks/results/claims.json]
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from common import SHARED, emit, require
from watchfloor.claims.finder import Candidate, candidates
from watchfloor.geo.places import find_places
from watchfloor.nlp.context import DocContext
from watchfloor.pipeline import Pipeline
from watchfloor.settings import load_settings
from watchfloor.sources import make_document, read_inputs
from watchfloor.text import normalise

CT24 = SHARED / "bench" / "checkthat24"
QUANTEMP = SHARED / "bench" / "quantemp" / "data" / "complex_num_facts_categorized_subset.csv"
SEEDS = SHARED / "corpus" / "seeds" / "seeds.jsonl"
FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seed_claims.yaml"
KIND_OF_LABEL = {
    "statistical": {"statistic", "quantity"},
    "temporal": {"date"},
    "comparison": {"comparison"},
    "interval": {"quantity", "statistic"},
}
THRESHOLD = 0.5


def sentence_candidates(pipeline: Pipeline, text: str) -> list[Candidate]:
    """The scored atomic parts of one text, found as the pipeline finds them (places and events first)."""
    document = make_document(text, "<bench>", {}, None)
    normalised = normalise(document.text)
    ctx = DocContext(document, normalised, pipeline.nlp(normalised.text), pipeline.kb, resolver=pipeline.resolver)
    for ent, place in find_places(ctx):
        ctx.places.append(place)
        ctx.place_by_start[ent.start_char] = place
    return candidates(ctx, pipeline.coder.code(ctx))


def f1(gold: list[int], predicted: list[int]) -> dict[str, float]:
    tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g and p)
    precision = tp / max(sum(predicted), 1)
    recall = tp / max(sum(gold), 1)
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": round(score, 4), "precision": round(precision, 4), "recall": round(recall, 4)}


def read_ct24(split: str) -> tuple[list[str], list[int]]:
    path = require(CT24 / f"CT24_checkworthy_english_{split}.tsv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [row["Text"] for row in rows], [1 if row["class_label"].strip() == "Yes" else 0 for row in rows]


SCORERS: dict[str, Callable[[Candidate], float]] = {
    "rules": lambda c: c.features.rules if c.features.learned is not None else c.features.score,
    "learned": lambda c: c.features.learned or 0.0,
    "shipped (model or a news signal)": lambda c: c.features.score,
}


def checkworthiness(pipeline: Pipeline) -> dict[str, Any]:
    report: dict[str, Any] = {}
    for split, role in (("dev", "used to choose the model and threshold"), ("dev-test", "held out")):
        texts, gold = read_ct24(split)
        found = [sentence_candidates(pipeline, text) for text in texts]
        scores = {
            name: f1(gold, [int(max((score(c) for c in parts), default=0.0) >= THRESHOLD) for parts in found])
            for name, score in SCORERS.items()
        }
        report[split] = {"role": role, "sentences": len(texts), "positives": sum(gold), **scores}
    return report


def read_quantemp() -> list[tuple[str, str]]:
    lines = require(QUANTEMP).read_text(encoding="utf-8").splitlines()[1:]
    return [(claim.strip(), label.strip()) for claim, label in (line.rsplit("@", 1) for line in lines if "@" in line)]


def typing(pipeline: Pipeline) -> dict[str, Any]:
    """Kind of the most check-worthy part of each claim against QuanTemp's label."""
    from watchfloor.claims.detect import claim_kind

    confusion: Counter[tuple[str, str]] = Counter()
    for text, label in read_quantemp():
        parts = sentence_candidates(pipeline, text)
        best = max(parts, key=lambda c: c.features.score, default=None)
        confusion[(label, claim_kind(best.features) if best else "other")] += 1
    per_label = {}
    for label, kinds in KIND_OF_LABEL.items():
        total = sum(count for (gold, _), count in confusion.items() if gold == label)
        right = sum(count for (gold, kind), count in confusion.items() if gold == label and kind in kinds)
        per_label[label] = {"claims": total, "accuracy": round(right / max(total, 1), 4)}
    right = sum(count for (gold, kind), count in confusion.items() if kind in KIND_OF_LABEL.get(gold, set()))
    total = sum(confusion.values())
    return {
        "claims": total,
        "accuracy": round(right / max(total, 1), 4),
        "per_label": per_label,
        "confusion": {f"{gold} -> {kind}": count for (gold, kind), count in sorted(confusion.items())},
    }


def seed_verdicts(pipeline: Pipeline) -> dict[str, Any]:
    expected = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    results = {r.doc.id: r for r in pipeline.pipe(d for d in read_inputs([str(require(SEEDS))]) if not isinstance(d, Exception))}  # type: ignore[misc]
    rows = []
    for item in expected:
        matches = [c for c in results[item["doc"]].claims if item["locate"] in c.text]
        verdicts = {claim.verdict for claim in matches}  # a sentence may give several claims (two office holders)
        got = verdicts.pop() if len(verdicts) == 1 else ("not found" if not matches else "ambiguous")
        if got == "not found" and item.get("optional"):
            got = item["verdict"] + " (not reported: optional)"
            rows.append({"locate": item["locate"], "expected": item["verdict"], "got": got, "ok": True})
            continue
        rows.append({"locate": item["locate"], "expected": item["verdict"], "got": got, "ok": got == item["verdict"]})
    right = sum(row["ok"] for row in rows)
    return {
        "claims": len(rows),
        "correct": right,
        "accuracy": round(right / len(rows), 4),
        "wrong": [r for r in rows if not r["ok"]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("checkworthy", "typing", "seeds", "all"), default="all")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    pipeline = Pipeline(load_settings())
    report: dict[str, Any] = {}
    if args.part in ("checkworthy", "all"):
        report["checkworthiness_ct24"] = checkworthiness(pipeline)
    if args.part in ("typing", "all"):
        report["typing_quantemp"] = typing(pipeline)
    if args.part in ("seeds", "all"):
        report["seed_verdicts"] = seed_verdicts(pipeline)
    emit(report, args.out)


if __name__ == "__main__":
    main()
