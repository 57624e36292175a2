"""The knowledge base: who and what the text can name, who held which office when, and facts.

Lookups are time-aware: ``holder("JPN.defence_minister", date(2025, 3, 30))`` is Gen Nakatani and
the same call for December 2025 is Shinjiro Koizumi.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from watchfloor.kb import loader
from watchfloor.kb.model import Attribute, Definition, Entity, Fact, Office, Publisher, StatisticTopic

_LABELS = {
    "country": "GPE",
    "capital": "GPE",
    "organisation": "ORG",
    "person": "PERSON",
    "platform": "PRODUCT",
    "place": "LOC",
}


@dataclass(frozen=True, slots=True)
class References:
    """What attributions and definitions are checked against: who publishes what, and a glossary."""

    topics: dict[str, StatisticTopic] = field(default_factory=dict)
    publishers: list[Publisher] = field(default_factory=list)
    definitions: list[Definition] = field(default_factory=list)


class KnowledgeBase:
    """In-memory indexes over the KB files; build once per process with :func:`load_kb`."""

    def __init__(
        self,
        entities: list[Entity],
        offices: dict[str, Office],
        facts: list[Fact],
        attributes: dict[str, Attribute],
        references: References | None = None,
    ) -> None:
        self.entities = {entity.id: entity for entity in entities}
        self.offices = offices
        self.facts = facts
        self.attributes = attributes
        self.references = references or References()
        self._names: dict[str, list[Entity]] = defaultdict(list)
        self._demonyms: dict[str, Entity] = {}
        self._holders: dict[str, list[tuple[Entity, int]]] = defaultdict(list)
        self._capitals: dict[str, Entity] = {}
        self._websites = {site: entity for entity in self.entities.values() for site in entity.websites}
        self._spellings: dict[str, Entity] = {}  # country names by spelling, built on the first misspelling asked about
        self._by_length: dict[int, list[str]] = defaultdict(list)
        self._misspelt: dict[str, Entity | None] = {}
        self._surnames: dict[str, set[str]] = defaultdict(set)  # built on the first surname asked about
        for entity in self.entities.values():
            if entity.kind == "capital":
                self._capitals[entity.name.lower()] = entity
            for name in (entity.name, *entity.aliases):
                self._names[name.lower()].append(entity)
            for demonym in (*entity.demonyms, *entity.peoples):
                self._demonyms[demonym.lower()] = entity
            for index, term in enumerate(entity.terms):
                self._holders[term.office].append((entity, index))

    def lookup(self, name: str) -> list[Entity]:
        """Every entity called ``name`` (case-insensitive), countries first."""
        found = self._names.get(name.lower().strip(), [])
        return sorted(found, key=lambda entity: entity.kind != "country")

    def search(self, text: str) -> list[Entity]:
        """Entities whose name or an alias contains ``text`` (case-insensitive), shortest name first."""
        wanted = text.lower().strip()
        found = {entity.id: entity for name, entities in self._names.items() if wanted in name for entity in entities}
        return sorted(found.values(), key=lambda entity: (len(entity.name), entity.name))

    def issuer(self, url: str | None) -> Entity | None:
        """The body whose own website published ``url`` ('https://www.whitehouse.gov/briefing-room/...' is the
        White House); a subdomain belongs to its parent domain."""
        host = (urlsplit(url).hostname or "") if url else ""
        parts = host.lower().removeprefix("www.").split(".")
        for start in range(len(parts) - 1):
            if (owner := self._websites.get(".".join(parts[start:]))) is not None:
                return owner
        return None

    def metonym(self, entity: Entity) -> Entity:
        """A capital city acting for its government ("Tokyo pledged ..."); other entities as they are."""
        if entity.kind == "place" and entity.place_kind == "city":
            return self._capitals.get(entity.name.lower(), entity)
        return entity

    def demonym(self, word: str) -> Entity | None:
        """The country of a demonym such as 'Japanese' or 'Filipino', or of its plural ('Palestinians')."""
        key = word.lower()
        found = self._demonyms.get(key)
        if found is None and key.endswith("s") and " " not in key:
            found = self._demonyms.get(key[:-1])
        return found

    def misspelt_country(self, word: str) -> Entity | None:
        """The one country whose name or demonym ``word`` misspells by a letter ('Ethopia', 'Quatar'); wire copy
        has such slips, and an actor lost to one costs the whole event its country. Only words of six letters or
        more, and never a real name that is one letter off a country ('Columbia': a river, a district, a
        university)."""
        key = word.lower().strip()
        if len(key) < MISSPELT_MIN_LENGTH or key in NOT_MISSPELLINGS or not key.isalpha():
            return None
        if key not in self._misspelt:
            near = [name for size in (len(key) - 1, len(key), len(key) + 1) for name in self._spellings_of_length(size)]
            found = {self._spellings[name].id: self._spellings[name] for name in near if one_edit_apart(key, name)}
            self._misspelt[key] = next(iter(found.values())) if len(found) == 1 else None
        return self._misspelt[key]

    def _spellings_of_length(self, size: int) -> list[str]:
        if not self._spellings:
            self._spellings.update(
                (name.lower(), entity)
                for entity in self.entities.values()
                if entity.kind == "country"
                for name in (entity.name, *entity.aliases, *entity.demonyms, *entity.peoples)
            )
            for name in self._spellings:
                self._by_length[len(name)].append(name)
        return self._by_length.get(size, [])

    def country(self, iso3: str | None) -> Entity | None:
        return self.entities.get(f"country.{iso3.lower()}") if iso3 else None

    def surname_country(self, surname: str) -> Entity | None:
        """The country of every person of this surname in the KB, when they share one: 'the Bush administration' is
        American whichever Bush it means, though the bare surname names no one person."""
        if not self._surnames:
            for entity in self.entities.values():
                if entity.kind == "person" and entity.country:
                    self._surnames[entity.name.split()[-1].lower()].add(entity.country)
        found = self._surnames.get(surname.lower().strip(), set())
        return self.country(next(iter(found))) if len(found) == 1 else None

    def resolve(self, name: str, when: date | None = None) -> Entity | None:
        """The entity a name refers to at a date.

        Names resolve as they are ("Koizumi", "Japan", "B-52"); an office named with its country
        ("Japan's defence minister", "the Japanese prime minister") resolves to whoever held it on
        ``when``. People out of office still resolve by their name.
        """
        found = self.lookup(name)
        if found:
            return found[0]
        if when is not None and (holder := self._office_holder(name, when)) is not None:
            return holder
        return self.demonym(name)

    def _office_holder(self, phrase: str, when: date) -> Entity | None:
        words = phrase.lower().removeprefix("the ").replace("\u2019", "'").strip()
        for title in self.office_titles:
            if not words.endswith(title):
                continue
            country_words = words[: -len(title)].strip().removesuffix("'s").strip()
            country = self.lookup(country_words)[:1] or ([c] if (c := self.demonym(country_words)) else [])
            if country and (office := self.office_for(country[0].country, title)) is not None:
                return self.holder(office.id, when)
        return None

    def fact(self, subject: str, attribute: str, when: date | None = None) -> Fact | None:
        """The reference fact about ``subject`` valid on ``when`` (the latest valid one), or None."""
        facts = self.facts_for(subject, attribute, when)
        return max(facts, key=lambda fact: fact.valid_from or date.min) if facts else None

    def holder(self, office_id: str, when: date) -> Entity | None:
        """The person who held ``office_id`` on ``when``, or None if the KB does not know; on a handover day,
        when one term ends and the next begins, the incoming holder."""
        found = [
            (person.terms[index].valid_from, person)
            for person, index in self._holders.get(office_id, [])
            if person.terms[index].covers(when)
        ]
        return max(found, key=lambda item: item[0])[1] if found else None

    def holders(self, office_id: str) -> list[tuple[Entity, int]]:
        """Every (person, term index) of an office, in KB order."""
        return list(self._holders.get(office_id, []))

    def office_for(self, country: str | None, title: str) -> Office | None:
        """The office of ``country`` whose title or alias is ``title`` (case-insensitive)."""
        wanted = title.lower().strip()
        for office in self.offices.values():
            if country and office.country != country:
                continue
            if wanted == office.title.lower() or wanted in (alias.lower() for alias in office.aliases):
                return office
        return None

    @cached_property
    def office_titles(self) -> list[str]:
        """All office titles and aliases, longest first, for matching in text."""
        titles = {alias.lower() for office in self.offices.values() for alias in (office.title, *office.aliases)}
        return sorted(titles, key=len, reverse=True)

    @cached_property
    def office_pattern(self) -> re.Pattern[str]:
        """One expression for every office title: a cheap test before looking for which ones."""
        return re.compile(r"\b(?:" + "|".join(re.escape(title) for title in self.office_titles) + r")\b")

    def facts_for(self, subject: str, attribute: str, when: date | None = None) -> list[Fact]:
        return [fact for fact in self.facts if fact.subject == subject and fact.attribute == attribute and fact.covers(when)]

    def ruler_patterns(self) -> list[dict[str, str]]:
        """Entity-ruler patterns so that every name the KB knows is found as an entity."""
        patterns: list[dict[str, str]] = []
        bodies = {
            name for entity in self.entities.values() if entity.kind == "organisation" for name in (entity.name, *entity.aliases)
        }
        for entity in self.entities.values():
            if entity.kind == "capital":
                continue  # capitals such as Victoria or Stanley are common names: NER finds them, lookup resolves them
            label = _LABELS.get(entity.kind, "ORG")
            if entity.kind == "place" and entity.place_kind == "city":
                label = "GPE"
            if entity.kind == "place" and entity.place_kind in ("base", "airport"):
                label = "FAC"
            names = {entity.name, *entity.aliases}
            if entity.kind == "place" and entity.place_kind == "other":
                names -= bodies  # "the White House said": the body; the building is found by lookup after "at"
            patterns.extend({"label": label, "pattern": name, "id": entity.id} for name in names if len(name) > 1)
            patterns.extend({"label": "NORP", "pattern": name, "id": entity.id} for name in (*entity.demonyms, *entity.peoples))
        return patterns


@lru_cache(maxsize=4)
def load_kb(extra: str | Path | None = None) -> KnowledgeBase:
    """Load the packaged KB, then the files of the ``extra`` folder if given (cached per process)."""
    folders = [loader.data_folder()]
    if extra and Path(extra).is_dir():
        folders.append(Path(extra))
    located = loader.load_sections(folders)
    sections = {name: [record for _, record in records] for name, records in located.items()}
    offices = loader.offices(sections["offices"])
    entities = [
        *loader.countries(sections["countries"]),
        *loader.organisations(sections["organisations"]),
        *loader.people(sections["people"]),
        *loader.platforms(sections["platforms"]),
        *loader.places(sections["places"]),
    ]
    references = References(
        loader.topics(sections["topics"]), loader.publishers(sections["publishers"]), loader.definitions(sections["definitions"])
    )
    return KnowledgeBase(
        entities, offices, loader.facts(sections["facts"]), loader.attributes(sections["attributes"]), references
    )


MISSPELT_MIN_LENGTH = 6
NOT_MISSPELLINGS = frozenset({"columbia"})


def one_edit_apart(a: str, b: str) -> bool:
    """One letter inserted, dropped, changed, or two neighbours swapped (Damerau distance 1)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
        return len(diffs) == 1 or swapped
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
