"""The server: `docgen serve` in a process of its own, its watcher, and how it stops."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from docgen.serve.state import ServeState
from docgen.serve.watch import Watcher
from tests.serve.server import running_server


def wait_for(condition, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_the_watcher_reloads_after_a_content_file_changes(project):
    state = ServeState(project)
    state.reload()
    watcher = Watcher(state)
    watcher.start()
    try:
        time.sleep(0.3)  # the watch is set up
        path = project.content / "yntd" / "YNTD-ITSS-0600.yaml"
        path.write_text(path.read_text().replace("title: 过程框架管理制度", "title: 过程框架管理制度（修订）"))
        assert wait_for(lambda: "YNTD-ITSS-0600" in state.snapshot.documents and
                        state.snapshot.documents["YNTD-ITSS-0600"].title.endswith("（修订）"))
    finally:
        watcher.stop()


def test_serve_prints_its_address_answers_and_stops_cleanly_on_ctrl_c(project):
    with running_server(project) as (process, url):
        with urllib.request.urlopen(url) as response:
            assert response.status == 200 and "YNTD-ITSS-0303" in response.read().decode()
        process.send_signal(signal.SIGINT)
        output, errors = process.communicate(timeout=15)
    assert process.returncode == 0, errors
    assert output.endswith("docgen serve: stopped\n")
    assert "Traceback" not in errors


def test_a_port_in_use_is_refused_with_a_message(project):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "docgen", "serve", "--port", str(port), "--content",
             str(project.content), "--templates", str(project.templates), "--output",
             str(project.output)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr


def test_another_host_is_warned_about(project):
    with running_server(project, "--host", "0.0.0.0", "--read-only") as (process, _url):
        process.send_signal(signal.SIGINT)
        _output, errors = process.communicate(timeout=15)
    assert "warning: docgen serve listens on 0.0.0.0" in errors


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="POSIX signals")
def test_the_default_port_is_taken_when_free_or_another_one(project):
    with running_server(project, port=None) as (process, url):
        assert re.match(r"http://127\.0\.0\.1:\d+/$", url)
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=15)
