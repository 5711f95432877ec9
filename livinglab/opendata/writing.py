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
    """The dataset's file in `fmt`, written anew only if its data changed."""
    stamp = stamp_of(dataset)
    found = DatasetFile.objects.filter(dataset=dataset.slug, format=fmt).first()
    oldest = timezone.now() - timedelta(seconds=settings.LIVINGLAB_OPENDATA_MAX_AGE)
    if found and found.stamp == stamp and found.generated_at >= oldest and found.file:
        return found
    return write(dataset, fmt, stamp)


def write(dataset: Dataset, fmt: str, stamp: str | None = None) -> DatasetFile:
    stamp = stamp or stamp_of(dataset)
    with tempfile.TemporaryFile() as spool:
        rows = (_write_csv if fmt == "csv" else _write_json)(dataset, spool)
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
            found.stamp, found.rows, found.size = stamp, rows, size
            found.generated_at = timezone.now()
            found.save()
            if old and old != found.file.name:
                storage = found.file.storage
                transaction.on_commit(lambda: storage.delete(old))
    return found


def _write_csv(dataset: Dataset, spool) -> int:
    # UTF-8 with a byte-order mark, so that Excel opens Chinese text correctly.
    text = io.TextIOWrapper(spool, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text)
    writer.writerow(dataset.column_names)
    count = 0
    for row in dataset.rows():
        writer.writerow([csv_value(row[name]) for name in dataset.column_names])
        count += 1
    text.flush()
    text.detach()
    return count


def _write_json(dataset: Dataset, spool) -> int:
    spool.write(b'{"dataset": ' + json.dumps(dataset.slug).encode() + b', "rows": [')
    count = 0
    for row in dataset.rows():
        row = {name: (None if value == "" else value) for name, value in row.items()}
        spool.write((b", " if count else b"") + json.dumps(row, ensure_ascii=False).encode())
        count += 1
    spool.write(b"]}")
    return count
