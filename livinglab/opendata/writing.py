"""Writing a dataset to CSV and JSON, streamed to a temporary file, then swapped in."""

import csv
import hashlib
import io
import json
import tempfile
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone

from livinglab.core.office import csv_value
from livinglab.opendata.catalogue import Dataset
from livinglab.opendata.models import DatasetFile

FORMATS = tuple(DatasetFile.Format.values)


def stamp_of(dataset: Dataset) -> str:
    return hashlib.sha256(repr(dataset.stamp()).encode()).hexdigest()


def current_file(dataset: Dataset, fmt: str) -> DatasetFile:
    """The dataset's file in `fmt`, written anew (with its other formats) only if its
    data changed."""
    stamp = stamp_of(dataset)
    found = DatasetFile.objects.filter(dataset=dataset.slug, format=fmt).first()
    oldest = timezone.now() - timedelta(seconds=settings.LIVINGLAB_OPENDATA_MAX_AGE)
    if found and found.stamp == stamp and found.generated_at >= oldest and found.file:
        return found
    return write_all(dataset, stamp)[fmt]


def write(dataset: Dataset, fmt: str, stamp: str | None = None) -> DatasetFile:
    return write_all(dataset, stamp)[fmt]


def write_all(dataset: Dataset, stamp: str | None = None) -> dict[str, DatasetFile]:
    """Every format of the dataset from one reading of its rows: reading them is the
    cost (a region's cases take minutes), writing a row out is cheap."""
    stamp = stamp or stamp_of(dataset)
    with tempfile.TemporaryFile() as csv_spool, tempfile.TemporaryFile() as json_spool:
        writers = {"csv": _CsvWriter(dataset, csv_spool), "json": _JsonWriter(dataset, json_spool)}
        for row in dataset.rows():
            for writer in writers.values():
                writer.add(row)
        return {
            fmt: _store(dataset, fmt, writer.finish(), stamp) for fmt, writer in writers.items()
        }


def _store(dataset: Dataset, fmt: str, written: "_Written", stamp: str) -> DatasetFile:
    spool = written.spool
    size = spool.tell()
    spool.seek(0)
    with transaction.atomic():
        found, _ = DatasetFile.objects.select_for_update().get_or_create(
            dataset=dataset.slug,
            format=fmt,
            defaults={"generated_at": timezone.now(), "stamp": stamp},
        )
        old = found.file.name if found.file else ""
        found.file.save(f"{dataset.slug}.{fmt}", File(spool), save=False)
        found.stamp, found.rows, found.size = stamp, written.rows, size
        found.generated_at = timezone.now()
        found.save()
        if old and old != found.file.name:
            storage = found.file.storage
            transaction.on_commit(lambda: storage.delete(old))
    return found


class _Written:
    def __init__(self, spool, rows: int):
        self.spool, self.rows = spool, rows


class _CsvWriter:
    def __init__(self, dataset: Dataset, spool):
        self.names = dataset.column_names
        self.spool = spool
        # UTF-8 with a byte-order mark, so that Excel opens Chinese text correctly.
        self.text = io.TextIOWrapper(spool, encoding="utf-8-sig", newline="")
        self.writer = csv.writer(self.text)
        self.writer.writerow(self.names)
        self.rows = 0

    def add(self, row: dict) -> None:
        self.writer.writerow([csv_value(row[name]) for name in self.names])
        self.rows += 1

    def finish(self) -> _Written:
        self.text.flush()
        self.text.detach()
        return _Written(self.spool, self.rows)


class _JsonWriter:
    def __init__(self, dataset: Dataset, spool):
        self.spool = spool
        spool.write(b'{"dataset": ' + json.dumps(dataset.slug).encode() + b', "rows": [')
        self.rows = 0

    def add(self, row: dict) -> None:
        row = {name: (None if value == "" else value) for name, value in row.items()}
        self.spool.write(
            (b", " if self.rows else b"") + json.dumps(row, ensure_ascii=False).encode()
        )
        self.rows += 1

    def finish(self) -> _Written:
        self.spool.write(b"]}")
        return _Written(self.spool, self.rows)
