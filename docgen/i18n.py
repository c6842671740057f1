"""Which language docgen speaks, and the compiled catalogs that hold its translations.

English is the language of the catalogue itself (docgen.catalogue): its sentences are
the message ids. Chinese comes from docgen/locale/zh_CN/LC_MESSAGES/docgen.mo, compiled
from docgen.po (`make messages` extracts, updates and compiles it).

The program chooses the language once, at its start: `--lang`, else `language` in
docgen.toml, else the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as GNU gettext
reads them), else English. The library takes it as a parameter; only click's own words
("Usage:", "Error: No such option") need the process-wide gettext domain, which
`speaking` installs while a command line runs.
"""

from __future__ import annotations

import contextlib
import functools
import gettext
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

ENGLISH = "en"
CHINESE = "zh"
LANGUAGES = (CHINESE, ENGLISH)
DOMAIN = "docgen"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
# The catalog's folder under LOCALE_DIR, by language (English needs none).
LOCALES = {CHINESE: "zh_CN"}
# The variables GNU gettext reads, in its order: the first one set decides.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@functools.cache
def translations(language: str) -> gettext.NullTranslations:
    """Return the catalog of `language`: English (and any language without a catalog)
    gives the message ids themselves."""
    if language not in LOCALES:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[LOCALES[language]],
                               fallback=True)


def language_of_locale(environ: Mapping[str, str]) -> str:
    """Return the language the locale variables ask for: zh for zh_CN.UTF-8, zh_TW,
    zh; English for anything else, and when none is set."""
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if value:
            # LANGUAGE may list several (zh_CN:en): the first is the one preferred.
            first = value.split(":")[0].strip().lower()
            return CHINESE if first.startswith("zh") else ENGLISH
    return ENGLISH


def language_option(args: Sequence[str]) -> str | None:
    """Return the language `--lang zh` or `--lang=zh` asks for among `args`, if any.

    The command line is read before click parses it: click formats its help and its
    usage errors while parsing, and must speak the language by then. A value that is not
    a language is left for click to reject.
    """
    for position, arg in enumerate(args):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and position + 1 < len(args):
            value = args[position + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGUAGES:
            return value
    return None


def choose_language(args: Sequence[str], root: Path,
                    environ: Mapping[str, str] | None = None) -> str:
    """Return the language to speak: `--lang` in `args`, else the project's docgen.toml
    (in `root`), else the locale."""
    from docgen.project import configured_language

    return (language_option(args) or configured_language(root)
            or language_of_locale(os.environ if environ is None else environ))


@contextlib.contextmanager
def speaking(language: str) -> Iterator[None]:
    """Let click's own words (and docgen's help texts) speak `language` while the block
    runs, through the standard library's default gettext domain; restore it after.

    click calls gettext.gettext, which reads the language from the environment on every
    call: LANGUAGE, which comes first, is set to the chosen language for the block.
    """
    previous_domain = gettext.textdomain()
    previous_directory = gettext.bindtextdomain(DOMAIN)
    previous_language = os.environ.get("LANGUAGE")
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = LOCALES.get(language, language)
    try:
        yield
    finally:
        if previous_language is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = previous_language
        gettext.textdomain(previous_domain)
        gettext.bindtextdomain(DOMAIN, previous_directory)
