"""`site-builder serve`: build, serve, watch, rebuild, live-reload.

The pieces, each in its own module:

    watch.py     watchdog → relevant source paths (editor temp files dropped)
    debounce.py  a burst of paths → one batch, after ~100 ms of quiet
    app.py       the rebuild loop: batch → Builder.build(changed) → broadcast
    reload.py    build ids, history, Server-Sent Events payloads
    server.py    ThreadingHTTPServer: output files, limits and timeouts
    streams.py   every /__livereload stream, written by one thread
    paths.py     URL → file, refusing every way out of the output directory
    inject.py    adds the client script to HTML responses (never to files)
    client.py    the browser side: reload own page, swap CSS, error overlay
"""

from __future__ import annotations

import signal
import sys
import threading
import webbrowser
from pathlib import Path
from types import FrameType

from site_builder.errors import SiteError, terminal_safe
from site_builder.serve.app import DevServer, SiteBuilder
from site_builder.serve.server import ServeError

__all__ = ["DevServer", "ServeError", "SiteBuilder", "serve"]


def _raise_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def serve(site_dir: Path, host: str = "127.0.0.1", port: int = 8000, *,
          open_browser: bool = False, output_dir: Path | None = None,
          debug: bool = False) -> int:
    """Serve `site_dir` with live reload until Ctrl-C; return the exit code.

    0 after Ctrl-C (or SIGTERM); 1 when the server cannot start (port,
    host, or a site whose configuration cannot even be loaded).
    """
    from site_builder.build import Builder  # the pipeline is heavy: import on use
    from site_builder.progress import BuildProgress

    is_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _raise_interrupt) if is_main else None
    server: DevServer | None = None
    try:
        builder = Builder(site_dir, output_dir, dev=True, use_cache=True)
        server = DevServer(builder, site_dir, host=host, port=port, debug=debug)
        print(f"Building {site_dir} …", flush=True)
        # The first build may take minutes on a big site: say where it is.
        # Rebuilds after an edit take well under a second and stay quiet.
        with BuildProgress() as progress:
            builder.progress = progress.update
            try:
                server.start()
            finally:
                builder.progress = None
        print(f"Serving {builder.output_dir} at {server.url} — live reload is on; "
              "press Ctrl-C to stop.", flush=True)
        if open_browser:
            webbrowser.open(server.url)
        forever = threading.Event()
        while not forever.wait(3600):
            pass  # wait() with a timeout stays interruptible by Ctrl-C
    except KeyboardInterrupt:
        print("\nStopping…", flush=True)
    except ServeError as exc:
        print(terminal_safe(f"error: {exc}"), file=sys.stderr, flush=True)
        return 1
    except SiteError as exc:
        for problem in exc.problems:
            print(terminal_safe(f"error: {problem}"), file=sys.stderr, flush=True)
        return 1
    finally:
        if server is not None:
            server.stop()
        if is_main and previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return 0
