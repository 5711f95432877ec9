import os
import shutil
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from livinglab.core import supervise


class Command(BaseCommand):
    help = "Run the production web server (gunicorn) with the current settings."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("LIVINGLAB_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2"))
        )
        parser.add_argument(
            "--timeout",
            type=int,
            default=int(os.environ.get("LIVINGLAB_REQUEST_TIMEOUT", "30")),
            help="seconds a request may take; its database statements are stopped then too",
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            default=os.environ.get("LIVINGLAB_SERVE_WORKER", "true").lower() == "false",
            help="do not start the background worker (db_worker) beside the web server; "
            "run `livinglab db_worker` yourself then (or LIVINGLAB_SERVE_WORKER=false)",
        )

    def handle(self, *args, host, port, workers, timeout, no_worker, **options):
        if timeout < 1:
            raise CommandError(f"--timeout must be at least 1 second, not {timeout}")
        if not 0 < port < 65536:
            raise CommandError(f"--port must be between 1 and 65535, not {port}")
        if not settings.STATIC_ROOT.exists():
            raise CommandError(
                "Static files are not collected: run `livinglab collectstatic` first."
            )
        gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable)) or "gunicorn"
        argv = [
            gunicorn,
            "livinglab.wsgi:application",
            f"--bind={host}:{port}",
            f"--workers={workers}",
            # A worker stuck past the request's time is replaced; its statements stop at
            # the same time (LIVINGLAB_STATEMENT_SECONDS), so it rarely comes to that.
            f"--timeout={timeout + 5}",
            "--graceful-timeout=10",
            "--access-logfile=-",
            # Behind a proxy that terminates TLS, trust its forwarded-protocol header.
            "--forwarded-allow-ips=127.0.0.1,::1",
        ]
        self.stdout.write(f"Living Lab on http://{host}:{port}/ ({workers} workers)")
        self.stdout.flush()
        web_env = supervise.web_environment(LIVINGLAB_STATEMENT_SECONDS=str(timeout))
        if no_worker or not _database_tasks():
            os.environ.update(web_env)
            os.execv(argv[0], argv)  # noqa: S606  replaces this process with the server
            return  # reached only where execv is stubbed (tests)
        # The worker's statements may run long (a large reading): no statement limit.
        code = supervise.supervise(argv, supervise.worker_command(), web_env, self._say)
        if code:
            raise CommandError(f"the web server ended with status {code}")

    def _say(self, line: str) -> None:
        self.stdout.write(line)
        self.stdout.flush()


def _database_tasks() -> bool:
    """Whether tasks wait in the database for a worker (the immediate backend needs none)."""
    backends = getattr(settings, "TASKS", {})
    return any("django_tasks_db" in b.get("BACKEND", "") for b in backends.values())
