"""The catalogue's trial indicators that the demo trials measure (added to data/catalogue.json)."""

from django.db import migrations


def load(apps, schema_editor):
    from livinglab.kpis.services.catalogue import load_catalogue

    load_catalogue(
        definitions=apps.get_model("kpis", "Definition"),
        factors=apps.get_model("kpis", "EmissionFactor"),
    )


class Migration(migrations.Migration):
    dependencies = [("kpis", "0005_off_track_alert")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
