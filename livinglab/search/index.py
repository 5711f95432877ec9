"""Keeping the search index in step with cases, and querying it."""

from django.db import connection, transaction
from django.db.models import Count, Exists, F, FilteredRelation, OuterRef, Q

from livinglab.search.models import UNDATED, CaseGram
from livinglab.search.text import grams_of, query_grams

# How many of a gram's rows `rarest_first` reads at most to size it.
SIZING_CAP = 2000


def texts_of(case_ids) -> dict[int, tuple]:
    """What a search reads of each case: {case id: (last decided on, [texts])}.

    The title, the aliases, the text of every decision about this case alone (not those
    moved away from it; a decision about several cases, such as a list of delistings or
    a merge, names each of them, and those names are aliases already), and for each
    responsible agency its official name, its short name with and without the city
    (青年局, 新北市青年局) and its aliases. Five queries, however many cases.
    """
    from livinglab.orgs.models import OrganisationAlias
    from livinglab.tracking.models import Case, CaseAgency, CaseAlias, CaseLink

    ids = list(case_ids)
    found = Case.objects.filter(pk__in=ids).values_list("pk", "title", "last_decided_on")
    texts = {pk: (date, [title]) for pk, title, date in found}
    for pk, name in CaseAlias.objects.filter(case_id__in=ids).values_list("case_id", "name"):
        texts[pk][1].append(name)
    for pk, text in (
        CaseLink.objects.active()
        .filter(case_id__in=ids, decision__in=_sole(ids))
        .values_list("case_id", "decision__text")
    ):
        texts[pk][1].append(text)
    roles = CaseAgency.objects.filter(case_id__in=ids).values_list(
        "case_id",
        "organisation_id",
        "organisation__name",
        "organisation__short_name",
        "organisation__city__short_name",
    )
    agencies: dict[int, list[int]] = {}
    names: dict[int, list[str]] = {}
    for pk, org, name, short, city in roles:
        agencies.setdefault(org, []).append(pk)
        names[org] = [name, short, f"{city}{short}" if city and short else ""]
    alias_rows = OrganisationAlias.objects.filter(organisation_id__in=list(agencies))
    for org, name in alias_rows.values_list("organisation_id", "name"):
        names[org].append(name)
    for org, pks in agencies.items():
        for pk in pks:
            texts[pk][1].extend(names[org])
    return texts


def _sole(case_ids):
    """The decisions about exactly one case, among those about `case_ids` (a subquery)."""
    from livinglab.tracking.models import CaseLink

    links = CaseLink.objects.active()
    return (
        links.filter(decision__in=links.filter(case_id__in=case_ids).values("decision_id"))
        .values("decision_id")
        .annotate(cases=Count("case_id", distinct=True))
        .filter(cases=1)
        .values("decision_id")
    )


def grams_of_texts(texts) -> set[str]:
    return set().union(*(grams_of(text) for text in texts if text))


def reindex_case(case) -> None:
    """Rewrite the grams of one case from its texts (and its date)."""
    date, texts = texts_of([case.pk]).get(case.pk, (None, []))
    wanted = grams_of_texts(texts)
    date = date or UNDATED
    with transaction.atomic():
        have = set(CaseGram.objects.filter(case=case).values_list("gram", flat=True))
        CaseGram.objects.filter(case=case, gram__in=have - wanted).delete()
        CaseGram.objects.bulk_create(
            [CaseGram(case_id=case.pk, gram=gram, decided_on=date) for gram in wanted - have],
            batch_size=2000,
            ignore_conflicts=True,
        )
        redate(case.pk, date)


def redate(case_id: int, date) -> None:
    """Give every gram of a case the case's new `last_decided_on`, in one statement."""
    date = date or UNDATED
    CaseGram.objects.filter(case_id=case_id).exclude(decided_on=date).update(decided_on=date)


def reindex_all(cases, batch_size: int = 1000) -> int:
    """Rebuild the grams of `cases` (a queryset) in batches; returns how many cases."""
    done = 0
    ids = list(cases.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        found = texts_of(chunk)
        with transaction.atomic():
            CaseGram.objects.filter(case_id__in=chunk).delete()
            CaseGram.objects.bulk_create(rows_for(found), batch_size=5000)
        done += len(chunk)
    return done


def rows_for(texts: dict[int, tuple]) -> list[CaseGram]:
    """Index rows for many cases at once, from `texts_of`."""
    rows = []
    for pk, (date, case_texts) in texts.items():
        date = date or UNDATED
        rows.extend(
            CaseGram(case_id=pk, gram=gram, decided_on=date) for gram in grams_of_texts(case_texts)
        )
    return rows


def rarest_first(grams: list[str]) -> list[str]:
    """The grams, the one with the fewest cases first (counted up to SIZING_CAP each).

    A search walks its first gram's list in page order and looks the others up for each
    row: walking the shortest list bounds the work by the rarest gram, whatever the
    others. One query, reading at most SIZING_CAP index entries per gram.
    """
    if len(grams) < 2:
        return list(grams)
    table = CaseGram._meta.db_table
    sized = ", ".join(
        f"(SELECT COUNT(*) FROM (SELECT 1 FROM {table} WHERE gram = %s LIMIT {SIZING_CAP}) s{n})"  # noqa: S608 - no user text: the grams are parameters
        for n in range(len(grams))
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {sized}", grams)
        sizes = cursor.fetchone()
    order = sorted(range(len(grams)), key=lambda n: (sizes[n], n))
    return [grams[n] for n in order]


def search(cases, query: str):
    """Narrow a Case queryset to those whose texts have every gram of `query`.

    Newest first (undated cases last). The rarest gram is joined, and the rows are
    ordered by its copy of the case's date: the (gram, newest first) index lists them
    in page order. Every other gram must be there with the same (date, case): a lookup
    in the same index per row (or, on PostgreSQL, a merge join of both lists in that
    order), so a page stops after its rows however many cases match, and a word of
    any length is such a walk (see `text.query_grams`). The date is part of the match
    only to keep that order: every gram of a case holds the same one.
    """
    grams = rarest_first(query_grams(query))
    if not grams:  # nothing to look for: the same order, from the cases
        return cases.order_by(F("last_decided_on").desc(nulls_last=True), "-pk")
    first, *others = grams
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
