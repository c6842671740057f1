"""Build as the docgen program does: through a pool of `jobs` worker processes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docgen.build import BuildResult
from docgen.build import build as build_with
from docgen.pool import worker_pool
from docgen.project import Project


def build(project: Project, numbers: Sequence[str] = (), *, jobs: int | None = None,
          **options: Any) -> BuildResult:
    """Return the result of docgen.build.build run through `jobs` processes (default: one
    per core), as `docgen build --jobs` runs it."""
    with worker_pool(jobs) as workers:
        return build_with(project, numbers, workers=workers, **options)
