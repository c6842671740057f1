"""Messages as data: a stable code and named parameters, made into sentences at the edges.

The library never writes a sentence for a person. A finding, an error or a summary
carries a `Message`: the code of a catalogue entry and the values it names. The
catalogue (docgen.catalogue) holds every sentence whole, with named placeholders, so
that a translation can reorder them; report.py and the other edges render messages
with `render`. Nothing branches on a message's text: code compares codes and values.

    TARGET_MISMATCH = define(
        "kpi.target-mismatch",
        "{kpi} has the target {here} here, but {there} in {reference}",
        hint="state the KPI once and cite it, or make every statement agree")
    ...
    yield Defect(document.number, where, TARGET_MISMATCH(kpi=..., here=..., ...))

Placeholders are str.format fields with two additions: a list value is joined with the
format spec as separator ({known:, } or {departments:、}), and the conversion !q quotes
a value the user wrote ('{name!q}' gives 'name' with its quotes, so an empty or
space-padded value shows; “name” in Chinese). Plural forms are chosen by a count
parameter. A parameter may itself be a message, or a list of them: a counted noun
("3 errors") inside a summary, or the items of a list, each rendered from its own catalogue entry.

A message renders in a language: the English sentences are the message ids of the
gettext catalogs (docgen.i18n), each sentence under its code as the context, each hint
as it is. A parameter that is a message renders in the same language.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from docgen.i18n import CHINESE, ENGLISH, translations


@dataclass(frozen=True)
class Message:
    """A message to show: the code of its catalogue entry, and the values it names."""

    code: str
    params: Mapping[str, Param] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted((key, _hashable(value))
                                             for key, value in self.params.items()))))

    def as_json(self) -> dict[str, object]:
        """Return the message as JSON data (dates tagged, so that they come back as dates)."""
        return {"code": self.code,
                "params": {key: _to_json(value) for key, value in self.params.items()}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Message:
        """Return the message `as_json` gave `data` for."""
        params = data["params"]
        if not isinstance(data["code"], str) or not isinstance(params, dict):
            raise ValueError("not a message")
        return cls(data["code"], {str(key): _from_json(value) for key, value in params.items()})


# What a parameter may be: plain values that survive a round trip through JSON (the
# build manifest caches findings as codes and parameters), dates, and messages.
Param = str | int | float | bool | None | dt.date | list[Any] | tuple[Any, ...] | Message


def _hashable(value: Any) -> Any:
    return tuple(_hashable(item) for item in value) if isinstance(value, list | tuple) else value


def _to_json(value: Any) -> Any:
    if isinstance(value, Message):
        return {"message": value.as_json()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, list | tuple):
        return [_to_json(item) for item in value]
    return value


def _from_json(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"date"}:
        return dt.date.fromisoformat(value["date"])
    if isinstance(value, dict) and set(value) == {"message"}:
        return Message.from_json(value["message"])
    if isinstance(value, list):
        return [_from_json(item) for item in value]
    return value


@dataclass(frozen=True)
class Entry:
    """One catalogue entry: the sentence and its hint, in English, with placeholders.

    With `count`, `text` is the singular and `plural` the plural form, chosen by the
    parameter named `count`.
    """

    code: str
    text: str
    hint: str = ""
    plural: str = ""
    count: str = ""

    def fields(self) -> set[str]:
        """Return the names of the parameters the entry's sentences use."""
        names = set()
        for template in (self.text, self.hint, self.plural):
            for _literal, name, _spec, _conversion in string.Formatter().parse(template):
                if name:
                    names.add(re.split(r"[.\[]", name)[0])
        if self.count:
            names.add(self.count)
        return names


CATALOGUE: dict[str, Entry] = {}


class MessageType:
    """A catalogue entry that makes messages: TARGET_MISMATCH(kpi=..., here=...)."""

    def __init__(self, entry: Entry):
        self.entry = entry
        self.code = entry.code
        self._fields = entry.fields()

    def __call__(self, **params: Param) -> Message:
        missing = self._fields - set(params)
        unknown = set(params) - self._fields
        if missing or unknown:
            raise TypeError(f"message {self.code}: missing {sorted(missing)}, "
                            f"unknown {sorted(unknown)}")
        return Message(self.code, params)

    def __repr__(self) -> str:
        return f"MessageType({self.code!r})"


def define(code: str, text: str, hint: str = "", *, plural: str = "", count: str = ""
           ) -> MessageType:
    """Add a sentence (and its hint) to the catalogue under `code`; return its maker."""
    if code in CATALOGUE:
        raise ValueError(f"message {code} is defined twice")
    if bool(plural) != bool(count):
        raise ValueError(f"message {code}: a plural form needs its count, and the reverse")
    entry = Entry(code, text, hint, plural, count)
    CATALOGUE[code] = entry
    return MessageType(entry)


# How !q quotes a value the user wrote, by language.
_QUOTES = {CHINESE: ("\u201c", "\u201d")}


class _Formatter(string.Formatter):
    """str.format, with lists joined by the format spec, !q quoting a value and messages
    rendered, all in one language."""

    def __init__(self, language: str):
        self.language = language
        self.quotes = _QUOTES.get(language, ("'", "'"))

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "q":
            return f"{self.quotes[0]}{value}{self.quotes[1]}"
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Message):
            return render_text(value, self.language)
        if isinstance(value, list | tuple):
            return format_spec.join(self.format_field(item, "") for item in value)
        if isinstance(value, dt.date) and not format_spec:
            return value.isoformat()
        return super().format_field(value, format_spec)


def render(message: Message, language: str = ENGLISH) -> tuple[str, str]:
    """Return the sentence and the hint of `message` in `language` (the hint may be "")."""
    entry = _entry(message.code)
    catalog = translations(language)
    if entry.count:
        count = message.params.get(entry.count)
        template = catalog.npgettext(entry.code, entry.text, entry.plural,
                                     count if isinstance(count, int) else 0)
    else:
        template = catalog.pgettext(entry.code, entry.text)
    formatter = _Formatter(language)
    params = dict(message.params)
    text = formatter.vformat(template, (), params)
    hint = formatter.vformat(catalog.gettext(entry.hint), (), params) if entry.hint else ""
    return text, hint


def render_text(message: Message, language: str = ENGLISH) -> str:
    """Return the sentence of `message` in `language`."""
    return render(message, language)[0]


def _entry(code: str) -> Entry:
    if code not in CATALOGUE:
        # A message read back from the manifest may come before the module that defines
        # it was imported: importing the whole catalogue defines every entry.
        import docgen.catalogue  # noqa: F401
    try:
        return CATALOGUE[code]
    except KeyError:
        raise LookupError(f"no message {code} in the catalogue") from None
