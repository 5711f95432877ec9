from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseGram(models.Model):
    """One character or character pair of a case's names, for search in Chinese.

    Derived data: `livinglab.search.index.reindex_case` rewrites a case's rows from its
    title and aliases; `livinglab reindex-search` rebuilds them all.

    Each row also carries its case's `last_decided_on` (the registry's sort key, kept
    in step by `livinglab.search.signals` in the transaction that changes it), so that
    the (gram, newest first) index lists a gram's cases in the registry's order and a
    search page stops after its rows instead of sorting every match. The (gram, case)
    index stays for counting (PostgreSQL, 1M cases, 「捕獸鋏」: capped count 12 ms with
    it, 70 ms with the date index alone).
    """

    case = models.ForeignKey(
        "tracking.Case", on_delete=models.CASCADE, related_name="search_grams", db_index=False
    )
    gram = models.CharField(_("characters"), max_length=2)
    last_decided_on = models.DateField(_("case last decided on"), null=True, blank=True)

    class Meta:
        verbose_name = _("search gram")
        verbose_name_plural = _("search grams")
        constraints = [models.UniqueConstraint(fields=["case", "gram"], name="unique_case_gram")]
        indexes = [
            # A gram's cases by id: counting intersects them with a merge join.
            models.Index(fields=["gram", "case"], name="search_gram_case"),
            # A gram's cases newest first: a page walks them in the registry's order.
            models.Index(fields=["gram", "-last_decided_on", "-case"], name="search_gram_newest"),
        ]

    def __str__(self):
        return self.gram
