"""Installing docgen: the first screen a new user sees is docgen's, not pip's."""

from __future__ import annotations

import subprocess

from tests.support.trees import REPO


def test_make_installs_docgen_without_setuptools_banners(tmp_path):
    venv = tmp_path / "venv"
    result = subprocess.run(["make", "--no-print-directory", f"VENV={venv}", f"{venv}/bin/docgen"],
                            cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    shown = (result.stdout + result.stderr).splitlines()
    # What pip itself warns about (this machine's package indexes) may show; what the
    # build backend announces may not.
    assert not [line for line in shown if "BuildBackendWarning" in line
                or "Editable installation" in line or "!!" in line or "****" in line]
    assert shown[0] == f"installing docgen and what it needs into {venv} (once)"
    version = subprocess.run([f"{venv}/bin/docgen", "--version"], capture_output=True,
                             text=True, check=True)
    assert version.stdout.startswith("docgen, version")
