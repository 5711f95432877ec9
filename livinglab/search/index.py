"""Keeping the search index in step with cases, and querying it."""

from django.db import connection, transaction
from django.db.models import Count, Exists, F, FilteredRelation, OuterRef, Q

from livinglab.search.models import UNDATED, CaseGram
from livinglab.search.text import grams_of, query_terms


def names_of(case) -> list[str]:
    return [case.title, *case.aliases.values_list("name", flat=True)]


def reindex_case(case) -> None:
    """Rewrite the grams of one case from its title and aliases (and its date)."""
    wanted = set().union(*(grams_of(name) for name in names_of(case)))
    date = case.last_decided_on or UNDATED
    with transaction.atomic():
        have = set(CaseGram.objects.filter(case=case).values_list("gram", flat=True))
        CaseGram.objects.filter(case=case, gram__in=have - wanted).delete()
        CaseGram.objects.bulk_create(
            [CaseGram(case_id=case.pk, gram=gram, decided_on=date) for gram in wanted - have],
            ignore_conflicts=True,
        )
        redate(case.pk, date)


def redate(case_id: int, date) -> None:
    """Give every gram of a case the case's new `last_decided_on`, in one statement."""
    date = date or UNDATED
    CaseGram.objects.filter(case_id=case_id).exclude(decided_on=date).update(decided_on=date)


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
        date = (dates or {}).get(pk) or UNDATED
        rows.extend(CaseGram(case_id=pk, gram=gram, decided_on=date) for gram in grams)
    return rows


def search(cases, query: str):
    """Narrow a Case queryset to those whose names match every word of `query`.

    Newest first (undated cases last). The first gram of a word that needs all its
    grams is joined, and the rows are ordered by its copy of the case's date: the
    (gram, newest first) index lists them in page order. Every other such gram must
    be there with the same (date, case): both lists come in that order, so the
    database intersects them with a merge join and a page stops after its rows
    however many cases match (PostgreSQL, 1M cases, 「捕獸鋏」, 50k matches: 4 ms
    instead of hashing and sorting 50k rows, 40-100 ms). The date is part of the
    match only to keep that order: every gram of a case holds the same one.
    """
    first, others, matching = None, [], []
    for grams, needed in query_terms(query):
        if needed >= len(grams):
            for gram in grams:
                if first is None:
                    first = gram
                else:
                    others.append(gram)
            continue
        # Most of a long word's pairs: counted per case, whatever their order.
        matching.append(
            CaseGram.objects.filter(gram__in=grams)
            .values("case_id")
            .annotate(found=Count("gram"))
            .filter(found__gte=needed)
            .values("case_id")
        )
    for subquery in matching:
        cases = cases.filter(pk__in=subquery)
    if first is None:  # the same order, from the cases
        return cases.order_by(F("last_decided_on").desc(nulls_last=True), "-pk")
    same_case = [
        Exists(
            CaseGram.objects.filter(
                gram=gram,
                decided_on=OuterRef("first_gram__decided_on"),
                case_id=OuterRef("first_gram__case_id"),
            )
        )
        for gram in others
    ]
    # One filter() call, the join first: the subqueries then refer to that join.
    return (
        cases.alias(
            first_gram=FilteredRelation("search_grams", condition=Q(search_grams__gram=first))
        )
        .filter(Q(first_gram__gram=first), *same_case)
        .order_by("-first_gram__decided_on", "-first_gram__case_id")
    )


def is_search(cases) -> bool:
    """Whether `cases` is ordered by `search` (through the first gram's index)."""
    return "first_gram" in cases.query._filtered_relations


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
