"""The `livinglab` command: every Django management command, plus `serve`."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "livinglab.settings")
    from django.core.management import execute_from_command_line

    args = argv[1:]
    # Commands are written with hyphens on the command line (import-minutes) and
    # defined with underscores in Python (import_minutes).
    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")
    execute_from_command_line(["livinglab", *args])


if __name__ == "__main__":
    main()
