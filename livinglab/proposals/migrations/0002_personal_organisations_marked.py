from django.db import migrations


def mark_personal(apps, schema_editor):
    ProposerOrganisation = apps.get_model("proposals", "ProposerOrganisation")
    Organisation = apps.get_model("orgs", "Organisation")
    people = ProposerOrganisation.objects.filter(kind="person").values("organisation_id")
    Organisation.objects.filter(pk__in=people).update(is_personal=True)


class Migration(migrations.Migration):
    dependencies = [
        ("orgs", "0002_organisation_is_personal"),
        ("proposals", "0001_initial"),
    ]

    operations = [migrations.RunPython(mark_personal, migrations.RunPython.noop)]
