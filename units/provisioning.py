"""Create or update every unit of a registry: its Site, its page tree with
every required section published, its editors and approvers groups, its
collection. Idempotent; units dropped from the registry are archived."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Collection, Locale, Page, Site

from home.models import CentreHomePage, PortalHomePage, SchoolHomePage
from moderation.workflows import ensure_workflows
from units.models import Unit
from units.permissions import (
    APPROVERS,
    AUTHORITY_GROUPS,
    EDITORS,
    ROLE_LABELS,
    SHARED_COLLECTION,
    grant,
    grant_authority,
    grant_collection,
    load_permissions,
)

HOME_TYPES = {
    Unit.Kind.AUTHORITY: PortalHomePage,
    Unit.Kind.SCHOOL: SchoolHomePage,
    Unit.Kind.CENTRE: CentreHomePage,
}


@dataclass
class Report:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    archived: list = field(default_factory=list)
    restored: list = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.created or self.updated or self.archived or self.restored)


def _publish(page):
    page.save_revision(log_action=False).publish(log_action=False)


def _set(obj, **values):
    """Assign changed values; return the names of the fields that changed."""
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, values[name])
    return changed


class Provisioner:
    def __init__(self):
        self.root = Page.get_first_root_node()
        self.root_collection = Collection.get_first_root_node()
        self.permissions = load_permissions()

    def home_page(self, unit, entry, changes):
        home_type = HOME_TYPES[entry.kind]
        home = unit.root_page.specific if unit.root_page else None
        if home is not None and not isinstance(home, home_type):
            raise ValueError(f"{unit.key}: the home page is not a {home_type.__name__}")
        if home is None:
            home = self.root.add_child(
                instance=home_type(title=entry.name, slug=unit.key, live=False)
            )
            _publish(home)
            changes.append("home")
        elif home.title != entry.name or not home.live:
            home.title = entry.name
            _publish(home)
            changes.append("home")
        for model in home_type.required_sections:
            section = model.objects.child_of(home).first()
            if section is None:
                section = home.add_child(
                    instance=model(
                        title=str(model.default_title),
                        slug=model.default_slug,
                        show_in_menus=True,
                        live=False,
                    )
                )
                _publish(section)
                changes.append(model.default_slug)
            elif not section.live:
                _publish(section)
                changes.append(model.default_slug)
        return home

    def site(self, unit, entry, home, changes):
        values = {
            "hostname": entry.hostname,
            "port": settings.SITE_PORT,
            "root_page_id": home.pk,
            "site_name": entry.name,
            "is_default_site": entry.kind == Unit.Kind.AUTHORITY,
        }
        site = unit.site
        if site is None:
            if values["is_default_site"]:
                Site.objects.filter(is_default_site=True).update(is_default_site=False)
            site = Site.objects.create(**values)
            changes.append("site")
        elif _set(site, **values):
            site.save()
            changes.append("site")
        return site

    def collection(self, unit, entry, changes):
        collection = unit.collection
        if collection is None:
            collection = self.root_collection.add_child(name=entry.name)
            changes.append("collection")
        elif _set(collection, name=entry.name):
            collection.save()
            changes.append("collection")
        return collection

    def group(self, current, role, entry, home, collection, changes):
        name = f"{entry.name} – {ROLE_LABELS[role]}"[:150]
        group = current
        if group is None:
            group = Group.objects.create(name=name)
            changes.append(role)
        elif _set(group, name=name):
            group.save()
            changes.append(role)
        grant(group, role, home, collection, self.permissions)
        return group

    def provision(self, entry, report):
        unit = Unit.objects.filter(key=entry.key).first()
        changes = []
        if unit is None:
            unit = Unit(key=entry.key)
        restored = unit.archived_at is not None
        changes += _set(
            unit,
            kind=entry.kind,
            school_level=entry.school_level,
            name=entry.name,
            locality=entry.locality,
            hostname=entry.hostname,
            archived_at=None,
        )
        created = unit.pk is None
        if restored:
            self.restore(unit)
        home = self.home_page(unit, entry, changes)
        unit.root_page = home
        unit.site = self.site(unit, entry, home, changes)
        unit.collection = self.collection(unit, entry, changes)
        unit.editors_group = self.group(
            unit.editors_group, EDITORS, entry, home, unit.collection, changes
        )
        unit.approvers_group = self.group(
            unit.approvers_group, APPROVERS, entry, home, unit.collection, changes
        )
        if changes:
            unit.save()
        if created:
            report.created.append(unit)
        elif restored:
            report.restored.append(unit)
        elif changes:
            report.updated.append((unit, changes))
        else:
            report.unchanged.append(unit)

    def archive(self, unit, report):
        """Unpublish the unit's whole tree, remembering what was live; keep
        every page, file and group."""
        unpublished = []
        if unit.root_page is not None:
            for page in unit.root_page.get_descendants(inclusive=True).live():
                page.specific.unpublish(log_action=False)
                unpublished.append(page.pk)
        unit.archived_at = timezone.now()
        unit.archived_pages = unpublished
        unit.save(update_fields=["archived_at", "archived_pages", "updated_at"])
        report.archived.append(unit)

    def restore(self, unit):
        """Publish again the pages that archiving unpublished."""
        pages = Page.objects.filter(pk__in=unit.archived_pages, live=False)
        for page in pages.specific().order_by("path"):
            _publish(page)
        unit.archived_pages = []

    def ensure_locales(self):
        """Every content language of the install has its Locale."""
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            Locale.objects.get_or_create(language_code=code)

    def authority_groups(self):
        for role, label in AUTHORITY_GROUPS.items():
            group, _created = Group.objects.get_or_create(name=str(label))
            grant_authority(group, role, self.root, self.permissions)

    def share_authority_collection(self):
        """Every unit group may use (not change) the authority's collection."""
        authority = Unit.objects.active().filter(kind=Unit.Kind.AUTHORITY).first()
        if authority is None or authority.collection is None:
            return
        for unit in Unit.objects.active().exclude(pk=authority.pk):
            for group in (unit.editors_group, unit.approvers_group):
                grant_collection(
                    group, authority.collection, SHARED_COLLECTION, self.permissions
                )

    def remove_welcome_page(self):
        """Wagtail's own placeholder page, left by its initial migration."""
        base_type = ContentType.objects.get_for_model(Page)
        for page in Page.objects.filter(depth=2, content_type=base_type):
            if page.is_leaf():
                Site.objects.filter(root_page=page).delete()
                page.delete()


def provision_units(entries):
    report = Report()
    with transaction.atomic():
        provisioner = Provisioner()
        provisioner.ensure_locales()
        provisioner.remove_welcome_page()
        for entry in entries:
            provisioner.provision(entry, report)
        keys = {entry.key for entry in entries}
        for unit in Unit.objects.active().exclude(key__in=keys):
            provisioner.archive(unit, report)
        provisioner.authority_groups()
        provisioner.share_authority_collection()
        ensure_workflows()
    return report
