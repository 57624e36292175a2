"""The reference knowledge base: entities, time-scoped offices and reference facts."""

from watchfloor.kb.base import KnowledgeBase, load_kb
from watchfloor.kb.model import Attribute, Entity, Fact, Office, Term

__all__ = ["Attribute", "Entity", "Fact", "KnowledgeBase", "Office", "Term", "load_kb"]
