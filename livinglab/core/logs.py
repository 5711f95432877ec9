"""Log filters. A refused request (403) is routine: someone followed an old link or tried
a page of another role. One line says who was refused where; a traceback would bury the
errors that matter."""

import logging


class RefusalOnOneLine(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
