"""One document of grams per case under an order key, indexed by the database's own
inverted index (FTS5 on SQLite, GIN on PostgreSQL), instead of one row per gram.

The documents are built from the grams already indexed, so no reindex is needed.
"""

import datetime

import django.db.models.deletion
from django.db import migrations, models

from livinglab.search import backends


def _key(case_id, date):  # as `search.models.key_of` at the time of this migration
    days = datetime.date.max.toordinal() - (date or datetime.date(1, 1, 1)).toordinal()
    return (days << 32) | ((1 << 32) - 1 - case_id)


def documents_from_grams(apps, schema_editor):
    CaseGram = apps.get_model("search", "CaseGram")
    CaseDoc = apps.get_model("search", "CaseDoc")
    rows = CaseGram.objects.order_by("case_id").values_list("case_id", "decided_on", "gram")
    batch, current, grams, date = [], None, [], None

    def close():
        if current is not None:
            batch.append(
                CaseDoc(key=_key(current, date), case_id=current, grams=" ".join(sorted(grams)))
            )

    for case_id, decided_on, gram in rows.iterator(chunk_size=5000):
        if case_id != current:
            close()
            current, grams, date = case_id, [], decided_on
            if len(batch) >= 1000:
                CaseDoc.objects.bulk_create(batch)
                batch.clear()
        grams.append(gram)
    close()
    CaseDoc.objects.bulk_create(batch)


def install(apps, schema_editor):
    backends.install(schema_editor)


def uninstall(apps, schema_editor):
    backends.uninstall(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_gram_newest_first"),
        ("tracking", "0002_case_event_corrected"),
    ]

    operations = [
        migrations.CreateModel(
            name="CaseDoc",
            fields=[
                (
                    "key",
                    models.BigAutoField(
                        primary_key=True, serialize=False, verbose_name="order key"
                    ),
                ),
                ("grams", models.TextField(verbose_name="characters and pairs")),
                (
                    "case",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="search_doc",
                        to="tracking.case",
                    ),
                ),
            ],
            options={
                "verbose_name": "search document",
                "verbose_name_plural": "search documents",
            },
        ),
        migrations.CreateModel(
            name="CaseDocIndex",
            fields=[
                (
                    "doc",
                    models.OneToOneField(
                        db_column="rowid",
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="fts",
                        serialize=False,
                        to="search.casedoc",
                    ),
                ),
                ("match", models.TextField(db_column="search_casedoc_fts")),
            ],
            options={
                "db_table": "search_casedoc_fts",
                "managed": False,
            },
        ),
        migrations.RunPython(documents_from_grams, migrations.RunPython.noop),
        migrations.RunPython(install, uninstall),
        migrations.DeleteModel(name="CaseGram"),
    ]
