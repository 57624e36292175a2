"""Numbered schema migrations, recorded in the database so that applying them twice is safe."""

from __future__ import annotations

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "initial schema",
        """
        CREATE TABLE documents (
            sha256 VARCHAR PRIMARY KEY, id VARCHAR, title VARCHAR, url VARCHAR, source VARCHAR,
            published DATE, language VARCHAR, origin VARCHAR, author VARCHAR, text VARCHAR,
            ingested_at TIMESTAMP DEFAULT current_timestamp, warnings VARCHAR[]
        );
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY, doc_sha256 VARCHAR, event VARCHAR, mode VARCHAR, quad VARCHAR,
            intensity DOUBLE, aux VARCHAR, date_start DATE, date_end DATE, date_precision VARCHAR,
            actor_codes VARCHAR[], recipient_codes VARCHAR[], place_name VARCHAR, place_kind VARCHAR,
            lat DOUBLE, lon DOUBLE, text VARCHAR, span_start INTEGER, span_end INTEGER,
            confidence DOUBLE, data JSON
        );
        CREATE TABLE claims (
            id VARCHAR PRIMARY KEY, doc_sha256 VARCHAR, kind VARCHAR, checkworthy DOUBLE,
            verdict VARCHAR, subject VARCHAR, attribute VARCHAR, as_of DATE, text VARCHAR,
            reason VARCHAR, data JSON
        );
        CREATE TABLE places (
            doc_sha256 VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE,
            kb_id VARCHAR, span_start INTEGER, span_end INTEGER
        );
        CREATE TABLE rejections (
            origin VARCHAR, code VARCHAR, message VARCHAR, rejected_at TIMESTAMP DEFAULT current_timestamp
        );
        CREATE INDEX events_doc ON events (doc_sha256);
        CREATE INDEX claims_doc ON claims (doc_sha256);
        """,
    ),
    (
        2,
        "event contexts as a column",
        """
        ALTER TABLE events ADD COLUMN contexts VARCHAR[];
        UPDATE events SET contexts = CAST(json_extract(data, '$.context') AS VARCHAR[]);
        """,
    ),
)
