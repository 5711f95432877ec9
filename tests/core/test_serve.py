"""`livinglab serve` runs the production server; plain HTTP or behind an HTTPS proxy."""

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.core.production_env import production_env

LIVINGLAB = Path(sys.executable).parent / "livinglab"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def serve(tmp_path):
    processes = []

    def start(**extra_env):
        env = production_env(
            DEBUG="false",
            ALLOWED_HOSTS="127.0.0.1",
            DATABASE_URL=f"sqlite:///{tmp_path / 'serve.sqlite3'}",
            LIVINGLAB_VAR_DIR=str(tmp_path),
            **extra_env,
        )
        subprocess.run([LIVINGLAB, "migrate", "-v", "0"], env=env, check=True, timeout=120)
        subprocess.run(
            [LIVINGLAB, "collectstatic", "--noinput", "-v", "0"], env=env, check=True, timeout=120
        )
        port = free_port()
        process = subprocess.Popen(
            # Without the background worker: these tests are about the web server, and a
            # worker still importing Django on a busy machine makes stopping slow.
            [LIVINGLAB, "serve", "--port", str(port), "--workers", "1", "--no-worker"],
            env=env,
        )
        processes.append(process)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60  # generous: CI machines can be busy
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)  # noqa: S310  local test server
                return base
            except OSError:  # refused, reset or timed out while it starts
                time.sleep(0.1)
        raise AssertionError("server did not start")

    yield start
    for process in processes:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, headers=None):
    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def test_serve_answers_plain_http_when_https_is_off(serve):
    base = serve(LIVINGLAB_HTTPS="false")
    status, headers, body = fetch(base + "/")
    assert status == 200
    assert "城市實驗室" in body
    stylesheet = body.split('rel="stylesheet" href="')[1].split('"')[0]
    static_status, _, css = fetch(base + stylesheet)
    assert static_status == 200
    assert ":root" in css


def test_serve_redirects_to_https_but_not_healthz(serve):
    base = serve()
    status, headers, _ = fetch(base + "/")
    assert status == 301
    assert headers["Location"].startswith("https://")
    assert fetch(base + "/healthz")[0] == 200
    secure_status, secure_headers, _ = fetch(base + "/", {"X-Forwarded-Proto": "https"})
    assert secure_status == 200
    assert "max-age=31536000" in secure_headers["Strict-Transport-Security"]
