"""The secretariat's pages to rename, merge, undo a merge and move a decision (split).

Each action is two steps: a GET shows what will change (the service is run in a
transaction that is rolled back, so the summary is exactly what the POST will do), and a
POST applies it. Access goes through `get_for_user` with the action the case policy
names; the services check it again.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from livinglab.core.access import get_for_user
from livinglab.tracking.import_forms import agency_options
from livinglab.tracking.manage_forms import (
    AgenciesForm,
    CaseDeadlineForm,
    MergeForm,
    RenameForm,
    SplitForm,
    StateForm,
    datalist,
)
from livinglab.tracking.models import Case
from livinglab.tracking.services import editing, lifecycle

# --- What an action would change ------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """What the confirmation page shows of a case."""

    pk: int
    title: str
    state: str
    aliases: str
    decisions: int

    @classmethod
    def of(cls, pk: int) -> "Snapshot":
        case = Case.objects.select_related("merged_into").get(pk=pk)
        state = case.get_state_display()
        if case.merged_into:
            state = _("%(state)s · merged into “%(title)s”") % {
                "state": state,
                "title": case.merged_into.title,
            }
        elif case.closure:
            state = f"{state} · {case.get_closure_display()}"
        if case.pending:
            state = _("%(state)s · pending") % {"state": state}
        return cls(
            pk=case.pk,
            title=case.title,
            state=state,
            aliases="、".join(case.aliases.values_list("name", flat=True)),
            decisions=case.links.active().count(),
        )


@dataclass(frozen=True)
class Change:
    before: Snapshot | None  # None for a case the action creates
    after: Snapshot

    def rows(self) -> list[tuple[str, object, object, bool]]:
        """(label, before, after, changed) for each shown attribute."""
        fields = [
            (_("Title"), "title"),
            (_("State"), "state"),
            (_("Aliases"), "aliases"),
            (_("Decisions"), "decisions"),
        ]
        rows = []
        for label, name in fields:
            old = getattr(self.before, name) if self.before else None
            new = getattr(self.after, name)
            changed = self.before is None or old != new
            rows.append((label, _shown(old), _shown(new), changed))
        return rows


def _shown(value) -> str:
    return "—" if value in ("", None) else str(value)


class _Rollback(Exception):
    pass


def preview(apply, cases, *, touched=()) -> list[Change]:
    """Run `apply` (a service call returning a case) and roll it back: what it changed.

    `touched` are the objects the service may have changed in memory; they are reloaded.
    """
    pks = [case.pk for case in cases]
    before = {pk: Snapshot.of(pk) for pk in pks}
    after: list[Snapshot] = []
    try:
        with transaction.atomic():
            result = apply()
            after = [Snapshot.of(pk) for pk in dict.fromkeys([*pks, result.pk])]
            raise _Rollback
    except _Rollback:
        pass
    for obj in touched:
        obj.refresh_from_db()
    return [Change(before.get(snapshot.pk), snapshot) for snapshot in after]


def _submitted(request):
    """The form's data: the POST that applies, or the GET that asks for a summary."""
    return request.POST if request.method == "POST" else (request.GET or None)


def _cases():
    return Case.objects.select_related("body", "merged_into")


# --- Pages ------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def rename(request, pk: int):
    case = get_for_user(_cases(), request.user, pk, "rename")
    form = RenameForm(_submitted(request), case=case)
    if form.is_bound and form.is_valid():
        title = form.cleaned_data["title"]
        if request.method == "POST":
            old = case.title
            lifecycle.rename_case(request.user, case, title)
            messages.success(
                request,
                _("Renamed to “%(title)s”; the old title “%(old)s” is kept as an alias.")
                % {"title": title, "old": old},
            )
            return redirect(case)
        changes = preview(
            lambda: lifecycle.rename_case(request.user, case, title), [case], touched=[case]
        )
    else:
        changes = []
    return render(
        request, "tracking/manage/rename.html", {"case": case, "form": form, "changes": changes}
    )


@require_http_methods(["GET", "POST"])
def merge(request, pk: int):
    target = get_for_user(_cases(), request.user, pk, "merge")
    form = MergeForm(_submitted(request), target=target, user=request.user)
    changes, source = [], None
    if form.is_bound and form.is_valid():
        source = get_for_user(_cases(), request.user, form.cleaned_data["source"].pk, "merge")
        try:
            if request.method == "POST":
                lifecycle.merge_cases(request.user, [source], target)
                messages.success(
                    request, _("Merged “%(source)s” into this case.") % {"source": source.title}
                )
                return redirect(target)
            changes = preview(
                lambda: lifecycle.merge_cases(request.user, [source], target),
                [source, target],
                touched=[source, target],
            )
        except lifecycle.CaseChangeRefused as refusal:
            form.add_error(None, str(refusal))
    context = {
        "case": target,
        "source": source,
        "form": form,
        "changes": changes,
        "candidates": datalist(form.fields["source"].candidates),
    }
    return render(request, "tracking/manage/merge.html", context)


