"""YAML reading through libyaml when PyYAML was built with it.

The KB, the lexicon and the ontology are read at every start-up; PyYAML's pure-Python loader takes
seconds over them, its C loader (shipped in PyYAML's wheels) a fraction of that, with the same
safe subset of YAML and the same error marks.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import Any

import yaml

SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """``yaml.safe_load`` with the fastest safe loader available."""
    return yaml.load(text, Loader=SafeLoader)


def parse_yaml_cached(raw: bytes) -> Any:
    """The YAML of a data file, kept parsed in the cache folder by content hash.

    Every start reads the KB, the lexicon and the ontology; parsing their YAML is most of that cost,
    unpickling the same data a small part. A changed file has another hash, so an old parse is never used.
    """
    from watchfloor.settings import cache_folder, write_cache_file

    path = cache_folder() / "yaml" / f"{hashlib.sha256(raw).hexdigest()[:24]}.pickle"
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        pass
    content = parse_yaml(raw.decode("utf-8"))
    write_cache_file(path, pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL))
    return content


def read_yaml_cached(path: Path) -> Any:
    """:func:`parse_yaml_cached` of a file."""
    return parse_yaml_cached(path.read_bytes())
