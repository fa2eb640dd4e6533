"""A unit's approvers manage the unit's people: invite by e-mail, set the
role (editor or approver), remove from the unit. No superuser rights needed:
the only thing that changes is membership of the unit's two groups."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from units.permissions import APPROVERS, EDITORS, ROLE_LABELS

ROLE_CHOICES = [(EDITORS, ROLE_LABELS[EDITORS]), (APPROVERS, ROLE_LABELS[APPROVERS])]


def may_manage(user, unit):
    if not user.is_active:
        return False
    if user.is_superuser or user.has_perm("auth.change_user"):
        return True
    return user.groups.filter(pk=unit.approvers_group_id).exists()


def members(unit):
    groups = [unit.editors_group_id, unit.approvers_group_id]
    people = (
        get_user_model()
        .objects.filter(groups__in=groups)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )
    approvers = set(
        unit.approvers_group.user_set.values_list("pk", flat=True)
        if unit.approvers_group
        else []
    )
    return [
        (person, APPROVERS if person.pk in approvers else EDITORS) for person in people
    ]


def set_role(unit, person, role):
    keep, drop = (
        (unit.approvers_group, unit.editors_group)
        if role == APPROVERS
        else (unit.editors_group, unit.approvers_group)
    )
    person.groups.remove(drop)
    person.groups.add(keep)


def remove(unit, person):
    """Take `person` out of the unit; deactivate them if they belong to no
    unit or group any more (their pages and history stay)."""
    person.groups.remove(unit.editors_group, unit.approvers_group)
    if not person.groups.exists() and not person.is_superuser:
        person.is_active = False
        person.save(update_fields=["is_active"])


def send_invitation(request, person, unit):
    """A link to set a password, valid as long as Django's reset links."""
    link = request.build_absolute_uri(
        reverse(
            "wagtailadmin_password_reset_confirm",
            args=[
                urlsafe_base64_encode(force_bytes(person.pk)),
                default_token_generator.make_token(person),
            ],
        )
    )
    context = {"person": person, "unit": unit, "inviter": request.user, "link": link}
    send_mail(
        render_to_string("units/invitation_subject.txt", context).strip(),
        render_to_string("units/invitation_email.txt", context),
        None,
        [person.email],
    )


class InviteForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    email = forms.EmailField(
        label=_("Thư điện tử"),
        error_messages={"invalid": _("Địa chỉ thư điện tử không hợp lệ.")},
    )
    role = forms.ChoiceField(label=_("Vai trò"), choices=ROLE_CHOICES, initial=EDITORS)

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit
        for field in self.fields.values():
            field.error_messages["required"] = _("Trường này là bắt buộc.")

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        existing = get_user_model().objects.filter(email__iexact=email)
        if existing.count() > 1:
            raise ValidationError(
                _("Có nhiều tài khoản dùng địa chỉ này; hãy nhờ quản trị viên xử lý.")
            )
        self.existing = existing.first()
        if self.existing and (
            self.existing.groups.filter(
                pk__in=[self.unit.editors_group_id, self.unit.approvers_group_id]
            ).exists()
        ):
            raise ValidationError(_("Người này đã là thành viên của đơn vị."))
        return email

    def unique_username(self, email):
        base = slugify(email.split("@")[0]).replace("-", ".")[:140] or "nguoidung"
        users = get_user_model().objects
        username, number = base, 1
        while users.filter(username=username).exists():
            number += 1
            username = f"{base}{number}"
        return username

    @transaction.atomic
    def save(self, request):
        """Add the person (an existing account, e.g. a teacher of two schools,
        or a new one) and, for a new account, e-mail a link to set a password."""
        data = self.cleaned_data
        person = self.existing
        if person is None:
            first_name, _space, last_name = data["full_name"].strip().rpartition(" ")
            person = get_user_model().objects.create_user(
                self.unique_username(data["email"]),
                email=data["email"],
                first_name=first_name,
                last_name=last_name,
            )
            send_invitation(request, person, self.unit)
        elif not person.is_active:
            person.is_active = True
            person.save(update_fields=["is_active"])
        set_role(self.unit, person, data["role"])
        return person
