"""YAML reading through libyaml when PyYAML was built with it.

The KB, the lexicon and the ontology are read at every start-up; PyYAML's pure-Python loader takes
seconds over them, its C loader (shipped in PyYAML's wheels) a fraction of that, with the same
safe subset of YAML and the same error marks.
"""

from __future__ import annotations

from typing import Any

import yaml

SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """``yaml.safe_load`` with the fastest safe loader available."""
    return yaml.load(text, Loader=SafeLoader)
