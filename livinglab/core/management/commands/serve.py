import os
import shutil
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Run the production web server (gunicorn) with the current settings."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("LIVINGLAB_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2"))
        )

    def handle(self, *args, host, port, workers, **options):
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
            "--access-logfile=-",
            # Behind a proxy that terminates TLS, trust its forwarded-protocol header.
            "--forwarded-allow-ips=127.0.0.1,::1",
        ]
        self.stdout.write(f"Living Lab on http://{host}:{port}/ ({workers} workers)")
        self.stdout.flush()
        os.execv(argv[0], argv)  # noqa: S606  replaces this process with the server
