"""Run one headless LibreOffice for a batch of PDF conversions, and always stop it.

docgen starts LibreOffice with a private, temporary profile and its own fontconfig
file (SimSun and SimHei mapped to the Noto CJK faces, for this process only), then a
small worker under the Python that has LibreOffice's `uno` module. Every document of
the batch goes through the same instance. When the batch ends, fails, is interrupted
(Ctrl-C, or SIGTERM, which the command line turns into an interrupt) or a conversion
takes too long, both processes and the profile are removed: nothing is left behind.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import selectors
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from docgen.catalogue import libreoffice as said
from docgen.errors import LibreOfficeError
from docgen.messages import Message
from docgen.render.leftovers import PROFILE_PREFIX, end_leftovers, record_owner

PIPE_PREFIX = "docgen_lo_"
_POLL_SECONDS = 0.2


def _seconds(variable: str, default: float) -> float:
    """Return a timeout in seconds from the environment, or `default`."""
    written = os.environ.get(variable)
    if written is None:
        return default
    try:
        seconds = float(written)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds <= 0:
        raise LibreOfficeError(said.BAD_TIMEOUT(variable=variable, written=written,
                                                default=default))
    return seconds


@dataclass(frozen=True)
class Installation:
    """Where LibreOffice is, and a Python that can talk to it."""

    soffice: Path
    python: Path


@dataclass(frozen=True)
class Conversion:
    """What LibreOffice reports about a converted document."""

    pages: dict[str, int]
    page_count: int
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds LibreOffice spent loading, laying out and exporting (for benchmarks)."""


def installed_soffice() -> Path | None:
    """Return the soffice program on PATH or in LibreOffice's usual places, or None."""
    return next((Path(found) for found in (
        shutil.which("soffice"), shutil.which("libreoffice"),
        "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice")
        if found and Path(found).is_file()), None)


