from tests.work.conftest import cases  # noqa: F401  (the agencies' cases, one overdue)
