"""The unit's people page (Thành viên) for its approvers."""

from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from units import people
from units.access import units_of
from units.models import Unit
from units.permissions import APPROVERS, EDITORS


def managed_units(user):
    return [unit for unit in units_of(user) if people.may_manage(user, unit)]


def _unit(request, key):
    unit = get_object_or_404(Unit.objects.active(), key=key)
    if not people.may_manage(request.user, unit):
        raise Http404
    return unit


def _member(unit, user_id):
    person = get_object_or_404(get_user_model(), pk=user_id)
    if person.pk not in {member.pk for member, _role in people.members(unit)}:
        raise Http404
    return person


def index(request):
    units = managed_units(request.user)
    if not units:
        raise Http404
    return redirect("units_people", units[0].key)


def unit_people(request, key):
    unit = _unit(request, key)
    form = people.InviteForm(request.POST or None, unit=unit)
    if request.method == "POST" and form.is_valid():
        person = form.save(request)
        messages.success(
            request,
            _("Đã thêm %(name)s vào đơn vị.")
            % {"name": person.get_full_name() or person.email},
        )
        return redirect("units_people", unit.key)
    return TemplateResponse(
        request,
        "units/people.html",
        {
            "unit": unit,
            "members": people.members(unit),
            "form": form,
            "units": managed_units(request.user),
            "roles": {
                EDITORS: people.ROLE_LABELS[EDITORS],
                APPROVERS: people.ROLE_LABELS[APPROVERS],
            },
        },
        status=400 if form.is_bound else 200,
    )


@require_POST
def change_role(request, key, user_id):
    unit = _unit(request, key)
    person = _member(unit, user_id)
    role = request.POST.get("role")
    if role not in (EDITORS, APPROVERS) or person == request.user:
        messages.error(request, _("Không thể đổi vai trò này."))
    else:
        people.set_role(unit, person, role)
        messages.success(request, _("Đã đổi vai trò."))
    return redirect("units_people", unit.key)


@require_POST
def remove_member(request, key, user_id):
    unit = _unit(request, key)
    person = _member(unit, user_id)
    if person == request.user:
        messages.error(request, _("Bạn không thể tự rời khỏi đơn vị."))
    else:
        people.remove(unit, person)
        messages.success(request, _("Đã xoá người này khỏi đơn vị."))
    return redirect("units_people", unit.key)
