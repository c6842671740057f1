"""The docgen program: set up interrupts first, then run the command line.

Ctrl-C and SIGTERM end docgen the same way wherever they arrive, even while it is
still starting: temporary files are removed, LibreOffice is stopped, every file is
the old one or the new one, and the message is one line with exit code 130.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys

from docgen.errors import INTERRUPTED
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
    _exit(_run_command_line())


def _run_command_line() -> int:
    """Run the command line; return the exit code."""
    try:
        import click

        from docgen.cli import main

        code = main.main(standalone_mode=False)
    except SystemExit as request:
        code = request.code
    except (KeyboardInterrupt, EOFError):
        sys.stderr.write(render_text(INTERRUPTED) + "\n")
        return 130
    except click.exceptions.Abort:  # click's own word for an interrupt
        sys.stderr.write(render_text(INTERRUPTED) + "\n")
        return 130
    except click.ClickException as error:
        error.show()
        return error.exit_code
    if code is None or isinstance(code, int):
        return code or 0
    sys.stderr.write(f"{code}\n")
    return 1


def _exit(code: int) -> None:
    """End the process at once, its output flushed.

    Everything docgen opened is closed by now. Python's own shutdown would free the
    loaded document set object by object: over a second for a large set, during which
    the interrupt handlers are already gone.
    """
    for stream in (sys.stdout, sys.stderr):
        # A closed pipe (docgen list | head) leaves nothing more to say.
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