@require_http_methods(["GET", "POST"])
def unmerge(request, pk: int):
    source = get_for_user(_cases(), request.user, pk, "unmerge")
    target = source.merged_into
    if target is None:
        if request.method == "POST":
            messages.error(request, _("This case is not merged into another."))
            return redirect(source)
        return render(request, "tracking/manage/unmerge.html", {"case": source, "changes": []})
    if request.method == "POST":
        lifecycle.unmerge_case(request.user, source)
        messages.success(
            request,
            _("Merge undone: “%(source)s” is a case of its own again.") % {"source": source.title},
        )
        return redirect(source)
    changes = preview(
        lambda: lifecycle.unmerge_case(request.user, source),
        [source, target],
        touched=[source, target],
    )
    context = {"case": source, "target": target, "changes": changes}
    return render(request, "tracking/manage/unmerge.html", context)


@require_http_methods(["GET", "POST"])
def split(request, pk: int, decision_pk: int):
    origin = get_for_user(_cases(), request.user, pk, "split")
    link = get_object_or_404(
        origin.links.active().select_related("decision__meeting"), decision_id=decision_pk
    )
    form = SplitForm(_submitted(request), origin=origin, name=link.name, user=request.user)
    changes = []
    if form.is_bound and form.is_valid():
        into = form.cleaned_data["case"]
        if into is not None:
            into = get_for_user(_cases(), request.user, into.pk, "split")
        title = form.cleaned_data["title"] if into is None else ""

        def apply():
            return lifecycle.split_link(request.user, link, into=into, title=title)

        try:
            if request.method == "POST":
                case = apply()
                messages.success(
                    request,
                    _("Moved the decision of %(meeting)s from “%(origin)s” to this case.")
                    % {"meeting": link.decision.meeting.title, "origin": origin.title},
                )
                return redirect(case)
            touched = [origin, link, *([into] if into else [])]
            changes = preview(apply, [origin, *([into] if into else [])], touched=touched)
        except lifecycle.CaseChangeRefused as refusal:
            form.add_error(None, str(refusal))
    context = {
        "case": origin,
        "decision": link.decision,
        "form": form,
        "changes": changes,
        "candidates": datalist(form.candidates),
    }
    return render(request, "tracking/manage/split.html", context)


# --- State, agencies and deadline set by hand ---------------------------------------------


def _set_by_hand(request, pk: int, form_class, apply, template: str, **form_kwargs):
    """GET shows the form; a valid POST applies it and returns to the case."""
    case = get_for_user(_cases(), request.user, pk, "change")
    data = request.POST if request.method == "POST" else None
    form = form_class(data, case=case, **form_kwargs)
    if form.is_bound and form.is_valid():
        try:
            message = apply(case, form.cleaned_data)
        except lifecycle.CaseChangeRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, message)
            return redirect(case)
    context = {"case": case, "form": form, "agency_options": agency_options()}
    if isinstance(form, StateForm):
        context["candidates"] = datalist(form.candidates)
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
def set_state(request, pk: int):
    def apply(case, data):
        into = data["into"] if data["state"] == "merged" else None
        editing.set_state(request.user, case, data["state"], reason=data["reason"], into=into)
        return _("State set; the reason is on the case's history.")

    return _set_by_hand(
        request, pk, StateForm, apply, "tracking/manage/state.html", user=request.user
    )


@require_http_methods(["GET", "POST"])
def set_agencies(request, pk: int):
    def apply(case, data):
        editing.set_agencies(request.user, case, data["agencies"])
        return _("Agencies set; the agencies' assignments follow.")

    return _set_by_hand(request, pk, AgenciesForm, apply, "tracking/manage/agencies.html")


@require_http_methods(["GET", "POST"])
def set_deadline(request, pk: int):
    def apply(case, data):
        editing.set_deadline(request.user, case, data["deadline"])
        return _("Deadline set; the agencies' assignments follow.")

    return _set_by_hand(request, pk, CaseDeadlineForm, apply, "tracking/manage/deadline.html")
