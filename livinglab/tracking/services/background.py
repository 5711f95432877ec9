"""The secretary's view of a background reading: whether a worker took it, and
cancelling it.

A large record is read by django-tasks' database worker (`livinglab db_worker`, which
`livinglab serve` starts beside the web server). When none runs, the reading's task
waits in the database unclaimed: after `NO_WORKER_AFTER` the page says so plainly
instead of showing a bar that never moves.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livinglab.core.access import require
from livinglab.meetings.models import MinutesDocument
from livinglab.tracking.services.importing import ImportFailed

# A worker polls every second; a task unclaimed this long has no worker to take it.
NO_WORKER_AFTER = dt.timedelta(seconds=20)


def _tasks_wait_for_a_worker() -> bool:
    backends = getattr(settings, "TASKS", {})
    return any("django_tasks_db" in b.get("BACKEND", "") for b in backends.values())


def _task_results(document_id: int):
    from django_tasks_db.models import DBTaskResult

    from livinglab.tracking.tasks import read_minutes_task

    return DBTaskResult.objects.filter(
        task_path=read_minutes_task.module_path, args_kwargs__args__0=document_id
    )


def waiting_for_a_worker(document: MinutesDocument) -> dt.timedelta | None:
    """How long the reading of `document` has waited for a worker that never took it,
    once that is longer than `NO_WORKER_AFTER`; None while all is well."""
    if document.status != MinutesDocument.Status.READING or not _tasks_wait_for_a_worker():
        return None
    enqueued = (
        _task_results(document.pk)
        .filter(status="READY")
        .order_by("-enqueued_at")
        .values_list("enqueued_at", flat=True)
        .first()
    )
    if enqueued is None:
        return None
    waited = timezone.now() - enqueued
    return waited if waited >= NO_WORKER_AFTER else None


def cancel_reading(user, document: MinutesDocument) -> MinutesDocument:
    """Stop the background reading of `document`: nothing of it is written.

    The record becomes a failed reading saying who cancelled it (it can be read again
    or discarded). A worker in the middle of it loses the record at its next step
    (`importing._own`: the attempt changes) and stops; a task not yet taken is dropped.
    """
    require(user, "confirm", document)
    with transaction.atomic():
        locked = MinutesDocument.objects.select_for_update().get(pk=document.pk)
        if locked.status != MinutesDocument.Status.READING:
            raise ImportFailed(
                _("%(file)s is not being read any more: there is nothing to cancel.")
                % {"file": locked.filename}
            )
        locked.status = MinutesDocument.Status.FAILED
        locked.attempt += 1
        person = user.get_full_name() or user.get_username()
        locked.error = _(
            "The reading of %(file)s was cancelled by %(person)s at %(percent)s%%. Nothing "
            "of it was written. Read it again, or discard the record."
        ) % {"file": locked.filename, "person": person, "percent": locked.progress}
        locked.save(update_fields=["status", "attempt", "error"])
        if _tasks_wait_for_a_worker():
            _task_results(locked.pk).filter(status="READY").delete()
    return locked
