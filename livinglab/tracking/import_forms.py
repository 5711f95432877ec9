"""Forms of the secretary's import pages: the upload and the corrections to a draft.

The draft's proposal is JSON (see `tracking.services.proposal`); `DraftForm` shows it
as one small form per meeting and per item and turns what was posted back into the
`choices` that `update_draft` and `confirm_import` take, keyed "m" and "m.i".
"""

import re
from pathlib import Path

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from livinglab.tracking.models import Case, CaseLink, Decision

EXTENSIONS = {".txt", ".docx", ".odt", ".pdf"}
MAX_FILES = 20
AGENCY_SEPARATORS = re.compile(r"[、,，;；\n]+")
CASE_NUMBER = re.compile(r"#(\d+)\s*$")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(EXTENSIONS)}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if len(files) > MAX_FILES:
            raise forms.ValidationError(
                _("At most %(count)s files at once.") % {"count": MAX_FILES}
            )
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


def content_problem(name: str, head: bytes) -> str | None:
    """Why a file's first bytes do not look like the record its name says, if they don't."""
    suffix = Path(name).suffix.lower()
    if suffix not in EXTENSIONS:
        return _("only .txt, .docx, .odt and .pdf records can be imported")
    if suffix == ".pdf" and not head.startswith(b"%PDF-"):
        return _("the file is not a PDF document")
    if suffix in {".docx", ".odt"} and not head.startswith(b"PK\x03\x04"):
        return _("the file is not a Word or OpenDocument text document")
    if suffix == ".txt" and b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _("the file is not plain text")
    return None


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Meeting records"),
        help_text=_("One or more records (.txt, .docx, .odt or .pdf)."),
    )

    def clean_files(self):
        limit = settings.LIVINGLAB_UPLOAD_MAX_BYTES
        files = self.cleaned_data["files"]
        for upload in files:
            if upload.size > limit:
                raise forms.ValidationError(
                    _("%(file)s: the file is larger than %(limit)s.")
                    % {"file": upload.name, "limit": filesizeformat(limit)}
                )
            head = upload.read(8192)
            upload.seek(0)
            problem = content_problem(upload.name, head)
            if problem:
                raise forms.ValidationError(
                    _("%(file)s: %(reason)s.") % {"file": upload.name, "reason": problem}
                )
        return files


class PassageForm(forms.Form):
    """Words of the source text to make an item of: offsets from the page's script, or
    only the words (pasted, without the script), which are then sought in the text."""

    passage_start = forms.IntegerField(min_value=0, required=False)
    passage_end = forms.IntegerField(min_value=0, required=False)
    passage_text = forms.CharField(max_length=20000, strip=False)

    def passage(self):
        from livinglab.tracking.services.drafting import Passage

        data = self.cleaned_data
        start, end = data["passage_start"], data["passage_end"]
        if start is None or end is None:
            start = end = 0
        return Passage(start, end, data["passage_text"].replace("\r\n", "\n"))


class ShownValues:
    """A draft form that posts back, beside each field, the value the page showed.

    Several secretaries may have the draft open at once. A whole-page save posts every
    item, most of them as they were when that page was opened, perhaps before someone
    else saved them: only the forms whose fields differ from what the page showed are
    written (`touched`), so a stale page cannot undo another secretary's edit.
    """

    def show_initial(self) -> None:
        for field in self.fields.values():
            field.show_hidden_initial = True

    def touched(self) -> bool:
        """Whether the secretary changed this form (or the post cannot tell)."""
        shown = any(self.add_initial_prefix(name) in self.data for name in self.fields)
        return not shown or self.has_changed()


