"""What `watchfloor kb` does: summarise, describe, check and extend the knowledge base.

The functions return data; the CLI prints it.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

from watchfloor.errors import Code, KnowledgeBaseError
from watchfloor.kb import loader
from watchfloor.kb.base import KnowledgeBase
from watchfloor.kb.check import Problem, check_sections
from watchfloor.kb.model import Entity


def folders(extra: str | Path | None) -> list[Path]:
    """The packaged data folder, then the user's folder when it exists."""
    found = [loader.data_folder()]
    if extra and Path(extra).is_dir():
        found.append(Path(extra))
    return found


def summary(kb: KnowledgeBase) -> dict[str, int]:
    """How many records of each kind the KB holds."""
    counts: dict[str, int] = {}
    for entity in kb.entities.values():
        counts[entity.kind] = counts.get(entity.kind, 0) + 1
    counts["office"] = len(kb.offices)
    counts["office term"] = sum(len(entity.terms) for entity in kb.entities.values())
    counts["fact"] = len(kb.facts)
    return dict(sorted(counts.items()))


def describe(kb: KnowledgeBase, name: str, when: date | None = None) -> list[dict[str, Any]]:
    """Everything the KB holds under a name: entities, offices (with the holder on ``when``) and facts."""
    found: list[dict[str, Any]] = [_entity_view(kb, entity, when) for entity in kb.lookup(name)]
    if (country := kb.demonym(name)) is not None and all(item["id"] != country.id for item in found):
        found.append(_entity_view(kb, country, when))
    for office in kb.offices.values():
        if name.lower() in (office.id.lower(), office.title.lower()):
            holders = [
                {"name": person.name, "from": str(person.terms[i].valid_from), "to": str(person.terms[i].valid_to or "")}
                for person, i in kb.holders(office.id)
            ]
            current = kb.holder(office.id, when or date.today())
            found.append(
                {
                    "id": office.id,
                    "kind": "office",
                    "name": office.title,
                    "holder": current.name if current else None,
                    "holders": holders,
                }
            )
    if not found:  # nothing by that exact name: entities whose names contain it
        found = [_entity_view(kb, entity, when) for entity in kb.search(name)[:10]]
    return found


def _entity_view(kb: KnowledgeBase, entity: Entity, when: date | None) -> dict[str, Any]:
    view: dict[str, Any] = {"id": entity.id, "kind": entity.kind, "name": entity.name}
    for key in ("code", "country", "sector", "place_kind", "lat", "lon", "capital"):
        if getattr(entity, key) not in (None, ""):
            view[key] = getattr(entity, key)
    if entity.aliases or entity.demonyms:
        view["aliases"] = [*entity.aliases, *entity.demonyms]
    if entity.peoples:
        view["peoples"] = list(entity.peoples)
    if entity.terms:
        view["terms"] = [
            {"office": t.office, "from": str(t.valid_from), "to": str(t.valid_to or ""), "source": t.source} for t in entity.terms
        ]
        term = entity.term_at(when or date.today())
        view["office_on_date"] = term.office if term else None
    subject = entity.country if entity.kind == "country" else entity.id
    facts = [fact for fact in kb.facts if fact.subject == subject]
    if facts:
        view["facts"] = [{"id": f.id, "statement": f.statement, "source": f.source} for f in facts]
    return view


def check(extra: str | Path | None, files: list[Path] | None = None, section: str | None = None) -> list[Problem]:
    """Problems in the packaged KB, the user's folder, and any extra files to be added."""
    located = loader.load_sections(folders(extra))
    for path in files or []:
        name = section or section_of(path)
        for record_section, record in loader.read_file(path, name):
            located[record_section].append((str(path), record))
    return check_sections(located)


def section_of(path: Path) -> str:
    """The KB section a file extends, from its name: people-mine.yaml extends people."""
    for name in loader.DATA_FILES:
        if path.name.startswith(name):
            return name
    sections = ", ".join(loader.DATA_FILES)
    raise KnowledgeBaseError(
        Code.KB_FILE, str(path), detail=f"cannot tell the section from the name; start it with one of {sections}"
    )


def add(path: Path, extra: str | Path, section: str | None = None) -> tuple[Path, int]:
    """Check a user file against the KB and copy it into the user's folder; return (copy, records)."""
    if not path.is_file():
        raise KnowledgeBaseError(Code.KB_FILE, str(path), detail="no such file")
    name = section or section_of(path)
    problems = check(extra, [path], name)
    own = [problem for problem in problems if problem.origin == str(path)]
    if own:
        raise KnowledgeBaseError(
            Code.KB_FILE, str(path), detail=f"{len(own)} problem(s), first: {own[0].where}: {own[0].message}"
        )
    records = len(loader.read_file(path, name))
    target_folder = Path(extra)
    target_folder.mkdir(parents=True, exist_ok=True)
    stem = path.stem if path.stem.startswith(name) else f"{name}-{path.stem}"
    target = target_folder / f"{stem}{path.suffix}"
    shutil.copyfile(path, target)
    return target, records
