"""The reader is pure Python: reading a file imports no Django."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .builders import SAMPLES

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = f"""
import sys
from livinglab.minutes import read_minutes
document = read_minutes({str(SAMPLES / "council.txt")!r})
assert document.meetings
print(sorted(m for m in sys.modules if m == "django" or m.startswith("django.")))
"""


def test_reading_minutes_imports_no_django():
    result = subprocess.run(  # noqa: S603 - fixed interpreter
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[]"
