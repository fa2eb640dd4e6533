"""Whose log entries a user may read: the authority (and superusers) every
entry, a unit's approvers their units' entries. Page and model log entries
are read together, newest first."""

from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField, Q, Value
from django.db.models.functions import Cast
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry, Page, PageLogEntry

from units.access import home_paths
from units.guard import SEE_ALL
from units.models import Unit

PAGE, MODEL = 0, 1
NOTHING = Q(pk__in=[])


def sees_all(user):
    return user.is_active and (user.is_superuser or user.has_perm(SEE_ALL))


def approved_units(user):
    if not user.is_active:
        return Unit.objects.none()
    return Unit.objects.active().filter(approvers_group__in=user.groups.values("pk"))


def can_view(user):
    return user.is_authenticated and (sees_all(user) or approved_units(user).exists())


def units_for(user):
    """The units whose entries `user` may read (the filter's choices)."""
    return Unit.objects.all() if sees_all(user) else approved_units(user)


def _any(conditions):
    return reduce(or_, conditions, NOTHING)


def _stamped(units):
    # data["units"] is a JSON list; matching its text works on every database
    return _any(Q(data__units__icontains=f'"{unit.key}"') for unit in units)


def _page_condition(units):
    paths = _any(Q(page__path__startswith=path) for path in home_paths(units))
    return paths | _stamped(units)


def _model_condition(units):
    collections = [u.collection.path for u in units if u.collection]
    condition = _stamped(units)
    if not collections:
        return condition
    for model in (get_image_model(), get_document_model()):
        ids = (
            model.objects.filter(
                _any(Q(collection__path__startswith=p) for p in collections)
            )
            .annotate(key=Cast("pk", CharField()))
            .values("key")
        )
        content_type = ContentType.objects.get_for_model(
            model, for_concrete_model=False
        )
        condition |= Q(content_type=content_type, object_id__in=ids)
    return condition


class Entries:
    """The page and model log entries of `units` (None: every entry)."""

    def __init__(self, units=None, action=None):
        self.pages = PageLogEntry.objects.all()
        self.models = ModelLogEntry.objects.all()
        if units is not None:
            units = list(units.select_related("root_page", "collection"))
            self.pages = self.pages.filter(_page_condition(units))
            self.models = self.models.filter(_model_condition(units))
        self.scoped = (self.pages, self.models)
        if action:
            self.pages = self.pages.filter(action=action)
            self.models = self.models.filter(action=action)

    def actions(self):
        """(action, label) of the actions found among the entries."""
        pages, models = self.scoped
        found = pages.get_actions() | models.get_actions()
        choices = [(action, label_of(action)) for action in found]
        return sorted(choices, key=lambda choice: str(choice[1]))

    def ordered(self):
        """(id, timestamp, kind) of every entry, newest first, for paging."""

        def rows(queryset, kind):
            return (
                queryset.order_by()
                .annotate(kind=Value(kind, output_field=IntegerField()))
                .values_list("id", "timestamp", "kind")
            )

        union = rows(self.pages, PAGE).union(rows(self.models, MODEL), all=True)
        return union.order_by("-timestamp", "-id")


def label_of(action):
    registry.scan_for_actions()
    formatter = registry.formatters.get(action)
    return formatter.label if formatter else action


def load(rows):
    """The log entries of a page of `ordered()` rows, in the same order."""
    ids = {PAGE: [], MODEL: []}
    for pk, _timestamp, kind in rows:
        ids[kind].append(pk)
    found = {
        PAGE: PageLogEntry.objects.select_related("user", "content_type").in_bulk(
            ids[PAGE]
        ),
        MODEL: ModelLogEntry.objects.select_related("user", "content_type").in_bulk(
            ids[MODEL]
        ),
    }
    entries = [found[kind][pk] for pk, _timestamp, kind in rows]
    _name_units(entries)
    return entries


def _name_units(entries):
    """Give each entry `unit_names`: from data["units"], or for an older page
    entry from where its page is."""
    units = Unit.objects.select_related("root_page")
    by_key = {unit.key: unit for unit in units}
    by_translation = {u.root_page.translation_key: u for u in units if u.root_page}
    homes = {
        path: by_translation.get(key)
        for path, key in Page.objects.filter(depth=2).values_list(
            "path", "translation_key"
        )
    }
    page_paths = dict(
        Page.objects.filter(
            pk__in=[e.page_id for e in entries if isinstance(e, PageLogEntry)]
        ).values_list("pk", "path")
    )
    for entry in entries:
        keys = entry.data.get("units") if isinstance(entry.data, dict) else None
        found = [by_key[key] for key in keys or () if key in by_key]
        if not found and isinstance(entry, PageLogEntry):
            path = page_paths.get(entry.page_id, "")
            home = homes.get(path[: Page.steplen * 2])
            found = [home] if home else []
        entry.unit_names = [unit.name for unit in found]
