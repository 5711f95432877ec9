"""The index is derived data: it follows every change to a case's names and date.

Whatever changes a title or an alias (an import, a rename, a merge, an undo, the
admin), the case is reindexed once when the transaction commits. Whatever changes a
case's `last_decided_on` (a decision recorded, the admin), its grams get the new date
in the same transaction, so that a search lists cases in the registry's order. This is
bookkeeping of a derived table, not business workflow; the services stay unaware of
search. (`QuerySet.update` sends no signal: `livinglab reindex-search` after one.)
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from livinglab.search.index import redate, reindex_after_commit
from livinglab.tracking.models import Case, CaseAlias


@receiver(post_save, sender=Case, dispatch_uid="search_case_saved")
def case_saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if raw:
        return
    if not created and (update_fields is None or "last_decided_on" in update_fields):
        redate(instance.pk, instance.last_decided_on)  # a new case has no grams yet
    if update_fields is None or "title" in update_fields:
        reindex_after_commit(instance.pk)


@receiver(post_save, sender=CaseAlias, dispatch_uid="search_alias_saved")
@receiver(post_delete, sender=CaseAlias, dispatch_uid="search_alias_deleted")
def alias_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        reindex_after_commit(instance.case_id)
