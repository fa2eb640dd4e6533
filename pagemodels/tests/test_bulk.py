"""Adding many pages at once keeps the tree valid, the pages searchable and
(with validation on) refuses a page add_child would refuse."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Page

from pagemodels.bulk import add_children
from pagemodels.factories import ResourcePageFactory
from pagemodels.models import ResourceIndexPage, ResourcePage

pytestmark = pytest.mark.django_db


def resources(unit, count, start=0, **fields):
    now = timezone.now()
    return [
        ResourcePage(
            title=f"Bài giảng hàng loạt {n}", slug=f"hang-loat-{n}", unit=unit,
            resource_type="bai-giang-trinh-chieu", subject="Toán", grade=1,
            embed_url="https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            first_published_at=now, last_published_at=now, **fields,
        )
        for n in range(start, start + count)
    ]  # fmt: skip


def test_pages_are_added_after_existing_children(network):
    school = network["school"]
    index = ResourceIndexPage.objects.child_of(school.root_page).get()
    first = ResourcePageFactory(parent=index)
    add_children(index, resources(school, 3))
    add_children(index, resources(school, 2, start=3), validate=False)
    children = list(index.get_children().specific())
    assert children[0].pk == first.pk
    assert [page.title for page in children[1:]] == [
        f"Bài giảng hàng loạt {n}" for n in range(5)
    ]
    assert Page.find_problems() == ([], [], [], [], [])
    index.refresh_from_db()
    assert index.numchild == 6
    page = children[-1]
    assert page.full_url.endswith(
        "thdongvan.binhlieu.localhost/tai-nguyen/hang-loat-4/"
    )
    assert page.get_parent().pk == index.pk
    assert page.unit == school and page.live


@pytest.mark.search
def test_added_pages_are_searchable(network, search_engine):
    school = network["school"]
    index = ResourceIndexPage.objects.child_of(school.root_page).get()
    add_children(index, resources(school, 3))
    search_engine.refresh_indexes()
    found = search_engine.search("hang loat", ResourcePage.objects.live())
    assert len(found) == 3


def test_validation_refuses_a_page_without_file_or_embed(network):
    school = network["school"]
    index = ResourceIndexPage.objects.child_of(school.root_page).get()
    pages = resources(school, 2)
    pages[1].embed_url = ""
    with pytest.raises(ValidationError):
        add_children(index, pages)
    assert not ResourcePage.objects.exists()
