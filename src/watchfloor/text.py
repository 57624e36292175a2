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
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*")
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


def _markup_to_drop(original: str) -> list[tuple[int, int]]:
    """The [start, end) spans of markup to leave out, sorted and merged: Markdown link targets, brackets
    and emphasis, HTML tags, bare URLs.

    Text exported from web pages often keeps these; the words of a link stay, the rest goes.
    """
    spans: list[tuple[int, int]] = []
    for match in _MD_LINK.finditer(original):
        spans.extend(((match.start(), match.start(1)), (match.end(1), match.end())))
    for pattern in (_MD_EMPHASIS, _HTML_TAG, _BARE_URL):
        spans.extend(match.span() for match in pattern.finditer(original))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(span for span in spans if span[1] > span[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def normalise(original: str) -> NormalisedText:
    """Straighten quotes and dashes, fold runs of spaces, drop Markdown markup, strip zero-width marks, apply NFC.

    Runs of ordinary characters (no markup, already NFC) are copied whole; only runs of spacing and the
    rare text that needs composing go character by character, which keeps this step a small part of
    ingest on long documents.
    """
    drop = _markup_to_drop(original) if any(mark in original for mark in ("](", "**", "__", "<", "://")) else []
    builder = _Builder()
    for start, end in _kept_stretches(original, drop):
        for match in _RUN.finditer(original, start, end):
            if match.lastgroup == "space":
                builder.add_spacing(original, *match.span())
                continue
            segment = match.group().translate(_QUOTES)
            if segment.isascii() or unicodedata.is_normalized("NFC", segment):
                builder.add_run(segment, match.start())
            else:
                builder.add_clusters(original, *match.span())
    return NormalisedText(unwrap_lines("".join(builder.pieces)), tuple(builder.offsets), len(original))


WRAP_MAX_WIDTH = 100  # wider lines are paragraphs, not a wrapped column
WRAPPED_MIN_LINES = 5
WRAPPED_FULL_SHARE = 0.85  # a line this close to the wrap width is a full wrapped line
WRAPPED_FULL_LINES_SHARE = 0.5  # hard-wrapped text: at least half its lines are full
WRAPPED_SHORT_SHARE = 0.7  # in wrapped text, a line clearly shorter than the width ends where its author ended it
SENTENCE_ENDINGS = ".!?:"


def wrap_width(text: str) -> int:
    """The width hard-wrapped prose is broken at (most lines within a few characters of the longest), or 0.

    Nearly all White House releases are wrapped at about 72 columns: a line break there is no paragraph's end,
    and a line ending in a name ("met with the Vietnamese Communist / Party General Secretary ...") is no headline.
    """
    lengths = sorted(len(line.rstrip()) for line in text.splitlines() if line.strip())
    if len(lengths) < WRAPPED_MIN_LINES:
        return 0
    width = lengths[int(0.9 * (len(lengths) - 1))]
    full = sum(1 for length in lengths if length >= WRAPPED_FULL_SHARE * width)
    return width if width <= WRAP_MAX_WIDTH and full >= WRAPPED_FULL_LINES_SHARE * len(lengths) else 0


def unwrap_lines(text: str) -> str:
    """Hard-wrapped prose read as running text: a line break after a full line that ends no sentence becomes a
    space ('the United States of / America' is one name to the tagger). Blank lines and short lines (titles, list
    heads) keep their breaks; every character keeps its offset."""
    width = wrap_width(text)
    if not width:
        return text
    chars = list(text)
    position = 0
    for line in text.split("\n")[:-1]:
        end = position + len(line)
        full = len(line) >= WRAPPED_SHORT_SHARE * width
        if full and line.rstrip()[-1:] not in SENTENCE_ENDINGS and text[end + 1 : end + 2] not in ("\n", ""):
            chars[end] = " "
        position = end + 1
    return "".join(chars)


def _kept_stretches(original: str, drop: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The [start, end) stretches between dropped markup; combining marks on a dropped character go with it."""
    stretches: list[tuple[int, int]] = []
    start = 0
    for drop_start, drop_end in drop:
        if drop_start > start:
            stretches.append((start, drop_start))
        start = _COMBINING.match(original, drop_end).end()  # type: ignore[union-attr]
    if start < len(original):
        stretches.append((start, len(original)))
    return stretches


_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\ufeff")
# Every character the spacing rules act on (spaces, line breaks, zero-width marks and what _QUOTES turns
# into a space), and everything else: words joined by single plain spaces, which the rules keep as they are.
_SPACING_CHARS = "".join(sorted({*_SPACES, "\n", *_ZERO_WIDTH, *(chr(c) for c, to in _QUOTES.items() if to == " ")}))
_SPACING = f"[{re.escape(_SPACING_CHARS)}]"
_WORDS = f"[^{re.escape(_SPACING_CHARS)}]"
_RUN = re.compile(f"(?P<space>{_SPACING}+)|(?P<text>{_WORDS}+(?: {_WORDS}+)*)")


class _Builder:
    """The normalised text as pieces, with the original offset of each character and the last character."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.offsets: list[int] = []
        self.last = ""

    def add_run(self, segment: str, position: int) -> None:
        self.pieces.append(segment)
        self.offsets.extend(range(position, position + len(segment)))
        self.last = segment[-1]

    def add_char(self, char: str, position: int) -> None:
        """One character under the spacing rules: one space at most, none before or after a line break."""
        if char in _ZERO_WIDTH:
            return
        if char in _SPACES:
            if self.last in (" ", "\n"):
                return
            char = " "
        elif char == "\n" and self.last == " ":
            self.pieces.pop()
            self.offsets.pop()
            self.last = self.pieces[-1][-1] if self.pieces else ""
        self.pieces.append(char)
        self.offsets.append(position)
        self.last = char

    def add_spacing(self, original: str, start: int, end: int) -> None:
        for position in range(start, end):
            self.add_char(original[position].translate(_QUOTES), position)

    def add_clusters(self, original: str, start: int, end: int) -> None:
        """Character by character, composing each starter with its combining marks (NFC)."""
        for match in _CLUSTER.finditer(original, start, end):
            for char in unicodedata.normalize("NFC", match.group().translate(_QUOTES)):
                self.add_char(char, match.start())
