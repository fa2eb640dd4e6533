import time

from django.core.management import BaseCommand, CommandError

from units.provisioning import provision_units
from units.registry import RegistryError, read_registry


class Command(BaseCommand):
    help = (
        "Create or update every unit of a registry file (CSV): Site, page tree, "
        "groups, collection. Safe to run again; dropped units are archived."
    )

    def add_arguments(self, parser):
        parser.add_argument("registry", help="path of the registry CSV file")

    def handle(self, registry, **options):
        started = time.perf_counter()
        try:
            entries = read_registry(registry)
        except RegistryError as error:
            raise CommandError(
                "Tệp đăng ký đơn vị có lỗi, chưa thay đổi gì:\n  - "
                + "\n  - ".join(error.problems)
            ) from error
        report = provision_units(entries)
        if options["verbosity"] < 1:
            return
        for unit in report.created:
            self.stdout.write(f"+ {unit.hostname}  {unit.name}")
        for unit, changes in report.updated:
            self.stdout.write(f"~ {unit.hostname}  {unit.name}  ({', '.join(changes)})")
        for unit in report.restored:
            self.stdout.write(f"↺ {unit.hostname}  {unit.name}")
        for unit in report.archived:
            self.stdout.write(f"- {unit.hostname}  {unit.name}  (lưu trữ)")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(entries)} đơn vị: {len(report.created)} tạo mới, "
                f"{len(report.updated)} cập nhật, {len(report.restored)} khôi phục, "
                f"{len(report.unchanged)} không đổi, {len(report.archived)} lưu trữ "
                f"({time.perf_counter() - started:.1f} s)"
            )
        )
