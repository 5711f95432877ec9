"""Every URL pattern and API operation × every role, about a body that is not public:
the status the matrix expects, and no word of an object the role may not read."""

import pytest
from django.urls import reverse

from tests.permissions.arguments import (
    API_ARGS,
    API_BODIES,
    API_PATH_ARGS,
    API_QUERIES,
    PAGE_ARGS,
    PAGE_POSTS,
)
from tests.permissions.matrix import ADMIN, ADMIN_PROBES, API, PAGES
from tests.permissions.probe import (
    api_operations,
    ask,
    client_for,
    fill,
    page_patterns,
    page_url,
)
from tests.permissions.secrets import SECRETS, leaked
from tests.permissions.world import ROLES


def _is_admin(name: str) -> bool:
    return name.startswith(("admin:", "admin/"))


def _is_operation(name: str) -> bool:
    """The API router's own patterns: each is an operation of the API table."""
    return name.startswith("api:") and name not in {k[0] for k in PAGES}


@pytest.fixture(autouse=True)
def quick_charts(monkeypatch):
    """Charts drawn as an empty picture: who may fetch one is decided before drawing,
    and the drawing (matplotlib) would be most of this test's time."""
    from livinglab.reports import charts, trial_views

    monkeypatch.setattr(charts, "render", lambda *args, **kwargs: b"<svg/>")
    monkeypatch.setattr(charts, "render_all_png", lambda *args, **kwargs: [])
    monkeypatch.setattr(trial_views, "render_kpi", lambda *args, **kwargs: b"<svg/>")


def test_every_url_has_a_row():
    names = {n for n in page_patterns() if not _is_admin(n) and not _is_operation(n)}
    rows = {name for name, _method in PAGES}
    missing, stale = sorted(names - rows), sorted(rows - names)
    assert not missing, (
        "URL patterns without a row in tests/permissions/matrix.py (PAGES): "
        f"{', '.join(missing)}; add who may use each (and its arguments in arguments.py)"
    )
    assert not stale, f"rows of PAGES for URL names that no longer exist: {', '.join(stale)}"


def test_every_api_operation_has_a_row():
    operations = set(api_operations())
    rows = {f"{method} {path}" for path, method in API}
    missing, stale = sorted(operations - rows), sorted(rows - operations)
    assert not missing, (
        "API operations without a row in tests/permissions/matrix.py (API): "
        f"{', '.join(missing)}; add who may call each"
    )
    assert not stale, f"rows of API for operations that no longer exist: {', '.join(stale)}"


def _report(role: str, wrong: list[str], leaks: list[str]) -> str:
    lines = [f"as {role}:"]
    lines += [f"  {line}" for line in wrong]
    lines += [f"  LEAK {line}" for line in leaks]
    return "\n".join(lines)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_pages(matrix_world, role):
    w, column = matrix_world, ROLES.index(role)
    client = client_for(w, role)
    patterns = page_patterns()
    wrong, leaks = [], []
    for (name, method), codes in PAGES.items():
        kwargs = PAGE_ARGS[name](w) if name in PAGE_ARGS else {}
        url = page_url(name, patterns[name], kwargs)
        data = PAGE_POSTS[name](w) if method == "POST" and name in PAGE_POSTS else None
        answer = ask(client, method, url, data)
        if answer.status != codes[column]:
            wrong.append(f"{method} {url} ({name}): {answer.status}, expected {codes[column]}")
        if words := leaked(role, answer.text, name):
            leaks.append(f"{method} {url} ({name}) shows {', '.join(words)}")
    assert not (wrong or leaks), _report(role, wrong, leaks)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_api(matrix_world, role):
    w, column = matrix_world, ROLES.index(role)
    client = client_for(w, role)
    values = {name: value(w) for name, value in API_ARGS.items()}
    wrong, leaks = [], []
    for (path, method), codes in API.items():
        operation = f"{method} {path}"
        here = {name: value(w) for name, value in API_PATH_ARGS.get(path, {}).items()}
        url = fill(path, {**values, **here}) + API_QUERIES.get(operation, "")
        data = API_BODIES[operation](w) if operation in API_BODIES else None
        answer = ask(client, method, url, data, as_json=True)
        if answer.status != codes[column]:
            wrong.append(f"{method} {url}: {answer.status}, expected {codes[column]}")
        if words := leaked(role, answer.text, operation):
            leaks.append(f"{method} {url} shows {', '.join(words)}")
    assert not (wrong or leaks), _report(role, wrong, leaks)


@pytest.mark.django_db
def test_admin_is_for_staff_only(matrix_world):
    wrong = []
    for role, expected in zip(ROLES, ADMIN, strict=True):
        client = client_for(matrix_world, role)
        for name in ADMIN_PROBES:
            status = ask(client, "GET", reverse(name)).status
            if status != expected:
                wrong.append(f"{role} GET {name}: {status}, expected {expected}")
    assert not wrong, "\n".join(wrong)


# Searches and filtered lists, asked for words of the hidden objects.
SEARCHES = (
    "/cases/?q=機房",
    "/needs/?q=路口",
    "/proposals/?q=機房",
    "/lab/search/?q=機房",
    "/trials/?q=機房",
    "/sites/?q=機房",
    "/organisations/?q=產業",
    "/api/cases?q=機房",
    "/api/needs?q=路口",
    "/api/proposals?q=機房",
    "/api/trials",
    "/api/sites?q=機房",
    "/api/review-queue",
    "/api/reviews/assignments",
    "/api/assignments?overdue=false",
    "/api/progress-reports",
    "/api/notifications",
    "/api/3/action/package_search?q=機房",
    "/opendata/datasets/cases.csv",
    "/opendata/datasets/decisions.csv",
    "/opendata/datasets/trials.csv",
)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_searches_find_nothing_hidden(matrix_world, role):
    client = client_for(matrix_world, role)
    wrong = []
    for url in SEARCHES:
        answer = ask(client, "GET", url)
        if answer.status >= 500:
            wrong.append(f"GET {url}: {answer.status}")
        if words := leaked(role, answer.text, url):
            wrong.append(f"LEAK GET {url} shows {', '.join(words)}")
    assert not wrong, "\n".join([f"as {role}:", *wrong])


@pytest.mark.django_db
def test_searches_find_the_hidden_words_for_staff(matrix_world):
    """The searches above can find the words: the check of the other roles means something."""
    client = client_for(matrix_world, "staff")
    found = set()
    for url in SEARCHES:
        text = ask(client, "GET", url).text
        found |= {word for word in SECRETS if word in text}
    assert {"資訊機房汰換預算案", "機房能耗監測", "機房冷卻最佳化"} <= found
