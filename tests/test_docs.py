"""Docs stay true: the CLI reference matches --help, every setting is documented, the public API is exported."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import typer.main

import watchfloor
from tests.conftest import ROOT
from watchfloor.cli import app
from watchfloor.settings import SETTINGS

CLI_REFERENCE = ROOT / "docs" / "cli.md"


def _parameter_row(param: Any) -> str:
    opts = list(getattr(param, "opts", []))
    option = any(opt.startswith("-") for opt in opts)
    names = ", ".join(opts) if option else str(param.name).upper()
    text = getattr(param, "help", None) or ""
    default = getattr(param, "default", None) if option and not getattr(param, "is_flag", False) else None
    if default not in (None, "", False) and not callable(default):
        text += f" [default: {getattr(default, 'value', default)}]"
    if getattr(param, "required", False):
        text += " [required]"
    return f"| `{names}` | {text.strip()} |"


def render_cli_reference() -> str:
    """The CLI reference from each command's parameters and docstring, independent of the terminal.

    Run `make docs` to refresh docs/cli.md after changing a command.
    """
    parts = ["# CLI reference", "", "Generated from the commands themselves by `make docs`; do not edit by hand.", ""]
    _render_group(typer.main.get_command(app), "watchfloor", parts)
    return "\n".join(parts)


def _render_group(group: Any, prefix: str, parts: list[str]) -> None:
    for name, command in sorted(group.commands.items()):
        if hasattr(command, "commands"):
            _render_group(command, f"{prefix} {name}", parts)
            continue
        parts += [f"## {prefix} {name}", "", (command.help or "").strip(), "", "| parameter | meaning |", "|---|---|"]
        parts += [_parameter_row(param) for param in command.params]
        parts.append("")


def test_cli_reference_is_up_to_date() -> None:
    assert CLI_REFERENCE.read_text(encoding="utf-8") == render_cli_reference(), "run `make docs`"


def test_every_setting_is_documented() -> None:
    guide = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"`{setting.name}`" in guide and f"WATCHFLOOR_{setting.name.upper()}" in guide, setting.name


def test_exported_members_match_all() -> None:
    assert list(watchfloor.__all__) == sorted(watchfloor.__all__)
    assert set(watchfloor.__all__) <= set(dir(watchfloor))
    classes = {name for name in dir(watchfloor) if name[0].isupper()}
    assert classes <= set(watchfloor.__all__)


if __name__ == "__main__":
    Path(CLI_REFERENCE).write_text(render_cli_reference(), encoding="utf-8")


def test_options_named_in_the_docs_exist() -> None:
    """A flag the README or the guide mentions must be one the commands have (docs/cli.md is generated from them)."""
    reference = CLI_REFERENCE.read_text(encoding="utf-8")
    for name in ("README.md", "docs/guide.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        for flag in set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", text)) - {"--help"}:
            assert f"`{flag}" in reference or f", {flag}" in reference or f"{flag}," in reference, f"{name}: {flag}"
