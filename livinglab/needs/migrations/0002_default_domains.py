"""The city's default taxonomy: the 5+N domains and the three priority tags.

Rows can be renamed or added in the admin afterwards; this migration only creates
missing keys and never overwrites what an administrator changed.
"""

from django.db import migrations

# (key, name, name in English, priority tag)
DOMAINS = [
    ("housing", "智慧公宅", "Smart public housing", False),
    ("transport", "智慧交通", "Smart transport", False),
    ("health", "智慧醫療", "Smart health care", False),
    ("education", "智慧教育", "Smart education", False),
    ("payments", "智慧金融支付", "Smart payments", False),
    ("ecosystem", "創新創業生態系", "Innovation and start-up ecosystem", False),
    ("traffic", "交通壅塞", "Traffic", True),
    ("ageing", "高齡化", "Ageing", True),
    ("carbon", "減碳", "Carbon reduction", True),
]


def create_domains(apps, schema_editor):
    Domain = apps.get_model("needs", "Domain")
    for order, (key, name, name_en, is_tag) in enumerate(DOMAINS):
        Domain.objects.get_or_create(
            key=key,
            defaults={"name": name, "name_en": name_en, "is_priority_tag": is_tag, "order": order},
        )


class Migration(migrations.Migration):
    dependencies = [("needs", "0001_initial")]

    operations = [migrations.RunPython(create_domains, migrations.RunPython.noop)]
