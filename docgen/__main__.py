"""The docgen program: set up interrupts first, then run the command line.

Ctrl-C and SIGTERM end docgen the same way wherever they arrive, even while it is
still starting: temporary files are removed, LibreOffice is stopped, every file is
the old one or the new one, and the message is one line with exit code 130.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import signal
import sys
from pathlib import Path

from docgen.catalogue.cli import OUTPUT_UNWRITTEN
from docgen.errors import INTERRUPTED
from docgen.i18n import ENGLISH
from docgen.messages import render_text


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run() -> None:
    """Run docgen as a program."""
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _interrupt)
    # A run is short and its objects live until it ends; the collector's passes over
    # the growing heap would cost a third of a large build, and find few cycles.
    gc.disable()
    _usable_streams()
    _exit(*_run_command_line())


def _usable_streams() -> None:
    """Make the standard streams safe to write to, whatever the caller gave docgen.

    A closed one (docgen build -q >&-, as cron runs it) writes nowhere, as /dev/null
    would: the work is done and the exit code still tells. Text the stream's encoding
    cannot show (PYTHONIOENCODING=latin-1, a GBK console) is written escaped rather
    than stopping docgen after its files are written.
    """
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
            continue
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")


def _run_command_line() -> tuple[int, str]:
    """Run the command line; return the exit code and the language it spoke."""
    language = ENGLISH
    try:
        import click

        from docgen.cli import main
        from docgen.i18n import choose_language, speaking

        language = choose_language(sys.argv[1:], Path.cwd())
        # click shows its usage errors after main() has returned: in the same language.
        with speaking(language):
            try:
                code = main.main(standalone_mode=False)
            except click.exceptions.Abort:  # click's own word for an interrupt
                raise KeyboardInterrupt from None
            except click.ClickException as error:
                error.show()
                return error.exit_code, language
    except SystemExit as request:
        code = request.code
    except (KeyboardInterrupt, EOFError):
        sys.stderr.write(render_text(INTERRUPTED, language) + "\n")
        return 130, language
    if code is None or isinstance(code, int):
        return code or 0, language
    sys.stderr.write(f"{code}\n")
    return 1, language


def _exit(code: int, language: str = ENGLISH) -> None:
    """End the process at once, its output flushed.

    Everything docgen opened is closed by now. Python's own shutdown would free the
    loaded document set object by object: over a second for a large set, during which
    the interrupt handlers are already gone.
    """
    try:
        sys.stdout.flush()
    except OSError as error:
        code = _unwritten(error, code, language)
    except ValueError:
        pass
    # A closed pipe (docgen list | head) leaves nothing more to say.
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    os._exit(code)


def _unwritten(error: OSError, code: int, language: str) -> int:
    """Say that the output could not be written (a full disk); return the exit code."""
    if error.errno == errno.EPIPE:
        return code  # the reader went away: it has what it wanted
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(render_text(OUTPUT_UNWRITTEN(reason=error.strerror or str(error)),
                                     language) + "\n")
        sys.stderr.flush()
    return code or 2


if __name__ == "__main__":
    run()
