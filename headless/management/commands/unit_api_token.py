"""Create a service token for one unit: a service account in the unit's
editors (or approvers) group and a token confined to the unit. The key is
printed once."""

from django.contrib.auth import get_user_model
from django.core.management import BaseCommand, CommandError
from wagtail.models import APIToken

from headless.models import TokenUnit
from units.models import Unit
from units.permissions import APPROVERS, EDITORS


class Command(BaseCommand):
    help = "Create an API token confined to one unit."

    def add_arguments(self, parser):
        parser.add_argument("unit", help="the unit's key")
        parser.add_argument("--role", choices=[EDITORS, APPROVERS], default=EDITORS)
        parser.add_argument("--name", default="headless")

    def handle(self, unit, role, name, **options):
        found = Unit.objects.active().filter(key=unit).first()
        if found is None:
            raise CommandError(f"No active unit {unit!r}.")
        user, _created = get_user_model().objects.get_or_create(
            username=f"api.{found.key}.{role}"[:150],
            defaults={"first_name": "API", "last_name": found.name[:150]},
        )
        user.set_unusable_password()
        user.save()
        user.groups.add(getattr(found, f"{role}_group"))
        token, key = APIToken.create_token(user=user, name=name)
        TokenUnit.objects.create(token=token, unit=found)
        self.stdout.write(key)
