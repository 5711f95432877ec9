from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseGram(models.Model):
    """One character or character pair of a case's names, for search in Chinese.

    Derived data: `livinglab.search.index.reindex_case` rewrites a case's rows from its
    title and aliases; `livinglab reindex-search` rebuilds them all.
    """

    case = models.ForeignKey(
        "tracking.Case", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    gram = models.CharField(_("characters"), max_length=2)

    class Meta:
        verbose_name = _("search gram")
        verbose_name_plural = _("search grams")
        constraints = [models.UniqueConstraint(fields=["case", "gram"], name="unique_case_gram")]
        indexes = [models.Index(fields=["gram", "case"], name="search_gram_case")]

    def __str__(self):
        return self.gram
