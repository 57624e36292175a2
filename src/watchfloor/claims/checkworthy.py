"""A learned check-worthiness score: logistic regression over hashed word and character n-grams.

Why this shape: a linear model over hashed n-grams runs on the CPU in well under a millisecond a
sentence, needs nothing beyond numpy at run time (scikit-learn is used only to train it), and its
weights are one small file in the package. The features come from :mod:`watchfloor.nlp.ngrams` and
nowhere else, so the training script (``benchmarks/train_checkworthy.py``) and the pipeline cannot
drift apart. Counts are weighted by inverse document frequency and L2-normalised, as
TfidfVectorizer would do.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from watchfloor.nlp.ngrams import bucket_counts

MODEL_FILE = "checkworthy.npz"


@dataclass(frozen=True, slots=True)
class CheckworthyModel:
    """Weights, idf and bias over ``2**bits`` buckets, and the decision threshold chosen on dev."""

    weights: NDArray[np.float32]
    idf: NDArray[np.float32]
    bias: float
    threshold: float
    bits: int
    about: dict[str, Any]

    def probability(self, text: str) -> float:
        """How likely a fact-checker would want this sentence checked, in [0, 1]."""
        counts = bucket_counts(text, self.bits)
        if not counts:
            return 0.0
        buckets = np.fromiter(counts, dtype=np.int64, count=len(counts))
        sublinear = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))).astype(np.float32)
        values = sublinear * self.idf[buckets]
        norm = float(np.sqrt(np.dot(values, values))) or 1.0
        margin = float(np.dot(values, self.weights[buckets])) / norm + self.bias
        return 1.0 / (1.0 + math.exp(-margin))

    def calibrated(self, text: str) -> float:
        """The probability moved so that the decision threshold chosen on dev reads 0.5.

        Then one setting (``min_checkworthy``, default 0.5) means the same for the model and the rules.
        """
        probability = min(max(self.probability(text), 1e-6), 1 - 1e-6)
        shift = math.log(self.threshold / (1 - self.threshold))
        return 1.0 / (1.0 + math.exp(-(math.log(probability / (1 - probability)) - shift)))

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            weights=self.weights.astype(np.float16),
            idf=self.idf.astype(np.float16),
            scalars=np.array([self.bias, self.threshold, self.bits], dtype=np.float64),
            about=np.array(json.dumps(self.about)),
        )

    @classmethod
    def read(cls, path: Path) -> CheckworthyModel:
        with np.load(path) as data:
            bias, threshold, bits = (float(x) for x in data["scalars"])
            return cls(
                weights=data["weights"].astype(np.float32),
                idf=data["idf"].astype(np.float32),
                bias=bias,
                threshold=threshold,
                bits=int(bits),
                about=json.loads(str(data["about"])),
            )


def model_path() -> Path:
    return Path(str(resources.files("watchfloor.claims") / "data" / MODEL_FILE))


@lru_cache(maxsize=1)
def load_model() -> CheckworthyModel | None:
    """The shipped model, or None when the package was built without it (the rules then score alone)."""
    path = model_path()
    return CheckworthyModel.read(path) if path.is_file() else None
