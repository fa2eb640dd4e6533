"""Which units a user belongs to (as editor or approver of their groups)."""

from units.models import Unit


def units_of(user):
    """Active units `user` works for; every active unit for a superuser."""
    units = Unit.objects.active()
    if user.is_superuser:
        return units
    if not user.is_authenticated:
        return units.none()
    groups = user.groups.values("pk")
    return units.filter(editors_group__in=groups) | units.filter(
        approvers_group__in=groups
    )


def schools_of(user):
    """The schools whose curriculum `user` may manage."""
    return units_of(user).filter(kind=Unit.Kind.SCHOOL)
