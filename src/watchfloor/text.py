"""Text normalisation that remembers where every character came from.

The NLP stages see normalised text (straight quotes, single spaces, Unicode NFC) because the
spaCy model mis-tags entities next to curly quotes. Users see the original text, so every
normalised character keeps the offset of the original character it came from, and spans found
in the normalised text are mapped back with :meth:`NormalisedText.original_span`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u200a": " ",
        "\u2013": "-",
        "\u2014": "-",
        "\u2011": "-",
        "\u2212": "-",
    }
)
_SPACES = frozenset(" \t\r\f\v")
# A run of starter + combining marks is the unit NFC works on.
_MD_LINK = re.compile(r"!?\[([^\]]{0,300})\]\([^)\s]{1,1000}\)")
_MD_EMPHASIS = re.compile(r"\*\*|__")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,3000}>")
_BARE_URL = re.compile(r"https?://\S+")
_CLUSTER = re.compile(r".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*", re.DOTALL)


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """Normalised text plus, for each of its characters, the offset in the original text."""

    text: str
    offsets: tuple[int, ...]
    original_length: int

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to the original text."""
        if start >= len(self.offsets):
            return (self.original_length, self.original_length)
        original_start = self.offsets[start]
        original_end = self.offsets[end - 1] + 1 if end > start else original_start
        return (original_start, original_end)


def _markup_to_drop(original: str) -> set[int]:
    """Offsets of markup to leave out: Markdown link targets, brackets and emphasis, HTML tags, bare URLs.

    Text exported from web pages often keeps these; the words of a link stay, the rest goes.
    """
    drop: set[int] = set()
    for match in _MD_LINK.finditer(original):
        drop.update(range(match.start(), match.start(1)))
        drop.update(range(match.end(1), match.end()))
    for pattern in (_MD_EMPHASIS, _HTML_TAG, _BARE_URL):
        for match in pattern.finditer(original):
            drop.update(range(match.start(), match.end()))
    return drop


def normalise(original: str) -> NormalisedText:
    """Straighten quotes and dashes, fold runs of spaces, drop Markdown markup, strip zero-width marks, apply NFC."""
    chars: list[str] = []
    offsets: list[int] = []
    drop = _markup_to_drop(original) if any(mark in original for mark in ("](", "**", "__", "<", "://")) else set()
    for match in _CLUSTER.finditer(original):
        if match.start() in drop:
            continue
        cluster = unicodedata.normalize("NFC", match.group().translate(_QUOTES))
        position = match.start()
        for char in cluster:
            if char in "\u200b\u200c\u200d\ufeff":
                continue
            if char in _SPACES:
                if chars and chars[-1] in " \n":
                    continue
                char = " "
            elif char == "\n" and chars and chars[-1] == " ":
                chars.pop()
                offsets.pop()
            chars.append(char)
            offsets.append(position)
    return NormalisedText("".join(chars), tuple(offsets), len(original))
