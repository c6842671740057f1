"""Reload the dashboard's state when a content file or a template changes.

watchfiles gathers the changes of a burst (an editor saving several files, a git
checkout) into one set; one reload follows each set. The output folder is not watched:
docgen writes it, and nothing on the pages is read from it.
"""

from __future__ import annotations

import threading
from pathlib import Path

from watchfiles import Change, watch

from docgen.serve.state import ServeState

# What the content and the templates are made of; an editor's backup and swap files,
# and the temporary files of an atomic write, end otherwise.
WATCHED_SUFFIXES = (".yaml", ".yml", ".docx", ".toml")
# A burst of saves within this many milliseconds counts as one change.
DEBOUNCE_MS = 150


def watched(change: Change, path: str) -> bool:
    """Return whether a change of `path` can change what the dashboard shows."""
    return path.endswith(WATCHED_SUFFIXES) and not Path(path).name.startswith((".", "~$"))


class Watcher:
    """A thread that reloads `state` after each burst of changes to its files."""

    def __init__(self, state: ServeState):
        self.state = state
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="docgen-watch", daemon=True)

    def folders(self) -> list[Path]:
        """Return the folders watched: the content and the templates that exist."""
        project = self.state.project
        return [folder for folder in (project.content, project.templates) if folder.is_dir()]

    def start(self) -> None:
        """Start watching in the background."""
        self._thread.start()

    def stop(self) -> None:
        """Stop watching, and wait for the thread to end."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def _run(self) -> None:
        folders = self.folders()
        if not folders:
            return
        for _changes in watch(*folders, watch_filter=watched, debounce=DEBOUNCE_MS,
                              stop_event=self._stop, rust_timeout=500,
                              raise_interrupt=False):
            self.state.reload()
