"""Demo logins for every role (demo.toml's [users])."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from units.models import Unit
from units.permissions import AUTHORITY_GROUPS


def group_for(account):
    role = account["role"]
    if role in AUTHORITY_GROUPS:
        return Group.objects.get(name=str(AUTHORITY_GROUPS[role]))
    unit = Unit.objects.get(key=account["unit"])
    return getattr(unit, f"{role}_group")


def load_users(config):
    """Create or reset each demo account; return (username, role label, unit)."""
    users = config["users"]
    created = []
    for account in users["accounts"]:
        first_name, _space, last_name = account["name"].rpartition(" ")
        user, _new = get_user_model().objects.update_or_create(
            username=account["username"],
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{account['username']}@binhlieu.localhost",
                "is_active": True,
            },
        )
        user.set_password(users["password"])
        user.save()
        group = group_for(account)
        user.groups.add(group)
        created.append((user.username, group.name))
    return created
