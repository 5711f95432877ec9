"""Sites as plain rows for the map and GeoJSON: three queries and no model instances,
so that a city's every site on one page stays cheap."""

from html import escape

from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from livinglab.sites.models import Capability, FieldSite

_MARK = 987654321


def site_rows(sites) -> list[dict]:
    """One dict per site of the queryset, in its order, with capability keys and labels."""
    rows = list(
        sites.values("pk", "name", "address", "latitude", "longitude", "capacity", "agency__name")
    )
    url = reverse("sites:detail", args=[_MARK])
    capabilities = {c.pk: c for c in Capability.objects.all()}
    held: dict[int, list[Capability]] = {row["pk"]: [] for row in rows}
    links = FieldSite.capabilities.through.objects.filter(fieldsite_id__in=sites.values("pk"))
    for site_id, capability_id in links.values_list("fieldsite_id", "capability_id"):
        if site_id in held:
            held[site_id].append(capabilities[capability_id])
    for row in rows:
        chosen = sorted(held[row["pk"]], key=lambda c: (c.order, c.key))
        row["url"] = url.replace(str(_MARK), str(row["pk"]))
        row["agency"] = row.pop("agency__name")
        row["capabilities"] = [c.key for c in chosen]
        row["capability_labels"] = [c.label for c in chosen]
        row["has_location"] = row["latitude"] is not None and row["longitude"] is not None
    return rows


def site_items(rows: list[dict]) -> str:
    """The `<li>` of each site under the map, written directly: a template loop (or
    format_html) over a region's every site costs several times more. Every value from
    the database goes through `escape`."""
    unlocated = escape(_("no coordinates yet"))
    items = []
    for row in rows:
        facts = escape(row["agency"])
        if row["address"]:
            facts += " · " + escape(row["address"])
        if not row["has_location"]:
            facts += " · " + unlocated
        chips = "".join(
            f'<li class="capability">{escape(label)}</li>' for label in row["capability_labels"]
        )
        if chips:
            chips = f'<ul class="capability-list">{chips}</ul>'
        items.append(
            f'<li id="site-{int(row["pk"])}"><a href="{escape(row["url"])}">{escape(row["name"])}'
            f'</a> <span class="help">{facts}</span>{chips}</li>'
        )
    return mark_safe("\n".join(items))  # noqa: S308  every part above is escaped
