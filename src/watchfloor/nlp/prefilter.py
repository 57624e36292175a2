"""Sentence pre-filtering: the parser sees only sentences that can hold an event or a claim.

Parsing is most of the cost of a document, and most sentences of news and briefings ("Thank you
all for coming.", "It was a great honour.") can hold neither an event nor a checkable claim. An
event needs a trigger word of the lexicon; a claim needs a figure, an office title, an attribution,
a definition or a comparison. Both can be seen in the raw words, before any parse: a sentence with
none of these cue words is left out of the text that spaCy parses, and the offsets of the kept
text still point into the user's text, so every span stays exact.

Each stage can add the patterns it reads claims by (the claims stage adds its definition
patterns: "X refers to ...", "The goal of X is ...").

What stays besides: the first two lines (headline and dateline, which date and place the lead),
and the sentence before a kept sentence that opens with a pronoun or "the two ...", where the
coreference antecedent usually is. Left-out sentences contribute no places and no actors to the
document's context; ``Settings.prefilter`` switches the filter off.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from watchfloor.nlp.pipeline import lines_are_paragraphs
from watchfloor.settings import write_cache_file
from watchfloor.text import NormalisedText

# Sentence ends inside a line: end punctuation, optional closing quote, space, then a capital or digit.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(A-Z0-9])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_DIGIT = re.compile(r"\d")
CLAIM_CUES = frozenset(
    """
    according refers refer referred defined define percent percentage twice double doubled triple tripled dozen
    dozens hundred hundreds thousand thousands million millions billion billions trillion trillions two three four
    five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty ninety largest biggest
    smallest highest lowest
    """.split()
)
# "no greater ally than Japan", "more troops than": a comparison is a claim even without a figure.
COMPARISON = re.compile(r"\b(?:\w+er|more \w+|less \w+|fewer \w+)\s+(?:\w+\s+){0,5}?than\b", re.I)
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt cmdr adm sgt gov sen rep rev st mt ft no vs jr sr inc corp co ltd dept
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u
    """.split()
)
_INITIALS = re.compile(r"(?:[A-Z]\.)+|[A-Z]\.")
PRONOUN_OPENERS = frozenset("he she it they them their its his her this these those both the".split())
KEEP_LEADING_LINES = 2


@dataclass(frozen=True, slots=True)
class Selection:
    """The text to parse and how much of the document it is."""

    text: NormalisedText
    kept_sentences: int
    all_sentences: int


class SentenceFilter:
    """Decides from its words alone whether a sentence can hold an event or a claim.

    A trigger counts with the words its lexicon entry requires ("hold" only with "drill", "talks", ...),
    as the coder would; an office title counts next to a capitalised name ("Defense Minister Gen
    Nakatani"), as the office check would.
    """

    def __init__(
        self,
        triggers: Iterable[tuple[str, Iterable[Iterable[str]]]],
        office_titles: Iterable[str],
        claim_patterns: Iterable[re.Pattern[str]] = (),
        cache_folder: Path | None = None,
    ) -> None:
        self.claim_patterns = (COMPARISON, *claim_patterns)
        self.triggers: dict[str, list[tuple[frozenset[str], ...]]] = {}
        entries = [(lemma.lower(), [{word.lower() for word in either} for either in needs]) for lemma, needs in triggers]
        forms = inflections({word for lemma, needs in entries for word in (lemma, *set().union(*needs))}, cache_folder)
        for lemma, needs in entries:
            needed = tuple(frozenset().union(*(forms[word] for word in either)) for either in needs)
            for form in forms[lemma]:
                self.triggers.setdefault(form, []).append(needed)
        titles = "|".join(re.escape(title) for title in sorted(set(office_titles), key=len, reverse=True))
        name = r"[A-Z][\w'\-]+"
        self.office = re.compile(rf"(?i:\b(?:{titles})\b),?\s+{name}|{name},?\s+(?:\w+'s\s+)?(?i:(?:{titles})\b)")

    def keeps(self, sentence: str) -> bool:
        if _DIGIT.search(sentence):
            return True
        words = {part for word in _WORD.findall(sentence.lower()) for part in (word, *word.split("-"))}
        if words & CLAIM_CUES:
            return True
        for word in words:
            for needed in self.triggers.get(word, ()):
                if all(forms & words for forms in needed):
                    return True
        stripped = sentence.strip()
        return bool(self.office.search(sentence)) or any(pattern.search(stripped) for pattern in self.claim_patterns)

    def select(self, normalised: NormalisedText) -> Selection:
        """The sentences worth parsing, joined so that every character keeps its original offset."""
        units = list(_units(normalised.text))
        keep = [self._keep(index, units) for index in range(len(units))]
        for index in range(1, len(units)):
            if keep[index] and not keep[index - 1] and _opens_with_reference(units[index][2]):
                keep[index - 1] = True
        if all(keep):
            return Selection(normalised, len(units), len(units))
        return Selection(_join(normalised, units, keep), sum(keep), len(units))

    def _keep(self, index: int, units: list[tuple[int, int, str, bool]]) -> bool:
        return units[index][3] or self.keeps(units[index][2])


