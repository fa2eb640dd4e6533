"""Page types enforce each site's tree: sections once per site, pages only
where they belong, and the admin refuses the rest."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page

from home.models import CentreHomePage, PortalHomePage, SchoolHomePage
from pagemodels.models import (
    DirectivePage,
    DisclosureIndexPage,
    DisclosureItemPage,
    DisclosureYearPage,
    IntroductionPage,
    NewsIndexPage,
    NewsPage,
    ResourcePage,
    SchedulePage,
    TraditionPage,
)
from units.models import Unit

pytestmark = [pytest.mark.sites, pytest.mark.django_db]


@pytest.fixture
def homes(network):
    return {
        Unit.Kind.AUTHORITY: network["authority"].root_page.specific,
        Unit.Kind.SCHOOL: network["school"].root_page.specific,
        Unit.Kind.CENTRE: network["centre"].root_page.specific,
    }


def test_sections_exist_once_per_site(homes):
    school = homes[Unit.Kind.SCHOOL]
    for section in SchoolHomePage.required_sections:
        assert not section.can_create_at(school), section.__name__


@pytest.mark.parametrize(
    ("model", "kind"),
    [
        (NewsPage, Unit.Kind.SCHOOL),  # articles go under the news section
        (DisclosureIndexPage, Unit.Kind.CENTRE),  # centres publish no disclosure
        (IntroductionPage, Unit.Kind.SCHOOL),
        (TraditionPage, Unit.Kind.AUTHORITY),
        (ResourcePage, Unit.Kind.CENTRE),
        (DirectivePage, Unit.Kind.AUTHORITY),
    ],
)
def test_pages_only_go_where_they_belong(homes, model, kind):
    assert not model.can_create_at(homes[kind])


def test_allowed_places(homes):
    school = homes[Unit.Kind.SCHOOL]
    news = NewsIndexPage.objects.child_of(school).get()
    assert NewsPage.can_create_at(news)
    disclosure = DisclosureIndexPage.objects.child_of(school).get()
    assert DisclosureYearPage.can_create_at(disclosure)
    assert not DisclosureItemPage.can_create_at(disclosure)
    # optional sections of a school, once
    assert SchedulePage.can_create_at(school)


def test_home_pages_only_at_the_root(homes):
    root = Page.get_first_root_node()
    school = homes[Unit.Kind.SCHOOL]
    for home_type in (SchoolHomePage, CentreHomePage, PortalHomePage):
        assert home_type.can_create_at(root)
        assert not home_type.can_create_at(school)


def test_the_admin_refuses_a_misplaced_page(client, homes):
    client.force_login(get_user_model().objects.create_superuser("a", "a@x.vn", "pw"))
    school = homes[Unit.Kind.SCHOOL]
    url = reverse("wagtailadmin_pages:add", args=["pagemodels", "newspage", school.pk])
    response = client.get(url)
    assert response.status_code in {302, 403}
    second_news = reverse(
        "wagtailadmin_pages:add", args=["pagemodels", "newsindexpage", school.pk]
    )
    assert client.get(second_news).status_code in {302, 403}
    copy = reverse(
        "wagtailadmin_pages:copy",
        args=[NewsIndexPage.objects.child_of(school).get().pk],
    )
    client.post(
        copy,
        {
            "new_title": "Tin tức 2",
            "new_slug": "tin-tuc-2",
            "new_parent_page": school.pk,
        },
    )
    assert NewsIndexPage.objects.child_of(school).count() == 1


def test_disclosure_is_kept_for_five_years(client, homes):
    client.force_login(get_user_model().objects.create_superuser("a", "a@x.vn", "pw"))
    disclosure = DisclosureIndexPage.objects.child_of(homes[Unit.Kind.SCHOOL]).get()
    year = DisclosureYearPage(title="Năm học 2025-2026", school_year="2025-2026")
    disclosure.add_child(instance=year)
    year.save_revision().publish()
    client.post(reverse("wagtailadmin_pages:delete", args=[year.pk]))
    assert DisclosureYearPage.objects.filter(pk=year.pk).exists()


def test_school_year_must_be_two_consecutive_years(homes):
    from django.core.exceptions import ValidationError

    disclosure = DisclosureIndexPage.objects.child_of(homes[Unit.Kind.SCHOOL]).get()
    year = DisclosureYearPage(title="Sai", slug="sai", school_year="2025-2027")
    with pytest.raises(ValidationError, match="2024-2025"):
        disclosure.add_child(instance=year)


def test_a_resource_needs_a_file_or_an_embed(homes):
    from django.core.exceptions import ValidationError

    from pagemodels.models import ResourceIndexPage

    index = ResourceIndexPage.objects.child_of(homes[Unit.Kind.SCHOOL]).get()
    empty = ResourcePage(title="Trống", slug="trong", resource_type="video")
    with pytest.raises(ValidationError, match="ít nhất một tệp"):
        index.add_child(instance=empty)
    video = ResourcePage(
        title="Video", resource_type="video", embed_url="https://example.org/v"
    )
    index.add_child(instance=video)
    assert video.unit.key == "thdongvan"
