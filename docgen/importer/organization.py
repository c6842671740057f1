"""Write the organization's org.yaml for imported documents: a new one, commented as the
bundled ones are, or the existing text extended with the people, roles and departments
the Word files name. An existing file is edited in place (docgen.control.yaml_edit), so
that the user's comments, order and quoting survive; names and the prefix already there
are never changed.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from yaml import MappingNode, ScalarNode, SequenceNode

from docgen.catalogue import import_files as said
from docgen.content.yaml_source import parse_yaml
from docgen.control.yaml_edit import YamlText, scalar
from docgen.i18n import ENGLISH
from docgen.importer.yaml_text import document_yaml
from docgen.messages import Message, render_text

SIGN_ORDER = ("author", "reviewer", "approver")
_PATH = Path("org.yaml")


def derive_org_key(company: str, prefix: str) -> str:
    """Return the folder name of an organization's content: its prefix in lower case
    (YNTD -> yntd), or "org" when the prefix gives no usable name."""
    key = re.sub(r"[^a-z0-9_-]+", "-", prefix.strip().lower()).strip("-")
    return key or "org"


def organization_conflicts(existing: str, company: str, prefix: str) -> list[Message]:
    """Return what the existing org.yaml says otherwise than the Word files: another
    company name or another document-number prefix."""
    data = parse_yaml(existing, _PATH).data
    data = data if isinstance(data, dict) else {}
    found = []
    name, known_prefix = data.get("name"), data.get("prefix")
    if company and isinstance(name, str) and name.strip() and name.strip() != company.strip():
        found.append(said.ORG_COMPANY_DIFFERS(existing=name, found=company))
    if prefix and isinstance(known_prefix, str) and known_prefix.strip() \
            and known_prefix.strip().upper() != prefix.strip().upper():
        found.append(said.ORG_PREFIX_DIFFERS(existing=known_prefix, found=prefix))
    return found


def organization_yaml(existing: str | None, company: str, prefix: str,
                      people: dict[str, set[str]], departments: list[str], style: dict,
                      template: str, *, language: str = ENGLISH) -> str:
    """Return org.yaml's text: a new one when `existing` is None, else `existing` with the
    people (and the roles each signed in), and the departments, it does not list yet."""
    if existing is None:
        return _new(company, prefix, people, departments, style, template, language)
    editor = _OrgText(existing, _PATH)
    data = parse_yaml(existing, _PATH).data
    known_departments = {str(item.get("name", "")).strip() for item in
                         _items(data, "departments")}
    for department in departments:
        if department.strip() and department.strip() not in known_departments:
            editor.append_mapping("departments", {"name": department})
            known_departments.add(department.strip())
    listed = [str(item.get("name", "")).strip() for item in _items(data, "people")]
    for name, roles in people.items():
        ordered = [role for role in SIGN_ORDER if role in roles]
        if name.strip() in listed:
            editor.add_signs(listed.index(name.strip()), ordered)
        else:
            editor.append_mapping("people", {"name": name, "signs": ordered})
    return editor.text if not editor.bom else "\ufeff" + editor.text


def _items(data: object, key: str) -> list[dict]:
    items = data.get(key) if isinstance(data, dict) else None
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _comment(message: Message, language: str) -> list[str]:
    text = render_text(message, language)
    return ["# " + line for line in textwrap.wrap(text, 88)]


def _new(company: str, prefix: str, people: dict[str, set[str]], departments: list[str],
         style: dict, template: str, language: str) -> str:
    lines = _comment(said.ORG_HEADER(company=company), language)
    lines += ["", f"name: {scalar(company)}", f"prefix: {scalar(prefix)}"]
    if template:
        lines += ["", *_comment(said.ORG_TEMPLATE(), language), f"template: {scalar(template)}"]
    if style:
        text, _lines = document_yaml({"style": style}, [], language)
        lines += ["", *_comment(said.ORG_STYLE(), language), *text.splitlines()]
    lines += ["", *_comment(said.ORG_DEPARTMENTS(), language)]
    unique = list(dict.fromkeys(name.strip() for name in departments if name.strip()))
    lines += ["departments:", *(f"  - name: {scalar(name)}" for name in unique)] \
        if unique else ["departments: []"]
    lines += ["", *_comment(said.ORG_PEOPLE(), language)]
    lines += ["people:"] if people else ["people: []"]
    for name, roles in people.items():
        lines.append(f"  - name: {scalar(name)}")
        signs = [role for role in SIGN_ORDER if role in roles]
        if signs:
            lines.append(f"    signs: [{', '.join(signs)}]")
    return "\n".join(lines) + "\n"


class _OrgText(YamlText):
    """org.yaml's text, with the edits an import makes to it."""

    def append_mapping(self, key: str, item: dict[str, str | list[str]]) -> None:
        """Add `item` at the end of the top-level list `key` (made when missing), in the
        style of the list's last item."""
        found = self._top_level(key)
        if found is None or (isinstance(found[1], ScalarNode) and not found[1].value):
            if found is not None:  # "people:" with nothing after it
                self._drop_line(found[0])
            self._insert_at_line_start(len(self.text), [f"{key}:", *self._block(item, 2)])
            return
        _key, sequence = found
        if isinstance(sequence, SequenceNode) and sequence.flow_style and not sequence.value:
            # people: [] -> a block list of one item
            self.text = (self.text[:sequence.start_mark.index].rstrip(" ") + self.newline
                         + self.newline.join(self._block(item, 2))
                         + self.text[sequence.end_mark.index:])
            return
        if not isinstance(sequence, SequenceNode) or not sequence.value:
            return
        last = sequence.value[-1]
        dash = self._dash_column(last)
        if isinstance(last, MappingNode) and last.flow_style:
            fields = ", ".join(f"{name}: {_flow(value)}" for name, value in item.items())
            lines = [" " * dash + "- {" + fields + "}"]
        else:
            lines = self._block(item, dash, last.start_mark.column
                                if isinstance(last, MappingNode) else dash + 2)
        self._insert_at_line_start(self._content_end_offset(last), lines)

    def _block(self, item: dict[str, str | list[str]], dash: int,
               indent: int | None = None) -> list[str]:
        indent = indent if indent is not None and indent > dash else dash + 2
        lines = []
        for position, (name, value) in enumerate(item.items()):
            lead = " " * dash + "-" + " " * (indent - dash - 1) if position == 0 \
                else " " * indent
            lines.append(f"{lead}{name}: {_flow(value)}")
        return lines

    def _drop_line(self, key: ScalarNode) -> None:
        start = self._line_start_at(key.start_mark.index)
        end = self.text.find("\n", start)
        self.text = self.text[:start] + (self.text[end + 1:] if end >= 0 else "")

    def add_signs(self, index: int, roles: list[str]) -> None:
        """Add the roles the person at `index` of `people` does not sign in yet."""
        found = self._top_level("people")
        if found is None or not isinstance(found[1], SequenceNode):
            return
        person = found[1].value[index]
        if not isinstance(person, MappingNode):
            return
        signs = next((value for key, value in person.value if key.value == "signs"), None)
        have = [node.value for node in signs.value] if isinstance(signs, SequenceNode) else []
        missing = [role for role in roles if role not in have]
        if not missing:
            return
        if isinstance(signs, SequenceNode) and signs.flow_style:
            at = signs.end_mark.index - 1  # the closing ]
            added = (", " if signs.value else "") + ", ".join(missing)
            self.text = self.text[:at].rstrip() + added + self.text[at:]
        elif isinstance(signs, SequenceNode) and signs.value:
            dash = self._dash_column(signs.value[-1])
            self._insert_at_line_start(self._content_end_offset(signs),
                                       [" " * dash + f"- {role}" for role in missing])
        elif person.flow_style:
            at = person.end_mark.index - 1  # the closing }
            self.text = (self.text[:at].rstrip() + f", signs: [{', '.join(missing)}]"
                         + self.text[at:])
        else:
            if signs is not None:
                return  # signs written some other way: left for the user
            self._insert_at_line_start(self._content_end_offset(person), [
                " " * person.start_mark.column + f"signs: [{', '.join(missing)}]"])


def _flow(value: str | list[str]) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(scalar(item, flow=True) for item in value) + "]"
    return scalar(value, flow=True)