def _units(text: str) -> Iterable[tuple[int, int, str, bool]]:
    """(start, end, text, leading) of each sentence-like unit, the way the parse will see sentences:
    paragraphs (a line each when lines are paragraphs, else blocks between blank lines, so that
    hard-wrapped prose runs on across its line breaks), split at sentence ends. ``leading`` marks
    the first two lines: the headline and the dateline."""
    leading_end = _end_of_line(text, KEEP_LEADING_LINES)
    separator = re.compile(r"\n" if lines_are_paragraphs(text) else r"\n[ \t]*\n")
    bounds, start = [], 0
    for match in separator.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    for position, end in bounds:
        block = text[position:end]
        if not block.strip():
            continue
        local = 0
        for match in _SENTENCE_END.finditer(block):
            if not _ends_in_abbreviation(block[local : match.start()]):
                yield (position + local, position + match.start(), block[local : match.start()], position + local < leading_end)
                local = match.end()
        yield (position + local, end, block[local:], position + local < leading_end)


def _end_of_line(text: str, lines: int) -> int:
    """The offset just past the ``lines``-th non-empty line."""
    for number, match in enumerate(re.finditer(r"[^\n]*\S[^\n]*", text), start=1):
        if number == lines:
            return match.end()
    return len(text)


def _ends_in_abbreviation(text: str) -> bool:
    """'Ms.', 'U.S.', 'Gen.', 'Jan.', an initial: a period that does not end the sentence."""
    last = text.rsplit(None, 1)[-1] if text.strip() else ""
    return bool(_INITIALS.fullmatch(last)) or last.lower().rstrip(".") in ABBREVIATIONS


def _opens_with_reference(sentence: str) -> bool:
    words = _WORD.findall(sentence[:40].lower())
    if not words or words[0] not in PRONOUN_OPENERS:
        return False
    return words[0] != "the" or (len(words) > 1 and words[1] in ("two", "three", "both", "ministers", "leaders", "sides"))


def _join(normalised: NormalisedText, units: list[tuple[int, int, str, bool]], keep: list[bool]) -> NormalisedText:
    """Kept units in order; a blank line where anything was left out, so no sentence runs into another."""
    chars: list[str] = []
    offsets: list[int] = []
    cursor = 0
    left_out = False
    for (start, end, _, _), kept in zip(units, keep, strict=True):
        if not kept:
            left_out = True
            continue
        if chars and left_out:
            chars.extend("\n\n")  # stands for what was left out; maps to just after the text before it
            offsets.extend([normalised.offsets[cursor - 1] + 1] * 2)
        elif chars:
            chars.extend(normalised.text[cursor:start])
            offsets.extend(normalised.offsets[cursor:start])
        chars.extend(normalised.text[start:end])
        offsets.extend(normalised.offsets[start:end])
        cursor, left_out = end, False
    return NormalisedText("".join(chars), tuple(offsets), normalised.original_length)


def inflections(lemmas: set[str], cache_folder: Path | None = None) -> dict[str, list[str]]:
    """Every written form of each lemma ('hold' -> held, holds, holding), from lemminflect's tables.

    Loading those tables takes about a second, on every start; the forms of one lexicon never change,
    so they are kept in the cache folder under a name that changes with the lemmas and lemminflect.
    """
    digest = hashlib.sha256(("\n".join(sorted(lemmas)) + metadata.version("lemminflect")).encode()).hexdigest()[:16]
    path = cache_folder / f"inflections-{digest}.json" if cache_folder else None
    if path is not None and path.is_file():
        try:
            cached: dict[str, list[str]] = json.loads(path.read_text(encoding="utf-8"))
            return cached
        except (OSError, ValueError):
            pass
    from lemminflect import getAllInflections  # type: ignore[import-untyped]

    table = {
        lemma: sorted({lemma} | {form.lower() for forms in getAllInflections(lemma).values() for form in forms})
        for lemma in lemmas
    }
    if path is not None:
        write_cache_file(path, json.dumps(table).encode("utf-8"))
    return table
