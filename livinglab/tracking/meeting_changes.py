"""One draft meeting's details changed through the API, checked by the draft page's form.

The API takes a meeting's details (title, date, time, location, chair, recorder) as
JSON, the fields left out staying as they are; they are typed into the page's own
`MeetingForm`, so that the same limits hold, and only the fields sent are passed on to
`update_draft`: a secretary correcting the date loses nothing of another's new title.
"""

from livinglab.core.forms import form_errors
from livinglab.meetings.models import MinutesDocument
from livinglab.tracking.import_forms import MeetingForm


class MeetingRefused(ValueError):
    """The details cannot be changed as sent; the message says why."""


def meeting_choices(draft: MinutesDocument, m: int, values: dict[str, str]) -> dict:
    """The choices for `update_draft` that give meeting `m` the details in `values`,
    each as the page's field would hold it ("" clears one; a title is required)."""
    form = MeetingForm(
        {f"m{m}-{name}": value for name, value in values.items()},
        entry=draft.proposal["meetings"][m],
        prefix=f"m{m}",
    )
    # Only what was sent is checked: a detail the reader stored that the form would
    # refuse is the caller's to correct when they send it, as the page shows it then.
    for name in set(form.fields) - set(values):
        del form.fields[name]
    if not form.is_valid():
        raise MeetingRefused(form_errors(form))
    form.cleaned_data = {**dict.fromkeys(MeetingForm.base_fields), **form.cleaned_data}
    chosen = form.choices()
    return {"meetings": {str(m): {name: chosen[name] for name in values}}}
