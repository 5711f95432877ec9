"""The index is derived data: it follows every change to a case's names.

Whatever changes a title or an alias (an import, a rename, a merge, an undo, the
admin), the case is reindexed once when the transaction commits. This is bookkeeping
of a derived table, not business workflow; the services stay unaware of search.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from livinglab.search.index import reindex_after_commit
from livinglab.tracking.models import Case, CaseAlias


@receiver(post_save, sender=Case, dispatch_uid="search_case_saved")
def case_saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if raw or (update_fields is not None and "title" not in update_fields):
        return
    reindex_after_commit(instance.pk)


@receiver(post_save, sender=CaseAlias, dispatch_uid="search_alias_saved")
@receiver(post_delete, sender=CaseAlias, dispatch_uid="search_alias_deleted")
def alias_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        reindex_after_commit(instance.case_id)
