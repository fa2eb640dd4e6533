from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Revision,
    Site,
)

from home.models import CentreHomePage, PortalHomePage, SchoolHomePage
from pagemodels.factories import NewsPageFactory
from pagemodels.models import NewsIndexPage
from units.models import Unit
from units.provisioning import provision_units
from units.registry import read_registry

pytestmark = [pytest.mark.sites, pytest.mark.django_db]

DEMO_REGISTRY = Path(__file__).resolve().parents[2] / "demo" / "units.csv"


def provision(path=DEMO_REGISTRY):
    return provision_units(read_registry(path))


def snapshot():
    return {
        "pages": Page.objects.count(),
        "live": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "sites": Site.objects.count(),
        "groups": Group.objects.count(),
        "collections": Collection.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "collection_permissions": GroupCollectionPermission.objects.count(),
        "units": list(
            Unit.objects.values_list("key", "name", "hostname", "archived_at")
        ),
    }


def section_types(unit):
    return sorted(
        type(page).__name__ for page in unit.root_page.get_children().live().specific()
    )


def test_demo_registry_into_an_empty_database():
    report = provision()
    assert len(report.created) == 23
    assert Site.objects.filter(unit__isnull=False).count() == 23
    assert Site.objects.get(is_default_site=True).hostname == "binhlieu.localhost"
    counts = {kind: Unit.objects.filter(kind=kind).count() for kind in Unit.Kind}
    assert counts == {"authority": 1, "school": 14, "centre": 8}
    expected = {
        Unit.Kind.SCHOOL: (SchoolHomePage, ["DisclosureIndexPage", "NewsIndexPage",
                                            "ResourceIndexPage", "TraditionPage"]),
        Unit.Kind.CENTRE: (CentreHomePage, ["DirectiveIndexPage", "IntroductionPage",
                                            "ProgrammeIndexPage", "ResourceIndexPage",
                                            "SchedulePage"]),
        Unit.Kind.AUTHORITY: (PortalHomePage, ["DirectiveIndexPage", "LibraryPage",
                                               "NewsIndexPage", "UnitDirectoryPage"]),
    }  # fmt: skip
    for unit in Unit.objects.select_related("root_page", "site"):
        home_type, sections = expected[unit.kind]
        assert isinstance(unit.root_page.specific, home_type)
        assert unit.root_page.live
        assert unit.site.root_page_id == unit.root_page_id
        assert unit.site.hostname == unit.hostname
        assert section_types(unit) == sections, unit.key
        assert unit.collection.name == unit.name
        assert unit.editors_group.name.startswith(unit.name)
        assert unit.approvers_group.name.startswith(unit.name)
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"vi", "en"}
    # Wagtail's placeholder welcome page is gone
    assert not Page.objects.filter(depth=2, title__icontains="Welcome").exists()


def test_running_again_changes_nothing():
    provision()
    before = snapshot()
    report = provision()
    assert not report.changed
    assert len(report.unchanged) == 23
    assert snapshot() == before


def test_renaming_a_unit_updates_it_everywhere(tmp_path):
    provision()
    text = DEMO_REGISTRY.read_text(encoding="utf-8").replace(
        "Trường Tiểu học Đồng Văn", "Trường Tiểu học Đồng Văn số 1"
    )
    renamed = tmp_path / "units.csv"
    renamed.write_text(text, encoding="utf-8")
    report = provision(renamed)
    assert [unit.key for unit, _changes in report.updated] == ["thdongvan"]
    unit = Unit.objects.get(key="thdongvan")
    assert unit.name == "Trường Tiểu học Đồng Văn số 1"
    assert unit.root_page.specific.title == unit.name
    assert unit.root_page.live
    assert unit.site.site_name == unit.name
    assert unit.collection.name == unit.name
    assert unit.editors_group.name == f"{unit.name} – Biên tập viên"
    assert Unit.objects.count() == 23


def test_a_dropped_unit_is_archived_then_restored(tmp_path):
    provision()
    lines = DEMO_REGISTRY.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if "Tình Húc" not in line or "Trường THCS" in line]
    smaller = tmp_path / "units.csv"
    smaller.write_text("".join(kept), encoding="utf-8")
    pages_before = Page.objects.count()
    home = Unit.objects.get(key="thtinhhuc").root_page
    news = NewsIndexPage.objects.child_of(home).get()
    NewsPageFactory(parent=news, title="Tin cũ đã đăng")
    NewsPageFactory(parent=news, title="Tin nháp", live=False)
    pages_before += 2
    live_before = home.get_descendants(inclusive=True).live().count()

    report = provision(smaller)
    archived = sorted(unit.key for unit in report.archived)
    assert archived == ["thtinhhuc", "tthtcdtinhhuc"]
    unit = Unit.objects.get(key="thtinhhuc")
    assert unit.archived_at is not None
    assert not unit.root_page.get_descendants(inclusive=True).live().exists()
    assert Page.objects.count() == pages_before  # nothing deleted

    report = provision()
    assert sorted(unit.key for unit in report.restored) == sorted(archived)
    unit.refresh_from_db()
    assert unit.archived_at is None
    assert unit.root_page.live
    assert len(section_types(unit)) == 4
    assert unit.root_page.get_descendants(inclusive=True).live().count() == live_before
