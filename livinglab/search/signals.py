"""The index is derived data: it follows every change to a case's texts and date.

Whatever changes a title or an alias (an import, a rename, a merge, an undo, the
admin), links a decision to a case or moves it away, edits a decision's text, or gives
a case an agency, the case is reindexed once when the transaction commits. Whatever changes a
case's `last_decided_on` (a decision recorded, the admin), its document gets the new
key in the same transaction, so that a search lists cases in the registry's order. This is
bookkeeping of a derived table, not business workflow; the services stay unaware of
search. (`QuerySet.update` sends no signal, nor does renaming an organisation reach
its cases: `livinglab reindex-search` after either.)
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from livinglab.search.index import collecting, redate, reindex_after_commit
from livinglab.tracking.models import Case, CaseAgency, CaseAlias, CaseLink, Decision


@receiver(post_save, sender=Case, dispatch_uid="search_case_saved")
def case_saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if raw:
        return
    if collecting(instance.pk):
        return  # the collector reindexes it, with its date, once at the end
    if not created and (update_fields is None or "last_decided_on" in update_fields):
        redate(instance.pk, instance.last_decided_on)  # a new case has no document yet
    if update_fields is None or "title" in update_fields:
        reindex_after_commit(instance.pk)


@receiver(post_save, sender=CaseAlias, dispatch_uid="search_alias_saved")
@receiver(post_delete, sender=CaseAlias, dispatch_uid="search_alias_deleted")
def alias_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        reindex_after_commit(instance.case_id)


@receiver(post_save, sender=CaseLink, dispatch_uid="search_link_saved")
@receiver(post_delete, sender=CaseLink, dispatch_uid="search_link_deleted")
def link_changed(sender, instance, raw=False, update_fields=None, **kwargs):
    # The decision's other cases too: a decision's text goes with a case only while it
    # is about that case alone (see `texts_of`). A review of the link changes neither.
    if raw or (
        update_fields is not None and not {"case", "decision", "split_at"} & set(update_fields)
    ):
        return
    if collecting(instance.case_id):
        return  # each link of the decision is collected as it is written
    reindex_after_commit(instance.case_id)
    others = CaseLink.objects.filter(decision_id=instance.decision_id).exclude(pk=instance.pk)
    for case_id in others.values_list("case_id", flat=True).distinct():
        reindex_after_commit(case_id)


@receiver(post_save, sender=CaseAgency, dispatch_uid="search_agency_saved")
@receiver(post_delete, sender=CaseAgency, dispatch_uid="search_agency_deleted")
def case_text_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        reindex_after_commit(instance.case_id)


@receiver(post_save, sender=Decision, dispatch_uid="search_decision_saved")
def decision_saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    # A new decision has no cases yet: its links bring it into the index.
    if raw or created or (update_fields is not None and "text" not in update_fields):
        return
    for case_id in instance.links.active().values_list("case_id", flat=True):
        reindex_after_commit(case_id)
