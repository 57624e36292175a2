"""Building the spaCy pipeline once per process: the pinned model plus a KB-fed entity ruler."""

from __future__ import annotations

import threading
import warnings

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from watchfloor.errors import Code, ModelError
from watchfloor.kb import KnowledgeBase

_LOCK = threading.Lock()
_CACHE: dict[tuple[str, int], Language] = {}


def build_nlp(model: str, kb: KnowledgeBase) -> Language:
    """Load ``model`` and add an entity ruler before NER with every name the KB knows.

    The ruler runs before the statistical NER, so KB names (officials, militaries, platforms such
    as B-52, seas and straits) are always entities and NER labels only the rest. Cached per model
    and KB, so a process builds it once.
    """
    key = (model, id(kb))
    with _LOCK:
        if key not in _CACHE:
            _CACHE[key] = _load(model, kb)
        return _CACHE[key]


SENTENCE_END = frozenset({".", "!", "?", ":", '"', "\u201d", ")"})
DATELINE_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


HEADLINE_CHARS = 100  # a shorter line ending in a capitalised word is a headline, not a wrapped line


@Language.component("watchfloor_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Line breaks that end a sentence, and datelines ("MANILA, June 19 (Reuters) -") as their own sentence.

    A blank line always ends a sentence; a single line break does when the line before it ends a
    sentence or is a short headline. Hard-wrapped prose (a line break in mid-sentence) runs on.
    Without this, headlines and bylines run into the first sentence and the dateline city becomes
    the subject of the lead's verb.
    """
    paragraph_start = 0
    line_start = 0
    one_paragraph_per_line = lines_are_paragraphs(doc.text)
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text:
            if one_paragraph_per_line or _ends_sentence(doc, line_start, previous.i, token):
                token.is_sent_start = True
                paragraph_start = token.i
            line_start = token.i
        elif previous.text in DATELINE_DASHES and _is_dateline(doc[paragraph_start : previous.i]):
            token.is_sent_start = True
    return doc


def lines_are_paragraphs(text: str) -> bool:
    """Text extracted from HTML has a paragraph per line; hard-wrapped text breaks lines mid-sentence."""
    lines = [line.rstrip() for line in text.splitlines() if len(line.strip()) >= 40]
    if len(lines) < 3:
        return False  # too little to tell: decide line by line
    ended = sum(1 for line in lines if line[-1] in ".!?:\"')\u201d")
    return ended / len(lines) >= 0.6


def _ends_sentence(doc: Doc, line_start: int, newline: int, following: Token) -> bool:
    if doc[newline].text.count("\n") > 1 or newline == line_start:
        return True
    last = doc[newline - 1]
    if last.text in SENTENCE_END:
        return True
    line = doc[line_start:newline].text
    headline_like = len(line) < HEADLINE_CHARS and not last.text[:1].islower()
    return headline_like and following.text[:1].isupper()


def _is_dateline(tokens: Span) -> bool:
    """An upper-case place, a comma, then a short date and optional agency before the dash; or the
    upper-case place alone ("TOKYO -", "WASHINGTON (Reuters) -")."""
    if not 1 <= len(tokens) <= 12 or not tokens[0].is_upper or not tokens[0].is_alpha:
        return False
    if any(token.text == "," for token in tokens) and any(token.like_num for token in tokens):
        return True
    if len(tokens) > 6 or len(tokens[0]) < 3:  # "US - Japan ties": a country code, not a dateline city
        return False
    return all(token.is_upper or not token.is_alpha or _in_parentheses(token) for token in tokens)


def _in_parentheses(token: Token) -> bool:
    before = token.doc[max(token.i - 3, 0) : token.i]
    return any(t.text == "(" for t in before) and not any(t.text == ")" for t in before)


def _load(model: str, kb: KnowledgeBase) -> Language:
    import spacy

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            nlp = spacy.load(model)
        except OSError:
            raise ModelError(Code.MODEL_MISSING, name=model) from None
    nlp.add_pipe("watchfloor_paragraphs", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH", "validate": False})
    with nlp.select_pipes(enable=["tagger", "attribute_ruler"] if "tagger" in nlp.pipe_names else []):
        ruler.add_patterns(kb.ruler_patterns())  # type: ignore[attr-defined]
        ruler.add_patterns([{"label": "GPE", "pattern": name} for name in PLACES_NAMED_AFTER_COUNTRIES])  # type: ignore[attr-defined]
        ruler.add_patterns([{"label": "NORP", "pattern": name} for name in REGIONAL_ADJECTIVES])  # type: ignore[attr-defined]
    if "attribute_ruler" in nlp.pipe_names:
        attributes = nlp.get_pipe("attribute_ruler")
        for form, lemma in LEMMA_FIXES.items():
            attributes.add([[{"LOWER": form}]], {"LEMMA": lemma})  # type: ignore[attr-defined]
        attributes.add([[{"LOWER": "remains", "TAG": "NNS"}]], {"LEMMA": "remains"})  # type: ignore[attr-defined]
    return nlp


# Places whose names hold a country's: the ruler finds the country ("Jersey", "Mexico") and the statistical NER then
# leaves out the rest ("New"), so "the governor of New Jersey" became a governor of Jersey. As patterns of their own the
# longer names win; the gazetteer places them. Chosen from the gazetteer's subdivisions and cities of 100,000+ people
# whose names contain a country's name, keeping those news names (not "West Jordan", Utah, nor "La Trinidad").
PLACES_NAMED_AFTER_COUNTRIES = (
    *("New Jersey", "New Mexico", "Jersey City", "Mexico City", "Panama City", "Guatemala City", "Kuwait City"),
    *("Benin City", "Port Sudan", "Port of Spain", "Santiago de Cuba", "Andorra la Vella"),
    *("Western Australia", "South Australia", "Northern Ireland", "Inner Mongolia", "Hong Kong Island"),
    *("East Azerbaijan", "West Azerbaijan", "Upper Austria", "Lower Austria", "North Holland", "South Holland"),
    *("Central Macedonia", "West Macedonia", "East Kazakhstan", "North Kazakhstan", "Greater Poland", "Lesser Poland"),
    *("Niger State", "Kfar Saba"),
)

# Adjectives of regions that end in a country's demonym: the tagger finds "American" alone, and "Central American
# clergymen" or "Latin American diplomats" became Americans. As patterns of their own they name no country.
REGIONAL_ADJECTIVES = tuple(
    f"{region} {people}" for region in ("Central", "South", "Latin", "North") for people in ("American", "Americans")
)

# Forms the small English model lemmatises wrongly (as the noun "stag", the verb "rap", ...), found by running
# every inflection of the event lexicon's words through it; set before its lemmatiser, which keeps them
LEMMA_FIXES = {
    **dict.fromkeys(("staged", "stages", "staging"), "stage"),
    **dict.fromkeys(("raped", "rapes", "raping"), "rape"),
    **dict.fromkeys(("waged", "wages", "waging"), "wage"),
    "retook": "retake",
    "overran": "overrun",
    "forgave": "forgive",
    "imprisoning": "imprison",
    "deploring": "deplore",
    "slamming": "slam",
    "sunk": "sink",
    **dict.fromkeys(("resupplied", "resupplies", "resupplying"), "resupply"),
    **dict.fromkeys(("targetted", "targetting"), "target"),
    "bases": "base",
}
