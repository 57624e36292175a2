"""One catalogue of coded errors.

Every problem a user can meet has a code (``W###``) and a message template in :class:`Code`.
Messages say what went wrong and, where useful, what to do.

Exception tree::

    WatchfloorError              base; carries a Code, the input it concerns and a one-line message
    ├── InputError               an input document could not be read (the batch goes on without it)
    ├── SettingsError            a setting or command-line option has a bad value
    ├── KnowledgeBaseError       a knowledge-base file is missing or malformed
    ├── StoreError               the database could not be opened, migrated or written
    ├── ModelError               the spaCy model is not installed
    └── RequestError             a workbench request has a bad parameter or names nothing stored (HTTP 4xx)

The library raises these and never prints; the CLI turns them into one line and an exit code.
"""

from __future__ import annotations

from enum import Enum


class Code(Enum):
    """Error codes with their message templates (``str.format`` fields)."""

    MISSING_PATH = ("W001", "no such file or directory")
    EMPTY_INPUT = ("W002", "the input is empty")
    BINARY_INPUT = ("W003", "looks like a binary file, not text, HTML or JSON")
    BAD_ENCODING = ("W004", "is not valid UTF-8 (byte {position}); save it as UTF-8")
    BAD_JSON = ("W005", "line {line}: not valid JSON ({detail})")
    BAD_RECORD = ("W006", "line {line}: {detail}")
    NO_ARTICLE_TEXT = ("W007", "the HTML page has no article text to analyse")
    BAD_DATE = ("W008", "cannot parse the date {value!r}; use YYYY-MM-DD")
    UNSUPPORTED_TYPE = ("W009", "unsupported file type {suffix!r}; use .txt, .md, .html, .json, .jsonl or .jsonl.gz")
    BAD_FRONT_MATTER = ("W010", "the front matter is not valid YAML ({detail})")
    UNREADABLE = ("W011", "cannot be read ({detail})")
    BAD_SETTING = ("W020", "setting {name}: {detail}")
    BAD_SETTINGS_FILE = ("W021", "cannot read the settings file ({detail})")
    KB_FILE = ("W030", "{detail}")
    STORE_OPEN = ("W040", "cannot open the database ({detail})")
    STORE_WRITE = ("W041", "cannot write to the database ({detail})")
    MODEL_MISSING = ("W050", "the spaCy model {name!r} is not installed; run 'make install' or pip install it")
    BAD_PARAMETER = ("W060", "{name}: {detail}")
    UNKNOWN_PARAMETER = ("W061", "unknown parameter {name!r}; this endpoint takes: {choices}")
    PAGE_OUT_OF_RANGE = ("W062", "page {page} is out of range: {total} row(s) make {pages} page(s) of {per_page}")
    NOT_FOUND = ("W063", "no {what} with id {key!r}")

    @property
    def code(self) -> str:
        return self.value[0]

    def format(self, **fields: object) -> str:
        template: str = self.value[1]
        return template.format(**fields)


class WatchfloorError(Exception):
    """Base of every error watchfloor raises on purpose."""

    def __init__(self, code: Code, origin: str = "", **fields: object) -> None:
        self.error_code = code
        self.origin = origin
        self.fields = fields
        self.message = code.format(**fields)
        super().__init__(str(self))

    def __str__(self) -> str:
        prefix = f"{self.origin}: " if self.origin else ""
        return f"{prefix}{self.message} [{self.error_code.code}]"

    def __reduce__(self) -> tuple[object, ...]:
        """Keep errors picklable with their fields, for worker processes."""
        return (_rebuild, (type(self), self.error_code, self.origin, self.fields))


def _rebuild(cls: type[WatchfloorError], code: Code, origin: str, fields: dict[str, object]) -> WatchfloorError:
    return cls(code, origin, **fields)


class InputError(WatchfloorError):
    """An input document could not be read."""


class SettingsError(WatchfloorError):
    """A setting or option has a bad value."""


class KnowledgeBaseError(WatchfloorError):
    """A knowledge-base file is missing or malformed."""


class StoreError(WatchfloorError):
    """The database could not be opened, migrated or written."""


class ModelError(WatchfloorError):
    """The spaCy model is not installed."""


class RequestError(WatchfloorError):
    """A request to the workbench has a bad parameter, or asks for something not stored."""

    def __init__(self, code: Code, origin: str = "", status: int = 400, **fields: object) -> None:
        super().__init__(code, origin, **fields)
        self.status = status
