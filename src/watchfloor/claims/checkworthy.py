"""A learned check-worthiness score: logistic regression over hashed word and character n-grams.

Why this shape: a linear model over hashed n-grams runs on the CPU in well under a millisecond a
sentence, needs nothing beyond numpy at run time (scikit-learn is used only to train it), and its
weights are one small file in the package. The features are computed here and nowhere else, so the
training script (``benchmarks/train_checkworthy.py``) and the pipeline cannot drift apart.

Features: lower-cased words and word bigrams with digits folded to 0 ("7.2%" and "3.5%" look
alike), and character 2- to 5-grams of each word; counts are sub-linear (1 + log n), weighted by
inverse document frequency and L2-normalised, as TfidfVectorizer would do.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

WORD = re.compile(r"[a-z0-9]+(?:['.,][a-z0-9]+)*|[$%]")
DIGIT = re.compile(r"\d")
CHAR_NGRAMS = range(2, 6)
MODEL_FILE = "checkworthy.npz"


def grams(text: str) -> list[str]:
    """The n-grams of one sentence: words, word bigrams, character n-grams of each word."""
    words = WORD.findall(DIGIT.sub("0", text.lower()))
    found = ["w:" + word for word in words]
    found.extend(f"b:{left} {right}" for left, right in itertools.pairwise(words))
    for word in words:
        padded = f" {word} "
        for size in CHAR_NGRAMS:
            found.extend("c:" + padded[i : i + size] for i in range(len(padded) - size + 1))
    return found


def hashed_counts(text: str, bits: int) -> dict[int, float]:
    """Bucket -> sub-linear count; crc32 is stable across processes and platforms, unlike hash().

    The same features as hashing every gram of :func:`grams`, computed word by word with a cache:
    words repeat across sentences, so most of a sentence's character n-grams are already hashed.
    """
    return {bucket: 1.0 + math.log(count) for bucket, count in _bucket_counts(text, bits).items()}


def _bucket_counts(text: str, bits: int) -> Counter[int]:
    words = WORD.findall(DIGIT.sub("0", text.lower()))
    counts = Counter(itertools.chain.from_iterable(_word_buckets(word, bits) for word in words))
    mask = (1 << bits) - 1
    counts.update(zlib.crc32(f"b:{left} {right}".encode()) & mask for left, right in itertools.pairwise(words))
    return counts


@lru_cache(maxsize=200_000)
def _word_buckets(word: str, bits: int) -> tuple[int, ...]:
    """The buckets of one word's own grams: the word itself and its character 2- to 5-grams."""
    mask = (1 << bits) - 1
    padded = f" {word} "
    found = ["w:" + word]
    for size in CHAR_NGRAMS:
        found.extend("c:" + padded[i : i + size] for i in range(len(padded) - size + 1))
    return tuple(zlib.crc32(gram.encode()) & mask for gram in found)


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
        counts = _bucket_counts(text, self.bits)
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
