"""Aggregation and reviewer suggestion are plain Python: importing them loads no Django."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import sys
import livinglab.reviews.aggregation, livinglab.reviews.suggestions
print(sorted(m for m in sys.modules if m == "django" or m.startswith("django.")))
"""


def test_pure_modules_import_no_django():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[]"
