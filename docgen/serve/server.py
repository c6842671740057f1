"""Run the dashboard: load the content, watch it, and serve it with uvicorn until Ctrl-C.

It listens on the loopback interface unless told otherwise, and then answers only
requests addressed to this machine by a loopback name (a web page elsewhere cannot
reach it through a name of its own). The port is taken before anything is announced,
so the address printed is the one that answers.
"""

from __future__ import annotations

import errno
import socket
import threading
import webbrowser
from collections.abc import Callable

from docgen.catalogue.serve import EXPOSED, EXPOSED_ACTIONS, PORT_BUSY, STARTED, STOPPED
from docgen.errors import UsageError
from docgen.i18n import ENGLISH
from docgen.messages import Message
from docgen.project import Project

DEFAULT_PORT = 8765
LOOPBACK = ("127.0.0.1", "localhost", "::1")
LOOPBACK_NAMES = ["127.0.0.1", "localhost"]


def open_socket(host: str, port: int | None) -> socket.socket:
    """Return a listening socket on `host`:`port` (without a port: the default one if
    it is free, else any free one); UsageError when it cannot be had."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        try:
            sock.bind((host, DEFAULT_PORT if port is None else port))
        except OSError as error:
            if port is not None or error.errno != errno.EADDRINUSE:
                raise
            sock.bind((host, 0))
        sock.listen(128)
    except OSError as error:
        sock.close()
        raise UsageError(PORT_BUSY(host=host, port=DEFAULT_PORT if port is None else port,
                                   reason=error.strerror or str(error))) from None
    sock.set_inheritable(True)
    return sock


def url_of(host: str, sock: socket.socket) -> str:
    """Return the address a browser opens to reach the dashboard on `sock`."""
    port = sock.getsockname()[1]
    shown = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)
    return f"http://[{shown}]:{port}/" if ":" in shown else f"http://{shown}:{port}/"


def serve(project: Project, *, host: str = "127.0.0.1", port: int | None = None,
          open_browser: bool = False, read_only: bool = False, language: str = ENGLISH,
          say: Callable[[Message], None], warn: Callable[[Message], None]) -> None:
    """Serve the dashboard of `project` until interrupted; `say` and `warn` show messages."""
    import uvicorn

    from docgen.serve.app import create_app
    from docgen.serve.state import ServeState
    from docgen.serve.watch import Watcher

    sock = open_socket(host, port)
    try:
        if host not in LOOPBACK:
            warn(EXPOSED(host=host, actions="" if read_only else EXPOSED_ACTIONS()))
        state = ServeState(project, language)
        state.reload()
        app = create_app(project, read_only=read_only, state=state,
                         allowed_hosts=LOOPBACK_NAMES if host in LOOPBACK[:2] else None)
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False,
                                               lifespan="off", timeout_graceful_shutdown=2))
        watcher = Watcher(state)
        watcher.start()
        url = url_of(host, sock)
        say(STARTED(url=url))
        if open_browser:
            threading.Timer(0.3, webbrowser.open, [url]).start()
        try:
            server.run(sockets=[sock])
        except KeyboardInterrupt:
            pass  # uvicorn stopped on Ctrl-C, and passes the signal on: that is the stop
        finally:
            watcher.stop()
    finally:
        sock.close()
    say(STOPPED())
