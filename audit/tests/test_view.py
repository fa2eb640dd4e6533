"""The audit view: a unit's approvers read their units' entries, the
authority every unit's; editors are turned away."""

import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from audit.tests.helpers import member, published_news, supervisor

pytestmark = pytest.mark.django_db
URL = reverse("audit_index")


@pytest.fixture
def published(network):
    """A page published in each of the two schools, by their approvers."""
    school, other = network["school"], network["other_school"]
    for unit, title in ((school, "Tin trường A"), (other, "Tin trường B")):
        published_news(unit, member(unit, "approvers"), title)
    return school, other


def text(client, url=URL):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_an_approver_sees_their_units_entries_only(client, published):
    school, _other = published
    client.force_login(school.approvers_group.user_set.get())
    body = text(client)
    assert "Tin trường A" in body
    assert "Tin trường B" not in body
    assert school.name in body
    assert URL in text(client, reverse("wagtailadmin_home"))  # the menu item


def test_an_editor_is_refused(client, published):
    school, _other = published
    client.force_login(member(school, "editors"))
    assert client.get(URL).status_code in {302, 403, 404}
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert URL not in menu


def test_the_authority_sees_every_unit_and_filters_by_unit(client, published):
    _school, other = published
    client.force_login(supervisor())
    body = text(client)
    assert "Tin trường A" in body
    assert "Tin trường B" in body
    only_other = text(client, f"{URL}?unit={other.key}")
    assert "Tin trường B" in only_other
    assert "Tin trường A" not in only_other


def test_filtering_by_action(client, published):
    school, _other = published
    client.force_login(school.approvers_group.user_set.get())
    assert "Tin trường A" in text(client, f"{URL}?action=wagtail.publish")
    assert "Tin trường A" not in text(client, f"{URL}?action=audit.login")


def test_an_approver_sees_a_deleted_image_of_their_unit(client, network):
    school, other = network["school"], network["other_school"]
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8)).save(buffer, "PNG")
    image = get_image_model().objects.create(
        title="Ảnh sẽ xoá",
        file=ContentFile(buffer.getvalue(), name="anh.png"),
        collection=school.collection,
    )
    client.force_login(member(school, "approvers"))
    response = client.post(reverse("wagtailimages:delete", args=[image.pk]))
    assert response.status_code == 302
    assert "Ảnh sẽ xoá" in text(client)
    client.force_login(member(other, "approvers"))
    assert "Ảnh sẽ xoá" not in text(client)