def find_libreoffice() -> Installation:
    """Return the LibreOffice installation to use; raise LibreOfficeError if there is none.

    DOCGEN_SOFFICE, when set, names the soffice program to use, and no other is tried;
    DOCGEN_UNO_PYTHON likewise names the Python that has LibreOffice's `uno` module.
    """
    chosen = os.environ.get("DOCGEN_SOFFICE")
    if chosen:
        if not Path(chosen).is_file():
            raise LibreOfficeError(said.NAMED_MISSING(path=chosen))
        if not os.access(chosen, os.X_OK):
            raise LibreOfficeError(said.NAMED_NOT_RUNNABLE(path=chosen))
        soffice: Path | None = Path(chosen)
    else:
        soffice = installed_soffice()
    if soffice is None:
        raise LibreOfficeError(said.NOT_INSTALLED())
    candidates = [os.environ["DOCGEN_UNO_PYTHON"]] if os.environ.get("DOCGEN_UNO_PYTHON") \
        else [str(soffice.resolve().parent / "python"), "/usr/bin/python3",
              shutil.which("python3")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and _has_uno(candidate):
            return Installation(soffice, Path(candidate))
    raise LibreOfficeError(said.NO_UNO())


def _has_uno(python: str) -> bool:
    try:
        return subprocess.run([python, "-c", "import uno"], capture_output=True,
                              timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def fontconfig_file() -> Path:
    """Return docgen's fontconfig file, which maps 宋体/黑体 to Noto Serif/Sans CJK SC."""
    return Path(str(resources.files("docgen.render") / "fonts.conf"))


class LibreOfficeSession:
    """A running LibreOffice and its worker; use as a context manager."""

    def __init__(self, installation: Installation, *, timeout: float | None = None,
                 start_timeout: float | None = None):
        self.installation = installation
        self.timeout = timeout or _seconds("DOCGEN_LIBREOFFICE_TIMEOUT", 180)
        self.start_timeout = start_timeout or _seconds("DOCGEN_LIBREOFFICE_START_TIMEOUT", 90)
        self.office: subprocess.Popen[bytes] | None = None
        self.worker: subprocess.Popen[str] | None = None
        self.profile: Path | None = None

    def __enter__(self) -> LibreOfficeSession:
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _start(self) -> None:
        end_leftovers()
        self.profile = Path(tempfile.mkdtemp(prefix=PROFILE_PREFIX))
        pipe = f"{PIPE_PREFIX}{os.getpid()}_{uuid.uuid4().hex[:8]}"
        record_owner(self.profile, pipe)
        environment = dict(os.environ, FONTCONFIG_FILE=str(fontconfig_file()))
        with (self.profile / "soffice.log").open("wb") as log:
            try:
                self.office = subprocess.Popen(
                    [str(self.installation.soffice), "--headless", "--invisible", "--nologo",
                     "--norestore", "--nodefault", "--nolockcheck",
                     f"-env:UserInstallation={(self.profile / 'user').as_uri()}",
                     f"--accept=pipe,name={pipe};urp;"],
                    stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=environment,
                    start_new_session=True)
            except OSError as error:
                raise LibreOfficeError(said.CANNOT_START(path=str(self.installation.soffice),
                                                         reason=error.strerror)) from None
        worker_script = Path(__file__).with_name("uno_worker.py")
        with (self.profile / "worker.log").open("wb") as worker_log:
            self.worker = subprocess.Popen(
                [str(self.installation.python), str(worker_script), pipe,
                 str(self.start_timeout)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=worker_log, text=True,
                encoding="utf-8", start_new_session=True)
        reply = self._reply(self.start_timeout + 10, None)
        if not reply.get("ok"):
            raise LibreOfficeError(said.DID_NOT_START(error=str(reply.get("error")),
                                                      said=self._log_tail()))

    def convert(self, docx: Path, pdf: Path, headings: list[tuple[str, str]]) -> Conversion:
        """Convert `docx` to `pdf`; return the page count and the page of each heading in
        its table of contents, by bookmark (`headings` gives each heading's bookmark and
        text, in order)."""
        if self.worker is None or self.worker.stdin is None:
            raise LibreOfficeError(said.NOT_RUNNING())
        request = {"docx": str(docx), "pdf": str(pdf), "headings": headings}
        try:
            self.worker.stdin.write(json.dumps(request) + "\n")
            self.worker.stdin.flush()
        except OSError:
            raise self._crashed(str(docx)) from None
        reply = self._reply(self.timeout, docx.name)
        if not reply.get("ok"):
            raise LibreOfficeError(said.CANNOT_CONVERT(file=docx.name,
                                                       error=str(reply.get("error"))))
        return Conversion({name: int(page) for name, page in reply["pages"].items()},
                          int(reply["page_count"]), reply.get("timings", {}))

    def _reply(self, timeout: float, file: str | None) -> dict[str, Any]:
        """Return the worker's next reply about `file` (None: about starting LibreOffice)."""
        what = said.STARTING() if file is None else file
        assert self.worker is not None and self.worker.stdout is not None
        deadline = time.monotonic() + timeout
        with selectors.DefaultSelector() as selector:
            selector.register(self.worker.stdout, selectors.EVENT_READ)
            # Wait in short steps, so that a LibreOffice that exits is noticed at once.
            while not selector.select(min(_POLL_SECONDS, max(deadline - time.monotonic(), 0))):
                if self._office_exited():
                    code = self.office.returncode if self.office is not None else None
                    tail = self._log_tail()
                    self.stop()
                    raise LibreOfficeError(
                        said.EXITED_STARTING(code=code, said=tail) if file is None
                        else said.EXITED(code=code, what=what, said=tail))
                if time.monotonic() >= deadline:
                    self.stop()
                    raise LibreOfficeError(said.TIMED_OUT(what=what, seconds=timeout))
        line = self.worker.stdout.readline()
        if not line:
            raise self._crashed(what)
        return json.loads(line)

    def _office_exited(self) -> bool:
        """Return whether LibreOffice has ended, with every process it started."""
        return (self.office is not None and self.office.poll() is not None
                and not _group_alive(self.office.pid))

    def _crashed(self, what: str | Message) -> LibreOfficeError:
        tail = self._log_tail()
        self.stop()
        return LibreOfficeError(said.CRASHED(what=what, said=tail))

    def _log_tail(self) -> Message | str:
        """Return what LibreOffice last wrote to its logs, to add to a hint ("" if nothing)."""
        if self.profile is None:
            return ""
        lines = []
        for name in ("worker.log", "soffice.log"):
            path = self.profile / name
            if path.is_file():
                lines += [line for line in path.read_text(errors="replace").splitlines()
                          if line.strip() and "javaldx" not in line]
        return said.SAID(lines=lines[-3:]) if lines else ""

    def stop(self) -> None:
        """Stop the worker and LibreOffice (their whole process groups) and remove the profile."""
        for process in (self.worker, self.office):
            if process is None:
                continue
            if process.stdin is not None:  # the worker ends when its input closes
                with contextlib.suppress(OSError):
                    process.stdin.close()
            if process.poll() is None or _group_alive(process.pid):
                _stop_group(process)
            if process.stdout is not None:
                with contextlib.suppress(OSError):
                    process.stdout.close()
        self.worker = self.office = None
        if self.profile is not None:
            shutil.rmtree(self.profile, ignore_errors=True)
            self.profile = None


def _stop_group(process: subprocess.Popen[Any]) -> None:
    """Terminate `process` and everything it started; kill them if they linger."""
    for sig, wait in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if process.poll() is not None and not _group_alive(process.pid):
                return
            time.sleep(0.05)


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

