"""The command line in the chosen language: docgen's help texts, metavars and usage
pieces, translated when click formats them.

click's own words ("Usage:", "Options", "Show this message and exit.") go through the
standard library's default gettext domain; docgen's help texts and metavars go the same
way, from the same catalog, so that one installed domain (docgen.i18n.speaking) makes
the whole help speak one language. The English texts stay on the click objects: they are
the message ids, and what `make messages` extracts (scripts/extract_messages.py).
"""

from __future__ import annotations

import contextlib
import gettext
import inspect
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import click

from docgen.cli_format import WideContext
from docgen.i18n import ENGLISH, LANGUAGES, choose_language, speaking

# Usage pieces click writes itself, without gettext.
OPTIONS_METAVAR = "[OPTIONS]"
SUBCOMMAND_METAVAR = "COMMAND [ARGS]..."
# click's help marks a required option with this word, passed to gettext but never
# marked for extraction in click's source.
REQUIRED = "required"
# click's own words for its --help and --version options (in click's catalog): click
# translates them once, when it first makes the option, so docgen does it each time.
HELP_OPTION_HELP = "Show this message and exit."
VERSION_OPTION_HELP = "Show the version and exit."


def help_text(text: str | None) -> str:
    """Return the message id of a command's or option's help: the text as click shows it,
    without a docstring's indentation or what follows a form feed."""
    return inspect.cleandoc(text or "").partition("\f")[0]


@contextlib.contextmanager
def _translated_help(item: click.Command | click.Parameter) -> Iterator[None]:
    """Show `item` with its help in the installed language while the block runs."""
    original = item.help
    if original:
        item.help = gettext.gettext(help_text(original))
    try:
        yield
    finally:
        item.help = original


class TranslatedCommand(click.Command):
    """A command whose help and usage line speak the installed language."""

    context_class = WideContext

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _translated_help(self):
            super().format_help_text(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        translated = gettext.gettext(help_text(self.help))
        if not self.help or translated == help_text(self.help):
            return super().get_short_help_str(limit)
        # click shortens at the first '. '; a Chinese sentence ends with '。' and has
        # no spaces to break at: the first sentence is the short help.
        first = translated.split("\n\n")[0].replace("\n", "")
        return first.split("。")[0].rstrip("：:")

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = gettext.gettext(HELP_OPTION_HELP)
        return option

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return [gettext.gettext(piece) if piece in (OPTIONS_METAVAR, SUBCOMMAND_METAVAR)
                else piece for piece in super().collect_usage_pieces(ctx)]


class TranslatedOption(click.Option):
    """An option whose help and metavar (when docgen names one) speak the installed
    language."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        with _translated_help(self):
            return super().get_help_record(ctx)

    def make_metavar(self, ctx: click.Context) -> str:
        metavar = super().make_metavar(ctx)
        return gettext.gettext(metavar) if self.metavar else metavar


class TranslatedArgument(click.Argument):
    """An argument whose metavar ([NUMBERS]...) speaks the installed language."""

    def make_metavar(self, ctx: click.Context) -> str:
        return gettext.gettext(super().make_metavar(ctx))


class TranslatedGroup(TranslatedCommand, click.Group):
    """docgen's group of commands: chooses the language before it parses anything, and
    speaks it while the command runs. The command's context holds it as `obj`."""

    command_class = TranslatedCommand

    def main(self, args: Sequence[str] | None = None, *pieces: Any, **extra: Any) -> Any:
        arguments = list(sys.argv[1:] if args is None else args)
        language = choose_language(arguments, Path.cwd(), os.environ)
        extra.setdefault("obj", language)
        with speaking(language):
            return super().main(arguments, *pieces, **extra)


def language_of(ctx: click.Context | None = None) -> str:
    """Return the language the running command speaks (English outside a command)."""
    ctx = ctx or click.get_current_context(silent=True)
    language = ctx.find_root().obj if ctx is not None else None
    return language if language in LANGUAGES else ENGLISH


LANG_HELP = ("Language of the messages: zh (Chinese) or en (English). Default: "
             "language in docgen.toml, else the locale (LANG).")


def language_choice(command: Any) -> Any:
    """Add --lang to a command: read before parsing (TranslatedGroup), listed in help."""
    return click.option("--lang", type=click.Choice(LANGUAGES), expose_value=False,
                        cls=TranslatedOption, help=LANG_HELP)(command)
