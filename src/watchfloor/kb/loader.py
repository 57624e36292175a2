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
from watchfloor.kb.model import Attribute, Entity, Fact, Office, Term

DATA_FILES = ("countries", "organisations", "offices", "people", "platforms", "places", "facts")


def data_folder() -> Path:
    """The folder of the packaged KB files."""
    return Path(str(resources.files("watchfloor.kb") / "data"))


def read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise KnowledgeBaseError(Code.KB_FILE, str(path), detail=f"cannot read: {error}") from None
    except yaml.YAMLError as error:
        raise KnowledgeBaseError(Code.KB_FILE, str(path), detail=f"not valid YAML: {error}".splitlines()[0]) from None


def load_sections(folders: list[Path]) -> dict[str, list[dict[str, Any]]]:
    """Read each known file from every folder, in order, into lists by section name."""
    sections: dict[str, list[dict[str, Any]]] = {name: [] for name in DATA_FILES}
    sections["attributes"] = []
    for folder in folders:
        for name in DATA_FILES:
            path = folder / f"{name}.yaml"
            if not path.is_file():
                continue
            content = read_yaml(path)
            if name == "facts" and isinstance(content, dict):
                sections["attributes"].extend(_as_list(content.get("attributes"), path))
                content = content.get("facts")
            sections[name].extend(_as_list(content, path))
    return sections


def _as_list(content: Any, path: Path) -> list[dict[str, Any]]:
    if content is None:
        return []
    if isinstance(content, dict):  # a mapping of id -> record
        content = [{"id": key, **value} for key, value in content.items()]
    if not isinstance(content, list) or not all(isinstance(item, dict) for item in content):
        raise KnowledgeBaseError(Code.KB_FILE, str(path), detail="expected a list of records")
    return content


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
        )


def people(records: list[dict[str, Any]], offices: dict[str, Office]) -> Iterator[Entity]:
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
