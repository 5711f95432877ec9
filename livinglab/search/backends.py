"""Where SQLite and PostgreSQL differ in search: the inverted index over the documents'
grams, and how a query reads it. The documents themselves (`CaseDoc`), their keys and
keeping them in step are the same on both (`search.index`).

SQLite: an FTS5 table over `CaseDoc.grams` whose rowid is the document's key, kept by
triggers on `search_casedoc`. A query is one join: FTS5 intersects the grams' lists
in key order, skipping through the longer ones, and stops after the rows asked for
(a page, or a count's cap), however many cases match or however common each gram is.

PostgreSQL: a GIN index over the grams (as an array; no extension needed). GIN
intersects the lists but cannot read them in key order, so a search first collects
up to `COLLECT_CAP` matching cases the reader may see (GIN only: the planner,
which takes a query's grams for independent, would otherwise walk a whole table
for words whose common pieces never meet). When that is all of them, the page
sorts those few. When more match, the count is known to pass the registry's cap, and
the page walks the documents in key order, testing each (a string search of a few
microseconds), until it has its rows.
"""

from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import F, Lookup

from livinglab.search.models import CaseDoc

# PostgreSQL: how many matching cases a search collects through the index before it
# walks the documents in key order instead: the registry's count cap, beyond which a
# count needs no number (`tracking.registry.COUNT_CAP`).
COLLECT_CAP = 1000

_SQLITE_INSTALL = [
    # detail=none: only which documents hold a gram, no positions (each gram is one
    # token). The ascii tokenizer keeps every non-ASCII character as a token character,
    # so a gram (already normalised, without punctuation) is exactly one token.
    "CREATE VIRTUAL TABLE search_casedoc_fts USING fts5(grams, content='search_casedoc',"
    " content_rowid='key', detail=none, tokenize='ascii')",
    "CREATE TRIGGER search_casedoc_fts_insert AFTER INSERT ON search_casedoc BEGIN"
    " INSERT INTO search_casedoc_fts(rowid, grams) VALUES (new.key, new.grams); END",
    "CREATE TRIGGER search_casedoc_fts_delete AFTER DELETE ON search_casedoc BEGIN"
    " INSERT INTO search_casedoc_fts(search_casedoc_fts, rowid, grams)"
    " VALUES ('delete', old.key, old.grams); END",
    "CREATE TRIGGER search_casedoc_fts_update AFTER UPDATE ON search_casedoc BEGIN"
    " INSERT INTO search_casedoc_fts(search_casedoc_fts, rowid, grams)"
    " VALUES ('delete', old.key, old.grams);"
    " INSERT INTO search_casedoc_fts(rowid, grams) VALUES (new.key, new.grams); END",
    "INSERT INTO search_casedoc_fts(search_casedoc_fts) VALUES ('rebuild')",
]
_SQLITE_UNINSTALL = [
    "DROP TRIGGER IF EXISTS search_casedoc_fts_insert",
    "DROP TRIGGER IF EXISTS search_casedoc_fts_delete",
    "DROP TRIGGER IF EXISTS search_casedoc_fts_update",
    "DROP TABLE IF EXISTS search_casedoc_fts",
]
_POSTGRES_INSTALL = [
    "CREATE INDEX search_casedoc_grams ON search_casedoc USING gin (string_to_array(grams, ' '))",
]
_POSTGRES_UNINSTALL = ["DROP INDEX IF EXISTS search_casedoc_grams"]


def install(schema_editor) -> None:
    """Create the index over the documents (a migration step)."""
    for sql in _statements(schema_editor.connection.vendor, install=True):
        schema_editor.execute(sql)


def uninstall(schema_editor) -> None:
    for sql in _statements(schema_editor.connection.vendor, install=False):
        schema_editor.execute(sql)


def _statements(vendor: str, install: bool) -> list[str]:
    if vendor == "sqlite":
        return _SQLITE_INSTALL if install else _SQLITE_UNINSTALL
    if vendor == "postgresql":
        return _POSTGRES_INSTALL if install else _POSTGRES_UNINSTALL
    raise NotImplementedError(f"search has no index for {vendor}")


@dataclass(frozen=True)
class Found:
    """What a search knows of its matches before its rows are read."""

    at_least: int = 0  # at least this many cases match (0: not counted)
    exact: bool = False  # and exactly that many


def matching(cases, grams: list[str]):
    """`cases` (a Case queryset) that have every gram, newest first, with a `Found`."""
    if connection.vendor == "sqlite":
        return _sqlite(cases, grams), Found()
    return _postgres(cases, grams)


def _sqlite(cases, grams):
    # FTS5 query syntax: each gram a quoted string, side by side for AND. Normalised
    # grams hold no quote or space.
    query = " ".join(f'"{gram}"' for gram in grams)
    return cases.filter(search_doc__fts__match=query).order_by("search_doc__fts__doc")


class HasGrams(Lookup):
    """PostgreSQL: a document's grams hold every one given (`string_to_array(…) @>`),
    the form the GIN index answers."""

    lookup_name = "has_grams"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        return f"string_to_array({lhs}, ' ') @> %s::text[]", [*params, list(self.rhs)]


class WalksGrams(HasGrams):
    """The same test row by row, for a query that walks the documents in key order: each
    gram found between spaces in the text (no index answers it, and it costs far less
    per row than making the text an array)."""

    lookup_name = "walks_grams"

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        tests = [f"strpos(' ' || {lhs} || ' ', %s) > 0" for _gram in self.rhs]
        return " AND ".join(tests), [value for gram in self.rhs for value in [*params, f" {gram} "]]


CaseDoc._meta.get_field("grams").register_lookup(HasGrams)
CaseDoc._meta.get_field("grams").register_lookup(WalksGrams)


def _postgres(cases, grams):
    nested = connection.in_atomic_block
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        # For this query only, read the matches through the GIN index: the settings end
        # with this transaction, or are put back when it is part of a larger one (whose
        # rollback, if it fails, puts them back too).
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), current_setting('enable_indexscan'),"
            " set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)"
        )
        seqscan, indexscan, *_ = cursor.fetchone()
        found = list(
            cases.filter(search_doc__grams__has_grams=grams)
            .order_by()
            .values_list("pk", flat=True)[: COLLECT_CAP + 1]
        )
        if nested:
            cursor.execute(
                "SELECT set_config('enable_seqscan', %s, true),"
                " set_config('enable_indexscan', %s, true)",
                [seqscan, indexscan],
            )
    if len(found) <= COLLECT_CAP:
        newest = (F("last_decided_on").desc(nulls_last=True), "-pk")
        return cases.filter(pk__in=found).order_by(*newest), Found(len(found), exact=True)
    walk = cases.filter(search_doc__grams__walks_grams=grams).order_by("search_doc__key")
    return walk, Found(len(found))
