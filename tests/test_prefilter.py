"""The sentence pre-filter: what it keeps, what it leaves out, and that spans still point into the user's text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES
from watchfloor.kb import KnowledgeBase
from watchfloor.nlp.prefilter import SentenceFilter
from watchfloor.pipeline import Pipeline, _sentence_filter
from watchfloor.records import Document
from watchfloor.settings import load_settings
from watchfloor.sources import make_document, read_inputs
from watchfloor.text import normalise

SPEECH = """Remarks by the President
WASHINGTON, March 3, 2025
Thank you all very much. It is wonderful to be here with so many friends.
God bless you all. Mr. Hegseth met Japan's defense minister in Tokyo on Sunday.
The two ministers pledged to deepen cooperation. We love this country.
The U.S. keeps about 54,000 troops in Japan."""


@pytest.fixture(scope="module")
def sentence_filter(kb: KnowledgeBase) -> SentenceFilter:
    return _sentence_filter(kb)


def test_keeps_cue_sentences_and_leaves_out_filler(sentence_filter: SentenceFilter) -> None:
    selection = sentence_filter.select(normalise(SPEECH))
    kept = selection.text.text
    assert kept.startswith("Remarks by the President\nWASHINGTON, March 3, 2025")
    for cue in ("Mr. Hegseth met", "pledged to deepen", "54,000 troops"):
        assert cue in kept
    for filler in ("It is wonderful", "We love this country", "God bless"):
        assert filler not in kept
    assert selection.kept_sentences < selection.all_sentences


def test_abbreviations_do_not_end_sentences(sentence_filter: SentenceFilter) -> None:
    kept = sentence_filter.select(
        normalise("Intro\nDateline\nWe came. Ms. Takaichi pledged support. Gen. Brawner said nothing.")
    ).text
    assert "Ms. Takaichi pledged support." in kept.text


def test_a_sentence_opening_with_a_pronoun_keeps_the_one_before(sentence_filter: SentenceFilter) -> None:
    text = "Intro\nDateline\nJapan and China are neighbours across the sea. They clashed near the islands."
    kept = sentence_filter.select(normalise(text)).text.text
    assert "Japan and China are neighbours" in kept


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Thank you.", "Japan scrambled jets.", "It rained.", "Ms. Lee spoke.", "\n", "\n\n", "We won 3 games."]),
        max_size=25,
    )
)
def test_every_kept_character_maps_to_the_same_character_of_the_original(sentences: list[str]) -> None:
    original = " ".join(sentences)
    selection = SentenceFilter([("scramble", ())], []).select(normalise(original))
    for position, char in enumerate(selection.text.text):
        if char not in " \n":
            assert original[selection.text.offsets[position]] == char


def test_spans_of_results_point_into_the_original_text(pipeline: Pipeline) -> None:
    document = make_document(SPEECH, "speech.txt", {"published": "2025-03-03"}, None)
    result = pipeline.analyze(document)
    assert result.events and result.claims
    for item in [*result.events, *result.claims]:
        assert SPEECH[item.span[0] : item.span[1]] == item.text
    assert all(SPEECH[slice(*place.span)] == place.text for place in result.places)


def test_two_processes_and_no_prefilter_find_the_same_events_in_the_examples(pipeline: Pipeline) -> None:
    documents = [item for item in read_inputs([str(EXAMPLES)]) if isinstance(item, Document)]
    one = [result.to_dict() for result in pipeline.pipe(documents)]
    in_workers = Pipeline(load_settings(processes=2, batch_size=3), pipeline.kb)  # several chunks per worker
    two = [result.to_dict() for result in in_workers.pipe(documents)]
    assert one == two
    assert in_workers.timings["nlp"] > 0 and in_workers.timings["events"] > 0  # the workers' stage times come back
    unfiltered = Pipeline(load_settings(prefilter=False), pipeline.kb).pipe(documents)
    events = {(e["event"], e["span"][0], tuple(a["code"] for a in e["actor"])) for result in one for e in result["events"]}
    events_unfiltered = {(e.event, e.span[0], tuple(a.code for a in e.actor)) for result in unfiltered for e in result.events}
    assert len(events ^ events_unfiltered) <= 2, events ^ events_unfiltered


def test_one_document_is_analysed_in_this_process_whatever_the_setting(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`watchfloor serve` analyses pasted text with Pipeline.analyze: no worker processes forked from a server."""
    from watchfloor import parallel

    def no_workers(*_: object) -> None:
        raise AssertionError("workers started for one document")

    monkeypatch.setattr(parallel, "pipe_in_workers", no_workers)
    in_workers = Pipeline(load_settings(processes=2), pipeline.kb)
    result = in_workers.analyze(make_document(SPEECH, "speech.txt", {"published": "2025-03-03"}, None))
    assert result.events
