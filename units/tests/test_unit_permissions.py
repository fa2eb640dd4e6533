"""A unit's groups act on their own unit only, checked through the admin views."""

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import querydict_from_html

from pagemodels.factories import NewsPageFactory
from pagemodels.models import NewsIndexPage, TraditionPage

pytestmark = [pytest.mark.sites, pytest.mark.django_db]


def png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), (200, 30, 30)).save(buffer, "PNG")
    return SimpleUploadedFile("anh.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def units(network):
    return network["school"], network["other_school"]


def member(client, unit, role):
    user = get_user_model().objects.create_user(f"{unit.key}-{role}", password="pw")
    user.groups.add(getattr(unit, f"{role}_group"))
    client.force_login(user)
    return user


def news_index(unit):
    return NewsIndexPage.objects.child_of(unit.root_page).get()


def draft_news(unit, owner, title="Tin nháp"):
    page = NewsPageFactory(
        parent=news_index(unit), title=title, owner=owner, live=False
    )
    page.save_revision(user=owner)
    return page


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def post_edit(client, page, **extra):
    form = querydict_from_html(
        client.get(edit_url(page)).content.decode(), form_id="page-edit-form"
    )
    # StreamFields are drawn by JavaScript: an empty stream posts a zero count
    form.update({"body-count": "0", "gallery-count": "0", **extra})
    return client.post(edit_url(page), form)


def test_editor_edits_own_unit_pages_only(client, units):
    own, other = units
    member(client, own, "editors")
    assert client.get(edit_url(own.root_page)).status_code == 200
    assert client.get(edit_url(other.root_page)).status_code == 404
    add_own = reverse(
        "wagtailadmin_pages:add", args=["pagemodels", "newspage", news_index(own).pk]
    )
    add_other = reverse(
        "wagtailadmin_pages:add", args=["pagemodels", "newspage", news_index(other).pk]
    )
    assert client.get(add_own).status_code == 200
    assert client.get(add_other).status_code == 404


def test_editor_cannot_publish_but_approver_can(client, units):
    own, _other = units
    editor = member(client, own, "editors")
    page = draft_news(own, editor)
    post_edit(client, page, title="Tin đã sửa", **{"action-publish": "1"})
    page.refresh_from_db()
    assert not page.live

    member(client, own, "approvers")
    response = post_edit(client, page, title="Tin đã duyệt", **{"action-publish": "1"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.title == "Tin đã duyệt"


def test_approver_cannot_publish_another_units_page(client, units):
    own, other = units
    author = member(client, other, "editors")
    page = draft_news(other, author)
    member(client, own, "approvers")
    response = client.post(edit_url(page), {"title": "Xâm nhập", "action-publish": "1"})
    assert response.status_code == 404
    page.refresh_from_db()
    assert not page.live
    assert page.title == "Tin nháp"


def test_uploads_go_only_into_the_units_own_collection(client, units):
    own, other = units
    member(client, own, "editors")
    url = reverse("wagtailimages:add")
    for unit in (own, other):
        client.post(url, {
            "title": f"Ảnh {unit.key}",
            "collection": unit.collection_id,
            "file": png(),
        })  # fmt: skip
    images = get_image_model().objects
    # the collection field only offers the unit's own collection: an upload
    # aimed at another unit lands in the editor's own collection, never there
    assert not images.filter(collection=other.collection).exists()
    assert images.filter(collection=own.collection, title=f"Ảnh {own.key}").exists()


def test_required_sections_cannot_be_deleted_even_by_a_superuser(client, units):
    own, _other = units
    admin = get_user_model().objects.create_superuser("root", "r@x.vn", "pw")
    client.force_login(admin)
    section = TraditionPage.objects.child_of(own.root_page).get()
    response = client.post(reverse("wagtailadmin_pages:delete", args=[section.pk]))
    assert response.status_code == 302
    assert TraditionPage.objects.filter(pk=section.pk).exists()
    response = client.post(
        reverse("wagtailadmin_pages:delete", args=[own.root_page.pk])
    )
    assert own.root_page.__class__.objects.filter(pk=own.root_page.pk).exists()
    move = reverse(
        "wagtailadmin_pages:move_confirm", args=[section.pk, units[1].root_page.pk]
    )
    client.post(move)
    section.refresh_from_db()
    assert section.get_parent().pk == own.root_page.pk


def test_bulk_delete_spares_required_sections(client, units):
    own, _other = units
    client.force_login(
        get_user_model().objects.create_superuser("root", "r@x.vn", "pw")
    )
    section = TraditionPage.objects.child_of(own.root_page).get()
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    client.post(f"{url}?id={section.pk}", {})
    assert TraditionPage.objects.filter(pk=section.pk).exists()


def test_the_registry_is_read_only_in_the_admin(client, units):
    own, _other = units
    member(client, own, "approvers")
    assert client.get(reverse("units:index")).status_code == 302
    client.force_login(
        get_user_model().objects.create_superuser("root", "r@x.vn", "pw")
    )
    listing = client.get(reverse("units:index"))
    assert listing.status_code == 200
    assert own.name in listing.content.decode()
    assert client.get(reverse("units:inspect", args=[own.pk])).status_code == 200
    assert client.get(reverse("units:add")).status_code == 302
    assert client.post(reverse("units:delete", args=[own.pk])).status_code == 302
    assert own.__class__.objects.filter(pk=own.pk).exists()


def test_the_authoritys_library_is_shared_for_use_not_change(client, network):
    own = network["school"]
    member(client, own, "editors")
    shared = get_image_model().objects.create(
        title="Logo ngành giáo dục",
        file=png(),
        collection=network["authority"].collection,
    )
    chooser = client.get(reverse("wagtailimages_chooser:choose"))
    assert json.dumps("Logo ngành giáo dục")[1:-1] in chooser.content.decode()
    chosen = client.get(reverse("wagtailimages_chooser:chosen", args=[shared.pk]))
    assert chosen.status_code == 200
    assert (
        client.get(reverse("wagtailimages:edit", args=[shared.pk])).status_code == 302
    )
    client.post(reverse("wagtailimages:delete", args=[shared.pk]))
    client.post(
        reverse("wagtailimages:edit", args=[shared.pk]),
        {"title": "Đổi tên", "collection": shared.collection_id},
    )
    shared.refresh_from_db()
    assert shared.title == "Logo ngành giáo dục"
    listing = client.get(reverse("wagtailimages:index"))
    assert "Logo ngành giáo dục" not in listing.content.decode()