class MeetingForm(ShownValues, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    date = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    time = forms.TimeField(
        label=_("Time"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    location = forms.CharField(label=_("Location"), max_length=300, required=False)
    chair = forms.CharField(label=_("Chair"), max_length=200, required=False)
    recorder = forms.CharField(label=_("Recorder"), max_length=200, required=False)

    def __init__(self, data, *, entry: dict, prefix: str):
        initial = {field: entry.get(field) or "" for field in self.base_fields}
        super().__init__(data, initial=initial, prefix=prefix)
        self.show_initial()

    def choices(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "date": data["date"].isoformat() if data["date"] else None,
            "time": data["time"].strftime("%H:%M") if data["time"] else None,
            **{field: data[field] for field in ("location", "chair", "recorder")},
        }


class CaseChoices:
    """What a case link can point to: the body's cases and the draft's new cases."""

    def __init__(self, body, proposal: dict) -> None:
        self.cases = {
            pk: title
            for pk, title in Case.objects.filter(body=body)
            .order_by("title", "pk")
            .values_list("pk", "title")
        }
        self.new_titles: dict[str, str] = {}
        highest = 0
        for link in _links(proposal):
            if isinstance(link["case"], str):
                self.new_titles.setdefault(link["case"], link.get("title") or link["name"])
                highest = max(highest, int(link["case"].split(":")[1]))
        self.next_new = highest + 1
        self.proposed = set(self.new_titles)  # the new cases the reader proposed

    def label(self, key) -> str:
        """How a link's case is written in its field: 'title #id', or a new case's title."""
        if isinstance(key, int):
            return f"{self.cases.get(key, '?')} #{key}"
        return self.new_titles.get(key, "")

    def options(self) -> list[str]:
        return [*self.new_titles.values(), *(f"{t} #{pk}" for pk, t in self.cases.items())]

    def resolve(self, value: str) -> tuple[object, str]:
        """The case key and title a typed value names; a new case for a new name."""
        value = value.strip()
        number = CASE_NUMBER.search(value)
        if number and int(number.group(1)) in self.cases:
            pk = int(number.group(1))
            return pk, self.cases[pk]
        for key, title in self.new_titles.items():
            if title == value:
                return key, title
        for pk, title in self.cases.items():
            if title == value:
                return pk, title
        key = f"new:{self.next_new}"
        self.next_new += 1
        self.new_titles[key] = value
        return key, value


def _links(proposal: dict):
    for meeting in proposal.get("meetings", []):
        for item in meeting.get("items", []):
            yield from item.get("links", [])


# --- The agency picker: a text field offering the organisation directory ---------------
# The draft page and the corrections to a confirmed meeting share it: the page holds one
# <datalist id="agency-directory"> (imports/_agency_directory.html, `agency_options`),
# names are separated by 、 and each must be in the directory.


def agency_field(label, help_text="") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=1000,
        widget=forms.TextInput(attrs={"list": "agency-directory", "autocomplete": "off"}),
        help_text=help_text,
    )


def agency_options() -> list[str]:
    """The organisation directory's agencies, offered by the agency fields."""
    from livinglab.orgs.models import Organisation

    return list(Organisation.objects.agencies().order_by("name").values_list("name", flat=True))


def agency_names(text: str) -> list[str]:
    """The names typed in one agency field."""
    return [part for part in (p.strip() for p in AGENCY_SEPARATORS.split(text or "")) if part]


def not_in_directory(names: list[str]) -> forms.ValidationError:
    return forms.ValidationError(
        _("Not in the organisation directory: %(names)s. Pick names from the list.")
        % {"names": "、".join(names)}
    )


def directory_agencies(text: str) -> list:
    """The organisations named in one agency field, each looked up in the directory."""
    found, unknown = [], []
    for name in agency_names(text):
        organisation = directory_entry(name)
        if organisation is None:
            unknown.append(name)
        elif organisation not in found:
            found.append(organisation)
    if unknown:
        raise not_in_directory(unknown)
    return found


STATUS_CHOICES = [("", _("(no status)")), *Decision.Status.choices]


class ItemForm(ShownValues, forms.Form):
    track = forms.BooleanField(label=_("Track this decision"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES, required=False)
    deadline = forms.DateField(
        label=_("Deadline"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    case = forms.CharField(
        label=_("Case"),
        required=False,
        max_length=320,
        widget=forms.TextInput(attrs={"list": "body-cases", "class": "case-input"}),
        help_text=_("Pick a case of the body from the list, or type the name of a new case."),
    )
    agencies = agency_field(
        _("Lead agencies (主辦)"), _("From the organisation directory; several separated by 、.")
    )
    supporting = agency_field(_("Supporting agencies (協辦)"))
    pending = forms.CharField(
        label=_("Waiting for the parent body"),
        required=False,
        max_length=300,
        help_text=_("E.g. delisting referred to the deputy-mayor meeting."),
    )
    text = forms.CharField(
        label=_("Decision text"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=20000,
        required=False,
    )

    def __init__(self, data, *, entry: dict, prefix: str, cases: CaseChoices, confirming=False):
        self.entry, self.cases, self.confirming = entry, cases, confirming
        deadline = entry.get("deadline") or {}
        initial = {
            "track": entry.get("track", True),
            "status": entry.get("status") or "",
            "deadline": deadline.get("date") or "",
            "agencies": _agency_text(entry.get("agencies", []), LEAD),
            "supporting": _agency_text(entry.get("agencies", []), SUPPORTING),
            "pending": entry.get("pending") or "",
            "text": entry.get("text") or "",
        }
        super().__init__(data, initial=initial, prefix=prefix)
        for k, link in enumerate(entry.get("links", [])):
            self.fields[f"link_{k}"] = forms.CharField(
                label=_("Case"),
                max_length=320,
                required=False,
                widget=forms.TextInput(attrs={"list": "body-cases", "class": "case-input"}),
            )
            self.initial[f"link_{k}"] = cases.label(link["case"])
        self.show_initial()

    def touched(self) -> bool:
        # "Use this case" next to a suggestion is a change of its own.
        links = range(len(self.entry.get("links", [])))
        return super().touched() or any(
            self.data.get(self.add_prefix(f"use_link_{k}")) for k in links
        )

    def link_rows(self):
        """Each link of the item with its field, for the template."""
        for k, link in enumerate(self.entry.get("links", [])):
            suggested = link.get("suggested") if link.get("review") else None
            yield {
                "link": link,
                "field": self[f"link_{k}"],
                "percent": _percent(link),
                "suggested": self.cases.label(suggested) if suggested is not None else "",
                "use_name": self.add_prefix(f"use_link_{k}"),
            }

    def clean(self):
        data = super().clean()
        old = self.entry.get("agencies", [])
        unchanged = all(
            (data.get(field) or "").strip() == _agency_text(old, role)
            for field, role in (("agencies", LEAD), ("supporting", SUPPORTING))
        )
        refs = []
        for field, role in (("agencies", LEAD), ("supporting", SUPPORTING)):
            try:
                refs += _agency_refs(data.get(field) or "", old, role)
            except forms.ValidationError as error:
                self.add_error(field, error)
        data["agency_refs"] = old if unchanged else _dedupe(refs)
        has_case = self.entry.get("links") or (data.get("case") or "").strip()
        if self.confirming and data.get("track") and not has_case:
            self.add_error(
                "case",
                _("Name the case this decision is about, or untick “Track this decision”."),
            )
        return data

    def choices(self) -> dict:
        data, entry = self.cleaned_data, self.entry
        links, relations = self._links()
        typed = data.get("case", "").strip()
        if typed:
            key, title = self.cases.resolve(typed)
            if key not in {link["case"] for link in links}:
                links.append(
                    {
                        "name": title,
                        "case": key,
                        "title": title,
                        "method": CaseLink.Method.NEW if isinstance(key, str) else "manual",
                        "confidence": 1.0,
                        "review": False,
                        "suggested": None,
                        "suggested_score": None,
                        "role": CaseLink.Role.SUBJECT,
                    }
                )
        return {
            "track": data["track"],
            "status": data["status"] or None,
            "deadline": self._deadline(),
            "agencies": data["agency_refs"],
            "pending": data["pending"],
            "text": data["text"] or entry.get("text", ""),
            "links": links,
            "relations": relations,
        }

    def _deadline(self):
        date, old = self.cleaned_data["deadline"], self.entry.get("deadline")
        if date is None:
            return None
        if old and old.get("date") == date.isoformat():
            return old
        return {"mention": "", "date": date.isoformat()}

    def _links(self) -> tuple[list, list]:
        links, moved = [], {}
        for k, link in enumerate(self.entry.get("links", [])):
            # "Use this case" next to a suggestion posts the suggestion for the field.
            value = self.data.get(self.add_prefix(f"use_link_{k}")) or self.cleaned_data.get(
                f"link_{k}", ""
            )
            if not value.strip() or value.strip() == self.cases.label(link["case"]):
                links.append(link)
                continue
            key, title = self.cases.resolve(value)
            moved[link["case"]] = key
            # A name that is no case yet corrects the name the reader found.
            name = (
                title if isinstance(key, str) and key not in self.cases.proposed else link["name"]
            )
            links.append(
                {
                    **link,
                    "name": name,
                    "case": key,
                    "title": title,
                    "method": CaseLink.Method.NEW if isinstance(key, str) else "manual",
                    "confidence": 1.0,
                    "review": False,
                    "suggested": None,
                    "suggested_score": None,
                }
            )
        relations = [_rekey(r, moved) for r in self.entry.get("relations", [])]
        return links, relations


def _rekey(relation: dict, moved: dict) -> dict:
    """A merge or rename follows the secretary when a link moves to another case."""
    relation = dict(relation)
    for field in ("target", "case"):
        if field in relation:
            relation[field] = moved.get(relation[field], relation[field])
    if "sources" in relation:
        relation["sources"] = [moved.get(key, key) for key in relation["sources"]]
    return relation


def _percent(link: dict) -> int:
    score = link.get("suggested_score") if link.get("review") else link.get("confidence")
    return round((score or 0) * 100)


LEAD, SUPPORTING = "lead", "supporting"


def _role(ref: dict) -> str:
    return SUPPORTING if ref.get("role") == SUPPORTING else LEAD


def _agency_text(refs: list[dict], role: str) -> str:
    names = []
    for ref in refs:
        name = ref.get("name") or ref.get("mention") or ""
        if name and name not in names and _role(ref) == role:
            names.append(name)
    return "、".join(names)


def _agency_refs(text: str, old: list[dict], role: str) -> list[dict]:
    """The agencies typed in one field, as refs with `role`.

    A name the reader found (as resolved or as written) keeps its ref; any other must be
    in the organisation directory, and takes the directory's full name.
    """
    refs, unknown = [], []
    for name in agency_names(text):
        known = [r for r in old if name in (r.get("name"), r.get("mention"))]
        if known:
            refs.extend(r if _role(r) == role else {**r, "role": role} for r in known)
            continue
        organisation = directory_entry(name)
        if organisation is None:
            unknown.append(name)
        else:
            refs.append({"mention": name, "name": organisation.name, "role": role})
    if unknown:
        raise not_in_directory(unknown)
    return refs


def directory_entry(name: str):
    from livinglab.orgs.models import Organisation
    from livinglab.orgs.services import resolve_agency

    return Organisation.objects.filter(name=name).first() or resolve_agency(name)


def _dedupe(refs: list[dict]) -> list[dict]:
    """One ref per agency; named as lead and as supporting, it leads."""
    seen: dict[str, dict] = {}
    for ref in refs:
        key = ref.get("name") or ref.get("mention") or ""
        if key not in seen or _role(ref) == LEAD and _role(seen[key]) != LEAD:
            seen[key] = ref
    return list(seen.values())


def _unsure_percent(entry: dict) -> int | None:
    from livinglab.tracking.services.drafting import is_unsure

    return round(entry["confidence"] * 100) if is_unsure(entry) else None


class DraftForm:
    """All the forms of a draft, or only one item's (`only=(m, i)`) for a row save."""

    def __init__(
        self, draft, data=None, *, only: tuple[int, int] | None = None, confirming=False
    ) -> None:
        self.draft = draft
        self.cases = CaseChoices(draft.body, draft.proposal)
        self.meetings: list[dict] = []
        for m, entry in enumerate(draft.proposal.get("meetings", [])):
            form = None if only else MeetingForm(data, entry=entry, prefix=f"m{m}")
            items = []
            for i, item in enumerate(entry.get("items", [])):
                if only and only != (m, i):
                    continue
                prefix = f"i{m}-{i}"
                items.append(
                    ItemForm(
                        data, entry=item, prefix=prefix, cases=self.cases, confirming=confirming
                    )
                )
                items[-1].key = f"{m}.{i}"
                items[-1].anchor = f"item-{m}-{i}"
                items[-1].m, items[-1].i = m, i
                items[-1].last = i == len(entry.get("items", [])) - 1
                items[-1].number = f"{m + 1}.{i + 1}"
                items[-1].unsure = _unsure_percent(item)
            self.meetings.append({"entry": entry, "form": form, "items": items, "index": m})

    def forms(self):
        for meeting in self.meetings:
            if meeting["form"] is not None:
                yield meeting["form"]
            yield from meeting["items"]

    def is_valid(self) -> bool:
        return all([form.is_valid() for form in self.forms()])

    def choices(self) -> dict:
        """What the secretary changed: the meetings and items whose fields differ from
        what the page showed (see `ShownValues`)."""
        choices: dict = {"meetings": {}, "items": {}}
        for meeting in self.meetings:
            form = meeting["form"]
            if form is not None and form.touched():
                choices["meetings"][str(meeting["index"])] = form.choices()
            for form in meeting["items"]:
                if form.touched():
                    choices["items"][form.key] = form.choices()
        return choices
