"""Remember what earlier runs wrote, so that a rebuild renders only what changed.

The output folder keeps a manifest, .docgen-manifest.json. For every file a build
wrote it records the key of what the file was made from (render.docx.render_key) and
the SHA-256 of its bytes. A document whose key has not changed, and whose file still
has those bytes, is not rendered again: the same input gives the same bytes, so the
file on disk is the one a new render would write.

A run with nothing changed is recognised before the content is even read: the
manifest also records, per command and options, a digest of every input file
(content, templates) and of docgen's own code and libraries, and what that run
reported. If the inputs are the same and every file it wrote is intact, the report
is replayed.

The manifest is only a cache: a missing, damaged or stale one costs a full rebuild,
never a wrong file.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from docgen.files import NotARegularFile, read_regular_file
from docgen.output import write_atomically

MANIFEST_FILE = ".docgen-manifest.json"
FORMAT = 2
# Libraries whose output ends up in the files: a new version may write other bytes.
_RENDERING_LIBRARIES = (("docx", "python_docx"), ("docxtpl", "docxtpl"), ("jinja2", "jinja2"),
                        ("lxml", "lxml"), ("openpyxl", "openpyxl"))


@dataclass
class FileRecord:
    """What a file was made from, and its bytes' digest; `paged` when its TOC has pages."""

    key: str
    sha256: str
    paged: bool = False


@dataclass
class RunRecord:
    """A run's inputs digest, the files it left (with their bytes' digests), and what
    it reported."""

    inputs: str
    outputs: dict[str, str]
    report: dict[str, Any] = field(default_factory=dict)


class Manifest:
    """The manifest of an output folder: file records by path, run records by run."""

    def __init__(self, output: Path):
        self.output = output
        self.path = output / MANIFEST_FILE
        self.files: dict[str, FileRecord] = {}
        self.runs: dict[str, RunRecord] = {}
        self._digests: dict[str, str] = {}
        try:
            data = json.loads(read_regular_file(self.path).decode("utf-8"))
            if data.get("format") == FORMAT and data.get("code") == code_digest():
                files = {name: FileRecord(**record) for name, record in data["files"].items()}
                runs = {name: RunRecord(**record) for name, record in data["runs"].items()}
                if _well_formed(files, runs):
                    self.files, self.runs = files, runs
        except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            pass  # no manifest, or one this docgen cannot use: everything is rebuilt

    def current(self, path: Path, key: str, *, paged: bool = False) -> bool:
        """Return whether `path` holds what `key` renders (with TOC pages, if `paged`)."""
        record = self.files.get(self._name(path))
        return (record is not None and record.key == key and (record.paged or not paged)
                and self._intact(path, record.sha256))

    def current_key(self, path: Path) -> str | None:
        """Return the key `path` was made from, if it is still the file docgen wrote."""
        record = self.files.get(self._name(path))
        return record.key if record is not None and self._intact(path, record.sha256) else None

    def knows(self, path: Path) -> bool:
        """Return whether docgen wrote `path` (the manifest records it)."""
        return self._name(path) in self.files

    def record(self, path: Path, key: str, data: bytes, *, paged: bool = False) -> None:
        """Note that `data`, made from `key`, was written to `path`."""
        name = self._name(path)
        self.files[name] = FileRecord(key, hashlib.sha256(data).hexdigest(), paged)
        self._digests[name] = self.files[name].sha256

    def forget(self, path: Path) -> None:
        """Drop what is known of `path` (it was deleted)."""
        self.files.pop(self._name(path), None)

    def replay(self, run: str, inputs: str) -> RunRecord | None:
        """Return the record of `run` if it had these inputs and its files are all intact."""
        record = self.runs.get(run)
        if record is None or record.inputs != inputs:
            return None
        # Each file as this run left it: another run (one document built alone, say)
        # may have written it since, from content that has changed back.
        for name, sha256 in record.outputs.items():
            if not self._intact(self.output / name, sha256):
                return None
        return record

    def remember(self, run: str, inputs: str, outputs: list[Path],
                 report: dict[str, Any]) -> None:
        """Record that `run`, given `inputs`, left `outputs` and reported `report`."""
        left = {}
        for path in outputs:
            name = self._name(path)
            known = self.files.get(name)
            left[name] = known.sha256 if known is not None else ""  # "": never replayed
        self.runs[run] = RunRecord(inputs, left, report)

    def save(self) -> None:
        """Write the manifest; a cache that cannot be written is no error."""
        data = {"format": FORMAT, "code": code_digest(),
                "files": {name: asdict(record) for name, record in sorted(self.files.items())},
                "runs": {name: asdict(record) for name, record in sorted(self.runs.items())}}
        # Any failure only means that the next run rebuilds.
        with contextlib.suppress(Exception):
            write_atomically(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode())

    def _name(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.output.resolve()).as_posix()
        except ValueError:
            return path.resolve().as_posix()

    def _intact(self, path: Path, sha256: str) -> bool:
        """Return whether the file at `path` has the bytes whose digest is `sha256`."""
        name = self._name(path)
        if name not in self._digests:
            try:
                with path.open("rb") as stream:
                    self._digests[name] = hashlib.file_digest(stream, "sha256").hexdigest()
            except OSError:
                return False
        return self._digests[name] == sha256


def _well_formed(files: dict[str, FileRecord], runs: dict[str, RunRecord]) -> bool:
    """Return whether records read from a manifest have the types docgen writes."""
    return (all(isinstance(record.key, str) and isinstance(record.sha256, str)
                and isinstance(record.paged, bool) for record in files.values())
            and all(isinstance(record.inputs, str) and isinstance(record.report, dict)
                    and isinstance(record.outputs, dict)
                    and all(isinstance(name, str) and isinstance(sha256, str)
                            for name, sha256 in record.outputs.items())
                    for record in runs.values()))


def inputs_digest(*folders: Path, extra: str = "") -> str:
    """Return a digest of every file under `folders` (names and bytes) and of `extra`.

    Hidden files and folders (editor swap files, .git) are left out.
    """
    digest = hashlib.sha256(extra.encode())
    for folder in folders:
        digest.update(f"\0folder {folder.resolve()}\0".encode())
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder)
            if any(part.startswith(".") for part in relative.parts) or path.is_dir():
                continue
            try:  # a pipe or device counts too, unread: the load that follows reports it
                data = read_regular_file(path)
            except NotARegularFile:
                data = b"\0not a regular file"
            except OSError:
                data = b"\0unreadable"
            digest.update(f"\0{relative.as_posix()}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()


@functools.cache
def code_digest() -> str:
    """Return a digest of docgen's code and data files and of the libraries that render.

    A cache made by another docgen, or with other libraries, is not trusted.
    """
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".conf", ".xml", ".json"):
            digest.update(f"\0{path.relative_to(package).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    for module, distribution in _RENDERING_LIBRARIES:
        digest.update(f"\0{module} {_installed_version(module, distribution)}".encode())
    return digest.hexdigest()


def _installed_version(module: str, distribution: str) -> str:
    """Return the name of `module`'s .dist-info folder (it holds the version).

    Read from the file system: importlib.metadata alone takes longer to import than a
    cached build takes to run.
    """
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        return "absent"
    site = Path(spec.origin).resolve().parent.parent
    return ",".join(sorted(path.name for path in site.glob(f"{distribution}-*.dist-info")))
