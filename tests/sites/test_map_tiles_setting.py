"""LIVINGLAB_MAP_TILES: the one place tiles may come from, added to the CSP only when set."""

import subprocess
import sys

import pytest

from tests.core.production_env import production_env

PRINT_IMG_SRC = (
    "import django; django.setup(); from django.conf import settings; "
    "print(' '.join(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']))"
)


def img_src(**env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", PRINT_IMG_SRC],
        env=production_env(DEBUG="true", **env),
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_without_tiles_images_come_from_the_site_alone():
    result = img_src()
    assert result.stdout.split() == ["'self'", "data:"], result.stderr


def test_the_tile_host_is_added_to_the_csp_when_set():
    result = img_src(LIVINGLAB_MAP_TILES="https://{s}.tiles.example.tw/{z}/{x}/{y}.png")
    assert result.stdout.split() == ["'self'", "data:", "https://*.tiles.example.tw"], result.stderr


@pytest.mark.parametrize(
    "value",
    ["ftp://tiles.example.tw/{z}/{x}/{y}.png", "https://tiles.example.tw/tile.png", "tiles"],
)
def test_a_bad_tile_url_stops_start_up_naming_the_variable(value):
    result = img_src(LIVINGLAB_MAP_TILES=value)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "LIVINGLAB_MAP_TILES" in result.stderr
