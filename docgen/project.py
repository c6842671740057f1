"""Where a project keeps its content, templates and output.

Defaults are ./content, ./templates/docx and ./output; a docgen.toml in the project
folder may change them, and command-line options override both:

    [paths]
    content = "content"
    templates = "templates/docx"
    output = "output"

and `language = "zh"` (or "en"), at the top, sets the language docgen speaks there
whatever the locale; `--lang` overrides it.

The file is checked as content is: every problem is reported with its line and
column, what is wrong and what to do.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from docgen.catalogue import loading as said
from docgen.catalogue.language import LANGUAGE_UNKNOWN
from docgen.errors import ContentError, Location, Problem, UsageError
from docgen.i18n import ENGLISH, LANGUAGES
from docgen.messages import Message

CONFIG_FILE = "docgen.toml"
DEFAULTS = {"content": "content", "templates": "templates/docx", "output": "output"}
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


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
    if config.exists():
        paths.update(read_config(config))
    chosen = {"content": content, "templates": templates, "output": output}
    resolved = {key: chosen[key] or root / value for key, value in paths.items()}
    project = Project(resolved["content"], resolved["templates"], resolved["output"])
    refuse_unsafe_output(project)
    return project


def configured_language(root: Path) -> str | None:
    """Return the language docgen.toml in `root` sets, if it sets one it knows.

    Read before the command line is parsed, so that help and usage errors speak it; a
    file that cannot be read says nothing here, and the command reports it later.
    """
    from docgen.files import read_regular_file

    try:
        data = tomllib.loads(read_regular_file(root / CONFIG_FILE).decode("utf-8-sig"))
    except (OSError, ValueError):  # a pipe or a device is never opened for reading here
        return None
    language = data.get("language")
    return language if language in LANGUAGES else None


def refuse_unsafe_output(project: Project) -> None:
    """Refuse an output folder that docgen could not own without harming other files.

    docgen replaces and removes files in its output folder: the folder must be one of
    its own, not the content, not a folder holding the content, not the file system's
    root or a home folder, and not a link that sends the output somewhere else.
    """
    output = project.output
    if output.is_symlink():
        raise UsageError(said.OUTPUT_IS_LINK(output=str(output), target=str(output.resolve())))
    target = output.resolve()
    try:
        home = Path.home().resolve()
    except (RuntimeError, KeyError):  # no home folder known
        home = None
    if target == Path(target.anchor) or target == home:
        raise UsageError(said.OUTPUT_NOT_ITS_OWN(output=str(output), target=str(target)))
    content = project.content.resolve()
    if target == content or content in target.parents or target in content.parents:
        raise UsageError(said.OUTPUT_OVERLAPS(output=str(output), content=str(project.content)))


def read_config(config: Path) -> dict[str, str]:
    """Return the [paths] settings of the configuration file `config`; raise
    ContentError naming every problem with its line and column."""
    from docgen.content.yaml_source import decode_utf8
    from docgen.files import NotARegularFile, read_regular_file

    try:
        text = decode_utf8(read_regular_file(config), config).removeprefix("\ufeff")
    except NotARegularFile as error:
        raise ContentError([Problem(Location(config), said.CONFIG_NOT_A_FILE(
            reason=error.what))]) from None
    except OSError as error:
        # The system's words for what is wrong: permission denied.
        raise ContentError([Problem(Location(config), said.CONFIG_CANNOT_READ(
            reason=error.strerror))]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = _TOML_POSITION.search(message)
        where = Location(config, int(found.group(1)), int(found.group(2))) if found \
            else Location(config)
        raise ContentError([Problem(where, said.TOML_SYNTAX(
            detail=_TOML_POSITION.sub("", message)))]) from None
    problems = [Problem(_key_location(config, text, None, key), said.UNKNOWN_TABLE(key=key))
                for key in data if key not in ("paths", "language")]
    if data.get("language", ENGLISH) not in LANGUAGES:
        problems.append(Problem(_key_location(config, text, None, "language", value=True),
                                LANGUAGE_UNKNOWN(value=str(data["language"]),
                                                 known=list(LANGUAGES))))
    section = data.get("paths", {})
    if not isinstance(section, dict):
        problems.append(Problem(_key_location(config, text, None, "paths", value=True),
                                said.PATHS_NOT_TABLE(found=_kind(section))))
        section = {}
    settings = {}
    for key, value in section.items():
        if key not in DEFAULTS:
            problems.append(Problem(_key_location(config, text, "paths", key),
                                    said.UNKNOWN_SETTING(key=key, allowed=list(DEFAULTS))))
        elif not isinstance(value, str) or not value.strip():
            shown = said.FOUND["empty-text"](value=repr(value)) if isinstance(value, str) \
                else _kind(value)
            problems.append(Problem(_key_location(config, text, "paths", key, value=True),
                                    said.NOT_A_FOLDER(key=key, found=shown,
                                                      default=DEFAULTS[key])))
        else:
            settings[key] = value
    if problems:
        raise ContentError(problems)
    return settings


def _kind(value: object) -> Message:
    """Return what a TOML value is, with the value, as a message: 'the number 3'."""
    if isinstance(value, bool):
        return said.FOUND["flag"](value=str(value).lower())
    if isinstance(value, int | float):
        return said.FOUND["number"](value=value)
    if isinstance(value, str):
        return said.FOUND["text"](value=value)
    if isinstance(value, list):
        return said.FOUND["list"]()
    if isinstance(value, dict):
        return said.FOUND["table"]()
    return said.FOUND["other"](value=type(value).__name__)


def _key_location(config: Path, text: str, table: str | None, key: str, *,
                  value: bool = False) -> Location:
    """Return where `key` (in `table`, or at the top) is written: the key's line and
    column, or its value's; the file alone if it cannot be found."""
    current: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"\s*\[\s*([^\]\s]+)\s*\]", line)
        if header:
            current = header.group(1)
            if current == key and table is None:
                return Location(config, number, line.index(key) + 1)
            continue
        for prefix in ([f"{table}."] if table and current is None else []) + [""]:
            wanted = f"{prefix}{key}"
            if (current == table or prefix) and (match := re.match(
                    rf"(\s*){re.escape(wanted)}\s*=\s*", line)):
                column = match.end() if value else len(match.group(1))
                return Location(config, number, column + 1)
    return Location(config)
