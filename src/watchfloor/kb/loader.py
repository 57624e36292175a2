"""Loading the knowledge base from its reviewed YAML files.

The packaged files live in ``watchfloor/kb/data``; a user folder (setting ``kb_extra``) is read
after them, so an analyst can extend the KB without editing the package. Every file is a list of
mappings (``facts.yaml`` also has an ``attributes`` section); the header comment of each file
documents its fields.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from watchfloor.errors import Code, KnowledgeBaseError
from watchfloor.kb.model import Attribute, Definition, Entity, Fact, Office, Publisher, StatisticTopic, Term
from watchfloor.yamlio import read_yaml_cached

DATA_FILES = ("countries", "organisations", "offices", "people", "platforms", "places", "facts", "publishers", "definitions")
# files that hold a second section beside their own: facts.yaml lists attributes, publishers.yaml topics
SUBSECTIONS = {"facts": "attributes", "publishers": "topics"}


def data_folder() -> Path:
    """The folder of the packaged KB files."""
    return Path(str(resources.files("watchfloor.kb") / "data"))


def read_yaml(path: Path) -> Any:
    try:
        return read_yaml_cached(path)
    except (OSError, UnicodeDecodeError) as error:
        raise KnowledgeBaseError(Code.KB_FILE, str(path), detail=f"cannot read: {error}") from None
    except yaml.YAMLError as error:
        raise KnowledgeBaseError(Code.KB_FILE, str(path), detail=f"not valid YAML: {error}".splitlines()[0]) from None


Located = tuple[str, dict[str, Any]]  # (the file a record came from, the record)
LIST_FIELDS = frozenset(
    {"aliases", "demonyms", "peoples", "phrases", "claimed_by", "excludes", "names", "subjects", "context", "topics"}
)
NUMBER_FIELDS = frozenset({"lat", "lon", "capital_lat", "capital_lon", "tolerance", "value"})
TERM_FIELDS = ("office", "valid_from", "valid_to", "source", "note")


def section_files(folder: Path, name: str) -> list[Path]:
    """The files of a section in a folder: people.yaml, people-extra.yaml, people.csv, ..."""
    found = [*folder.glob(f"{name}*.yaml"), *folder.glob(f"{name}*.yml"), *folder.glob(f"{name}*.csv")]
    return sorted(path for path in found if path.is_file())


def load_sections(folders: list[Path]) -> dict[str, list[Located]]:
    """Read each section's files from every folder, in order, into (origin, record) lists."""
    sections: dict[str, list[Located]] = {name: [] for name in (*DATA_FILES, *SUBSECTIONS.values())}
    for folder in folders:
        for name in DATA_FILES:
            for path in section_files(folder, name):
                for section, record in read_file(path, name):
                    sections[section].append((str(path), record))
    return sections


def read_file(path: Path, name: str) -> list[tuple[str, dict[str, Any]]]:
    """The records of one file as (section, record); facts files may carry attributes too."""
    if path.suffix == ".csv":
        return [(name, record) for record in read_csv(path, name)]
    content = read_yaml(path)
    located: list[tuple[str, dict[str, Any]]] = []
    if name in SUBSECTIONS and isinstance(content, dict):
        located.extend((SUBSECTIONS[name], record) for record in _as_list(content.get(SUBSECTIONS[name]), path))
        content = content.get(name)
    located.extend((name, record) for record in _as_list(content, path))
    return located


def _as_list(content: Any, path: Path) -> list[dict[str, Any]]:
    if content is None:
        return []
    if isinstance(content, dict):  # a mapping of id -> record
        content = [{"id": key, **value} for key, value in content.items()]
    if not isinstance(content, list) or not all(isinstance(item, dict) for item in content):
        raise KnowledgeBaseError(Code.KB_FILE, str(path), detail="expected a list of records")
    return content


def read_csv(path: Path, name: str) -> list[dict[str, Any]]:
    """A CSV section: one row per record (per term for people); lists separated by ';'."""
    import csv

    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = [{key.strip(): (value or "").strip() for key, value in row.items() if key} for row in csv.DictReader(handle)]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise KnowledgeBaseError(Code.KB_FILE, str(path), detail=f"cannot read CSV: {error}") from None
    records = [_typed(row) for row in rows]
    return _group_terms(records) if name == "people" else records


