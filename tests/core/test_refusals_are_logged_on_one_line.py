"""A 403 is logged as one line naming the path, without a traceback."""

import logging

from livinglab.core.logs import RefusalOnOneLine


def test_a_refused_page_logs_one_line(client, world, caplog):
    client.force_login(world.proposer)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get("/work/")
    assert response.status_code == 403
    [record] = [r for r in caplog.records if getattr(r, "status_code", None) == 403]
    RefusalOnOneLine().filter(record)
    line = logging.Formatter().format(record)
    assert "/work/" in line and "\n" not in line and "Traceback" not in line


def test_the_console_handler_applies_the_filter(settings):
    handler = settings.LOGGING["handlers"]["console"]
    assert handler["filters"] == ["refusal_on_one_line"]
    assert settings.LOGGING["filters"]["refusal_on_one_line"]["()"].endswith("RefusalOnOneLine")


def test_the_filter_keeps_tracebacks_of_real_errors():
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        import sys

        record = logging.LogRecord("django.request", logging.ERROR, "", 0, "x", (), sys.exc_info())
    record.status_code = 500
    RefusalOnOneLine().filter(record)
    assert "Traceback" in logging.Formatter().format(record)
