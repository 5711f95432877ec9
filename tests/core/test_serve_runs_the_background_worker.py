"""`livinglab serve` starts the background worker beside the web server and stops it
with it, so that `make demo` reads large uploads (issue 12)."""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from livinglab.core import supervise
from tests.core.production_env import production_env
from tests.core.test_serve import LIVINGLAB, free_port

SLEEP = [sys.executable, "-c", "import time; time.sleep(60)"]


def children(pid: int) -> list[tuple[int, str]]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append((int(entry.name), cmdline))
    return found


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    return state != "Z"


def test_the_worker_is_stopped_when_the_web_server_ends():
    lines = []
    web = [sys.executable, "-c", "import time; time.sleep(0.5)"]
    assert supervise.supervise(web, SLEEP, log=lines.append) == 0
    assert lines and "worker started" in lines[0]
    assert not [c for c in children(os.getpid()) if "time.sleep(60)" in c[1]]


def test_a_dead_worker_is_started_again(monkeypatch):
    monkeypatch.setattr(supervise, "RESTART_PAUSE", 0.1)
    lines = []
    web = [sys.executable, "-c", "import time; time.sleep(2.5)"]
    short = [sys.executable, "-c", "pass"]
    supervise.supervise(web, short, log=lines.append)
    assert sum("starting it again" in line for line in lines) >= 2


def test_a_signal_stops_both():
    threading.Timer(1.0, lambda: os.kill(os.getpid(), signal.SIGTERM)).start()
    started = time.monotonic()
    assert supervise.supervise(SLEEP, SLEEP, log=lambda line: None) == 0
    assert time.monotonic() - started < 20
    assert not [c for c in children(os.getpid()) if "time.sleep(60)" in c[1]]


def test_serve_runs_a_db_worker_and_takes_it_down_with_it(tmp_path):
    env = production_env(
        DEBUG="false",
        LIVINGLAB_HTTPS="false",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        LIVINGLAB_VAR_DIR=str(tmp_path),
    )
    subprocess.run([LIVINGLAB, "migrate", "-v", "0"], env=env, check=True, timeout=600)
    subprocess.run(
        [LIVINGLAB, "collectstatic", "--noinput", "-v", "0"], env=env, check=True, timeout=600
    )
    command = [LIVINGLAB, "serve", "--port", str(free_port()), "--workers", "1"]
    process = subprocess.Popen(command, env=env)
    try:
        deadline = time.monotonic() + 60
        found = []
        while time.monotonic() < deadline and len(found) < 2:
            found = [
                cmd
                for _pid, cmd in children(process.pid)
                if "db_worker" in cmd or "gunicorn" in cmd
            ]
            time.sleep(0.2)
        workers = [pid for pid, cmd in children(process.pid) if "db_worker" in cmd]
        assert len(workers) == 1, found
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert not alive(workers[0])
