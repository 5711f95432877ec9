"""The ranker is pure Python: ranking needs for a proposal imports no Django."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import sys
from livinglab.matching import Item, rank_needs, rank_proposals
from livinglab.matching.cli import main
needs = [Item("N-1", "路口號誌壅塞", "尖峰時段車流回堵", "transport")]
assert rank_needs(Item("P-1", "adaptive signal", "traffic light timing"), needs)
assert rank_proposals(needs[0], [Item("P-1", "號誌", "")])
print(sorted(m for m in sys.modules if m == "django" or m.startswith("django.")))
"""


def test_ranking_imports_no_django():
    result = subprocess.run(  # noqa: S603 - fixed interpreter
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[]"
