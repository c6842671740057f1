"""Where a project keeps its content, templates and output.

Defaults are ./content, ./templates/docx and ./output; a docgen.toml in the project
folder may change them, and command-line options override both:

    [paths]
    content = "content"
    templates = "templates/docx"
    output = "output"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from docgen.errors import UsageError

CONFIG_FILE = "docgen.toml"
DEFAULTS = {"content": "content", "templates": "templates/docx", "output": "output"}


@dataclass(frozen=True)
class Project:
    """The folders docgen reads from and writes to."""

    content: Path
    templates: Path
    output: Path


def load_project(root: Path, *, content: Path | None = None, templates: Path | None = None,
                 output: Path | None = None) -> Project:
    """Return the project rooted at `root`, with options taking precedence over docgen.toml."""
    paths = dict(DEFAULTS)
    config = root / CONFIG_FILE
    if config.is_file():
        try:
            data = tomllib.loads(config.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise UsageError(f"{config}: cannot read the project configuration: {error}",
                             "fix the TOML syntax or delete the file") from None
        section = data.get("paths", {})
        unknown = set(section) - set(DEFAULTS)
        if unknown or not isinstance(section, dict):
            raise UsageError(f"{config}: unknown setting(s) in [paths]: "
                             + ", ".join(sorted(unknown)),
                             "allowed: " + ", ".join(DEFAULTS))
        paths.update({key: str(value) for key, value in section.items()})
    chosen = {"content": content, "templates": templates, "output": output}
    resolved = {key: chosen[key] or root / value for key, value in paths.items()}
    return Project(resolved["content"], resolved["templates"], resolved["output"])
