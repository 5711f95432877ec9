"""The catalogue of definitions: the default one shipped as data, and new versions."""

import json
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from livinglab.core.access import require
from livinglab.kpis import units
from livinglab.kpis.models import Definition, EmissionFactor

CATALOGUE = Path(__file__).resolve().parent.parent / "data" / "catalogue.json"


class UnknownDefinition(LookupError):
    pass


def read_catalogue(path: Path = CATALOGUE) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def load_catalogue(path: Path = CATALOGUE, *, definitions=Definition, factors=EmissionFactor):
    """Add the catalogue's definitions and emission factors that are not there yet.

    Existing ones are left alone (a definition is changed by a new version, never in
    place), so loading twice changes nothing. `definitions` and `factors` may be a
    migration's historical models. Returns how many rows were added.
    """
    data = read_catalogue(path)
    added = 0
    for entry in data["definitions"]:
        fields = {k: v for k, v in entry.items() if k not in ("slug", "version")}
        _, created = definitions.objects.get_or_create(
            slug=entry["slug"], version=entry.get("version", 1), defaults=fields
        )
        added += created
    for entry in data.get("emission_factors", []):
        keys = {k: entry[k] for k in ("activity", "region", "year")}
        rest = {k: v for k, v in entry.items() if k not in keys}
        _, created = factors.objects.get_or_create(**keys, defaults=rest)
        added += created
    return added


def split_identifier(identifier: str) -> tuple[str, int | None]:
    slug, _sep, version = (identifier or "").strip().partition("@")
    return slug, int(version) if version.isdigit() else None


def get_definition(identifier: str) -> Definition:
    """`slug@version`, or `slug` alone for its latest version."""
    slug, version = split_identifier(identifier)
    found = Definition.objects.filter(slug=slug)
    found = found.filter(version=version) if version else found.order_by("-version")
    definition = found.first()
    if definition is None:
        raise UnknownDefinition(
            _("No KPI definition “%(identifier)s” in the catalogue.") % {"identifier": identifier}
        )
    return definition


def latest(definitions):
    """Only the latest version of each slug."""
    seen: dict[str, Definition] = {}
    for definition in definitions:
        kept = seen.get(definition.slug)
        if kept is None or kept.version < definition.version:
            seen[definition.slug] = definition
    return sorted(seen.values(), key=lambda d: (d.category, d.slug))


@transaction.atomic
def new_version(user, definition: Definition, changes: dict, note: str) -> Definition:
    """A copy of `definition` with `changes` as the next version, noting what changed."""
    require(user, "version", definition)
    if not note.strip():
        raise ValueError(_("Say what changed in the new version."))
    if "unit" in changes:
        units.parse(changes["unit"])
    top = Definition.objects.filter(slug=definition.slug).order_by("-version").first()
    fields = {
        f.name: getattr(definition, f.name)
        for f in Definition._meta.concrete_fields
        if f.name not in ("id", "created_at")
    }
    fields.update(changes)
    fields.update(version=top.version + 1, change_note=note.strip())
    return Definition.objects.create(**fields)
