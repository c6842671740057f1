"""Which files the dashboard may hand out: those of the project's content and output.

A URL names a file as a root ("content" or "output") and a path under it. Whatever the
URL's encoding, the path is refused unless each of its parts is a plain name, and
unless the file it leads to, links followed, lies under that root and is a regular
file of a kind the dashboard serves.
"""

from __future__ import annotations

import stat
from pathlib import Path

from docgen.project import Project

# What each root may hand out: content files to read, and what a build writes.
SERVED = {"content": (".yaml", ".yml"), "output": (".docx", ".pdf", ".xlsx")}


def served_file(project: Project, root: str, relative: str) -> Path | None:
    """Return the file `relative` names under the project's `root` folder, or None when
    it is not one the dashboard may serve."""
    folders = {"content": project.content, "output": project.output}
    if root not in folders or not relative.endswith(SERVED[root]):
        return None
    parts = relative.split("/")
    if any(part in ("", ".", "..") or "\\" in part or "\0" in part or ":" in part
           for part in parts):
        return None
    base = folders[root]
    try:
        folder = base.resolve(strict=True)
        target = base.joinpath(*parts).resolve(strict=True)
        mode = target.stat().st_mode
    except (OSError, RuntimeError):
        return None
    if folder not in target.parents or not stat.S_ISREG(mode):
        return None
    return target


def url_path(project: Project, path: Path) -> str | None:
    """Return the "root/relative" part of the URL that serves `path`, or None when `path`
    is not under the content or output folder."""
    for root, folder in (("content", project.content), ("output", project.output)):
        try:
            relative = path.resolve().relative_to(folder.resolve())
        except (ValueError, OSError):
            continue
        return f"{root}/{relative.as_posix()}"
    return None
