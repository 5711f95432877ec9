"""Background work of the tracking registry (django-tasks)."""

from django_tasks import task


@task()
def read_minutes_task(document_id: int, attempt: int | None = None) -> int:
    """Read a large uploaded record into its draft; the draft shows the progress.

    `attempt`: which reading of the record this is (see `importing.read_in_background`).
    """
    from livinglab.tracking.services.importing import read_in_background

    return read_in_background(document_id, attempt).progress
