"""Reading needs and proposals from JSON Lines (see ../shared/contracts/matching-cli.md)."""

from __future__ import annotations

import json
from pathlib import Path

from .model import Item


class MalformedLine(ValueError):
    """A line that is not a valid need or proposal; ``str()`` names the file and line."""

    def __init__(self, path: str, line: int, why: str) -> None:
        super().__init__(f"{path}:{line}: {why}")
        self.path, self.line, self.why = path, line, why


def _optional_text(record: dict, key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"'{key}' must be a string or null")
    return value.strip() or None


def _optional_strings(record: dict, key: str) -> tuple[str, ...]:
    value = record.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(entry, str) for entry in value):
        raise ValueError(f"'{key}' must be a list of strings or null")
    return tuple(value)


def item_from_record(record: object) -> Item:
    """An ``Item`` from one decoded line; raises ValueError naming what is wrong."""
    if not isinstance(record, dict):
        raise ValueError("a line must be a JSON object")
    identifier = record.get("id")
    if isinstance(identifier, bool) or not isinstance(identifier, str | int):
        raise ValueError("'id' is required (a string)")
    for key in ("title", "text"):
        if not isinstance(record.get(key), str):
            raise ValueError(f"'{key}' is required (a string)")
    return Item(
        id=str(identifier),
        title=record["title"],
        text=record["text"],
        domain=_optional_text(record, "domain"),
        tags=_optional_strings(record, "tags"),
        sites=_optional_strings(record, "sites"),
    )


def read_items(path: str | Path) -> list[Item]:
    """Every item of a JSON Lines file, in order; blank lines are skipped.

    Raises ``MalformedLine`` for the first line that is not UTF-8, not JSON, lacks a
    required field or repeats an id; ``OSError`` if the file cannot be read.
    """
    name = str(path)
    items: list[Item] = []
    seen: set[str] = set()
    with open(path, "rb") as stream:
        for number, raw in enumerate(stream, start=1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                raise MalformedLine(name, number, "not UTF-8") from None
            if not line.strip():
                continue
            try:
                item = item_from_record(json.loads(line))
            except json.JSONDecodeError as error:
                raise MalformedLine(name, number, f"not JSON ({error.msg})") from None
            except ValueError as error:
                raise MalformedLine(name, number, str(error)) from None
            if item.id in seen:
                raise MalformedLine(name, number, f"id {item.id!r} appears twice")
            seen.add(item.id)
            items.append(item)
    return items
