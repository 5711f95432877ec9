"""Importing the working group's seven records yields what a careful reader sees."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.working_group import BODY, STILL_TRACKED, import_working_group, seed_path

pytestmark = pytest.mark.seeds

PROPOSED = "研擬基北北桃設置公立寵物焚化爐可行性"
# Old names of the first meeting's merges and renames, and where they must lead.
ALIASES = {
    "雙北社會企業交流合作案": "青創交流合作",
    "北桃創新創業基地觀摩交流": "青創交流合作",
    "桃園新北智慧農業場域交流": "智慧農(漁)業場域交流",
    "桃園新北茶農參訪交流": "智慧農(漁)業場域交流",
    "觀光工廠跨縣市交流合作活動案": "觀光工廠職涯探索見學交流",
}
CLOSED = {
    "電競產業推動合作案": "regular",
    "公有市場聯合行銷活動": "regular",
    "食農/漁教育合作交流": "regular",
    "智慧農(漁)業場域交流": "regular",
    "觀光工廠職涯探索見學交流": "delisted",
    "地熱發電廠經驗交流案": "delisted",
    "推廣數位轉型交流活動": "delisted",
    "推動北五堵與保長坑策略合作計畫": "delisted",
    "雙北農村社區經驗交流": "delisted",
    "結合桃園新北物流業者加強雙港物流之交流": "delisted",
}


def _named(cases, name):
    [case] = [
        c for c in cases if c["title"] == name or name in c["aliases"] and not c["merged_into"]
    ]
    return case


def check_registry(cases):
    by_state = {}
    for case in cases:
        by_state.setdefault(case["state"], []).append(case)
    assert {c["title"] for c in by_state["tracked"]} == STILL_TRACKED
    assert [c["title"] for c in by_state["proposed"]] == [PROPOSED]
    for old, new in ALIASES.items():
        assert old in _named(cases, new)["aliases"], (old, new)
    for name, closure in CLOSED.items():
        assert _named(cases, name)["closure"] == closure, name
    merged = [c for c in by_state["closed"] if c["closure"] == "merged"]
    assert {c["title"] for c in merged} >= {"雙北社會企業交流合作案", "桃園新北茶農參訪交流"}
    assert all(c["merged_into"] for c in merged)
    assert _named(cases, "推動北五堵與保長坑策略合作計畫")["pending"]
    assert _named(cases, "雙北農村社區經驗交流")["pending"]  # delisting referred upwards
    assert len(_named(cases, "青創交流合作")["decisions"]) == 7


def test_seed_through_call_command(db):
    import_working_group()
    out = StringIO()
    call_command("export_cases", "--body", BODY, "--json", stdout=out)
    check_registry(json.loads(out.getvalue())["cases"])


def test_seed_through_the_command_line(tmp_path):
    path = seed_path()
    cli = Path(sys.executable).with_name("livinglab")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'registry.sqlite3'}",
        "LIVINGLAB_TESTING": "true",
        "DJANGO_SETTINGS_MODULE": "livinglab.settings",
    }

    def run(*args):
        return subprocess.run(  # noqa: S603  our own command, fixed arguments
            [str(cli), *args], env=env, check=True, capture_output=True, text=True, timeout=300
        ).stdout

    run("migrate", "--verbosity", "0")
    run("import-minutes", "--body", BODY, "--create-body", "--confirm", str(path))
    run("import-minutes", "--body", BODY, "--confirm", str(path))  # twice changes nothing
    check_registry(json.loads(run("export-cases", "--body", BODY, "--json"))["cases"])
