"""Writes with a unit's token: closed schemas, references checked against
the unit, moderation respected, and nothing of another unit reachable."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import APIToken

from headless.models import TokenUnit
from pagemodels.factories import NewsPageFactory
from pagemodels.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db
NEWS = "/api/manage/news/"


def token(unit, role="editors"):
    out = io.StringIO()
    call_command("unit_api_token", unit.key, "--role", role, stdout=out)
    return {"HTTP_AUTHORIZATION": f"Bearer {out.getvalue().strip()}"}


def image(collection, title):
    buffer = io.BytesIO()
    PILImage.new("RGB", (32, 32), (1, 2, 3)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title,
        file=ContentFile(buffer.getvalue(), name="a.png"),
        collection=collection,
    )


def post(client, data, auth, **query):
    suffix = "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""
    return client.post(NEWS + suffix, data, content_type="application/json", **auth)


@pytest.fixture
def units(network):
    return network["school"], network["other_school"]


def test_an_editor_token_writes_a_draft_and_submits_it(client, units):
    own, _other = units
    auth = token(own)
    body = [
        {"type": "heading", "value": {"text": "Chương trình", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Sáng <b>thứ Hai</b><script>x</script></p>"},
    ]
    response = post(
        client, {"title": "Hội giảng", "summary": "Tóm tắt", "body": body}, auth
    )
    assert response.status_code == 201, response.content
    created = response.json()
    assert (created["live"], created["in_moderation"]) == (False, False)
    page = NewsPage.objects.get(pk=created["id"])
    assert (
        page.get_parent().pk == NewsIndexPage.objects.child_of(own.root_page).get().pk
    )
    assert "<script>" not in created["body"][1]["value"]
    assert (
        client.get(f"/api/news/{page.pk}/", HTTP_HOST=own.hostname).status_code == 404
    )

    publish = client.patch(
        f"{NEWS}{page.pk}/",
        {"action": "publish"},
        content_type="application/json",
        **auth,
    )
    assert publish.status_code == 403
    submit = client.patch(
        f"{NEWS}{page.pk}/", {"title": "Hội giảng cấp trường", "action": "submit"},
        content_type="application/json", **auth,
    )  # fmt: skip
    assert submit.status_code == 200
    assert (submit.json()["title"], submit.json()["in_moderation"]) == (
        "Hội giảng cấp trường",
        True,
    )


def test_an_approver_token_publishes(client, units):
    own, _other = units
    response = post(
        client,
        {"title": "Thông báo tuyển sinh", "action": "publish"},
        token(own, "approvers"),
    )
    assert response.status_code == 201
    assert response.json()["live"] is True
    public = client.get(f"/api/news/{response.json()['id']}/", HTTP_HOST=own.hostname)
    assert public.status_code == 200


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"title": "Tin", "tieu_de_phu": "x"}, "tieu_de_phu"),
        ({"title": "Tin", "cover_image": 999999}, "cover_image"),
        ({"title": ""}, "title"),
        ({"title": "Tin", "category": "khong-co"}, "category"),
        ({"title": "Tin", "body": [{"type": "bang", "value": 1}]}, "body"),
        (
            {"title": "Tin", "body": [{"type": "image", "value": {"image": 999999}}]},
            "image",
        ),
    ],
)
def test_bad_bodies_are_a_422_naming_the_field(client, units, data, field):
    own, _other = units
    before = NewsPage.objects.count()
    response = post(client, data, token(own))
    assert response.status_code == 422, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    assert any(
        field in [str(part) for part in error["loc"]]
        for error in response.json()["errors"]
    )
    assert NewsPage.objects.count() == before


def test_references_must_belong_to_the_unit_or_the_shared_library(
    client, network, units
):
    own, other = units
    auth = token(own)
    theirs = image(other.collection, "Ảnh trường khác")
    shared = image(network["authority"].collection, "Ảnh dùng chung")
    mine = image(own.collection, "Ảnh của trường")
    refused = post(client, {"title": "Tin", "cover_image": theirs.pk}, auth)
    assert refused.status_code == 422
    in_body = post(
        client,
        {"title": "Tin", "body": [{"type": "image", "value": {"image": theirs.pk}}]},
        auth,
    )
    assert in_body.status_code == 422
    assert in_body.json()["errors"][0]["loc"] == ["body", "body", 0, "value", "image"]
    ok = post(
        client,
        {
            "title": "Tin",
            "cover_image": shared.pk,
            "body": [
                {"type": "image", "value": {"image": mine.pk, "alt_text": "Lớp học"}}
            ],
        },
        auth,
    )
    assert ok.status_code == 201
    assert ok.json()["cover"]["id"] == shared.pk
    assert ok.json()["body"][0]["value"]["alt"] == "Lớp học"


def test_a_units_token_never_reaches_another_unit(client, units):
    own, other = units
    auth = token(own)
    author = get_user_model().objects.create_user("b", password="pw")
    author.groups.add(other.editors_group)
    section = NewsIndexPage.objects.child_of(other.root_page).get()
    theirs = NewsPageFactory(
        parent=section, title="Tin nháp trường B", live=False, owner=author
    )
    theirs.save_revision(user=author)
    for method, url in [
        ("get", f"{NEWS}{theirs.pk}/"),
        ("patch", f"{NEWS}{theirs.pk}/"),
        ("delete", f"{NEWS}{theirs.pk}/"),
        ("post", f"{NEWS}{theirs.pk}/preview-link/"),
    ]:
        response = getattr(client, method)(
            url,
            {"title": "Xâm nhập", "action": "draft"},
            content_type="application/json",
            **auth,
        )
        assert response.status_code == 404, (method, url)
    assert post(client, {"title": "Xâm nhập"}, auth, unit=other.key).status_code == 400
    theirs.refresh_from_db()
    assert (theirs.title, theirs.live) == ("Tin nháp trường B", False)
    assert NewsPage.objects.filter(pk=theirs.pk).exists()


def test_a_scoped_token_stays_in_its_unit_even_for_a_two_unit_user(client, units):
    own, other = units
    auth = token(own)
    scoped = TokenUnit.objects.get(unit=own).token.user
    scoped.groups.add(other.editors_group)  # the account now also works for B
    assert post(client, {"title": "Tin"}, auth, unit=other.key).status_code == 400
    assert post(client, {"title": "Tin"}, auth).status_code == 201


def test_bad_or_revoked_tokens_are_401(client, units):
    own, _other = units
    assert (
        post(
            client, {"title": "Tin"}, {"HTTP_AUTHORIZATION": "Bearer wagtail_sai"}
        ).status_code
        == 401
    )
    auth = token(own)
    APIToken.objects.get().revoke()
    assert post(client, {"title": "Tin"}, auth).status_code == 401


def test_preview_links_show_the_draft_until_they_expire(client, units):
    own, _other = units
    auth = token(own)
    created = post(client, {"title": "Bản nháp xem trước"}, auth).json()
    link = client.post(f"{NEWS}{created['id']}/preview-link/", **auth).json()
    path = link["url"].split("testserver", 1)[-1]
    client.logout()
    preview = client.get(path)
    assert preview.status_code == 200
    assert preview.json()["title"] == "Bản nháp xem trước"
    assert client.get(path[:-3] + "xx/").status_code == 404


def test_editor_deletes_own_draft_not_a_live_page(client, units):
    own, _other = units
    auth = token(own)
    draft = post(client, {"title": "Xoá được"}, auth).json()
    assert client.delete(f"{NEWS}{draft['id']}/", **auth).status_code == 204
    assert not NewsPage.objects.filter(pk=draft["id"]).exists()
    live = post(
        client, {"title": "Đã đăng", "action": "publish"}, token(own, "approvers")
    ).json()
    assert client.delete(f"{NEWS}{live['id']}/", **auth).status_code == 403
