"""Which units a user belongs to (as editor or approver of their groups),
and where those units' pages are in the tree."""

from django.db.models import Q, QuerySet
from wagtail.models import Page

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


def home_paths(units):
    """Tree paths of the home pages of `units` (a queryset or a list), in
    every language: each translation of a home is a tree of its own."""
    if isinstance(units, QuerySet):
        keys = units.values("root_page__translation_key")
    else:
        keys = [unit.root_page.translation_key for unit in units if unit.root_page]
    homes = Page.objects.filter(depth=2, translation_key__in=keys)
    return list(homes.values_list("path", flat=True))


def under(paths, field="path"):
    """A condition on `field` (a tree path) being under one of `paths`;
    nothing matches when there are none."""
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(**{f"{field}__startswith": path})
    return condition
