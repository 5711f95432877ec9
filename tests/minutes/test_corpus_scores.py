"""The reader's scores on labelled records stay at or above their floors.

``corpus/`` holds records written for these tests in layouts the shared corpus lacks
(tables in .docx and .odt, flattened tables, bullets, headers as sentences or with
values on the next line, merges with a clause, 協辦, 四市, Chinese-numeral deadlines),
labelled before the reader was run on them. The shared corpus is read where present.
The floors sit a little below what the reader reaches, so that a regression fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .scoring import score_folder

OWN = Path(__file__).resolve().parent / "corpus"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "minutes-corpus"

OWN_FLOORS = {"meta": 0.95, "items": 0.95, "status": 0.95, "agencies": 0.94, "deadline": 0.95}
SHARED_FLOORS = {"meta": 0.97, "items": 0.95, "status": 0.93, "agencies": 0.84, "deadline": 0.95}


def _below(rates: dict[str, float], floors: dict[str, float]) -> dict[str, tuple[float, float]]:
    return {k: (round(rates[k], 3), floor) for k, floor in floors.items() if rates[k] < floor}


def test_own_labelled_records_score_above_their_floors(tmp_path):
    from .corpus.make_office import build

    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in OWN.iterdir():
        if path.suffix in (".txt", ".json"):
            (folder / path.name).write_bytes(path.read_bytes())
    build(folder)  # the .docx and .odt records, from their sources
    assert _below(score_folder(folder).rates(), OWN_FLOORS) == {}


def test_shared_corpus_scores_above_its_floors():
    if not SHARED.is_dir():
        pytest.skip(f"shared corpus not found at {SHARED.resolve()}")
    assert _below(score_folder(SHARED).rates(), SHARED_FLOORS) == {}
