"""Extract every sentence docgen shows into docgen/locale/docgen.pot, bring the Chinese
catalog (docgen.po) up to date with it, and compile that into docgen.mo.

    python scripts/extract_messages.py        (make messages)

What is extracted:
- every entry of docgen's catalogue (docgen.catalogue): its sentence, and its plural
  form, under its code as the context; its hint without one (the same hint under two
  codes is translated once);
- the help of docgen's commands and options, their metavars and the usage pieces click
  writes without gettext, read from the click command objects;
- click's own words, extracted from the installed click's source (keywords _ and
  ngettext), as its help and usage errors go through the same gettext domain.

A new entry in the catalogue needs only this script and its translation in docgen.po;
tests fail while an entry is missing, untranslated or fuzzy, or when this script would
change the committed files.
"""

from __future__ import annotations

import importlib
import io
import pkgutil
import sys
from collections.abc import Iterator
from pathlib import Path

import click
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import docgen.catalogue  # noqa: E402
from docgen import __version__  # noqa: E402
from docgen.cli_i18n import (  # noqa: E402
    OPTIONS_METAVAR,
    REQUIRED,
    SUBCOMMAND_METAVAR,
    help_text,
)
from docgen.i18n import DOMAIN, LOCALE_DIR, LOCALES  # noqa: E402
from docgen.messages import MessageType  # noqa: E402

TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
CLICK_KEYWORDS = {"_": None, "ngettext": (1, 2)}
HEADER = ("# {what} docgen's messages (every sentence it shows a person).\n"
          "# Made by scripts/extract_messages.py (make messages): translate the msgstr\n"
          "# lines; keep {{placeholders}}, rule ids, keys and paths as they are.\n#")


def catalog_file(language: str, suffix: str) -> Path:
    """Return the path of `language`'s catalog, .po or .mo."""
    return LOCALE_DIR / LOCALES[language] / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def catalogue_entries() -> Iterator[tuple[str, MessageType]]:
    """Yield (module file, message type) for each entry the catalogue modules define,
    found in their names, dicts and lists (entries a test defines are not among them)."""
    seen: set[str] = set()
    for module_info in sorted(pkgutil.iter_modules(docgen.catalogue.__path__),
                              key=lambda info: info.name):
        module = importlib.import_module(f"docgen.catalogue.{module_info.name}")
        where = f"docgen/catalogue/{module_info.name}.py"
        found = [value for value in vars(module).values()]
        while found:
            value = found.pop(0)
            if isinstance(value, dict):
                found[:0] = list(value.values())
            elif isinstance(value, list | tuple):
                found[:0] = list(value)
            elif isinstance(value, MessageType) and value.code not in seen:
                seen.add(value.code)
                yield where, value


def command_texts() -> Iterator[tuple[str, str]]:
    """Yield (where, text) for the help of docgen's commands and options, their metavars
    and the usage pieces click writes itself."""
    from docgen.cli import main

    yield "docgen/cli_i18n.py", OPTIONS_METAVAR
    yield "docgen/cli_i18n.py", SUBCOMMAND_METAVAR
    yield "docgen/cli_i18n.py", REQUIRED
    commands = [("docgen", main)] + [(f"docgen {name}", command)
                                     for name, command in sorted(main.commands.items())]
    for name, command in commands:
        ctx = click.Context(command, info_name=name)
        if command.help:
            yield name, help_text(command.help)
        for param in command.params:
            if isinstance(param, click.Option) and param.help:
                yield f"{name} {param.opts[0]}", help_text(param.help)
            if param.metavar or isinstance(param, click.Argument):
                yield f"{name} {param.human_readable_name}", param.make_metavar(ctx)


def click_texts() -> Iterator[tuple[str, str | tuple[str, str]]]:
    """Yield (file, message id) for click's own words."""
    folder = Path(click.__file__).parent
    for filename, _line, message, _comments, _context in extract_from_dir(
            str(folder), method_map=[("**.py", "python")], keywords=CLICK_KEYWORDS):
        yield f"click/{filename}", message


def template() -> Catalog:
    """Return the template of docgen's catalogs: every message id, with where it comes
    from as a comment for the translator."""
    catalog = Catalog(project="docgen", version=__version__, charset="utf-8", fuzzy=False,
                      header_comment=HEADER.format(what="Template of"))
    for where, maker in catalogue_entries():
        entry = maker.entry
        message_id = (entry.text, entry.plural) if entry.count else entry.text
        catalog.add(message_id, context=entry.code, auto_comments=[where])
        if entry.hint:
            catalog.add(entry.hint, auto_comments=[f"hint of {entry.code}"])
    for where, text in command_texts():
        catalog.add(text, auto_comments=[f"help: {where}"])
    for where, message_id in click_texts():
        catalog.add(message_id, auto_comments=[where])
    return catalog


def po_text(catalog: Catalog) -> str:
    """Return `catalog` as a .po file."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=96, omit_header=False, ignore_obsolete=True,
             include_lineno=False)
    return buffer.getvalue().decode("utf-8")


def without_dates(text: str) -> str:
    """Return a .po file's text without the dates that change on every extraction."""
    return "".join(line for line in text.splitlines(keepends=True)
                   if not line.startswith(('"POT-Creation-Date:', '"PO-Revision-Date:')))


def updated(language: str, fresh: Catalog) -> Catalog:
    """Return `language`'s catalog brought up to date with the template `fresh`: new
    message ids untranslated, changed ones fuzzy with their old translation."""
    path = catalog_file(language, ".po")
    if path.exists():
        with path.open("rb") as file:
            catalog = read_po(file, locale=LOCALES[language], domain=DOMAIN)
    else:
        catalog = Catalog(locale=LOCALES[language], domain=DOMAIN, project="docgen",
                          version=__version__, fuzzy=False,
                          header_comment=HEADER.format(what=f"{LOCALES[language]} translation of"))
    catalog.update(fresh, update_header_comment=False)
    return catalog


def compiled(catalog: Catalog) -> bytes:
    """Return `catalog` compiled as a .mo file (fuzzy entries left out)."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def read_catalog(language: str) -> Catalog:
    """Return `language`'s committed catalog."""
    with catalog_file(language, ".po").open("rb") as file:
        return read_po(file, locale=LOCALES[language], domain=DOMAIN)


def _write(path: Path, content: str | bytes) -> None:
    """Write `content` to `path` unless the file already says it (dates aside)."""
    if isinstance(content, str):
        if path.exists() and without_dates(path.read_text("utf-8")) == without_dates(content):
            return
        content = content.encode("utf-8")
    if not path.exists() or path.read_bytes() != content:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        print(f"wrote {path.relative_to(REPO)}")


def main() -> None:
    fresh = template()
    _write(TEMPLATE, po_text(fresh))
    for language in LOCALES:
        catalog = updated(language, fresh)
        _write(catalog_file(language, ".po"), po_text(catalog))
        _write(catalog_file(language, ".mo"), compiled(read_catalog(language)))
        missing = [message.id for message in catalog
                   if message.id and (not message.string or message.fuzzy)]
        if missing:
            print(f"{len(missing)} message(s) to translate in "
                  f"{catalog_file(language, '.po').relative_to(REPO)}")


if __name__ == "__main__":
    main()
