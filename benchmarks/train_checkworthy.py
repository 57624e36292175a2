"""Train the shipped check-worthiness model on CheckThat! 2024 Task 1 (English).

Trained on the ``train`` split only; ``dev`` chooses the regularisation and the decision threshold;
``dev-test`` is never read here (``benchmarks/claims.py`` reports it). The features are the package's
own (``watchfloor.claims.checkworthy``), so the pipeline scores exactly as trained. Needs scikit-learn
(a dev dependency). Usage:

    python benchmarks/train_checkworthy.py [--bits 17] [--out src/watchfloor/claims/data/checkworthy.npz]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, diags
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
from sklearn.metrics import f1_score  # type: ignore[import-untyped]

from common import SHARED, require
from watchfloor.claims.checkworthy import CheckworthyModel, model_path
from watchfloor.nlp.ngrams import hashed_counts

CT24 = SHARED / "bench" / "checkthat24"
C_CHOICES = (1.0, 2.0, 4.0, 8.0)
THRESHOLDS = tuple(round(0.3 + 0.025 * step, 3) for step in range(17))


def read_split(split: str) -> tuple[list[str], list[int]]:
    """Sentences and labels (1 = check-worthy) of one CT24 split."""
    path = require(CT24 / f"CT24_checkworthy_english_{split}.tsv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [row["Text"] for row in rows], [1 if row["class_label"].strip() == "Yes" else 0 for row in rows]


def counts_matrix(texts: list[str], bits: int) -> csr_matrix:
    rows, cols, values = [], [], []
    for row, text in enumerate(texts):
        for bucket, value in hashed_counts(text, bits).items():
            rows.append(row)
            cols.append(bucket)
            values.append(value)
    return csr_matrix((values, (rows, cols)), shape=(len(texts), 1 << bits), dtype=np.float64)


def weighted(counts: csr_matrix, idf: np.ndarray) -> csr_matrix:
    """tf-idf rows, L2-normalised: what ``CheckworthyModel.probability`` computes for one sentence."""
    scaled = csr_matrix(counts.multiply(idf))
    norms = np.sqrt(np.asarray(scaled.multiply(scaled).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(diags(1.0 / norms) @ scaled)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bits", type=int, default=17)
    parser.add_argument("--out", type=Path, default=model_path())
    args = parser.parse_args()
    train_texts, train_labels = read_split("train")
    dev_texts, dev_labels = read_split("dev")
    train_counts = counts_matrix(train_texts, args.bits)
    document_frequency = np.asarray((train_counts > 0).sum(axis=0)).ravel()
    idf = (np.log((1 + len(train_texts)) / (1 + document_frequency)) + 1).astype(np.float32)
    train_x, dev_x = weighted(train_counts, idf), weighted(counts_matrix(dev_texts, args.bits), idf)
    best: tuple[float, float, float, LogisticRegression] | None = None
    for c in C_CHOICES:
        fitted = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(train_x, train_labels)
        probabilities = fitted.predict_proba(dev_x)[:, 1]
        for threshold in THRESHOLDS:
            score = float(f1_score(dev_labels, probabilities >= threshold))
            print(f"C={c:<4} threshold={threshold:<5} dev F1={score:.3f}")
            if best is None or score > best[0]:
                best = (score, c, threshold, fitted)
    assert best is not None
    dev_f1, c, threshold, fitted = best
    about = {
        "trained_on": "CheckThat! 2024 Task 1 English, train split (22,500 sentences of US presidential debates)",
        "chosen_on": "CheckThat! 2024 Task 1 English, dev split (1,032 sentences)",
        "model": f"logistic regression, C={c}, balanced classes, {1 << args.bits} hashed buckets",
        "dev_f1": round(dev_f1, 4),
    }
    model = CheckworthyModel(fitted.coef_[0].astype(np.float32), idf, float(fitted.intercept_[0]), threshold, args.bits, about)
    model.save(args.out)
    print(f"chose C={c}, threshold={threshold}: dev F1 {dev_f1:.3f}; wrote {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
