"""The docgen program: set up interrupts first, then run the command line.

Ctrl-C and SIGTERM end docgen the same way wherever they arrive, even while it is
still starting: temporary files are removed, LibreOffice is stopped, every file is
the old one or the new one, and the message is one line with exit code 130.
"""

from __future__ import annotations

import signal
import sys

INTERRUPTED = ("docgen: interrupted; files already written are complete, the others were "
               "not touched.\n")


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run() -> None:
    """Run docgen as a program."""
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        import click

        from docgen.cli import main

        code = main.main(standalone_mode=False)
    except (KeyboardInterrupt, EOFError):
        sys.stderr.write(INTERRUPTED)
        sys.exit(130)
    except click.exceptions.Abort:  # click's own word for an interrupt
        sys.stderr.write(INTERRUPTED)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    run()
