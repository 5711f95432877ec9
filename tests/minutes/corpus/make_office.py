"""Build the .docx and .odt records of this folder from their ``NAME.docx.src`` /
``NAME.odt.src`` text (a line with tabs is a table row), with the test builders.

    .venv/bin/python tests/minutes/corpus/make_office.py [FOLDER]

FOLDER defaults to this folder; the scorer then reads the built files beside the
labels (../shared/tools/score_minutes.py PYTHON FOLDER).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from tests.minutes.builders import write_docx, write_odt  # noqa: E402

WRITERS = {"docx": write_docx, "odt": write_odt}


def build(folder: Path) -> list[Path]:
    built = []
    for source in sorted(HERE.glob("*.src")):
        name, kind = source.name.removesuffix(".src").rsplit(".", 1)
        lines = source.read_text("utf-8").splitlines()
        built.append(WRITERS[kind](lines, folder / f"{name}.{kind}"))
    return built


if __name__ == "__main__":
    for path in build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(path)
