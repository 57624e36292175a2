"""Readers that turn files, directories and standard input into Documents.

Each reader yields ``Document`` or ``Rejection`` items, so that one bad input never stops a
batch: the good documents go on, the bad ones are reported with a reason.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from watchfloor.errors import Code, InputError
from watchfloor.records import Document, Rejection
from watchfloor.sources.dates import parse_published
from watchfloor.sources.html import extract_html

Item = Document | Rejection
TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}


def read_inputs(inputs: Iterable[str], published: date | None = None) -> Iterator[Item]:
    """Yield a Document or a Rejection for every document in ``inputs`` (paths, dirs or '-')."""
    for name in inputs:
        if name == "-":
            yield from _read_stdin(published)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _is_document(p))
            for file in files:
                yield from _read_file(file, published)
        elif path.exists():
            yield from _read_file(path, published)
        else:
            yield Rejection(name, Code.MISSING_PATH.code, Code.MISSING_PATH.format())


def _is_document(path: Path) -> bool:
    if path.name.startswith(".") or path.name.lower() == "readme.md":
        return False
    suffixes = "".join(path.suffixes[-2:]).lower()
    return path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES or suffixes == ".jsonl.gz"


def _reject(error: InputError) -> Rejection:
    return Rejection(error.origin, error.error_code.code, error.message)


def _read_file(path: Path, published: date | None) -> Iterator[Item]:
    origin = str(path)
    try:
        raw = path.read_bytes()
        if path.name.lower().endswith(".gz"):
            raw = gzip.decompress(raw)
        kind = _kind_of(path)
        yield from _read_bytes(raw, origin, kind, published, path.stem)
    except InputError as error:
        yield _reject(error)
    except (OSError, EOFError) as error:
        yield Rejection(origin, Code.UNREADABLE.code, Code.UNREADABLE.format(detail=error.__class__.__name__))


def _kind_of(path: Path) -> str:
    name = path.name.lower().removesuffix(".gz")
    suffix = Path(name).suffix
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSON_SUFFIXES:
        return "json"
    raise InputError(Code.UNSUPPORTED_TYPE, str(path), suffix=suffix or path.name)


def _read_stdin(published: date | None) -> Iterator[Item]:
    raw = sys.stdin.buffer.read()
    try:
        head = raw.lstrip()[:1]
        kind = "json" if head in (b"{", b"[") else "html" if head == b"<" else "text"
        yield from _read_bytes(raw, "<stdin>", kind, published, "stdin")
    except InputError as error:
        yield _reject(error)


def _decode(raw: bytes, origin: str) -> str:
    if not raw.strip():
        raise InputError(Code.EMPTY_INPUT, origin)
    if b"\x00" in raw[:8192]:
        raise InputError(Code.BINARY_INPUT, origin)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(Code.BAD_ENCODING, origin, position=error.start) from None


def _read_bytes(raw: bytes, origin: str, kind: str, published: date | None, stem: str) -> Iterator[Item]:
    content = _decode(raw, origin)
    if kind == "json":
        yield from _read_json(content, origin, published)
    elif kind == "html":
        yield html_document(content, origin, {"id": stem}, published)
    else:
        yield _text_document(content, origin, stem, published)


def _text_document(content: str, origin: str, stem: str, published: date | None) -> Document:
    meta, body = split_front_matter(content, origin)
    meta.setdefault("id", stem)
    return make_document(body, origin, meta, published)


def split_front_matter(content: str, origin: str) -> tuple[dict[str, Any], str]:
    """Split a leading '---' YAML block (title, published, source, url) from the body."""
    if not content.startswith("---"):
        return {}, content
    end = content.find("\n---", 3)
    if end < 0:
        return {}, content
    try:
        meta = yaml.safe_load(content[3:end]) or {}
    except yaml.YAMLError as error:
        detail = str(error).splitlines()[0]
        raise InputError(Code.BAD_FRONT_MATTER, origin, detail=detail) from None
    if not isinstance(meta, dict):
        raise InputError(Code.BAD_FRONT_MATTER, origin, detail="expected key: value lines")
    body_start = content.find("\n", end + 4)
    return meta, content[body_start + 1 :] if body_start >= 0 else ""


def _read_json(content: str, origin: str, published: date | None) -> Iterator[Item]:
    stripped = content.lstrip()
    if stripped.startswith("["):
        try:
            records = json.loads(content)
        except json.JSONDecodeError as error:
            raise InputError(Code.BAD_JSON, origin, line=error.lineno, detail=error.msg) from None
        lines: Iterable[tuple[int, Any]] = enumerate(records, start=1)
    else:
        lines = _json_lines(content, origin)
    for number, record in lines:
        try:
            yield _record_document(record, origin, number, published)
        except InputError as error:
            yield _reject(error)


def _json_lines(content: str, origin: str) -> Iterator[tuple[int, Any]]:
    """Yield (line number, parsed object); a bad line becomes an InputError yielded in place."""
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as error:
            yield number, InputError(Code.BAD_JSON, origin, line=number, detail=error.msg)


def _record_document(record: Any, origin: str, number: int, published: date | None) -> Document:
    if isinstance(record, InputError):
        raise record
    where = f"{origin}:{number}"
    if not isinstance(record, dict):
        raise InputError(Code.BAD_RECORD, origin, line=number, detail="expected a JSON object")
    record.setdefault("id", f"{Path(origin).stem}-{number}")
    if isinstance(record.get("html"), str) and not record.get("text"):
        return html_document(record["html"], where, record, published)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(Code.BAD_RECORD, origin, line=number, detail="needs a non-empty 'text' or 'html' field")
    return make_document(text, where, record, published)


def html_document(content: str, origin: str, meta: dict[str, Any], published: date | None) -> Document:
    """Extract the article of an HTML page and build its Document."""
    page = extract_html(content, origin)
    merged = {key: value for key, value in page.items() if value}
    merged.update({key: value for key, value in meta.items() if value and key != "html"})
    return make_document(page["text"], origin, merged, published)


def make_document(text: str, origin: str, meta: dict[str, Any], published: date | None) -> Document:
    """Build a Document; ``published`` (from the command line) wins over the input's own date."""
    if not text.strip():
        raise InputError(Code.EMPTY_INPUT, origin)
    own_date = parse_published(meta.get("published") or meta.get("date"), origin)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(
        id=str(meta.get("id") or digest[:12]),
        title=_optional(meta.get("title")),
        url=_optional(meta.get("url")),
        source=_optional(meta.get("source")),
        published=published or own_date,
        language=str(meta.get("language") or "en"),
        sha256=digest,
        text=text,
        author=_optional(meta.get("author")),
        origin=origin,
    )


def _optional(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None
