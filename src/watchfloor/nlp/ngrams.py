"""Hashed word and character n-gram features of the learned check-worthiness model.

Lower-cased words and word bigrams with digits folded to 0 ("7.2%" and "3.5%" look alike), and
character 2- to 5-grams of each word, hashed into ``2**bits`` buckets with crc32 (stable across
processes and platforms, unlike ``hash()``); counts are sub-linear (1 + log n). The training script in
``benchmarks/`` uses these same functions, so the model scores exactly as it was trained.
"""

from __future__ import annotations

import itertools
import math
import re
import zlib
from collections import Counter
from functools import lru_cache

WORD = re.compile(r"[a-z0-9]+(?:['.,][a-z0-9]+)*|[$%]")
DIGIT = re.compile(r"\d")
CHAR_NGRAMS = range(2, 6)


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
    return {bucket: 1.0 + math.log(count) for bucket, count in bucket_counts(text, bits).items()}


def bucket_counts(text: str, bits: int) -> Counter[int]:
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