def _typed(row: dict[str, str]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for key, value in row.items():
        if value == "":
            record[key] = None
        elif key in LIST_FIELDS:
            record[key] = [item.strip() for item in value.split(";") if item.strip()]
        elif key in NUMBER_FIELDS:
            try:
                record[key] = float(value)
            except ValueError:
                record[key] = value  # kept as text: the check reports it
        else:
            record[key] = value
    return record


def _group_terms(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    people: dict[str, dict[str, Any]] = {}
    for row in rows:
        term = {key: row.pop(key, None) for key in TERM_FIELDS}
        person = people.setdefault(str(row.get("id")), {**row, "terms": []})
        if term.get("office"):
            person["terms"].append(term)
    return list(people.values())


def to_date(value: Any, where: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise KnowledgeBaseError(Code.KB_FILE, where, detail=f"bad date {value!r}") from None


def _strings(value: Any) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(item) for item in value)


def countries(records: list[dict[str, Any]]) -> Iterator[Entity]:
    for record in records:
        iso3 = str(record["iso3"])
        yield Entity(
            id=f"country.{iso3.lower()}",
            name=record["name"],
            kind="country",
            code=iso3,
            country=iso3,
            aliases=_strings(record.get("aliases")),
            demonyms=_strings(record.get("demonyms")),
            peoples=_strings(record.get("peoples")),
            lat=record.get("lat"),
            lon=record.get("lon"),
            place_kind="country",
            capital=record.get("capital"),
            source="ISO 3166-1",
        )
        if record.get("capital"):
            yield Entity(
                id=f"capital.{iso3.lower()}",
                name=record["capital"],
                kind="capital",
                code=f"{iso3}GOV",
                country=iso3,
                sector="GOV",
                lat=record.get("capital_lat"),
                lon=record.get("capital_lon"),
                place_kind="city",
            )


def organisations(records: list[dict[str, Any]]) -> Iterator[Entity]:
    for record in records:
        yield Entity(
            id=record["id"],
            name=record["name"],
            kind="organisation",
            code=record.get("code"),
            country=record.get("country"),
            sector=record.get("sector"),
            aliases=_strings(record.get("aliases")),
            place_kind=record.get("kind"),
            websites=_strings(record.get("websites")),
        )


def people(records: list[dict[str, Any]]) -> Iterator[Entity]:
    for record in records:
        terms = tuple(
            Term(
                office=term["office"],
                valid_from=to_date(term.get("valid_from"), record["id"]) or date.min,
                valid_to=to_date(term.get("valid_to"), record["id"]),
                source=str(term.get("source", "")),
            )
            for term in record.get("terms", [])
        )
        yield Entity(
            id=record["id"],
            name=record["name"],
            kind="person",
            country=record.get("country"),
            aliases=_strings(record.get("aliases")),
            terms=terms,
        )


def platforms(records: list[dict[str, Any]]) -> Iterator[Entity]:
    for record in records:
        yield Entity(
            id=record["id"],
            name=record["name"],
            kind="platform",
            code=record.get("code"),
            country=record.get("country"),
            sector="MIL",
            aliases=_strings(record.get("aliases")),
            place_kind=record.get("kind"),
        )


def places(records: list[dict[str, Any]]) -> Iterator[Entity]:
    for record in records:
        yield Entity(
            id=record["id"],
            name=record["name"],
            kind="place",
            country=record.get("country"),
            aliases=_strings(record.get("aliases")),
            lat=record.get("lat"),
            lon=record.get("lon"),
            place_kind=record.get("kind", "other"),
        )


def offices(records: list[dict[str, Any]]) -> dict[str, Office]:
    return {
        record["id"]: Office(
            id=record["id"],
            country=record["country"],
            title=record["title"],
            aliases=_strings(record.get("aliases")),
            sector=record.get("sector", "GOV"),
            single_holder=bool(record.get("single_holder", True)),
        )
        for record in records
    }


def facts(records: list[dict[str, Any]]) -> list[Fact]:
    return [
        Fact(
            id=record["id"],
            subject=record["subject"],
            attribute=record["attribute"],
            value=record["value"],
            unit=record.get("unit"),
            statement=record.get("statement", ""),
            source=record.get("source", ""),
            as_of=str(record["as_of"]) if record.get("as_of") is not None else None,
            valid_from=to_date(record.get("valid_from"), record["id"]),
            valid_to=to_date(record.get("valid_to"), record["id"]),
            tolerance=float(record.get("tolerance", 0.1)),
            names=_strings(record.get("names")),
        )
        for record in records
    ]


def attributes(records: list[dict[str, Any]]) -> dict[str, Attribute]:
    return {
        record["id"]: Attribute(
            name=record["id"],
            phrases=_strings(record.get("phrases")),
            unit=record.get("unit"),
            subjects=_strings(record.get("subjects")),
            excludes=_strings(record.get("excludes")),
        )
        for record in records
    }


def topics(records: list[dict[str, Any]]) -> dict[str, StatisticTopic]:
    return {
        record["id"]: StatisticTopic(record["id"], record.get("name", record["id"]), _strings(record.get("phrases")))
        for record in records
    }


def publishers(records: list[dict[str, Any]]) -> list[Publisher]:
    return [
        Publisher(
            id=record["id"],
            name=record["name"],
            aliases=_strings(record.get("aliases")),
            topics=_strings(record.get("topics")),
            publishes=str(record.get("publishes", "")),
            source=str(record.get("source", "")),
        )
        for record in records
    ]


def definitions(records: list[dict[str, Any]]) -> list[Definition]:
    return [
        Definition(
            id=record["id"],
            term=record["term"],
            aliases=_strings(record.get("aliases")),
            definition=str(record.get("definition", "")),
            source=str(record.get("source", "")),
        )
        for record in records
    ]
