import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

# The date grams of a case never decided about hold: they sort last, and compare equal.
UNDATED = dt.date(1, 1, 1)


class CaseGram(models.Model):
    """One character or character pair of a case's names, for search in Chinese.

    Derived data: `livinglab.search.index.reindex_case` rewrites a case's rows from its
    title and aliases; `livinglab reindex-search` rebuilds them all.

    Each row also carries its case's `last_decided_on` (the registry's sort key; kept
    in step by `livinglab.search.signals` in the transaction that changes it; UNDATED
    for none), the same in every row of a case, so that the (gram, newest first) index
    lists a gram's cases in the registry's order and the rows of two grams of a case
    meet in a merge join on (date, case): a search page stops after its rows instead of
    sorting every match, and a count stops at its cap.
    """

    case = models.ForeignKey(
        "tracking.Case", on_delete=models.CASCADE, related_name="search_grams", db_index=False
    )
    gram = models.CharField(_("characters"), max_length=2)
    decided_on = models.DateField(_("case last decided on"), default=UNDATED)

    class Meta:
        verbose_name = _("search gram")
        verbose_name_plural = _("search grams")
        constraints = [models.UniqueConstraint(fields=["case", "gram"], name="unique_case_gram")]
        indexes = [
            # A gram's cases newest first: a page walks them in the registry's order.
            models.Index(fields=["gram", "-decided_on", "-case"], name="search_gram_newest")
        ]

    def __str__(self):
        return self.gram
