"""Operations on organisations: loading the agency directory, resolving names."""

import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from livinglab.core.access import require
from livinglab.orgs.models import Organisation, OrganisationAlias

DIRECTORY_FILE = Path(__file__).resolve().parent.parent / "minutes" / "data" / "agencies.json"


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    aliases: int = 0


@transaction.atomic
def load_agency_directory(path: Path = DIRECTORY_FILE) -> LoadResult:
    """Create or update cities, agencies and units from the shared directory file.

    Idempotent: loading the same file twice changes nothing. Aliases added by admins
    are kept; the file only ever adds.
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    result = LoadResult()
    for city_entry in data["cities"]:
        city = _upsert(
            result,
            kind=Organisation.Kind.CITY,
            name=city_entry["government"],
            short_name=city_entry["name"],
            aliases=city_entry.get("aliases", []),
        )
        for agency_entry in city_entry.get("agencies", []):
            _load_agency(
                result, agency_entry, city=city, parent=city, kind=Organisation.Kind.AGENCY
            )
    return result


def _load_agency(result: LoadResult, entry: dict, *, city, parent, kind) -> None:
    agency = _upsert(
        result,
        kind=kind,
        name=entry["name"],
        short_name=entry.get("short", ""),
        aliases=entry.get("aliases", []),
        city=city,
        parent=parent,
    )
    for unit in entry.get("units", []):
        _load_agency(result, unit, city=city, parent=agency, kind=Organisation.Kind.UNIT)


def _upsert(result: LoadResult, *, kind, name, short_name, aliases, city=None, parent=None):
    defaults = {"kind": kind, "short_name": short_name, "parent": parent}
    if kind != Organisation.Kind.CITY:  # a city is its own city, set below
        defaults["city"] = city
    org, created = Organisation.objects.get_or_create(name=name, defaults=defaults)
    if created:
        result.created += 1
    elif any(getattr(org, key) != value for key, value in defaults.items()):
        for key, value in defaults.items():
            setattr(org, key, value)
        org.save()
        result.updated += 1
    for alias in aliases:
        _, made = OrganisationAlias.objects.get_or_create(organisation=org, name=alias)
        result.aliases += int(made)
    if kind == Organisation.Kind.CITY and org.city_id != org.pk:
        org.city = org
        org.save(update_fields=["city"])
    return org


def resolve_agency(mention: str, city: Organisation | None = None) -> Organisation | None:
    """Find the organisation a name as written refers to.

    Full names win; a short name or alias is looked up in `city` first (a bare 交通局 in
    a Taipei meeting is Taipei's), and a mention that starts with a city's name
    (新北市經發局, 新北農業局) is looked up in that city.
    """
    mention = mention.strip()
    if not mention:
        return None
    exact = Organisation.objects.filter(name=mention).first()
    if exact:
        return exact
    named_city, rest = _split_city_prefix(mention)
    if named_city is not None:
        city, mention = named_city, rest.removeprefix("政府")
        found = Organisation.objects.filter(name=city.name + mention).first()
        if found:
            return found
    return _by_short_name(mention, city)


def _split_city_prefix(mention: str) -> tuple[Organisation | None, str]:
    candidates = []
    for city in Organisation.objects.cities().prefetch_related("aliases"):
        names = [city.short_name, city.name, *(a.name for a in city.aliases.all())]
        candidates += [(name, city) for name in names if name]
    # Longest prefix first so that 新北市 wins over 新北.
    for name, city in sorted(candidates, key=lambda pair: -len(pair[0])):
        if mention.startswith(name) and len(mention) > len(name):
            return city, mention[len(name) :]
    return None, mention


def _by_short_name(mention: str, city: Organisation | None) -> Organisation | None:
    by_short = Organisation.objects.agencies().filter(short_name=mention)
    by_alias = Organisation.objects.agencies().filter(aliases__name=mention)
    for queryset in (by_short, by_alias):
        if city is not None:
            found = queryset.filter(city=city).first()
            if found:
                return found
        matches = list(queryset[:2])
        if len(matches) == 1:  # unambiguous across cities
            return matches[0]
    return None


def add_alias(user, organisation: Organisation, name: str) -> OrganisationAlias:
    require(user, "add_alias", organisation)
    alias, _ = OrganisationAlias.objects.get_or_create(organisation=organisation, name=name.strip())
    return alias
