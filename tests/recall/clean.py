"""The clean document sets: organizations whose documents have no defect at all.

Each set is a function that writes one organization folder (org.yaml and its
documents) and returns it. A new clean organization is one more line in CLEAN_SETS.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from bench import synthetic

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "clean"
BUNDLED = Path(__file__).resolve().parents[2] / "content"


def _copy(name: str, root: Path = FIXTURES) -> Callable[[Path], Path]:
    """A set copied as it is from `root`: the clean fixtures, or the bundled content."""
    def make(folder: Path) -> Path:
        target = folder / name
        shutil.copytree(root / name, target)
        return target
    return make


def _synthetic(count: int) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        synthetic.write(folder / "synthetic", count)
        target = folder / "syn"
        shutil.move(folder / "synthetic" / "content" / "syn", target)
        shutil.rmtree(folder / "synthetic")
        return target
    return make


# name -> how to write it. The bundled YNTD documents with their real defects corrected;
# the second bundled organization (昆明星岚, another house style), as it is; a set full of
# sentences that are correct but easy to misread; synthetic documents.
CLEAN_SETS: dict[str, Callable[[Path], Path]] = {
    "yntd": _copy("yntd"),
    "tricky": _copy("tricky"),
    "xlsk": _copy("xlsk", BUNDLED),
    "synthetic": _synthetic(3),
}
