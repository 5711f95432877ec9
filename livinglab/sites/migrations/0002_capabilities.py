"""The capabilities a field site can offer, in Chinese and English (editable afterwards)."""

from django.db import migrations

CAPABILITIES = [
    ("5g", "5G 專網", "5G private network"),
    ("closed-road", "封閉測試道路", "closed test road"),
    ("open-road", "開放道路", "open public road"),
    ("bus-lane", "公車專用道", "bus lane"),
    ("smart-pole", "智慧桿", "smart lamp poles"),
    ("ev-charging", "電動車充電", "EV charging"),
    ("parking", "停車場", "car park"),
    ("metro-station", "捷運站", "metro station"),
    ("public-housing", "社會住宅", "public housing"),
    ("hospital", "醫院", "hospital"),
    ("long-term-care", "長照機構", "long-term care"),
    ("school", "學校", "school"),
    ("park", "公園", "park"),
    ("riverside", "河濱", "riverside"),
    ("science-park", "科學園區", "science park"),
    ("market", "傳統市場", "traditional market"),
    ("drone-airspace", "無人機試飛空域", "drone test airspace"),
    ("sensor-network", "環境感測網", "environmental sensor network"),
]


def add_capabilities(apps, schema_editor):
    Capability = apps.get_model("sites", "Capability")
    for order, (key, name, name_en) in enumerate(CAPABILITIES, start=1):
        Capability.objects.update_or_create(
            key=key, defaults={"name": name, "name_en": name_en, "order": order * 10}
        )


def remove_capabilities(apps, schema_editor):
    Capability = apps.get_model("sites", "Capability")
    Capability.objects.filter(key__in=[key for key, _name, _en in CAPABILITIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("sites", "0001_initial")]

    operations = [migrations.RunPython(add_capabilities, remove_capabilities)]
