"""The cached word-by-word hashing gives exactly the features of hashing every gram of ``grams``."""

from __future__ import annotations

import math
import zlib

from hypothesis import given, settings
from hypothesis import strategies as st

from watchfloor.nlp.ngrams import grams, hashed_counts


def _reference(text: str, bits: int) -> dict[int, float]:
    mask = (1 << bits) - 1
    counts: dict[int, int] = {}
    for gram in grams(text):
        bucket = zlib.crc32(gram.encode()) & mask
        counts[bucket] = counts.get(bucket, 0) + 1
    return {bucket: 1.0 + math.log(count) for bucket, count in counts.items()}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("abc XYZ 0129.,$%'-\n"), max_size=80), st.sampled_from([10, 17]))
def test_hashed_counts_match_the_gram_definition(text: str, bits: int) -> None:
    assert hashed_counts(text, bits) == _reference(text, bits)


def test_a_news_sentence() -> None:
    sentence = "China's 2025 defence budget rose 7.2% to $245 billion, the ministry said."
    assert hashed_counts(sentence, 17) == _reference(sentence, 17)
