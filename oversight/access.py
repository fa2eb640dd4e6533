"""Whose figures a user may see: the authority sees every unit, a unit's
staff see their own units only."""

from oversight.measures import measured_units
from units.access import units_of
from units.models import Unit

VIEW_ALL = "oversight.view_all_units"


def visible_units(user):
    if not user.is_active:
        return Unit.objects.none()
    if user.has_perm(VIEW_ALL):
        return measured_units()
    return measured_units(units_of(user))
