"""The org.yaml an import makes of the Word files of one organization: who signed them,
the departments they name, the house style they are written in (with what was guessed
about it), and the signoff their revision tables keep.

docgen import writes it; docgen check FILE.docx checks a Word file with it when the
project has no organization of the file's prefix.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence

from docgen.catalogue.import_files import YAML_GUESS
from docgen.importer.assemble import ImportedDocument
from docgen.importer.model import Guess
from docgen.messages import Message, render_text

# A comment line of org.yaml, as docgen's other comments are: at most this wide.
_WIDTH = 88


def new_organization_yaml(members: Sequence[ImportedDocument], language: str) -> str:
    """Return the org.yaml of a new organization made from the documents `members` (of
    one prefix): their company, everyone who signed them and the departments they name,
    the house style and template of the first, and the signoff their revision rows keep."""
    text, _guesses = new_organization_file(members, language)
    return text


def new_organization_file(members: Sequence[ImportedDocument], language: str
                          ) -> tuple[str, list[tuple[int, Message]]]:
    """Return the new org.yaml of `members`, with what the import guessed about the house
    style written above the settings; and those guesses by line."""
    from docgen.importer.organization import organization_yaml

    first = members[0]
    people, departments = signers_and_departments(members)
    text = organization_yaml(None, first.company or first.prefix, first.prefix, people,
                             departments, first.style, str(first.data.get("template") or ""),
                             language=language)
    return _with_style_guesses(text + _signoff(members), style_guesses(first), language)


def style_guesses(document: ImportedDocument) -> list[Guess]:
    """Return what the import guessed about the house style of `document`."""
    return [guess for guess in document.guesses if guess.path[:1] == ("style",)]


def signers_and_departments(members: Sequence[ImportedDocument]
                            ) -> tuple[dict[str, set[str]], list[str]]:
    """Return who signed `members` in which roles, and the departments they name."""
    people: dict[str, set[str]] = {}
    departments: list[str] = []
    for document in members:
        for name, roles in document.people.items():
            people.setdefault(name, set()).update(roles)
        departments += [d for d in document.departments if d not in departments]
    return people, departments


def _signoff(members: Sequence[ImportedDocument]) -> str:
    """Return org.yaml's `signoff:` when the originals' revision rows leave out a signer
    (a 修订记录 of 日期/版本/变更说明/批准人 names only the approver); else ""."""
    rows = [row for document in members
            for row in document.data["revisions"]]  # type: ignore[union-attr]
    required = [role for role in ("author", "reviewer", "approver")
                if role == "approver" or all(row.get(role) for row in rows)]
    if len(required) == 3:
        return ""
    return f"\nsignoff:\n  required: [{', '.join(required)}]\n"


def _with_style_guesses(text: str, guesses: Sequence[Guess], language: str
                        ) -> tuple[str, list[tuple[int, Message]]]:
    """Return org.yaml's `text` with each guess about a style setting as a comment above
    the setting (or above `style:`), and the guesses by the line of their setting."""
    lines = text.split("\n")
    placed: list[tuple[int, Message]] = []
    for guess in guesses:
        at = _setting_line(lines, guess.path[1:2])
        if at is None:
            continue
        indent = re.match(r"\s*", lines[at]).group()  # type: ignore[union-attr]
        comment = render_text(YAML_GUESS(what=guess.what), language)
        wrapped = [indent + "# " + part
                   for part in textwrap.wrap(comment, _WIDTH - len(indent) - 2)]
        lines[at:at] = wrapped
        placed = [(line + len(wrapped) if line > at else line, what) for line, what in placed]
        placed.append((at + len(wrapped) + 1, guess.what))
    return "\n".join(lines), sorted(placed, key=lambda item: item[0])


def _setting_line(lines: list[str], key: tuple[object, ...]) -> int | None:
    """Return the index of the line of the style setting `key` (of `style:` when `key` is
    empty or not written)."""
    try:
        start = lines.index("style:")
    except ValueError:
        return None
    for index in range(start + 1, len(lines)):
        if not lines[index].startswith(" "):
            break
        if key and lines[index].startswith(f"  {key[0]}:"):
            return index
    return start
