"""Load the demo (admin user, languages, the authority's portal) from demo/.

Safe to run again: what exists already is left as it is."""

import csv
import tomllib
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import BaseCommand, call_command
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from home.models import HomePage
from pagemodels.models import StandardPage
from search.folding import ascii_slug

DEMO_DIR = Path(settings.BASE_DIR) / "demo"


class Command(BaseCommand):
    help = "Load the demo content from demo/ (idempotent)."

    def handle(self, *args, **options):
        config = tomllib.loads((DEMO_DIR / "demo.toml").read_text(encoding="utf-8"))
        with transaction.atomic():
            self.ensure_locales()
            admin = self.ensure_admin(config["admin"])
            home = self.ensure_portal(config["portal"])
        call_command("update_index", verbosity=0)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready: {home.title}\n"
                f"  Site:  http://localhost:8000/\n"
                f"  Admin: http://localhost:8000/admin/  "
                f"login {admin.username} / {config['admin']['password']}"
            )
        )

    def ensure_locales(self):
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            Locale.objects.get_or_create(language_code=code)

    def ensure_admin(self, data):
        user_model = get_user_model()
        user = user_model.objects.filter(username=data["username"]).first()
        if user is None:
            user = user_model.objects.create_superuser(
                data["username"], data["email"], data["password"]
            )
        return user

    def authority_name(self):
        with open(DEMO_DIR / "units.csv", encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["kind"] == "authority":
                    return row["name"]
        raise ValueError("units.csv has no authority row")

    def ensure_portal(self, data):
        site = Site.objects.filter(is_default_site=True).first()
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            home = root.add_child(
                instance=HomePage(
                    title=self.authority_name(), slug="portal", intro=data["intro"]
                )
            )
            old_root_page = site.root_page if site else None
            if site is None:
                site = Site(hostname="localhost", port=80, is_default_site=True)
            site.root_page = home
            site.site_name = home.title
            site.save()
            if old_root_page is not None and not isinstance(
                old_root_page.specific, HomePage
            ):
                old_root_page.delete()
        for item in data.get("pages", []):
            if not StandardPage.objects.filter(title=item["title"]).exists():
                page = StandardPage(
                    title=item["title"],
                    slug=ascii_slug(item["title"]),
                    summary=item["summary"],
                    body=[("paragraph", RichText(f"<p>{item['body']}</p>"))],
                )
                home.add_child(instance=page)
        return home
