"""Event-coding accuracy on third-party gold data: PLOVER gold standard records and ConfliBERT's CAMEO sentences.

* PLOVER GSR (`../shared/bench/plover-gsr/dev.json`, 161 coded sentences; old labels mapped DEMAND->REQUEST,
  DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE, FIGHT->ASSAULT): event-type accuracy of the sentence's main event
  (our most confident event, whatever its aux flag; no event counts as wrong; beside it, the share where the gold
  type is among any of the sentence's events and the share with any event at all), actor and recipient country
  accuracy (a gold country code among ours; records whose gold side names no country, such as IGO, NGO or IMG,
  are not scored for that side), mode accuracy where the gold has a mode (the GSR's older mode names mapped to
  the current ones), context accuracy where it has a context (one of the gold's comma-separated contexts among
  ours).
* ConfliBERT CAMEO classes (`cameo_class_train.tsv`, 1,348 news sentences labelled with CAMEO's PentaClass: 0 no
  event or a statement or appeal, 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
  conflict): macro-F1 of the class of the main event (0 when we code none), our PLOVER event translated into the
  gold's CAMEO classes (`penta_class`); the plain PLOVER quad of the main event is reported beside it.
* ConfliBERT source/target spans (`cameo_ner_train.txt`): precision, recall and F1 of our actor and recipient
  mentions against the gold source and target spans, a mention matching a gold span when one contains the other.
* ConfliBERT role countries (the same sentences): actor and recipient country accuracy as on the GSR, on the sentences
  whose gold source (target) span names a country. A span's country is the one our KB gives the span alone (the
  actor of "<span> protested."), so a span our KB cannot place is not scored; the figure measures who is given
  which role, on five times the GSR's sentences of real news.

* NGEC headline templates (`ngec-synthetic/synthetic_headlines.csv`, 375 headlines written by NGEC's authors, each
  labelled with the PLOVER type it illustrates): event-type accuracy of the main event, with the placeholders filled
  ({country_1} Kenya, {country_2} Ethiopia, {country_3} Uganda, {city} Mombasa) and the title case turned into
  sentence case (a dictionary word keeps a capital only at the start), since the tagger reads "Kenya Denounces
  Actions" as a name.

* Seeds: recall and precision of the coder against the hand-checked events of the two seed articles
  (`tests/fixtures/seed_events.yaml`, written for this project; the seeds themselves are read from ../shared).
* Throughput: seconds spent by spaCy (with our pipeline components) and by the event coder alone on the ConfliBERT
  sentences; the coder's share must stay under 20% of spaCy's time.

Each set is split by position: even items may be looked at when working on the lexicon, odd ones never are; both
are reported. Usage:

    python benchmarks/events.py [--out benchmarks/results/events.json]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from common import SHARED, emit, require

BENCH = SHARED / "bench"
# CAMEO's JAP for Japan, and two gold codes that are no code at all (ITL and VTN, for Italian and Vietnamese actors)
CAMEO_TO_ISO3 = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# Older PLOVER mode and context names in the GSR, and the current names they became
OLD_MODES = {
    "strike-hun": "hunger",
    "strike-gen": "strike",
    "riot-spon": "riot",
    "demo-org": "demo",
    "demo-spon": "demo",
    "detain": "arrest",
    "confiscate": "seize",
    "assassinate": "targeted",
}
OLD_CONTEXTS = {
    "refugee": "migration",
    "refugees": "migration",
    "political": "political_institutions",
    "government": "executive",
    "rights": "rights_freedoms",
    "resource": "natural_resource",
    "discrimination": "religion_ethnicity",
}
OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
QUADS = {"V-Coop": 1, "M-Coop": 2, "V-Conf": 3, "M-Conf": 4}
# PLOVER's REQUEST holds two CAMEO cue categories (the manual's table "PLOVER equivalents to CAMEO cue categories"
# drops CAMEO 02 APPEAL into it beside 10 DEMAND); CAMEO's PentaClass puts appeals in class 0 and demands in 3.
# These rule lemmas are appeals in CAMEO's words ("appeal for, urge, call for, ask for"); any other REQUEST (demand,
# instruct, "X must ...") is a demand.
APPEAL_LEMMAS = frozenset(
    {"appeal", "plea", "plead", "call", "urge", "ask", "request", "seek", "petition", "lobby", "invite", "implore"}
    | {"push", "press"}
)
APOLOGY_LEMMAS = frozenset({"apologize", "apologise", "apology", "regret"})


def _main_event(result: Any) -> Any:
    return max(result.events, key=lambda event: event.confidence) if result.events else None


def _analyse(pipeline: Any, texts: list[str]) -> Iterator[Any]:
    """Results for bare sentences; they have no publication date (the GSR's 2000-01-01 is a placeholder), so
    none is given: a made-up date would turn "in March" into a future event."""
    from watchfloor.sources import make_document

    documents = (make_document(text, "bench", {}, None) for text in texts)
    yield from pipeline.pipe(documents)


def _codes(actors: Any) -> set[str]:
    """Gold ISO3 codes of a record's actor list (a few records give a bare string or nothing)."""
    if not isinstance(actors, list):
        return set()
    import pycountry

    codes = {str(actor.get("code") or "") for actor in actors if isinstance(actor, dict)}
    codes = {CAMEO_TO_ISO3.get(code, code) for code in codes}
    return {code for code in codes if len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None}


def _contexts(record: dict[str, Any]) -> set[str]:
    """The gold contexts in current names; 'historical' and 'unknown' are no PLOVER context."""
    names = {OLD_CONTEXTS.get(name.strip(), name.strip()) for name in str(record.get("context") or "").split(",")}
    return {name for name in names if name and name not in ("historical", "unknown", "assets")}


def plover(pipeline: Any) -> dict[str, Any]:
    records = [
        r for r in json.loads((BENCH / "plover-gsr" / "dev.json").read_text()) if r.get("text") and r["event"] != "DOCUMENT"
    ]
    rows = []
    for index, (record, result) in enumerate(zip(records, _analyse(pipeline, [r["text"] for r in records]), strict=True)):
        main = _main_event(result)
        gold_type = OLD_LABELS.get(record["event"], record["event"])
        ours_actor = {a.country for a in main.actor} if main else set()
        ours_recipient = {a.country for a in main.recipient} if main else set()
        row: dict[str, Any] = {"odd": index % 2 == 1, "type": bool(main and main.event == gold_type)}
        # where a wrong type comes from: the gold type among the sentence's other events (the main one chosen
        # wrongly), or no event at all
        row["type among any event"] = any(event.event == gold_type for event in result.events)
        row["any event"] = bool(result.events)
        if gold := _codes(record.get("source")):
            row["actor"] = bool(gold & ours_actor)
        if gold := _codes(record.get("target")):
            row["recipient"] = bool(gold & ours_recipient)
        if record.get("mode"):
            row["mode"] = bool(main and main.mode == OLD_MODES.get(record["mode"], record["mode"]))
        if gold := _contexts(record):
            row["context"] = bool(main and gold & set(main.context))
        rows.append(row)
    return {half: _plover_metrics([r for r in rows if keep(r)]) for half, keep in _halves()}


HEADLINE_FILLERS = {"country_1": "Kenya", "country_2": "Ethiopia", "country_3": "Uganda", "city": "Mombasa"}


def headlines(pipeline: Any) -> dict[str, Any]:
    import csv

    with (BENCH / "ngec-synthetic" / "synthetic_headlines.csv").open(encoding="utf-8") as handle:
        records = list(csv.DictReader(handle))
    texts = [_sentence_case(record["title"].strip().format(**HEADLINE_FILLERS)) for record in records]
    rows = []
    for index, (record, result) in enumerate(zip(records, _analyse(pipeline, texts), strict=True)):
        main = _main_event(result)
        row = {"odd": index % 2 == 1, "type": bool(main and main.event == record["event"])}
        row["type among any event"] = any(event.event == record["event"] for event in result.events)
        row["any event"] = bool(result.events)
        rows.append(row)
    scored = ("type", "type among any event", "any event")
    metrics = {half: _plover_metrics([r for r in rows if keep(r)]) for half, keep in _halves()}
    return {half: {key: value for key, value in figures.items() if key in scored} for half, figures in metrics.items()}


def _sentence_case(title: str) -> str:
    """'Kenya Denounces Actions By Ethiopia' -> 'Kenya denounces actions by Ethiopia.': words of the dictionary lose
    their capital except the first; names, the fillers and acronyms keep theirs."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from watchfloor.geo.resolve import english_words

    words = english_words() | STOP_WORDS
    names = set(HEADLINE_FILLERS.values())
    out = []
    for position, word in enumerate(title.split()):
        core = word.strip("\"'.,:;!?()")
        if position and core not in names and not core.isupper() and core.lower() in words:
            word = word.replace(core, core.lower())
        out.append(word)
    sentence = " ".join(out)
    return sentence if sentence[-1] in ".!?" else sentence + "."


def _halves() -> list[tuple[str, Any]]:
    return [("all", lambda r: True), ("even half", lambda r: not r["odd"]), ("odd half", lambda r: r["odd"])]


def _plover_metrics(rows: list[dict[str, Any]]) -> dict[str, Any]:
    def share(key: str) -> dict[str, Any]:
        scored = [r[key] for r in rows if key in r]
        return {"accuracy": round(sum(scored) / len(scored), 3) if scored else None, "n": len(scored)}

    keys = ("type", "actor", "recipient", "mode", "context", "type among any event", "any event")
    return {key: share(key) for key in keys}


def penta_class(event: Any) -> int:
    """The gold's CAMEO class of one of our PLOVER events (0 for no event).

    The ConfliBERT labels are CAMEO's PentaClass, not PLOVER's quads, and the two taxonomies part in four places:
    a REQUEST is a CAMEO appeal (class 0) or demand (class 3), told apart by its rule's lemma (`APPEAL_LEMMAS`);
    a CONCEDE done is CAMEO's 08 YIELD (material cooperation, class 2; the manual maps 081-083 to CONCEDE but calls
    it verbal), an announced one CAMEO's 03 express intent and an apology its 055 (class 1); a REJECT that denies
    an accusation is CAMEO's 016, "deny responsibility" (class 0), which the PLOVER manual allows under REJECT;
    SANCTION is verbal conflict, as in the PLOVER manual's "Quad categories" summary table and in the gold's
    own labels (CAMEO 16, "reduce relations": suspended aid, expelled diplomats, halted mediation, sanctions),
    where the SANCTION section of the manual, which our ontology follows, says material conflict. Every other
    type keeps its PLOVER quad.
    """
    if event is None:
        return 0
    lemma = str(event.explanation.get("rule", {}).get("lemma", ""))
    if event.event == "REQUEST":
        return 0 if lemma in APPEAL_LEMMAS else 3
    if event.event == "SANCTION":
        return 3
    if event.event == "REJECT" and event.explanation.get("denial"):  # CAMEO 016, "deny responsibility": a statement
        return 0
    if event.event == "CONCEDE":  # CAMEO 08 YIELD, done; announced (CAMEO 03) or an apology (CAMEO 055): verbal
        return 1 if event.explanation.get("intention") or lemma in APOLOGY_LEMMAS else 2
    return QUADS.get(event.quad, 0)


def quads(pipeline: Any) -> dict[str, Any]:
    """Macro-F1 of the main event's class, translated into the gold's CAMEO classes and as the plain PLOVER quad."""
    lines = [
        line.rsplit("\t", 1) for line in (BENCH / "conflibert" / "cameo_class_train.tsv").read_text().splitlines() if "\t" in line
    ]
    gold = [int(label) for _, label in lines]
    mains = [_main_event(result) for result in _analyse(pipeline, [text for text, _ in lines])]
    translated = list(zip(gold, [penta_class(main) for main in mains], strict=True))
    plain = list(zip(gold, [QUADS.get(main.quad, 0) if main else 0 for main in mains], strict=True))
    report = {half: _macro_f1([p for i, p in enumerate(translated) if keep(i)]) for half, keep in _index_halves()}
    report["PLOVER quad, untranslated"] = {
        half: _macro_f1([p for i, p in enumerate(plain) if keep(i)]) for half, keep in _index_halves()
    }
    return report


def _index_halves() -> list[tuple[str, Any]]:
    return [("all", lambda i: True), ("even half", lambda i: i % 2 == 0), ("odd half", lambda i: i % 2 == 1)]


def _macro_f1(pairs: list[tuple[int, int]]) -> dict[str, Any]:
    scores = {}
    for label in range(5):
        tp = sum(1 for g, p in pairs if g == p == label)
        fp = sum(1 for g, p in pairs if p == label and g != label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores[label] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(1 for g, p in pairs if g == p) / len(pairs)
    return {
        "macro_f1": round(sum(scores.values()) / 5, 3),
        "accuracy": round(accuracy, 3),
        "n": len(pairs),
        "f1_by_class": {label: round(score, 3) for label, score in scores.items()},
    }


def read_spans(path: Path) -> list[tuple[str, list[str], list[str]]]:
    """(sentence, source spans, target spans) from the BIO file."""
    sentences, tokens, tags = [], [], []
    for line in [*path.read_text().splitlines(), ""]:
        if not line.strip():
            if tokens:
                sentences.append((" ".join(tokens), _spans(tokens, tags, "S"), _spans(tokens, tags, "T")))
            tokens, tags = [], []
            continue
        token, _, tag = line.rpartition(" ")
        tokens.append(token)
        tags.append(tag)
    return sentences


def _spans(tokens: list[str], tags: list[str], kind: str) -> list[str]:
    spans, current = [], []
    for token, tag in zip(tokens, tags, strict=True):
        if tag == f"B-{kind}" or (tag == f"I-{kind}" and not current):
            if current:
                spans.append(" ".join(current))
            current = [token]
        elif tag == f"I-{kind}":
            current.append(token)
        elif current:
            spans.append(" ".join(current))
            current = []
    if current:
        spans.append(" ".join(current))
    return spans


def roles(pipeline: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Span F1 of sources and targets, and the role countries where a gold span names a country."""
    sentences = read_spans(BENCH / "conflibert" / "cameo_ner_train.txt")
    mains = [_main_event(result) for result in _analyse(pipeline, as_written([s for s, _, _ in sentences]))]
    counts = {half: {"S": [0, 0, 0], "T": [0, 0, 0]} for half, _ in _index_halves()}
    for index, ((_, sources, targets), main) in enumerate(zip(sentences, mains, strict=True)):
        ours = {"S": [a.text for a in main.actor] if main else [], "T": [a.text for a in main.recipient] if main else []}
        for half, keep in _index_halves():
            if keep(index):
                for kind, gold in (("S", sources), ("T", targets)):
                    _count(counts[half][kind], ours[kind], gold)
    spans = {half: {kind: _prf(*values) for kind, values in by_kind.items()} for half, by_kind in counts.items()}
    return spans, _role_countries(pipeline, sentences, mains)


