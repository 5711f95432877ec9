"""Throughput of the minutes reader against the floor of one regex pass.

Generates a corpus of thousands of records in varied styles (~10 MB), reads it
and the seed files, and prints MB/s, records/s, the ratio to a single
``re.finditer`` pass over the same text, and peak memory over input size, with
PASS/FAIL for each target. Times are the CPU time of the process (one core; the
best of five reads, the slowest printed beside it), so that other work on the
machine counts as little as it can; the wall clock is printed beside them. On a
shared virtual machine the same code was measured 20% apart minutes apart: the
spread says how far to trust one run.
Run: python bench/bench_minutes.py
"""

from __future__ import annotations

import os
import random
import re
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from livinglab.minutes.clean import shadow  # noqa: E402
from livinglab.minutes.collector import collections_paused  # noqa: E402
from livinglab.minutes.header import FIELD_LINES  # noqa: E402
from livinglab.minutes.model import Item, Meeting  # noqa: E402
from livinglab.minutes.numbering import numbered_lines  # noqa: E402
from livinglab.minutes.reader import parse_text  # noqa: E402

SEEDS = ROOT / ".." / "shared" / "seeds"
TARGET_BYTES = 10 * 1024 * 1024
CITIES = ["臺北市", "新北市", "基隆市", "桃園市"]
AGENCIES = [
    "交通局",
    "產業局",
    "教育局",
    "環保局",
    "工務局",
    "社會局",
    "經發局",
    "研考會",
    "交工處",
]
VERBS = [
    "請{a}於{m}月{d}日前完成",
    "請{a}持續辦理",
    "本案解除列管，請{a}持續追蹤",
    "請{a}於2個月內提出計畫",
    "本案同意新增，由{a}主辦",
    "轉為常態交流予以解列",
    "本案繼續列管，請{a}於年底前報告",
]
NUMBERS = "一二三四五六七八九十"


def _case(rng: random.Random) -> str:
    return (
        rng.choice(["智慧", "跨市", "公共", "數位", "青年"])
        + rng.choice(["停車", "市場", "交通", "照護", "能源"])
        + rng.choice(["合作案", "推動計畫", "交流"])
    )


def _decision(rng: random.Random) -> str:
    verb = rng.choice(VERBS)
    return verb.format(a=rng.choice(AGENCIES), m=rng.randint(1, 12), d=rng.randint(1, 28)) + "。"


def _record(rng: random.Random, number: int) -> str:
    city = rng.choice(CITIES)
    style = number % 3
    lines = [f"{city}政府第{number}次業務會議紀錄", ""]
    lines += [
        f"時間：{rng.randint(110, 114)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日下午2時",
        f"地點：{city}政府會議室",
        f"主席：{city}政府{rng.choice(AGENCIES)} 王局長",
        "紀錄：林小明",
        "",
    ]
    if style == 0:
        lines.append("壹、會議結論：")
        for i in range(rng.randint(3, 8)):
            lines.append(f"（{NUMBERS[i]}）{_case(rng)}：{_decision(rng)}{_decision(rng)}")
    elif style == 1:
        lines += ["報告事項", "一、宣讀上次會議紀錄", "決定：洽悉。", "主席裁示："]
        for i in range(rng.randint(3, 8)):
            lines.append(f"- {i + 1}、**{_case(rng)}**：{_decision(rng)}")
    else:
        lines.append("伍、會議決議：")
        for i in range(rng.randint(2, 5)):
            lines.append(f"{NUMBERS[i]}、列管案件（計2案）：")
            for j in range(2):
                lines.append(f"({NUMBERS[j]}) {_case(rng)}（原雙北合作案）：")
                lines.append(f"1. {_decision(rng)}")
                lines.append(f"2. <p>{_decision(rng)}</p>")
    lines += ["散會：下午3時", "", ""]
    return "\n".join(lines)


def corpus() -> tuple[str, int]:
    rng = random.Random(3)
    parts, size, count = [], 0, 0
    while size < TARGET_BYTES:
        record = _record(rng, count + 1)
        parts.append(record)
        size += len(record.encode("utf-8"))
        count += 1
    return "".join(parts), count


