"""`python -m livinglab.matching` keeps to ../shared/contracts/matching-cli.md."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "bench" / "data" / "matching"

NEEDS = [
    {
        "id": "N-1",
        "title": "路邊停車格即時空位",
        "text": "駕駛繞行找車位",
        "domain": "transport",
        "tags": ["traffic"],
        "sites": ["site-3"],
    },
    {"id": "N-2", "title": "長照居服員排班", "text": "居家服務排班仰賴人工", "domain": "health"},
    {
        "id": "N-3",
        "title": "市場攤商行動支付",
        "text": "攤商只收現金",
        "domain": "payments",
        "tags": None,
        "sites": None,
    },
    {"id": "N-4", "title": "開放資料品質", "text": "資料集欄位格式不一", "domain": "ecosystem"},
]
PROPOSALS = [
    {"id": "P-1", "title": "地磁感測空位導引", "text": "每一格車位裝感測器", "domain": None},
    {"id": "P-2", "title": "Caregiver rostering", "text": "scheduling home care workers"},
    {
        "id": "P-3",
        "title": "QR code 收款",
        "text": "菜市場無現金",
        "domain": "ecosystem",
        "tags": [],
    },
]


def write_jsonl(path: Path, records: list) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def run(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - fixed interpreter
        [sys.executable, "-m", "livinglab.matching", *arguments],
        capture_output=True,
        cwd=ROOT,
    )


@pytest.fixture
def files(tmp_path):
    return write_jsonl(tmp_path / "needs.jsonl", NEEDS), write_jsonl(
        tmp_path / "proposals.jsonl", PROPOSALS
    )


def test_output_is_the_contracts_json_with_every_proposal_once(files):
    needs, proposals = files
    result = run("--needs", str(needs), "--proposals", str(proposals), "--json")
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout.decode("utf-8"))
    assert list(output) == ["rankings"]
    assert list(output["rankings"]) == ["P-1", "P-2", "P-3"]
    for matches in output["rankings"].values():
        assert len(matches) == 3
        scores = [match["score"] for match in matches]
        assert scores == sorted(scores, reverse=True)
        for match in matches:
            assert set(match) == {"need", "score", "reasons"}
            assert match["need"] in {"N-1", "N-2", "N-3", "N-4"}
            assert isinstance(match["score"], float)
            assert match["reasons"] and all(isinstance(r, str) and r for r in match["reasons"])
    assert [output["rankings"][p][0]["need"] for p in ("P-1", "P-2", "P-3")] == [
        "N-1",
        "N-2",
        "N-3",
    ]


def test_output_is_utf8_not_ascii_escaped(files):
    needs, proposals = files
    result = run("--needs", str(needs), "--proposals", str(proposals), "--json")
    text = result.stdout.decode("utf-8")
    assert "\\u" not in text
    assert "車位" in text or "停車" in text


def test_top_k_limits_the_needs_per_proposal(files):
    needs, proposals = files
    for k, expected in (("1", 1), ("2", 2), ("10", 4)):
        result = run("--needs", str(needs), "--proposals", str(proposals), "--top", k, "--json")
        rankings = json.loads(result.stdout)["rankings"]
        assert {len(matches) for matches in rankings.values()} == {expected}


def test_a_malformed_line_is_reported_with_its_number_and_nothing_is_printed(tmp_path, files):
    needs, _ = files
    proposals = tmp_path / "bad.jsonl"
    lines = [json.dumps(p, ensure_ascii=False) for p in PROPOSALS]
    lines.insert(2, '{"id": "P-9", "title": "未完')
    proposals.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("--needs", str(needs), "--proposals", str(proposals), "--json")
    assert result.returncode == 1
    assert result.stdout == b""
    assert "line 3" in result.stderr.decode("utf-8")


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ('{"title": "沒有編號", "text": "x"}', "'id'"),
        ('{"id": "N-9", "text": "沒有標題"}', "'title'"),
        ('{"id": "N-9", "title": "沒有內文"}', "'text'"),
        ('["not", "an", "object"]', "object"),
        ('{"id": "N-9", "title": "t", "text": "x", "tags": "traffic"}', "'tags'"),
        ('{"id": "N-1", "title": "重複", "text": "x"}', "twice"),
    ],
)
def test_a_need_missing_a_required_field_is_a_malformed_line(tmp_path, files, line, why):
    _, proposals = files
    needs = tmp_path / "needs.jsonl"
    needs.write_text(
        json.dumps(NEEDS[0], ensure_ascii=False) + "\n" + line + "\n", encoding="utf-8"
    )
    result = run("--needs", str(needs), "--proposals", str(proposals), "--json")
    assert result.returncode == 1
    assert result.stdout == b""
    message = result.stderr.decode("utf-8")
    assert "line 2" in message and why in message


def test_a_line_that_is_not_utf8_is_malformed(tmp_path, files):
    needs, _ = files
    proposals = tmp_path / "latin.jsonl"
    proposals.write_bytes(
        b'{"id": "P-1", "title": "ok", "text": "ok"}\n{"id": "P-2", "title": "\xe9", "text": ""}\n'
    )
    result = run("--needs", str(needs), "--proposals", str(proposals), "--json")
    assert (result.returncode, result.stdout) == (1, b"")
    assert "line 2" in result.stderr.decode("utf-8")


def test_blank_lines_are_skipped_and_empty_needs_give_empty_lists(tmp_path):
    needs = tmp_path / "needs.jsonl"
    needs.write_text("\n", encoding="utf-8")
    proposals = tmp_path / "proposals.jsonl"
    proposals.write_text("\n" + json.dumps(PROPOSALS[0]) + "\n\n", encoding="utf-8")
    result = run("--needs", str(needs), "--proposals", str(proposals), "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"rankings": {"P-1": []}}


def test_a_missing_file_is_an_error_not_a_traceback(tmp_path, files):
    needs, _ = files
    result = run("--needs", str(needs), "--proposals", str(tmp_path / "absent.jsonl"), "--json")
    assert (result.returncode, result.stdout) == (1, b"")
    assert b"Traceback" not in result.stderr


def test_the_labelled_set_runs_through_the_cli():
    result = run(
        "--needs", str(DATA / "needs.jsonl"), "--proposals", str(DATA / "proposals.jsonl"), "--json"
    )
    rankings = json.loads(result.stdout)["rankings"]
    ids = [
        json.loads(line)["id"]
        for line in (DATA / "proposals.jsonl").read_text("utf-8").splitlines()
    ]
    assert list(rankings) == ids