def _role_countries(pipeline: Any, sentences: list[tuple[str, list[str], list[str]]], mains: list[Any]) -> dict[str, Any]:
    names = sorted({span for _, sources, targets in sentences for span in (*sources, *targets)})
    results = _analyse(pipeline, [f"{_detokenized(name)} protested." for name in names])
    country_of = {
        name: {a.country for e in r.events for a in e.actor if a.country} for name, r in zip(names, results, strict=True)
    }
    rows = []
    for index, ((_, sources, targets), main) in enumerate(zip(sentences, mains, strict=True)):
        row: dict[str, Any] = {"odd": index % 2 == 1}
        for key, gold_spans, ours in (
            ("actor", sources, main.actor if main else []),
            ("recipient", targets, main.recipient if main else []),
        ):
            if gold := set().union(*(country_of[span] for span in gold_spans)):
                row[key] = bool(gold & {actor.country for actor in ours})
        rows.append(row)
    return {
        half: {k: v for k, v in _plover_metrics([r for r in rows if keep(r)]).items() if k in ("actor", "recipient")}
        for half, keep in _halves()
    }


def _count(tally: list[int], ours: list[str], gold: list[str]) -> None:
    ours, gold = [_unspaced(o) for o in ours], [_unspaced(g) for g in gold]
    matched = [any(o in g or g in o for g in gold) for o in ours]
    tally[0] += sum(matched)
    tally[1] += len(ours) - sum(matched)
    tally[2] += sum(1 for g in gold if not any(o in g or g in o for o in ours))


APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def _unspaced(text: str) -> str:
    """A span as compared: without spaces, one apostrophe ('government 's' and 'government’s' are one span)."""
    return "".join(text.split()).translate(APOSTROPHES)


def as_written(tokenized: list[str]) -> list[str]:
    """The NER file gives each sentence as tokens joined by spaces ('On Nov . 2 , US Secretary ...'), which no
    user sends and the parser reads worse. The same sentence as written in the class file is taken where there is
    one; else the tokens are joined back by the usual rules of English punctuation."""
    lines = (BENCH / "conflibert" / "cameo_class_train.tsv").read_text(encoding="utf-8").splitlines()
    written = {_unspaced(line.rsplit("\t", 1)[0]): line.rsplit("\t", 1)[0] for line in lines if "\t" in line}
    return [written.get(_unspaced(sentence)) or _detokenized(sentence) for sentence in tokenized]


def _detokenized(sentence: str) -> str:
    import re

    text = re.sub(r" ([\u2019\u02bc']) s\b", r"\1s", sentence)  # "Saudi Arabia ’ s ambassador"
    text = re.sub(r" ([.,;:!?%)\]}]|[\u2019\u02bc']s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)", r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    return re.sub(r"(\w) - (\w)", r"\1-\2", text)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def throughput(pipeline: Any) -> dict[str, Any]:
    """Seconds in spaCy (with our components), in quantity extraction, and in the event coder alone.

    The pipeline's own loop is repeated here so the three can be timed apart. Quantities are computed once
    per sentence and shared by events and claims, so they are timed on their own, before the coder, as are
    places, which the coder reads. One warm-up document loads what loads once (a start-up cost).
    """
    from time import perf_counter

    from watchfloor.geo import document_countries
    from watchfloor.geo.places import find_places
    from watchfloor.nlp.context import DocContext
    from watchfloor.nlp.quantities import sentence_quantities
    from watchfloor.sources import make_document
    from watchfloor.text import normalise

    texts = [line.rsplit("\t", 1)[0] for line in (BENCH / "conflibert" / "cameo_class_train.tsv").read_text().splitlines()]
    normalised = [normalise(text) for text in texts]
    start = perf_counter()
    parsed = list(pipeline.nlp.pipe([n.text for n in normalised], batch_size=pipeline.settings.batch_size))
    seconds = {"spacy": perf_counter() - start, "quantities": 0.0, "coder": 0.0}
    next(_analyse(pipeline, ["In 2019, 30 people met 5 km away."]))  # warm-up: gazetteer, caches
    for text, norm, doc in zip(texts, normalised, parsed, strict=True):
        ctx = DocContext(make_document(text, "bench", {}, None), norm, doc, pipeline.kb, resolver=pipeline.resolver)
        ctx.countries = document_countries(doc, pipeline.kb)
        for ent, place in find_places(ctx):
            ctx.place_by_start[ent.start_char] = place
        start = perf_counter()
        for sentence in doc.sents:
            sentence_quantities(sentence, ctx)
        seconds["quantities"] += perf_counter() - start
        start = perf_counter()
        pipeline.coder.code(ctx)
        seconds["coder"] += perf_counter() - start
    report: dict[str, Any] = {"sentences": len(texts), **{f"{k}_seconds": round(v, 2) for k, v in seconds.items()}}
    report["coder_share_of_spacy"] = round(seconds["coder"] / seconds["spacy"], 3)
    report["coder_and_quantities_share_of_spacy"] = round((seconds["coder"] + seconds["quantities"]) / seconds["spacy"], 3)
    return report


def seeds(pipeline: Any) -> dict[str, Any]:
    """Recall and precision against the hand-checked seed events (the list and its scoring live with the tests)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.fixtures.seed_events import load_seed_events, score

    from watchfloor.sources import read_inputs

    documents = list(read_inputs([str(SHARED / "corpus" / "seeds" / "seeds.jsonl")]))
    results = {result.doc.id: result for result in pipeline.pipe(documents)}
    found = score(results, load_seed_events())
    return {key: found[key] for key in ("listed", "recall", "coded", "precision")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    require(BENCH)
    from watchfloor.pipeline import Pipeline

    pipeline = Pipeline()
    spans, countries = roles(pipeline)
    report = {
        "PLOVER GSR": plover(pipeline),
        "ConfliBERT quad": quads(pipeline),
        "ConfliBERT roles": spans,
        "ConfliBERT role countries": countries,
        "NGEC headlines": headlines(pipeline),
        "seeds": seeds(pipeline),
        "throughput": throughput(pipeline),
    }
    emit(report, args.out)


if __name__ == "__main__":
    main()
