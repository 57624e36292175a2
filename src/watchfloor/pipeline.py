"""The pipeline: documents in, results out, streaming, with the model and KB built once."""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date

from watchfloor.claims import detect_claims, verify_claims
from watchfloor.events import EventCoder
from watchfloor.geo import Resolver, document_countries, gazetteer
from watchfloor.geo.places import find_places
from watchfloor.kb import KnowledgeBase, load_kb
from watchfloor.nlp import build_nlp
from watchfloor.nlp.context import DocContext
from watchfloor.nlp.issuers import document_issuers
from watchfloor.nlp.prefilter import SentenceFilter
from watchfloor.records import Document, Result
from watchfloor.settings import Settings, cache_folder, load_settings
from watchfloor.sources import make_document
from watchfloor.text import NormalisedText, normalise

logger = logging.getLogger(__name__)


class Pipeline:
    """Analyses documents: ``pipe`` streams results in input order; build once, reuse."""

    def __init__(self, settings: Settings | None = None, kb: KnowledgeBase | None = None) -> None:
        self.settings = settings or load_settings()
        self.kb = kb or load_kb(self.settings.kb_extra or None)
        self.nlp = build_nlp(self.settings.model, self.kb)
        self.coder = EventCoder()
        self.sentence_filter = _sentence_filter(self.kb, self.settings.cache_dir) if self.settings.prefilter else None
        self._resolver: Resolver | None = None
        self.timings: defaultdict[str, float] = defaultdict(float)  # seconds per stage, for the throughput benchmark

    @property
    def resolver(self) -> Resolver:
        """The geoparser; its gazetteer loads on first use (about a second from the cache)."""
        if self._resolver is None:
            self._resolver = Resolver(self.kb, gazetteer.load(self.settings.cache_dir))
        return self._resolver

    def drop_resolver(self) -> None:
        """Forget the geoparser, so that the next use opens the gazetteer again (in a new process)."""
        self._resolver = None

    def pipe(self, documents: Iterable[Document]) -> Iterator[Result]:
        """Analyse a stream of documents in input order; memory stays flat for any length of stream.

        With ``processes`` above 1, forked workers each run the whole pipeline (:mod:`watchfloor.parallel`).
        """
        from watchfloor import parallel

        if self.settings.processes > 1 and parallel.can_fork():
            return parallel.pipe_in_workers(self, documents, self.settings.processes)
        return self.pipe_here(documents, n_process=self.settings.processes)

    def pipe_here(self, documents: Iterable[Document], n_process: int = 1) -> Iterator[Result]:
        """Analyse in this process (spaCy may still use ``n_process`` workers for the parse)."""

        def texts() -> Iterator[tuple[str, tuple[Document, NormalisedText]]]:
            for document in documents:
                with self._stage("prefilter"):
                    normalised = normalise(document.text)
                    if self.sentence_filter is not None:
                        normalised = self.sentence_filter.select(normalised).text
                yield normalised.text, (document, normalised)

        parsed_stream = self.nlp.pipe(texts(), as_tuples=True, batch_size=self.settings.batch_size, n_process=n_process)
        while True:
            with self._stage("nlp", exclude="prefilter"):
                item = next(parsed_stream, None)
            if item is None:
                return
            parsed, (document, normalised) = item
            ctx = DocContext(document, normalised, parsed, self.kb, resolver=self.resolver)
            ctx.issuers = document_issuers(document, self.kb)
            with self._stage("places"):
                ctx.countries = document_countries(parsed, self.kb, namesake=self.resolver.has_namesake)
            yield self._analyse(ctx)

    @contextmanager
    def _stage(self, name: str, exclude: str | None = None) -> Iterator[None]:
        """Add the time spent in the block to ``timings[name]``, less what ``exclude`` gained meanwhile."""
        excluded = self.timings[exclude] if exclude else 0.0
        start = time.perf_counter()
        yield
        spent = time.perf_counter() - start
        self.timings[name] += spent - ((self.timings[exclude] - excluded) if exclude else 0.0)

    def analyze(self, document: Document) -> Result:
        """One document, always in this process: workers would not pay for themselves, and forking from a
        threaded server (``watchfloor serve``) is best avoided."""
        return next(self.pipe_here([document]))

    def _analyse(self, ctx: DocContext) -> Result:
        with self._stage("places"):
            for ent, place in find_places(ctx):
                ctx.places.append(place)
                ctx.place_by_start[ent.start_char] = place
        with self._stage("events"):
            events = self.coder.code(ctx)
        with self._stage("claims"):
            detected = detect_claims(ctx, events, self.settings.min_checkworthy)
        with self._stage("verify"):
            claims = verify_claims(ctx, detected)
        if ctx.document.published is None:
            ctx.warnings.append("no publication date: relative dates are unresolved and claims are checked as of today")
        return Result(ctx.document, events, claims, ctx.places, ctx.warnings)


def _sentence_filter(kb: KnowledgeBase, cache_dir: str = "") -> SentenceFilter:
    """The pre-filter's cues: the event lexicon's triggers, the KB's office titles, the claims' definition patterns."""
    from watchfloor.claims.references import ANAPHORA, DEFINING, DESCRIBING
    from watchfloor.events.lexicon import load_lexicon

    triggers = ((entry.lemma, entry.needs) for entry in load_lexicon().entries)
    folder = cache_folder(cache_dir)
    return SentenceFilter(triggers, kb.office_titles, (DEFINING, DESCRIBING, ANAPHORA), folder)


def analyze(
    text: str, published: date | str | None = None, *, title: str | None = None, pipeline: Pipeline | None = None
) -> Result:
    """Analyse one text; the quickest way in (``watchfloor.analyze("...", "2025-12-18")``)."""
    document = make_document(text, "<text>", {"title": title, "published": published}, None)
    return (pipeline or Pipeline()).analyze(document)
