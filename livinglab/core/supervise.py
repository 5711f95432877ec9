"""Run the web server and the background worker side by side, as one command.

`livinglab serve` starts gunicorn and, unless told not to, one `db_worker` (django-tasks'
database worker, which reads large uploads in the background). The two live and end
together: a signal to `serve` (Ctrl-C, SIGTERM from a service manager) is passed on to
both; when the web server ends, the worker is stopped; a worker that dies is started
again after a pause, so that a crash in one reading does not stop every later one.
"""

import os
import signal
import subprocess
import sys
import time

# A worker that ends is started again after this many seconds.
RESTART_PAUSE = 2.0
# How long each process gets to finish after SIGTERM before it is killed.
STOP_GRACE = 15.0


def worker_command() -> list[str]:
    """The db_worker command of this installation (same interpreter and settings)."""
    return [sys.executable, "-m", "livinglab.cli", "db_worker", "--queue-name", "*", "--no-reload"]


def supervise(web: list[str], worker: list[str] | None, web_env=None, log=print) -> int:
    """Run `web` and `worker` until `web` ends or a signal asks both to; return `web`'s
    exit status (0 when stopped by a signal)."""
    stopping = False

    def stop(signum, frame):
        nonlocal stopping
        stopping = True

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    server = subprocess.Popen(web, env=web_env)  # noqa: S603  our own command line
    helper = subprocess.Popen(worker) if worker else None  # noqa: S603
    if helper is not None:
        log(f"Background worker started (pid {helper.pid}).")
    try:
        while not stopping and server.poll() is None:
            if helper is not None and helper.poll() is not None:
                log(f"Background worker ended ({helper.returncode}); starting it again.")
                time.sleep(RESTART_PAUSE)
                if not stopping:
                    helper = subprocess.Popen(worker)  # noqa: S603
            time.sleep(0.5)
    finally:
        for process in (server, helper):
            if process is not None and process.poll() is None:
                process.terminate()
        for process in (server, helper):
            if process is None:
                continue
            try:
                process.wait(timeout=STOP_GRACE)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for number, handler in previous.items():
            signal.signal(number, handler)
    return 0 if stopping else (server.returncode or 0)


def web_environment(**extra: str) -> dict[str, str]:
    return {**os.environ, **extra}
