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

from docgen.catalogue.language import LANGUAGE_UNKNOWN
from docgen.errors import ContentError, Location, Problem, UsageError
from docgen.i18n import ENGLISH, LANGUAGES

CONFIG_FILE = "docgen.toml"
DEFAULTS = {"content": "content", "templates": "templates/docx", "output": "output"}
_EXAMPLE = 'e.g. [paths] then content = "content" on the next line'
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
        raise UsageError(f"the output folder '{output}' is a link to "
                         f"'{output.resolve()}'",
                         "give the real folder with --output, or remove the link; docgen "
                         "does not write where a link leads")
    target = output.resolve()
    try:
        home = Path.home().resolve()
    except (RuntimeError, KeyError):  # no home folder known
        home = None
    if target == Path(target.anchor) or target == home:
        raise UsageError(f"the output folder '{output}' is {target}, not a folder of its own",
                         "give a folder for docgen's output, e.g. --output output")
    content = project.content.resolve()
    if target == content or content in target.parents or target in content.parents:
        raise UsageError(f"the output folder '{output}' overlaps the content folder "
                         f"'{project.content}'",
                         "keep them apart, e.g. --output output beside --content content: "
                         "docgen replaces and removes files in its output folder")


def read_config(config: Path) -> dict[str, str]:
    """Return the [paths] settings of the configuration file `config`; raise
    ContentError naming every problem with its line and column."""
    from docgen.content.yaml_source import decode_utf8
    from docgen.files import NotARegularFile, read_regular_file

    try:
        text = decode_utf8(read_regular_file(config), config).removeprefix("\ufeff")
    except NotARegularFile as error:
        raise ContentError([Problem(Location(config), f"cannot read the file: {error.strerror}",
                                    "docgen reads only regular files: put the configuration "
                                    "file itself in its place, or remove it")]) from None
    except OSError as error:
        raise ContentError([Problem(Location(config), f"cannot read the file: {error.strerror}",
                                    "check that the file is readable")]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = _TOML_POSITION.search(message)
        where = Location(config, int(found.group(1)), int(found.group(2))) if found \
            else Location(config)
        raise ContentError([Problem(where, f"TOML syntax error: {_TOML_POSITION.sub('', message)}",
                                    "fix the TOML syntax, or delete the file to use the "
                                    "default folders")]) from None
    problems = [Problem(_key_location(config, text, None, key), f"unknown key '{key}'",
                        "docgen.toml holds the table [paths] and the setting language")
                for key in data if key not in ("paths", "language")]
    if data.get("language", ENGLISH) not in LANGUAGES:
        problems.append(Problem(_key_location(config, text, None, "language", value=True),
                                LANGUAGE_UNKNOWN(value=str(data["language"]),
                                                 known=list(LANGUAGES))))
    section = data.get("paths", {})
    if not isinstance(section, dict):
        problems.append(Problem(_key_location(config, text, None, "paths", value=True),
                                f"'paths' must be a table of folders, found {_kind(section)}",
                                _EXAMPLE))
        section = {}
    settings = {}
    for key, value in section.items():
        if key not in DEFAULTS:
            problems.append(Problem(_key_location(config, text, "paths", key),
                                    f"unknown setting '{key}' in [paths]",
                                    "allowed: " + ", ".join(DEFAULTS)))
        elif not isinstance(value, str) or not value.strip():
            shown = f"the empty text {value!r}" if isinstance(value, str) else _kind(value)
            problems.append(Problem(_key_location(config, text, "paths", key, value=True),
                                    f"'{key}' must be a folder, in quotes, found {shown}",
                                    f'e.g. {key} = "{DEFAULTS[key]}"'))
        else:
            settings[key] = value
    if problems:
        raise ContentError(problems)
    return settings


def _kind(value: object) -> str:
    """Return what a TOML value is, in words, with the value: 'the number 3'."""
    if isinstance(value, bool):
        return f"the value {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return f"a {type(value).__name__}"


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
