"""`livinglab kpis export --scope ID -o FILE` and `livinglab kpis import FILE…`."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from livinglab.kpis.services import exchange
from livinglab.kpis.services.catalogue import load_catalogue
from livinglab.kpis.services.scopes import scope_by_identifier
from livinglab.tracking.services.operator import command_user


class Command(BaseCommand):
    help = "Publish and import KPI definitions, scopes and values in the exchange format."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        out = commands.add_parser(
            "export", help="Write a scope, everything under it and its values."
        )
        out.add_argument("--scope", required=True, help="namespace:code, a local code or an id")
        out.add_argument(
            "-o", "--output", required=True, help="the file to write (- for standard output)"
        )
        out.add_argument(
            "--format", choices=["json", "csv"], help="default: by the file's extension"
        )
        into = commands.add_parser("import", help="Import exchange files (JSON or CSV).")
        into.add_argument("files", nargs="+")
        into.add_argument(
            "--review", action="store_true", help="only stage them for the review page"
        )
        into.add_argument("--user", help="act as this user (default: the command-line account)")
        commands.add_parser("load-catalogue", help="Add the default definitions that are missing.")
        commands.add_parser(
            "check", help="Check every KPI with a target; propose cases for those off track."
        )

    def handle(self, *args, **options):
        action = options["action"]
        if action == "export":
            self.export(options)
        elif action == "import":
            self.import_files(options)
        elif action == "check":
            self.check()
        else:
            self.stdout.write(f"{load_catalogue()} added")

    def export(self, options):
        try:
            scope = scope_by_identifier(options["scope"])
        except LookupError as exc:
            raise CommandError(str(exc)) from None
        target = options["output"]
        fmt = options["format"] or ("csv" if target.endswith(".csv") else "json")
        if fmt == "csv":
            text = exchange.export_csv(scope)
        else:
            text = json.dumps(exchange.export(scope), ensure_ascii=False, indent=1) + "\n"
        if target == "-":
            self.stdout.write(text, ending="")
        else:
            Path(target).write_text(text, encoding="utf-8")
            self.stderr.write(f"{scope.identifier} → {target}")

    def import_files(self, options):
        user = command_user(options["user"])
        for name in options["files"]:
            try:
                data = Path(name).read_bytes()
                staged = exchange.stage_import(user, Path(name).name, data)
                if options["review"]:
                    self.stdout.write(f"{name}: staged for review as import {staged.pk}")
                    continue
                plan = exchange.apply_import(user, staged)
            except (OSError, exchange.ExchangeRejected, UnicodeDecodeError) as exc:
                raise CommandError(f"{name}: {exc}") from None
            if plan.errors:
                raise CommandError(f"{name}: nothing imported:\n" + "\n".join(plan.errors[:50]))
            self.stdout.write(
                f"{name}: {len(plan.definitions_new)} definitions, {len(plan.scopes_new)} scopes, "
                f"{plan.values_new} values added; {plan.values_unchanged} unchanged; "
                f"{len(plan.conflicts)} conflicting values held for review"
            )

    def check(self):
        from livinglab.kpis.models import Target
        from livinglab.kpis.services.loop import check

        pairs = Target.objects.values_list("definition_id", "scope_id").distinct()
        opened = 0
        for definition_id, scope_id in pairs:
            from livinglab.kpis.models import Definition, Scope

            alert = check(Definition.objects.get(pk=definition_id), Scope.objects.get(pk=scope_id))
            opened += alert is not None
        self.stdout.write(f"{len(pairs)} KPIs with targets checked; {opened} off track")
