"""The keys of the units an object belongs to, as stored in a log entry's
data["units"]: what lets a unit's approvers find the entry later, even after
the object is gone."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from units.models import Unit


def of_groups(groups):
    """Units whose editors or approvers group is among `groups`."""
    units = Unit.objects.filter(
        Q(editors_group__in=groups) | Q(approvers_group__in=groups)
    )
    return sorted(set(units.values_list("key", flat=True)))


def of_member(user):
    """Units `user` works for through their groups (not a superuser's all)."""
    return of_groups(user.groups.values("pk"))


def of_page(page):
    unit = Unit.for_page(page) if page is not None else None
    return [unit.key] if unit else []


def of_collection(collection):
    if collection is None:
        return []
    paths = Unit.objects.filter(collection__isnull=False).values_list(
        "key", "collection__path"
    )
    return sorted(key for key, path in paths if collection.path.startswith(path))


def _unit_field(model):
    try:
        field = model._meta.get_field("unit")
    except FieldDoesNotExist:
        return False
    return field.is_relation and field.related_model is Unit


def describes(model):
    """Whether of_object() can tell the units of `model`'s instances."""
    known = (Unit, Group, Collection, get_user_model())
    assets = (get_image_model(), get_document_model())
    return issubclass(model, known + assets) or _unit_field(model)


def of_object(instance):
    if isinstance(instance, Unit):
        return [instance.key]
    if isinstance(instance, Group):
        return of_groups([instance.pk])
    if isinstance(instance, get_user_model()):
        return of_member(instance)
    if isinstance(instance, Collection):
        return of_collection(instance)
    if isinstance(instance, (get_image_model(), get_document_model())):
        return of_collection(instance.collection)
    if _unit_field(type(instance)) and instance.unit_id:
        return [instance.unit.key]
    return []
