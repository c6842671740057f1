"""Write a new organization's folder from a preset's text templates.

The files are made from the templates beside this module (string.Template, `$name`),
never by dumping data: their comments explain each key and must survive. Before
anything is written, each text is loaded as docgen loads content; then the files go to
a hidden folder next to the new one, which is renamed into place, so that a failure
leaves no half-made organization behind.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import secrets
import shutil
import string
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from docgen.catalogue import scaffold as said
from docgen.content.loader import ORG_FILE
from docgen.content.schema import DEFAULT_TEMPLATE, PREFIX_PATTERN, Document, Organization
from docgen.content.validation import validate
from docgen.content.yaml_source import parse_yaml, read_yaml_file
from docgen.control.content_files import check_option_text, verify_content
from docgen.errors import ContentError, UsageError
from docgen.output import file_name_fits
from docgen.project import Project
from docgen.scaffold import DEFAULT_PRESET, PRESETS

# A folder name that reads the same on every system and in a shell: no spaces, no dots.
_ORG_KEY = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*")
# The schema's rule for a prefix (Organization.prefix).
_PREFIX = re.compile(PREFIX_PATTERN)
# A name that may be written without quotes, if YAML reads it back as it is.
_PLAIN_NAME = re.compile(r"[\w\u3000-\u303f\uff01-\uff5e·（）()]+(?: [\w（）()]+)*")
# The version of the first document, which its file names must have room for.
_FIRST_VERSION = "V1.0"


@dataclass(frozen=True)
class NewOrganization:
    """What `new` made: the organization's folder, its files and the template it uses."""

    folder: Path
    org_file: Path
    document: Path
    template: str
    template_found: bool
    """Whether the template is in the project's templates folder."""

    @property
    def files(self) -> list[Path]:
        """The files written, org.yaml first."""
        return [self.org_file, self.document]


def default_prefix(org: str) -> str:
    """Return the prefix `org` gives: its letters and digits, upper-cased (acme-it: ACMEIT)."""
    return re.sub(r"[^A-Z0-9]", "", org.upper())


def scaffold_texts(org: str, preset: str, *, name: str, prefix: str,
                   today: dt.date) -> dict[str, str]:
    """Return the files of a new organization in `preset`'s style, by file name."""
    number = f"{prefix}-{PRESETS[preset]}"
    values = {"name": _yaml_text(name), "prefix": prefix, "style": preset,
              "number": number, "today": today.isoformat(), "org": org}
    values["house_style"] = _template(f"presets/{preset}.style.yaml").substitute(values)
    return {ORG_FILE: _template(ORG_FILE).substitute(values),
            f"{number}.yaml": _template(f"presets/{preset}.yaml").substitute(values)}


def new_organization(project: Project, org: str, preset: str = DEFAULT_PRESET, *,
                     name: str | None = None, prefix: str | None = None,
                     today: dt.date | None = None) -> NewOrganization:
    """Write a new organization `org` in `preset`'s style into the content folder; return
    what was written. Raise UsageError, writing nothing, if it cannot be made."""
    if not _ORG_KEY.fullmatch(org):
        raise UsageError(said.BAD_ORG(org=org))
    if name is not None:
        check_option_text("--name", name)
        if not name.strip():
            raise UsageError(said.EMPTY_NAME())
    if prefix is None:
        prefix = default_prefix(org)
        if not _PREFIX.fullmatch(prefix):
            raise UsageError(said.NO_PREFIX(org=org, prefix=prefix))
    elif not _PREFIX.fullmatch(prefix):
        raise UsageError(said.BAD_PREFIX(prefix=prefix))
    if not file_name_fits(f"{prefix}-{PRESETS[preset]}", _FIRST_VERSION):
        raise UsageError(said.PREFIX_TOO_LONG(prefix=prefix))
    folder = project.content / org
    _refuse_existing(folder)
    _refuse_taken_prefix(project.content, folder, prefix)
    texts = scaffold_texts(org, preset, name=(name or org).strip(), prefix=prefix,
                           today=today or dt.date.today())
    organization = _verified(folder, texts)
    _write_folder(project.content, folder, texts)
    template = organization.template or DEFAULT_TEMPLATE
    [document] = [folder / file_name for file_name in texts if file_name != ORG_FILE]
    return NewOrganization(folder, folder / ORG_FILE, document, template,
                           (project.templates / f"{template}.docx").is_file())


def _template(name: str) -> string.Template:
    """Return the text template `name` of this package (org.yaml, presets/...)."""
    text = resources.files("docgen.scaffold").joinpath(name).read_text(encoding="utf-8")
    return string.Template(text)


def _yaml_text(value: str) -> str:
    """Return `value` as a YAML scalar that reads back as the same text: as it is where
    it can be (most company names), else quoted."""
    if _PLAIN_NAME.fullmatch(value):
        try:
            if parse_yaml(f"name: {value}\n", Path(ORG_FILE)).data == {"name": value}:
                return value
        except ContentError:
            pass
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML one


def _refuse_existing(folder: Path) -> None:
    """Raise UsageError if `folder` is anything but absent or an empty folder."""
    if not os.path.lexists(folder):
        return
    if folder.is_symlink() or not folder.is_dir() or any(folder.iterdir()):
        raise UsageError(said.EXISTS(folder=str(folder)))


def _refuse_taken_prefix(content: Path, folder: Path, prefix: str) -> None:
    """Raise UsageError if another organization under `content` uses `prefix`.

    An org.yaml that cannot be read is passed over: build and check report it.
    """
    if not content.is_dir():
        return
    for other in sorted(content.iterdir()):
        org_file = other / ORG_FILE
        if other == folder or other.name.startswith(".") or not org_file.is_file():
            continue
        try:
            data = read_yaml_file(org_file).data
        except ContentError:
            continue
        if isinstance(data, dict) and data.get("prefix") == prefix:
            raise UsageError(said.PREFIX_TAKEN(prefix=prefix, org=other.name,
                                               file=str(org_file)))


def _verified(folder: Path, texts: dict[str, str]) -> Organization:
    """Return the organization of `texts` once every text loads as docgen loads content."""
    for file_name, text in texts.items():
        verify_content(folder / file_name, text.encode("utf-8"),
                       Organization if file_name == ORG_FILE else Document)
    return validate(Organization, parse_yaml(texts[ORG_FILE], folder / ORG_FILE))


def _write_folder(content: Path, folder: Path, texts: dict[str, str]) -> None:
    """Write `texts` into a hidden folder in `content`, then rename it to `folder`."""
    staging: Path | None = None
    try:
        content.mkdir(parents=True, exist_ok=True)
        staging = content / f".new-{secrets.token_hex(4)}"  # hidden: the loader passes it by
        staging.mkdir()
        for file_name, text in texts.items():
            with open(staging / file_name, "x", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
        if folder.is_dir():  # empty: _refuse_existing let it pass
            folder.rmdir()
        os.rename(staging, folder)
        staging = None
    except OSError as error:
        raise UsageError(said.CANNOT_WRITE(folder=str(folder),
                                           reason=error.strerror or str(error))) from None
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
