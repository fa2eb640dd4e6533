"""Load the demo network: provision every unit of demo/units.csv, then fill
each site with the content of demo/demo.toml. Safe to run again."""

import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import BaseCommand, call_command
from django.db import transaction
from django.utils import timezone

from home.demo import DEMO_DIR, load_config, load_content
from oversight.demo import load_progress
from units.demo import load_users
from units.models import Unit


class Command(BaseCommand):
    help = "Load the demo network (idempotent)."

    def handle(self, *args, **options):
        started = time.perf_counter()
        loaded_since = timezone.now()
        config = load_config()
        admin = self.ensure_admin(config["admin"])
        call_command("provision_units", str(DEMO_DIR / "units.csv"), verbosity=0)
        call_command("generate_curriculum", verbosity=0)
        with transaction.atomic():
            load_content(config)
            load_progress(config, loaded_since)
            users = load_users(config)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo network ready in {time.perf_counter() - started:.0f} s."
            )
        )
        self.print_urls(admin, config["admin"]["password"])
        self.stdout.write(f"  Demo logins (password {config['users']['password']}):")
        for username, group in users:
            self.stdout.write(f"    {username:<22} {group}")

    def ensure_admin(self, data):
        user_model = get_user_model()
        user = user_model.objects.filter(username=data["username"]).first()
        if user is None:
            user = user_model.objects.create_superuser(
                data["username"], data["email"], data["password"]
            )
        return user

    def print_urls(self, admin, password):
        port = "" if settings.SITE_PORT == 80 else f":{settings.SITE_PORT}"
        self.stdout.write(
            f"  Admin:  http://localhost{port}/admin/  (login {admin.username} / {password})"
        )
        for unit in Unit.objects.active().order_by("kind", "key"):
            self.stdout.write(
                f"  {unit.get_kind_display():<32} http://{unit.hostname}{port}/  {unit.name}"
            )
