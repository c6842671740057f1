"""Measure docgen on a synthetic organization, against pandoc on the same content.

    python bench/bench.py [--documents 100] [--repeat 3] [--json bench/results.json]

Generates N documents shaped like YNTD-ITSS-0303 (bench/synthetic.py) in a temporary
folder and measures, as medians of the repetitions: a cold build, `docgen check`, a
no-op rebuild, a rebuild after editing one document, a serial build (whose output must
be identical), `docgen build --pdf` of 10 documents, the peak memory of a build, and
pandoc converting the same content from Markdown, one process per document. Every
docgen figure is a whole process started from the shell, as a user runs it, except
the PDF time per document after LibreOffice's start-up, which is timed inside docgen.
Prints a table and writes the figures as JSON.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # noqa: E402 - the generator beside this script

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = REPO / "templates" / "docx"
PDF_DOCUMENTS = 10
TARGETS = {  # figure: (limit, what it means)
    "ratio_to_pandoc": (0.3, "docgen's time per document ≤ 0.3 × pandoc's"),
    "check_own_work_s": (1.0, "check of 100 documents < 1 s of own work"),
    "noop_rebuild_s": (0.5, "no-op rebuild < 0.5 s"),
    "pdf_per_document_s": (0.6, "PDF ≤ 0.6 s per document after start-up"),
    "peak_memory_mb": (300, "peak memory < 300 MB"),
    "serve_set_page_s": (0.3, "docgen serve: the set page answers < 300 ms"),
    "import_s": (10.0, "docgen import of 100 documents of YNTD-ITSS-0303's size < 10 s"),
}


def docgen_command() -> list[str]:
    """Return the command that runs docgen: its installed script, as users run it."""
    script = Path(sys.executable).with_name("docgen")
    return [str(script)] if script.exists() else [sys.executable, "-m", "docgen"]


def run(command: list[str], *, ok_codes: tuple[int, ...] = (0,)) -> tuple[float, str]:
    """Run a command; return its wall time in seconds and its standard output."""
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode not in ok_codes:
        raise SystemExit(f"benchmark: {' '.join(command)} exited {done.returncode}:\n"
                         f"{done.stderr[-2000:]}")
    return elapsed, done.stdout


def median(repeat: int, measure: Callable[[], float]) -> float:
    """Return the median of `repeat` measurements."""
    return statistics.median(measure() for _ in range(repeat))


def digest_outputs(folder: Path) -> str:
    """Return one digest of every .docx under folder (names and bytes)."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*.docx")):
        digest.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return digest.hexdigest()


class Project:
    """A synthetic content folder and the docgen commands that work on it."""

    def __init__(self, folder: Path, documents: int):
        self.folder = folder
        self.paths = synthetic.write(folder, documents)
        self.content = folder / "content"
        self.output = folder / "output"

    def command(self, *arguments: str, output: Path | None = None) -> list[str]:
        """Return the docgen command line that runs `arguments` on this project."""
        return [*docgen_command(), *arguments, "--content", str(self.content),
                "--templates", str(TEMPLATES), "--output", str(output or self.output)]

    def docgen(self, *arguments: str, output: Path | None = None,
               ok_codes: tuple[int, ...] = (0,)) -> tuple[float, str]:
        return run(self.command(*arguments, output=output), ok_codes=ok_codes)

    def cold_build(self, *options: str) -> float:
        shutil.rmtree(self.output, ignore_errors=True)
        return self.docgen("build", "--quiet", *options)[0]


def measure_builds(project: Project, repeat: int) -> dict:
    """Cold, serial, no-op and edit-one builds, and how many cores a build keeps busy."""
    figures: dict = {}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cold = [project.cold_build() for _ in range(repeat)]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures["cold_build_s"] = statistics.median(cold)
    figures["cores_busy"] = ((after.ru_utime + after.ru_stime - before.ru_utime
                              - before.ru_stime) / sum(cold))
    parallel_output = digest_outputs(project.output)
    figures["serial_build_s"] = median(repeat, lambda: project.cold_build("--jobs", "1"))
    figures["serial_output_identical"] = digest_outputs(project.output) == parallel_output

    figures["noop_rebuild_s"] = median(repeat, lambda: _rebuild(project, expect_written=0))
    edited, original = project.paths[0], project.paths[0].read_text(encoding="utf-8")
    variants = [original.replace("运维服务", "运维服务（修订）", 1), original]

    def edit_one() -> float:
        edited.write_text(variants[0], encoding="utf-8")
        variants.reverse()
        return _rebuild(project, expect_written=1)

    figures["edit_one_rebuild_s"] = median(repeat, edit_one)
    edited.write_text(original, encoding="utf-8")
    project.docgen("build", "--quiet")
    return figures


def _rebuild(project: Project, *, expect_written: int) -> float:
    elapsed, printed = project.docgen("build")
    written = len(re.findall(r"^wrote ", printed, re.MULTILINE))
    if written != expect_written:
        raise SystemExit(f"benchmark: a rebuild wrote {written} files, expected "
                         f"{expect_written}:\n{printed}")
    return elapsed


