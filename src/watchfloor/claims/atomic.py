"""Splitting a compound sentence into atomic claims.

"China has increased its defense budget by 7.2% compared with 2024 and continues to accelerate the
development of its strike capabilities" makes two claims: a figure that the KB can check and a
trend it cannot. Checked as one, the second half would ride on the first half's verdict. A sentence
is split where two verb clauses are joined by a coordinating conjunction or a semicolon, and only
when each part is a clause of its own (a verb and enough words to say something).
"""

from __future__ import annotations

import itertools

from spacy.tokens import Span, Token

MIN_PART_TOKENS = 5


def atomic_parts(sentence: Span) -> list[Span]:
    """The sentence's atomic clauses in order, or the sentence itself when it is not compound."""
    cuts = sorted({cut for cut in (*_conjunction_cuts(sentence), *_semicolon_cuts(sentence)) if cut > sentence.start})
    bounds = [sentence.start, *cuts, sentence.end]
    parts = [sentence.doc[start:end] for start, end in itertools.pairwise(bounds)]
    if len(parts) < 2 or not all(_is_clause(part) for part in parts):
        return [sentence]
    return [_trim(part) for part in parts]


def _conjunction_cuts(sentence: Span) -> list[int]:
    """Token indices where a conjoined verb clause begins: at its 'and'/'but' (kept in the second part)."""
    cuts = []
    root = sentence.root
    for child in root.children:
        if child.dep_ != "conj" or child.pos_ not in ("VERB", "AUX") or child.i <= root.i:
            continue
        joiner = _joiner(root, child)
        if joiner is not None:
            cuts.append(joiner.i)
    return cuts


def _joiner(head: Token, conjunct: Token) -> Token | None:
    """The coordinating conjunction between two conjoined verbs, if there is one."""
    between = [token for token in head.children if token.dep_ == "cc" and head.i < token.i < conjunct.i]
    return between[-1] if between else None


def _semicolon_cuts(sentence: Span) -> list[int]:
    return [token.i + 1 for token in sentence[:-1] if token.text == ";"]


def _is_clause(part: Span) -> bool:
    words = [token for token in part if not token.is_punct]
    return len(words) >= MIN_PART_TOKENS and any(token.pos_ in ("VERB", "AUX") for token in part)


def _trim(part: Span) -> Span:
    """Without the trailing comma or semicolon that joined it to the next part."""
    end = part.end
    while end > part.start + 1 and part.doc[end - 1].text in (",", ";"):
        end -= 1
    return part.doc[part.start : end]
