"""The command line: thin over the library; it parses flags, calls one function, prints."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from watchfloor.errors import WatchfloorError
from watchfloor.records import Document, Rejection, Result
from watchfloor.report import date_label, render
from watchfloor.settings import load_settings

if TYPE_CHECKING:
    from datetime import date

    from watchfloor.store import DuckDBStore, Filters


# The readers and the store load lazily: `watchfloor --help` should not pay for DuckDB and the HTML extractor.
def read_inputs(inputs: list[str], published: date | None = None) -> Iterator[Document | Rejection]:
    from watchfloor.sources import read_inputs as read

    return read(inputs, published)


def parse_published(value: str, origin: str) -> date | None:
    from watchfloor.sources.dates import parse_published as parse

    return parse(value, origin)


def open_store(path: str) -> DuckDBStore:
    from watchfloor.store import open_store as open_database

    return open_database(path)


app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Security and foreign-affairs news into a verified, time-scoped event database.",
    rich_markup_mode=None,  # plain help: rendering it through rich costs a quarter of a second per call
)
T = TypeVar("T")


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


class TableFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


Inputs = Annotated[list[str], typer.Argument(help="Files, directories, or - for standard input.")]
Published = Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that carry none.")]
DbOption = Annotated[str | None, typer.Option("--db", help="DuckDB file (default: setting db, env WATCHFLOOR_DB).")]


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"watchfloor: {message}", err=True)
    raise typer.Exit(code)


def _guard(action: Callable[[], T]) -> T:
    """Run a command body; watchfloor errors become one line on stderr and exit code 1."""
    try:
        return action()
    except WatchfloorError as error:
        _fail(str(error))
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    raise AssertionError("unreachable")


def _split(items: Iterator[Document | Rejection], rejected: list[Rejection]) -> Iterator[Document]:
    for item in items:
        if isinstance(item, Rejection):
            typer.echo(f"skipped {item}", err=True)
            rejected.append(item)
        else:
            yield item


def _pipeline() -> Any:
    from watchfloor.pipeline import Pipeline

    return Pipeline(load_settings())


def _progress(results: Iterator[Result]) -> Iterator[Result]:
    """A rich progress line on a terminal; nothing when output is piped."""
    if not sys.stderr.isatty():
        yield from results
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.completed} documents"), TimeElapsedColumn(), transient=True) as progress:
        task = progress.add_task("analyse", total=None)
        for result in results:
            progress.advance(task)
            yield result


@app.command()
def analyze(
    inputs: Inputs,
    published: Published = None,
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="text: a report to read; json: one array; jsonl: one object per line.")
    ] = OutputFormat.text,
) -> None:
    """Analyse documents and print events, claims and places, without storing them."""

    def run() -> None:
        anchor = parse_published(published, "--published") if published else None
        rejected: list[Rejection] = []
        results = _progress(_pipeline().pipe(_split(read_inputs(inputs, anchor), rejected)))
        collected = []
        analysed = 0
        for result in results:
            analysed += 1
            if format is OutputFormat.jsonl:
                typer.echo(json.dumps(result.to_dict(), ensure_ascii=False))
            elif format is OutputFormat.text:
                typer.echo(render(result))
            else:
                collected.append(result.to_dict())
        if format is OutputFormat.json:
            typer.echo(json.dumps(collected, ensure_ascii=False, indent=2))
        if rejected and analysed == 0:
            _fail(f"nothing to analyse: {len(rejected)} input(s) rejected")

    _guard(run)


@app.command()
def check(
    inputs: Inputs,
    published: Published = None,
    format: Annotated[
        TableFormat,
        typer.Option("--format", "-f", help="table: a report grouped by verdict; json: the contract's claim objects."),
    ] = TableFormat.table,
) -> None:
    """Check the factual claims of documents against the knowledge base, with reasons and references."""

    def run() -> None:
        from watchfloor.claims.report import render_check, summary

        anchor = parse_published(published, "--published") if published else None
        rejected: list[Rejection] = []
        results = list(_progress(_pipeline().pipe(_split(read_inputs(inputs, anchor), rejected))))
        if not results:
            _fail(f"nothing to check: {len(rejected)} input(s) rejected")
        if format is TableFormat.json:
            claims = [{**claim.to_dict(), "doc_id": result.doc.id} for result in results for claim in result.claims]
            typer.echo(json.dumps(claims, ensure_ascii=False, indent=2))
            return
        for result in results:
            typer.echo(render_check(result))
        if len(results) > 1:
            typer.echo(f"all {len(results)} documents: " + summary([claim for result in results for claim in result.claims]))

    _guard(run)


@app.command()
def ingest(inputs: Inputs, published: Published = None, db: DbOption = None) -> None:
    """Analyse documents and store them; the same document twice is stored once."""

    def run() -> None:
        settings = load_settings(db=db)
        anchor = parse_published(published, "--published") if published else None
        rejected: list[Rejection] = []
        pipeline = _pipeline()
        added = skipped = 0
        with open_store(settings.db) as store:
            batch: list[Result] = []
            for result in _progress(pipeline.pipe(_split(read_inputs(inputs, anchor), rejected))):
                batch.append(result)
                if len(batch) >= settings.batch_size:
                    report = store.ingest(batch)
                    added, skipped, batch = added + len(report.added), skipped + len(report.skipped), []
            report = store.ingest(batch, rejected)
            added, skipped = added + len(report.added), skipped + len(report.skipped)
            totals = store.counts()
        typer.echo(
            f"added {added}, skipped {skipped} already stored, rejected {len(rejected)} -> {settings.db} "
            f"({totals['documents']} documents, {totals['events']} events, {totals['claims']} claims)"
        )
        if rejected and added + skipped == 0:
            raise typer.Exit(1)

    _guard(run)


def _filters(**values: Any) -> Filters:
    from watchfloor.store import Filters

    for key in ("since", "until"):
        if values.get(key):
            values[key] = parse_published(values[key], f"--{key}")
    return Filters(**{key: value for key, value in values.items() if value is not None})


def _emit(rows: list[dict[str, Any]], format: TableFormat, columns: dict[str, Callable[[dict[str, Any]], Any]]) -> None:
    if format is TableFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if format is TableFormat.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        writer.writerows([[get(row) for get in columns.values()] for row in rows])
        typer.echo(buffer.getvalue(), nl=False)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, show_lines=False, expand=False)
    for row in rows:
        table.add_row(*[str(get(row) if get(row) is not None else "") for get in columns.values()])
    Console(width=None if sys.stdout.isatty() else 200).print(table)


def _codes(actors: list[dict[str, Any]]) -> str:
    return "+".join(actor["code"] for actor in actors)


def explain_event(event: dict[str, Any]) -> str:
    """Why an event was coded: its sentence, the lexicon entry that fired and how each role was found."""
    explanation = event.get("explanation") or {}
    rule = explanation.get("rule") or {}
    kind = event["event"] + (f"/{event['mode']}" if event.get("mode") else "")
    entry = f"lemma={rule.get('lemma')} pos={rule.get('pos')} requires={rule.get('requires')}"
    if rule.get("matched"):
        entry += f" (found: {', '.join(rule['matched'])})"
    lines = [
        f"{event['id']}  {kind}  in {event['doc_id']}",
        f"sentence: {' '.join(event['text'].split())}",
        f"trigger:  '{explanation.get('trigger', '')}' matched the lexicon entry {entry}",
        f"date:     {date_label(**event['date'])} from {explanation.get('date', '?')}",
        f"aux:      {event.get('aux') or 'none (a reported event)'}",
    ]
    lines += [f"role:     {how}" for how in explanation.get("roles", [])] or ["role:     none found"]
    if event.get("place"):
        lines.append(f"place:    {event['place']['name']} ({event['place']['kind']})")
    return "\n".join(lines)


EVENT_COLUMNS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "id": lambda e: e["id"],
    "date": lambda e: date_label(**e["date"]),
    "event": lambda e: e["event"],
    "mode": lambda e: e["mode"],
    "actor": lambda e: _codes(e["actor"]),
    "recipient": lambda e: _codes(e["recipient"]),
    "place": lambda e: (e["place"] or {}).get("name"),
    "aux": lambda e: e["aux"],
    "doc": lambda e: e["doc_id"],
    "evidence": lambda e: e["text"][:120],
}
CLAIM_COLUMNS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "verdict": lambda c: c["verdict"],
    "kind": lambda c: c["kind"],
    "score": lambda c: c["checkworthy"],
    "as_of": lambda c: c["as_of"],
    "doc": lambda c: c["doc_id"],
    "claim": lambda c: c["text"][:110],
    "reason": lambda c: c["reason"][:90],
}
DOC_COLUMNS: dict[str, Callable[[dict[str, Any]], Any]] = {
    key: (lambda k: lambda d: d[k])(key) for key in ("id", "published", "title", "source", "events", "claims")
}

FormatOption = Annotated[TableFormat, typer.Option("--format", "-f", help="table, json (the contract objects) or csv.")]


@app.command()
def events(
    actor: Annotated[str | None, typer.Option(help="Actor code or prefix: CHN matches CHN, CHNMIL, CHNCOP.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient code or prefix.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. MOBILIZE.")] = None,
    since: Annotated[str | None, typer.Option(help="Events on or after this date.")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before this date.")] = None,
    place: Annotated[str | None, typer.Option(help="Place name contains.")] = None,
    search: Annotated[str | None, typer.Option("--search", "-q", help="Evidence text contains.")] = None,
    mode: Annotated[str | None, typer.Option(help="PLOVER mode, e.g. weapons or phone.")] = None,
    context: Annotated[str | None, typer.Option(help="PLOVER context, e.g. military or economic.")] = None,
    include_aux: Annotated[
        bool, typer.Option("--include-aux", help="Also show historical, future, hypothetical and negated events.")
    ] = False,
    explain: Annotated[str | None, typer.Option(help="Explain one event by id: sentence, lexicon entry, roles.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 100,
    db: DbOption = None,
    format: FormatOption = TableFormat.table,
) -> None:
    """Query stored events (background, plans, hypotheses and denials are hidden unless --include-aux)."""

    def run() -> None:
        with open_store(load_settings(db=db).db) as store:
            if explain:
                _print_explained(store, explain)
                return
            kinds = {"event_type": type, "mode": mode, "context": context, "place": place, "text": search}
            filters = _filters(actor=actor, recipient=recipient, since=since, until=until, limit=limit, **kinds)
            filters.include_aux = include_aux
            _emit(store.events(filters), format, EVENT_COLUMNS)

    _guard(run)


def _print_explained(store: Any, event_id: str) -> None:
    found = store.event(event_id)
    if found is None:
        _fail(f"no event with id {event_id!r} in the database")
    typer.echo(explain_event(found))


@app.command()
def claims(
    verdict: Annotated[str | None, typer.Option(help="supported, contradicted, misleading, unsupported or unverifiable.")] = None,
    kind: Annotated[str | None, typer.Option(help="Claim kind, e.g. statistic or office.")] = None,
    since: Annotated[str | None, typer.Option(help="Claims as of this date or later.")] = None,
    until: Annotated[str | None, typer.Option(help="Claims as of this date or earlier.")] = None,
    search: Annotated[str | None, typer.Option("--search", "-q", help="Claim text contains.")] = None,
    checked: Annotated[bool, typer.Option("--checked", help="Only claims the knowledge base could check.")] = False,
    disputed: Annotated[
        bool, typer.Option("--disputed", help="Pairs of documents giving conflicting values for the same thing at the same time.")
    ] = False,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 100,
    db: DbOption = None,
    format: FormatOption = TableFormat.table,
) -> None:
    """Query stored claims and their verdicts, or (--disputed) the claims other sources contradict."""

    def run() -> None:
        settings = load_settings(db=db)
        with open_store(settings.db) as store:
            if disputed:
                _emit_disputes(store, settings, format, limit)
                return
            filters = _filters(verdict=verdict, kind=kind, since=since, until=until, text=search, limit=limit)
            filters.checked_only = checked
            _emit(store.claims(filters), format, CLAIM_COLUMNS)

    _guard(run)


DISPUTE_COLUMNS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "subject": lambda d: d["subject"],
    "attribute": lambda d: d["attribute"],
    "first": lambda d: f"{d['claims'][0]['value']} ({d['claims'][0]['doc_id']}, {d['claims'][0]['as_of']})",
    "second": lambda d: f"{d['claims'][1]['value']} ({d['claims'][1]['doc_id']}, {d['claims'][1]['as_of']})",
    "reason": lambda d: d["reason"][:120],
}


def _emit_disputes(store: Any, settings: Any, format: TableFormat, limit: int) -> None:
    from watchfloor.kb import load_kb
    from watchfloor.store.disputes import disputed

    found = disputed(store.connection, load_kb(settings.kb_extra or None))[:limit]
    _emit([comparison.to_dict() for comparison in found], format, DISPUTE_COLUMNS)
    if format is TableFormat.table and not found:
        typer.echo("no disputed claims: no two documents give conflicting values for the same thing at the same time")


@app.command()
def docs(
    since: Annotated[str | None, typer.Option(help="Published on or after this date.")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before this date.")] = None,
    search: Annotated[str | None, typer.Option("--search", "-q", help="Title or text contains.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 100,
    db: DbOption = None,
    format: FormatOption = TableFormat.table,
) -> None:
    """List stored documents with their event and claim counts."""

    def run() -> None:
        filters = _filters(since=since, until=until, text=search, limit=limit)
        with open_store(load_settings(db=db).db) as store:
            _emit(store.documents(filters), format, DOC_COLUMNS)

    _guard(run)


kb_app = typer.Typer(no_args_is_help=True, help="Inspect, check and extend the knowledge base.", rich_markup_mode=None)
app.add_typer(kb_app, name="kb")
KbFolder = Annotated[str | None, typer.Option("--kb-extra", help="Your KB folder (default: setting kb_extra).")]


@kb_app.command("list")
def kb_list(kb_extra: KbFolder = None) -> None:
    """Count what the knowledge base holds, and where its files are."""

    def run() -> None:
        from watchfloor.kb import load_kb, manage

        extra = load_settings(kb_extra=kb_extra).kb_extra
        for kind, count in manage.summary(load_kb(extra or None)).items():
            typer.echo(f"{count:>7}  {kind}")
        for folder in manage.folders(extra):
            typer.echo(f"from {folder}")

    _guard(run)


@kb_app.command("show")
def kb_show(
    name: Annotated[
        str, typer.Argument(help="A name, alias, demonym, id or office title: Japan, B-52, Koizumi, JPN.defence_minister.")
    ],
    on: Annotated[str | None, typer.Option("--date", help="Show who held offices on this date (default: today).")] = None,
    kb_extra: KbFolder = None,
) -> None:
    """Show what the knowledge base holds under a name, time-aware."""

    def run() -> None:
        from watchfloor.kb import load_kb, manage

        when = parse_published(on, "--date") if on else None
        found = manage.describe(load_kb(load_settings(kb_extra=kb_extra).kb_extra or None), name, when)
        if not found:
            _fail(f"the knowledge base holds nothing called {name!r}")
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2, default=str))

    _guard(run)


@kb_app.command("check")
def kb_check(
    files: Annotated[list[Path] | None, typer.Argument(help="Extra files to check with the KB (default: the KB alone).")] = None,
    section: Annotated[str | None, typer.Option(help="Section the files extend, if their names do not say.")] = None,
    kb_extra: KbFolder = None,
) -> None:
    """Validate every KB file; one line per problem, exit 1 if there is any."""

    def run() -> None:
        from watchfloor.kb import manage

        problems = manage.check(load_settings(kb_extra=kb_extra).kb_extra or None, files, section)
        for problem in problems:
            typer.echo(str(problem), err=True)
        if problems:
            _fail(f"{len(problems)} problem(s) in the knowledge base")
        typer.echo("knowledge base OK")

    _guard(run)


@kb_app.command("add")
def kb_add(
    file: Annotated[Path, typer.Argument(help="A YAML or CSV file in the format of one KB section.")],
    section: Annotated[str | None, typer.Option(help="Section the file extends, if its name does not say.")] = None,
    kb_extra: KbFolder = None,
) -> None:
    """Check a file of your own and add it to your KB folder (the package is left untouched)."""

    def run() -> None:
        from watchfloor.kb import manage

        extra = load_settings(kb_extra=kb_extra).kb_extra
        problems = [p for p in manage.check(extra, [file], section) if p.origin == str(file)]
        for problem in problems:
            typer.echo(str(problem), err=True)
        if problems:
            _fail(f"{file}: not added, {len(problems)} problem(s)")
        target, count = manage.add(file, extra, section)
        typer.echo(f"added {count} record(s) as {target}; watchfloor reads {extra} on every run")

    _guard(run)


def _check_port(host: str, port: int) -> None:
    """Fail with one line before the database is opened when the address cannot be used."""
    import socket

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            _fail(f"cannot listen on {host}:{port} ({error.strerror or error}); choose another --port or --host")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; the default keeps the workbench to this machine.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8750,
) -> None:
    """Open the workbench (pages and REST API) over a database, at http://HOST:PORT/."""

    def run() -> None:
        import uvicorn

        from watchfloor.web import create_app

        _check_port(host, port)
        application = create_app(load_settings(db=db))
        typer.echo(f"watchfloor workbench on http://{host}:{port}/ (API at /api, explorer at /docs); Ctrl+C stops it")
        uvicorn.run(application, host=host, port=port, log_level="warning")

    _guard(run)


def main() -> None:
    """Entry point: no traceback ever reaches the user."""
    try:
        app()
    except Exception as error:  # noqa: BLE001 - last line of defence: one line, not a traceback
        typer.echo(f"watchfloor: internal error: {error.__class__.__name__}: {error}", err=True)
        sys.exit(70)
