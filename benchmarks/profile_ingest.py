"""A profile of the full ingest path (pyinstrument), to see where the time goes.

Analyses and stores the first N documents of ../shared/corpus/wh-briefings.jsonl.gz after one warm-up
document, and writes pyinstrument's call tree (text) plus the time by stage. Usage:

    python benchmarks/profile_ingest.py --docs 100 [--out benchmarks/results/profile.txt]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from pyinstrument import Profiler

from common import SHARED, require
from throughput import CORPUS, read_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/profile.txt"))
    args = parser.parse_args()
    require(SHARED / "corpus")
    require(CORPUS)
    from watchfloor.pipeline import Pipeline
    from watchfloor.sources import make_document
    from watchfloor.store import open_store

    pipeline = Pipeline()
    documents = [make_document(record["text"], f"wh-{n}", {}, None) for n, record in enumerate(read_corpus(args.docs + 1))]
    list(pipeline.pipe(documents[:1]))  # start-up: gazetteer, caches
    pipeline.timings.clear()
    profiler = Profiler()
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "profile.duckdb") as store:
        profiler.start()
        store.ingest(list(pipeline.pipe(documents[1:])))
        profiler.stop()
    stages = "\n".join(f"{name:10} {seconds:8.2f} s" for name, seconds in sorted(pipeline.timings.items(), key=lambda kv: -kv[1]))
    report = f"time by stage ({args.docs} documents)\n{stages}\n\n" + profiler.output_text(unicode=False, color=False)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    print(report[:4000])


if __name__ == "__main__":
    main()
