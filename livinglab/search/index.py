"""Keeping the search index in step with cases, and querying it."""

from django.db import connection, transaction
from django.db.models import Count

from livinglab.search.models import CaseGram
from livinglab.search.text import grams_of, query_terms


def names_of(case) -> list[str]:
    return [case.title, *case.aliases.values_list("name", flat=True)]


def reindex_case(case) -> None:
    """Rewrite the grams of one case from its title and aliases (and its date)."""
    wanted = set().union(*(grams_of(name) for name in names_of(case)))
    date = case.last_decided_on
    with transaction.atomic():
        have = set(CaseGram.objects.filter(case=case).values_list("gram", flat=True))
        CaseGram.objects.filter(case=case, gram__in=have - wanted).delete()
        CaseGram.objects.bulk_create(
            [CaseGram(case_id=case.pk, gram=gram, last_decided_on=date) for gram in wanted - have],
            ignore_conflicts=True,
        )
        redate(case.pk, date)


def redate(case_id: int, date) -> None:
    """Give a case's grams its new `last_decided_on` (the order a search lists them in)."""
    CaseGram.objects.filter(case_id=case_id).exclude(last_decided_on=date).update(
        last_decided_on=date
    )


def reindex_all(cases, batch_size: int = 2000) -> int:
    """Rebuild the grams of `cases` (a queryset) in batches; returns how many cases."""
    from livinglab.tracking.models import CaseAlias

    done = 0
    ids = list(cases.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        names: dict[int, list[str]] = {}
        dates = {}
        found = cases.model.objects.filter(pk__in=chunk)
        for pk, title, date in found.values_list("pk", "title", "last_decided_on"):
            names[pk], dates[pk] = [title], date
        aliases = CaseAlias.objects.filter(case_id__in=chunk).values_list("case_id", "name")
        for pk, name in aliases:
            names[pk].append(name)
        with transaction.atomic():
            CaseGram.objects.filter(case_id__in=chunk).delete()
            CaseGram.objects.bulk_create(rows_for(names, dates), batch_size=5000)
        done += len(chunk)
    return done


def rows_for(names: dict[int, list[str]], dates: dict | None = None) -> list[CaseGram]:
    """Index rows for many cases at once: {case id: [title, alias, ...]}, {case id: date}."""
    rows = []
    for pk, case_names in names.items():
        grams = set().union(*(grams_of(name) for name in case_names))
        date = (dates or {}).get(pk)
        rows.extend(CaseGram(case_id=pk, gram=gram, last_decided_on=date) for gram in grams)
    return rows


def search(cases, query: str):
    """Narrow a Case queryset to those whose names match every word of `query`.

    Newest first, as the registry lists cases. When a word needs every one of its
    grams, the first such gram is joined and the rows are ordered by its copy of the
    case's date: the (gram, newest first) index then lists the matches in page order,
    so a page reads its rows and stops, however many cases match (PostgreSQL, 1M
    cases, 「捕獸鋏」 with 50k matches: no longer fetching and sorting all 50k).
    """
    first = None
    for grams, needed in query_terms(query):
        if needed >= len(grams):
            # Every gram must be there: one semi-join per gram (the first a join), each
            # an index lookup; no grouping of every row of every gram.
            for gram in grams:
                if first is None:
                    first = gram
                else:
                    cases = cases.filter(
                        pk__in=CaseGram.objects.filter(gram=gram).values("case_id")
                    )
            continue
        matching = (
            CaseGram.objects.filter(gram__in=grams)
            .values("case_id")
            .annotate(found=Count("gram"))
            .filter(found__gte=needed)
            .values("case_id")
        )
        cases = cases.filter(pk__in=matching)
    if first is not None:
        cases = cases.filter(search_grams__gram=first).order_by(
            "-search_grams__last_decided_on", "-search_grams__case_id"
        )
    return cases


# --- Staying in step -----------------------------------------------------------------


def reindex_after_commit(case_id: int) -> None:
    """Reindex once per case when the current transaction commits (or now, outside one)."""
    pending = getattr(connection, "_livinglab_search_pending", None)
    if pending is None or not connection.run_on_commit:
        # No callback waits: a new transaction began, or the last one was rolled back
        # and its callbacks discarded; either way, forget what was pending.
        pending = connection._livinglab_search_pending = set()
    if case_id in pending:
        return
    pending.add(case_id)
    transaction.on_commit(lambda: _flush(case_id))


def _flush(case_id: int) -> None:
    from livinglab.tracking.models import Case

    connection._livinglab_search_pending.discard(case_id)
    case = Case.objects.filter(pk=case_id).first()
    if case is not None:
        reindex_case(case)
