"""One draft item's changes sent through the API, checked by the draft page's own form.

The API takes an item's changes as JSON (the fields left out stay as they are); they
are turned into what the page's item row would post, so that the same `ItemForm`
checks them (agencies from the organisation directory, a typed case resolved against
the body's cases and the draft's new ones) and gives the same `choices` to
`update_draft`. Only the fields that were sent are passed on: two secretaries changing
different fields of one item, or different items, lose nothing of each other's edits.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from livinglab.core.forms import form_errors
from livinglab.meetings.models import MinutesDocument
from livinglab.tracking.import_forms import AGENCY_SEPARATORS, DraftForm, ItemForm

# The page's fields that each change sets, and the keys of the choices it gives.
_CHOICE_KEYS = {
    "text": ("text",),
    "track": ("track",),
    "status": ("status",),
    "deadline": ("deadline",),
    "pending": ("pending",),
    "agencies": ("agencies",),
    "cases": ("links", "relations"),
    "add_case": ("links", "relations"),
}


class ItemRefused(ValueError):
    """The changes cannot be made as sent; the message says why."""


@dataclass
class CaseChoice:
    """A case an item is about: an existing case of the body, or a new one by title (or
    by the key `new:N` of a new case the draft already proposes)."""

    case_id: int | None = None
    new_case: str | None = None


@dataclass
class ItemChanges:
    """The changes sent; `sent` names the fields the caller gave (absent ones stay)."""

    sent: set[str]
    text: str | None = None
    track: bool | None = None
    status: str | None = None
    deadline: str | None = None  # ISO date, or None to clear it
    pending: str | None = None
    agencies: list[tuple[str, str]] = field(default_factory=list)  # (name, lead|supporting)
    cases: list[CaseChoice | None] = field(default_factory=list)  # one per link; None keeps
    add_case: CaseChoice | None = None


def item_choices(draft: MinutesDocument, m: int, i: int, changes: ItemChanges) -> dict:
    """The choices for `update_draft` that make the changes to item `i` of meeting `m`."""
    form = DraftForm(draft, only=(m, i))
    [row] = [item for meeting in form.meetings for item in meeting["items"]]
    data = {row.add_prefix(name): value for name, value in _as_posted(row, changes).items()}
    bound = DraftForm(draft, data, only=(m, i))
    if not bound.is_valid():
        [checked] = [item for meeting in bound.meetings for item in meeting["items"]]
        raise ItemRefused(form_errors(checked))
    chosen = bound.choices()["items"][f"{m}.{i}"]
    keys = {key for name in changes.sent for key in _CHOICE_KEYS.get(name, ())}
    return {"items": {f"{m}.{i}": {key: chosen[key] for key in keys}}}


def _as_posted(row: ItemForm, changes: ItemChanges) -> dict:
    """What the page's row would post: the item as it is, with the changes typed in."""
    values = {name: row.initial.get(name, "") for name in row.fields}
    sent = changes.sent
    if "text" in sent and changes.text is not None:
        values["text"] = changes.text
    if "track" in sent and changes.track is not None:
        values["track"] = changes.track
    if "status" in sent:
        values["status"] = changes.status or ""
    if "deadline" in sent:
        values["deadline"] = changes.deadline or ""
    if "pending" in sent and changes.pending is not None:
        values["pending"] = changes.pending
    if "agencies" in sent:
        values["agencies"] = _names(changes.agencies, "lead")
        values["supporting"] = _names(changes.agencies, "supporting")
    if "cases" in sent:
        links = row.entry.get("links", [])
        if len(changes.cases) != len(links):
            raise ItemRefused(
                _("The item has %(count)s case links: send one entry for each (null keeps it).")
                % {"count": len(links)}
            )
        for k, choice in enumerate(changes.cases):
            if choice is not None:
                values[f"link_{k}"] = _typed(row, choice)
    if "add_case" in sent and changes.add_case is not None:
        values["case"] = _typed(row, changes.add_case)
    return values


def _names(agencies: list[tuple[str, str]], role: str) -> str:
    names = []
    for name, given_role in agencies:
        name = name.strip()
        if AGENCY_SEPARATORS.search(name):
            raise ItemRefused(_("One agency per entry: %(name)s") % {"name": name})
        if given_role == role and name not in names:
            names.append(name)
    return "、".join(names)


def _typed(row: ItemForm, choice: CaseChoice) -> str:
    """What the page's case field would hold for the chosen case."""
    cases = row.cases
    if (choice.case_id is None) == (choice.new_case is None):
        raise ItemRefused(_("Give each case either as case_id or as new_case."))
    if choice.case_id is not None:
        if choice.case_id not in cases.cases:
            raise ItemRefused(_("Case %(id)s is not a case of this body.") % {"id": choice.case_id})
        return cases.label(choice.case_id)
    title = (choice.new_case or "").strip()
    if title.startswith("new:"):
        if title not in cases.new_titles:
            raise ItemRefused(_("%(key)s is not a new case of this draft.") % {"key": title})
        return cases.new_titles[title]
    if not title:
        raise ItemRefused(_("Give each case either as case_id or as new_case."))
    return title