def baseline(text: str) -> tuple[float, float]:
    """The floor: one finditer pass over the lines of the text (wall, CPU seconds)."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in re.finditer(r"[^\n]+", text):
        pass
    return time.perf_counter() - wall, time.process_time() - cpu


def output_floor(document: object) -> float:
    """CPU seconds to build the document's output objects alone (no reading): the
    same meetings and items made again from their finished fields — what any reader
    returning this structure pays on top of the baseline."""
    meetings = document.meetings  # type: ignore[attr-defined]
    best = float("inf")
    for _ in range(3):
        cpu = time.process_time()
        with collections_paused():  # as in a read
            _rebuild(meetings)
        best = min(best, time.process_time() - cpu)
    return best


def _rebuild(meetings: list) -> None:  # type: ignore[type-arg]
    for meeting in meetings:
        items = [
            Item(i.path, i.text, i.cases, i.agencies, i.deadline, i.status, i.span, i.relations)
            for i in meeting.items
        ]
        Meeting(
            meeting.title,
            meeting.date,
            meeting.time,
            meeting.location,
            meeting.chair,
            meeting.recorder,
            meeting.span,
            items,
        )


def first_passes(text: str) -> float:
    """CPU seconds of the reader's sweeps over the whole text before it reads any
    item: debris blanked, header fields found, numbered lines found."""
    best = float("inf")
    for _ in range(3):
        cpu = time.process_time()
        with collections_paused():  # as in a read
            blanked = shadow(text)
            list(FIELD_LINES.finditer(blanked, 0, len(blanked)))
            numbered_lines(blanked, 0, len(blanked))
        best = min(best, time.process_time() - cpu)
    return best


READS = 5


def read(text: str, name: str) -> tuple[float, float, float, object]:
    """Best of READS reads (wall, CPU seconds, slowest CPU seconds, document)."""
    best: tuple[float, float, object] | None = None
    slowest = 0.0
    for _ in range(READS):
        wall, cpu = time.perf_counter(), time.process_time()
        document = parse_text(text, name)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        slowest = max(slowest, cpu)
        if best is None or cpu < best[1]:
            best = (wall, cpu, document)
        del document  # one document held at a time
    assert best is not None
    return best[0], best[1], slowest, best[2]


def measure(name: str, text: str) -> tuple[float, float, float, float]:
    """Print the figures; return (CPU seconds, ratio to the baseline, memory, MB)."""
    size = len(text.encode("utf-8"))
    floors = [baseline(text) for _ in range(5)]
    floor_wall, floor_cpu = min(f[0] for f in floors), min(f[1] for f in floors)
    elapsed, cpu, slowest, document = read(text, name)
    tracemalloc.start()
    parse_text(text, name)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    records = len(document.meetings)  # type: ignore[attr-defined]
    items = sum(len(m.items) for m in document.meetings)  # type: ignore[attr-defined]
    mb = size / 1024 / 1024
    ratio = cpu / max(floor_cpu, 1e-9)
    print(f"{name}: {mb:.2f} MB, {records} records, {items} items")
    print(
        f"  reader    wall {elapsed:7.3f} s  CPU {cpu:7.3f} s  "
        f"{mb / cpu:7.2f} MB/s  {records / cpu:8.0f} records/s (CPU; slowest read {slowest:.3f} s)"
    )
    print(
        f"  baseline  wall {floor_wall:7.3f} s  CPU {floor_cpu:7.3f} s  "
        f"{mb / max(floor_cpu, 1e-9):7.2f} MB/s  (one re.finditer over the lines)"
    )
    passes, output = first_passes(text), output_floor(document)
    print(
        f"  sweeps    CPU {passes:7.3f} s  = {passes / max(floor_cpu, 1e-9):.1f}x the baseline "
        "(debris, header fields, numbered lines: before any item is read)"
    )
    print(
        f"  output    CPU {output:7.3f} s  = {output / max(floor_cpu, 1e-9):.1f}x the baseline "
        "(building the returned meetings and items alone, nothing read)"
    )
    print(
        f"  ratio     {ratio:7.1f}x the baseline (CPU)   peak memory {peak / max(size, 1):.1f}x input"
    )
    return cpu, ratio, peak / max(size, 1), mb


def verdict(label: str, ok: bool) -> None:
    print(f"  {'PASS' if ok else 'FAIL'}  {label}")


def main() -> None:
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    print(
        f"times: best of {READS} reads; CPU time of this process (one core), wall clock beside it"
    )
    text, count = corpus()
    cpu, ratio, memory, mb = measure(f"generated corpus ({count} records)", text)
    if SEEDS.is_dir():
        seeds = "\n\n".join(p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt")))
        measure("seed files", seeds)
    else:
        print(f"seed files: not found at {SEEDS.resolve()}, skipped")
    per_10 = cpu * 10 / mb
    print("targets (generated corpus):")
    verdict(f"10 MB in under 5 s on one core: {per_10:.2f} s per 10 MB", per_10 < 5)
    verdict(f"within 10x of the baseline: {ratio:.1f}x", ratio <= 10)
    verdict(f"peak memory under 10x the input: {memory:.1f}x", memory < 10)


if __name__ == "__main__":
    main()
