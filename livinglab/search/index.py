"""Keeping the search documents in step with cases, and searching them."""

from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import Count, F

from livinglab.search import backends
from livinglab.search.models import CaseDoc, key_of
from livinglab.search.text import grams_of, query_grams


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


def document(texts) -> str:
    """A case's grams as `CaseDoc.grams` holds them: sorted, separated by spaces."""
    return " ".join(sorted(grams_of_texts(texts)))


def reindex_case(case) -> None:
    """Rewrite the document of one case from its texts (and its date)."""
    date, texts = texts_of([case.pk]).get(case.pk, (None, []))
    wanted = (key_of(case.pk, date), document(texts))
    with transaction.atomic():
        docs = CaseDoc.objects.filter(case_id=case.pk)
        if docs.values_list("key", "grams").first() == wanted:
            return
        docs.delete()
        CaseDoc.objects.create(key=wanted[0], case_id=case.pk, grams=wanted[1])


def redate(case_id: int, date) -> None:
    """Give a case's document the key of the case's new `last_decided_on`."""
    key = key_of(case_id, date)
    CaseDoc.objects.filter(case_id=case_id).exclude(key=key).update(key=key)


def reindex_all(cases, batch_size: int = 1000) -> int:
    """Rebuild the documents of `cases` (a queryset) in batches; returns how many cases."""
    done = 0
    ids = list(cases.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        found = texts_of(chunk)
        with transaction.atomic():
            CaseDoc.objects.filter(case_id__in=chunk).delete()
            CaseDoc.objects.bulk_create(docs_for(found), batch_size=500)
        done += len(chunk)
    return done


def docs_for(texts: dict[int, tuple]) -> list[CaseDoc]:
    """Documents for many cases at once, from `texts_of`."""
    return [
        CaseDoc(key=key_of(pk, date), case_id=pk, grams=document(case_texts))
        for pk, (date, case_texts) in texts.items()
    ]


def search(cases, query: str):
    """Narrow a Case queryset to those whose texts have every gram of `query`.

    Newest first (undated cases last), read through the database's inverted index in
    that order (`search.backends`), so that a page stops after its rows however many
    cases match, and a word of any length is one walk (see `text.query_grams`).
    The search must be the last narrowing of `cases`: what it learnt of the matches
    while choosing its walk (`found`) counts them as they are then.
    """
    grams = query_grams(query)
    if not grams:  # nothing to look for: the same order, from the cases
        return cases.order_by(F("last_decided_on").desc(nulls_last=True), "-pk")
    found_cases, found = backends.matching(cases, grams)
    found_cases.query.livinglab_search = found
    return found_cases


def found(cases) -> backends.Found | None:
    """What `search` learnt of `cases`' matches, or None if `cases` is not a search."""
    return getattr(cases.query, "livinglab_search", None)


def is_search(cases) -> bool:
    """Whether `cases` is ordered by `search` (through the index, in page order)."""
    return found(cases) is not None


# --- Staying in step -----------------------------------------------------------------


@contextmanager
def collected(case_ids: set[int]):
    """Collect into `case_ids` the cases to reindex instead of reindexing each one when
    its transaction commits: a bulk writer (a large import) then calls `reindex_all`
    once for them all."""
    outer = getattr(connection, "_livinglab_search_collected", None)
    connection._livinglab_search_collected = case_ids
    try:
        yield case_ids
    finally:
        connection._livinglab_search_collected = outer


def collecting(case_id: int) -> bool:
    """Whether `collected` is in force: then `case_id` is added to its set."""
    into = getattr(connection, "_livinglab_search_collected", None)
    if into is not None:
        into.add(case_id)
    return into is not None


def reindex_after_commit(case_id: int) -> None:
    """Reindex once per case when the current transaction commits (or now, outside one)."""
    if collecting(case_id):
        return
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
