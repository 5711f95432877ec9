"""``python -m livinglab.matching --needs N.jsonl --proposals P.jsonl [--top K] --json``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import rank_all
from .jsonl import MalformedLine, read_items


def _count(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return number


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m livinglab.matching",
        description="Suggest needs for each proposal, best first, with reasons.",
    )
    parser.add_argument("--needs", required=True, help="needs, JSON Lines")
    parser.add_argument("--proposals", required=True, help="proposals, JSON Lines")
    parser.add_argument("--top", type=_count, default=3, metavar="K", help="needs per proposal (3)")
    parser.add_argument("--json", action="store_true", help="print JSON (the contract's output)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    try:
        needs = read_items(arguments.needs)
        proposals = read_items(arguments.proposals)
    except MalformedLine as error:
        print(f"error: {error.path}: line {error.line}: {error.why}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"error: {error.filename}: {error.strerror}", file=sys.stderr)
        return 1
    rankings = rank_all(proposals, needs, arguments.top)
    if arguments.json:
        output = {
            "rankings": {
                proposal: [
                    {"need": match.id, "score": match.score, "reasons": match.reason_texts}
                    for match in matches
                ]
                for proposal, matches in rankings.items()
            }
        }
        text = json.dumps(output, ensure_ascii=False) + "\n"
    else:
        text = "".join(
            f"{proposal}\n"
            + "".join(
                f"  {match.id}\t{match.score:.2f}\t{'；'.join(match.reason_texts)}\n"
                for match in matches
            )
            for proposal, matches in rankings.items()
        )
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
    return 0
