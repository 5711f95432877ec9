"""python -m livinglab.minutes FILE... --json (see contracts/minutes-json.md)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .errors import MinutesError
from .model import Document
from .reader import read_minutes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m livinglab.minutes",
        description="Read meeting records into meetings, decisions, cases and agencies.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--json", action="store_true", help="print the JSON contract")
    parser.add_argument("--members", help="member cities of the body, comma-separated")
    args = parser.parse_args(argv)
    members = args.members.split(",") if args.members else None
    documents, failed = [], False
    for path in args.files:
        try:
            documents.append(read_minutes(path, members=members))
        except MinutesError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed = True
    _print(documents, as_json=args.json)
    return 1 if failed else 0


def _print(documents: list[Document], *, as_json: bool) -> None:
    out = sys.stdout
    if as_json:
        payload = {"documents": [d.to_dict() for d in documents]}
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    for document in documents:
        out.write(f"{document.source}: {len(document.meetings)} meeting(s)\n")
        for meeting in document.meetings:
            out.write(f"  {meeting.date} {meeting.title} — {len(meeting.items)} item(s)\n")
            for item in meeting.items:
                cases = "、".join(item.cases) or "-"
                out.write(f"    {'.'.join(item.path)} [{item.status or '-'}] {cases}\n")
