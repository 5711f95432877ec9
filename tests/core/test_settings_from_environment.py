"""A bad environment value stops start-up with a message naming the variable."""

import os
import subprocess
import sys

import pytest

from tests.core.production_env import production_env

CHECK = [
    sys.executable,
    "-c",
    "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='livinglab.settings'; django.setup()",
]


def run_with(**env):
    # No SECRET_KEY unless the case gives one: its absence is one of the bad values.
    clean = production_env(**env)
    if "SECRET_KEY" not in env:
        del clean["SECRET_KEY"]
    return subprocess.run(CHECK, env=clean, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({"DEBUG": "maybe"}, "DEBUG"),
        ({"DEBUG": "true", "LIVINGLAB_HTTPS": "sometimes"}, "LIVINGLAB_HTTPS"),
        ({"DEBUG": "true", "EMAIL_PORT": "twenty-five"}, "EMAIL_PORT"),
        ({"DEBUG": "false"}, "SECRET_KEY"),
        ({"DEBUG": "true", "SECRET_KEY_FILE": "/nonexistent/secret"}, "SECRET_KEY_FILE"),
        ({"DEBUG": "true", "DATABASE_URL": "nosuchdb://x"}, "DATABASE_URL"),
    ],
)
def test_bad_value_stops_start_up_naming_the_variable(env, variable):
    result = run_with(**env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert variable in result.stderr


def test_secret_is_read_from_file(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("s" * 60)
    code = CHECK[-1] + "; from django.conf import settings; print(settings.SECRET_KEY == 's' * 60)"
    env = production_env(DEBUG="true", SECRET_KEY_FILE=str(secret))
    del env["SECRET_KEY"]
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "True", result.stderr


def test_deploy_check_passes_with_production_settings(tmp_path):
    env = production_env(
        DEBUG="false",
        ALLOWED_HOSTS="lab.example.gov.tw",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    livinglab = os.path.join(os.path.dirname(sys.executable), "livinglab")
    result = subprocess.run(
        [livinglab, "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
