import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

# The date of a case never decided about: it sorts after every real date.
UNDATED = dt.date(1, 1, 1)
_LAST_DAY = dt.date.max.toordinal()
_CASE_BITS = 32


def key_of(case_id: int, date) -> int:
    """The key that lists a case's document in the registry's order, ascending: the
    newest decision first, undated cases last, then the higher case number first."""
    days_before_end = _LAST_DAY - (date or UNDATED).toordinal()
    return (days_before_end << _CASE_BITS) | ((1 << _CASE_BITS) - 1 - case_id)


def case_of(key: int) -> int:
    return (1 << _CASE_BITS) - 1 - (key & ((1 << _CASE_BITS) - 1))


class CaseDoc(models.Model):
    """The grams of one case's texts as one document, for search in Chinese.

    `grams` holds every character and pair of neighbouring characters of the case's
    names, decisions and agencies (see `search.text`), separated by spaces. The
    database's own inverted index over them (`search.backends`: an FTS5 table on SQLite,
    a GIN index on PostgreSQL) intersects the lists of a query's grams.

    `key` sorts the documents in the registry's order (`key_of`: newest decision first),
    so that the intersection is read in page order and stops after the page's rows.

    Derived data: `search.signals` rewrites a case's document when its texts change and
    its key when its date changes; `livinglab reindex-search` rebuilds them all.
    """

    # Always given (`key_of`), never generated: an auto field only because SQLite makes
    # such a primary key the table's rowid, which the FTS5 index refers to directly.
    key = models.BigAutoField(_("order key"), primary_key=True)
    case = models.OneToOneField(
        "tracking.Case", on_delete=models.CASCADE, related_name="search_doc"
    )
    grams = models.TextField(_("characters and pairs"))

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        return f"{self.case_id}: {self.grams[:40]}"


class CaseDocIndex(models.Model):
    """SQLite only: the FTS5 table over `CaseDoc.grams` (its rowid is the doc's key),
    created and kept by `search.backends`; read through `CaseDoc.fts` in a join."""

    doc = models.OneToOneField(
        CaseDoc,
        primary_key=True,
        db_column="rowid",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="fts",
    )
    # FTS5's hidden column named after its table: `<table> MATCH 'query'`.
    match = models.TextField(db_column="search_casedoc_fts")

    class Meta:
        managed = False
        db_table = "search_casedoc_fts"

    def __str__(self):
        return str(self.doc_id)