def measure_check(project: Project, repeat: int, startup: float) -> dict:
    """`docgen check` from scratch (no manifest to answer from) and repeated unchanged."""
    never_built = project.folder / "no-output"  # so no manifest can answer for it
    cold = median(repeat, lambda: project.docgen("check", output=never_built,
                                                 ok_codes=(0, 1))[0])
    project.docgen("check", ok_codes=(0, 1))
    repeated = median(repeat, lambda: project.docgen("check", ok_codes=(0, 1))[0])
    return {"check_s": cold, "check_own_work_s": cold - startup,
            "check_repeated_s": repeated}


def measure_serve(project: Project, repeat: int) -> dict:
    """The set page of `docgen serve` over the built set: the median time to answer it."""
    process = subprocess.Popen([*project.command("serve", "--port", "0", "--read-only")],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = re.search(r"http://\S+", process.stdout.readline()).group(0)

        def fetch() -> float:
            started = time.perf_counter()
            with urllib.request.urlopen(url) as response:
                response.read()
            return time.perf_counter() - started

        fetch()  # the first answer loads the page templates
        return {"serve_set_page_s": median(max(repeat, 5), fetch)}
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)


def measure_memory(project: Project) -> dict:
    """Peak memory of a cold build: the whole process tree's proportional set size
    (shared pages counted once), sampled, and the largest process's peak resident size."""
    shutil.rmtree(project.output, ignore_errors=True)
    process = subprocess.Popen(project.command("build", "--quiet"), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    peak_tree, peak_process = 0, 0
    while process.poll() is None:
        tree = [process.pid, *_descendants(process.pid)]
        peak_tree = max(peak_tree, sum(_kilobytes(pid, "smaps_rollup", "Pss") for pid in tree))
        peak_process = max([peak_process, *(_kilobytes(pid, "status", "VmHWM") for pid in tree)])
        time.sleep(0.01)
    return {"peak_memory_mb": peak_tree / 1024, "peak_process_rss_mb": peak_process / 1024}


def _descendants(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [grand for child in map(int, children) for grand in [child, *_descendants(child)]]


def _kilobytes(pid: int, file: str, field: str) -> int:
    try:
        text = Path(f"/proc/{pid}/{file}").read_text()
    except OSError:
        return 0
    found = re.search(rf"^{field}:\s+(\d+) kB", text, re.MULTILINE)
    return int(found.group(1)) if found else 0


def measure_pdf(folder: Path, repeat: int) -> dict:
    """`docgen build --pdf` of 10 documents, and LibreOffice's time per document after
    its start-up (timed inside docgen, around the same conversion code the CLI runs)."""
    try:
        from docgen.render.libreoffice import LibreOfficeSession, find_libreoffice
        installation = find_libreoffice()
    except Exception as error:  # noqa: BLE001 - reported in the table instead
        return {"pdf_skipped": str(error)}
    from docgen.build import build
    from docgen.project import Project as DocgenProject
    from docgen.render.pdf import make_pdfs

    project = Project(folder, PDF_DOCUMENTS)
    whole = median(repeat, lambda: project.cold_build("--pdf"))

    def after_startup() -> float:
        with LibreOfficeSession(installation):
            pass  # how long LibreOffice takes to start, measured just before
        started = time.perf_counter()
        with LibreOfficeSession(installation):
            startup = time.perf_counter() - started
        shutil.rmtree(project.output, ignore_errors=True)
        result = build(DocgenProject(project.content, TEMPLATES, project.output), pdf=True)
        started = time.perf_counter()
        make_pdfs(result.pdf_jobs)
        return (time.perf_counter() - started - startup) / len(result.pdf_jobs)

    return {"pdf_build_10_s": whole, "pdf_per_document_s": median(repeat, after_startup)}


def measure_pandoc(project: Project, repeat: int) -> dict:
    """pandoc converting each document's Markdown to .docx, one process per document."""
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        return {"pandoc_skipped": "pandoc is not installed (apt-get install pandoc)"}
    sources = sorted((project.folder / "markdown").glob("*.md"))
    target = project.folder / "pandoc"
    target.mkdir(exist_ok=True)

    def convert_all() -> float:
        started = time.perf_counter()
        for source in sources:
            run([pandoc, "--from", "markdown", "--to", "docx",
                 "--output", str(target / f"{source.stem}.docx"), str(source)])
        return time.perf_counter() - started

    version = run([pandoc, "--version"])[1].splitlines()[0]
    return {"pandoc_version": version, "pandoc_s": median(repeat, convert_all)}


def measure_import(folder: Path, documents: int, repeat: int) -> dict:
    """Time `docgen import` of `documents` Word files the size of YNTD-ITSS-0303: the
    bundled document as docgen builds it, numbered anew for each copy."""
    built = folder / "built"
    run([*docgen_command(), "build", "--quiet", "--content", str(REPO / "content"),
         "--templates", str(TEMPLATES), "--output", str(built)], ok_codes=(0, 1))
    [original] = (built / "yntd").glob("YNTD-ITSS-0303 *.docx")
    words = folder / "word"
    words.mkdir()
    for index in range(documents):
        number = f"YNTD-ITSS-{5000 + index}"
        with zipfile.ZipFile(original) as source, \
                zipfile.ZipFile(words / f"{number}.docx", "w", zipfile.ZIP_DEFLATED) as copy:
            for info in source.infolist():
                data = source.read(info)
                if info.filename.endswith(".xml"):
                    data = data.replace(b"YNTD-ITSS-0303", number.encode())
                copy.writestr(info, data)

    def import_all() -> float:
        content = folder / "content"
        shutil.rmtree(content, ignore_errors=True)
        return run([*docgen_command(), "import", *map(str, sorted(words.glob("*.docx"))),
                    "--content", str(content)], ok_codes=(0, 1))[0]

    return {"import_s": median(repeat, import_all)}


def report(figures: dict) -> str:
    """Return the figures as a table, with each target and whether it is met."""
    documents = figures["documents"]
    rows = [
        ("interpreter start-up (python -c pass)", f"{figures['startup_s']:.3f} s"),
        (f"cold build of {documents}", f"{figures['cold_build_s']:.2f} s  "
         f"({figures['cold_build_s'] / documents * 1000:.1f} ms/document, "
         f"{figures['cores_busy']:.1f} cores busy)"),
        ("serial build (--jobs 1)", f"{figures['serial_build_s']:.2f} s, output "
         f"{'identical' if figures['serial_output_identical'] else 'DIFFERENT'}"),
        ("no-op rebuild", f"{figures['noop_rebuild_s']:.3f} s"),
        ("rebuild after editing one document", f"{figures['edit_one_rebuild_s']:.2f} s"),
        (f"check of {documents}", f"{figures['check_s']:.2f} s "
         f"({figures['check_own_work_s']:.2f} s own work)"),
        ("check again, nothing changed", f"{figures['check_repeated_s']:.3f} s"),
        (f"docgen serve: set page of {documents}", f"{figures['serve_set_page_s'] * 1000:.0f} ms"),
        (f"import of {documents} Word files of YNTD-ITSS-0303's size",
         f"{figures['import_s']:.2f} s" if "import_s" in figures else "not measured"),
        ("peak memory of a cold build", f"{figures['peak_memory_mb']:.0f} MB (process tree, "
         f"PSS); largest process {figures['peak_process_rss_mb']:.0f} MB RSS"),
    ]
    if "pdf_skipped" in figures:
        rows.append(("PDF", f"skipped: {figures['pdf_skipped']}"))
    else:
        rows += [(f"build --pdf of {PDF_DOCUMENTS}", f"{figures['pdf_build_10_s']:.2f} s"),
                 ("PDF per document after start-up",
                  f"{figures['pdf_per_document_s']:.2f} s")]
    if "pandoc_skipped" in figures:
        rows.append(("pandoc", f"skipped: {figures['pandoc_skipped']}"))
    else:
        rows += [(f"pandoc, one process per document ({figures['pandoc_version']})",
                  f"{figures['pandoc_s']:.2f} s ({figures['pandoc_s'] / documents * 1000:.0f} "
                  "ms/document)"),
                 ("docgen per document / pandoc per document",
                  f"{figures['ratio_to_pandoc']:.2f}")]
    width = max(len(name) for name, _value in rows)
    lines = [f"{name:<{width}}  {value}" for name, value in rows]
    lines += ["", "targets:"]
    for figure, (limit, meaning) in TARGETS.items():
        if figure in figures:
            met = figures[figure] <= limit
            lines.append(f"  {'met    ' if met else 'NOT MET'}  {meaning}: "
                         f"{figures[figure]:.2f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, default=REPO / "bench" / "results.json",
                        help="where to write the figures (default: bench/results.json)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="docgen-bench-") as scratch:
        folder = Path(scratch)
        project = Project(folder / "set", arguments.documents)
        startup = median(5, lambda: run([sys.executable, "-c", "pass"])[0])
        figures: dict = {
            "documents": arguments.documents, "repeat": arguments.repeat,
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                       f"Python {platform.python_version()}",
            "startup_s": startup,
        }
        figures |= measure_builds(project, arguments.repeat)
        figures |= measure_check(project, arguments.repeat, startup)
        figures |= measure_memory(project)
        figures |= measure_serve(project, arguments.repeat)
        (folder / "import").mkdir()
        figures |= measure_import(folder / "import", arguments.documents, arguments.repeat)
        figures |= measure_pdf(folder / "pdf", arguments.repeat)
        figures |= measure_pandoc(project, arguments.repeat)
        if "pandoc_s" in figures:
            figures["ratio_to_pandoc"] = figures["cold_build_s"] / figures["pandoc_s"]
    print(report(figures))
    arguments.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n",
                              encoding="utf-8")
    print(f"\nfigures written to {arguments.json}")


if __name__ == "__main__":
    main()
