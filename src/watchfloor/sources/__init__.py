"""Sources: files, directories, HTML, JSON/JSONL (also gzipped) and standard input."""

from watchfloor.sources.readers import html_document, make_document, read_inputs

__all__ = ["html_document", "make_document", "read_inputs"]
