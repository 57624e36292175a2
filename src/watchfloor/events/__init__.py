"""PLOVER events: the ontology, the trigger lexicon and the coder."""

from watchfloor.events.coder import EventCoder
from watchfloor.events.ontology import Ontology, load_ontology

__all__ = ["EventCoder", "Ontology", "load_ontology"]
