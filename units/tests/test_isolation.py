"""The isolation matrix: every role × every admin route × own unit and
another unit. Another unit's content never shows in a response to a unit's
staff, and no request of any role changes it; a unit's staff still reach
their own. Routes come from walking the URL configuration (admin_routes)."""

import io
import json
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    Locale,
    Page,
    PageViewRestriction,
    TaskState,
    WorkflowState,
)
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from curriculum.models import CurriculumPlan
from pagemodels.factories import NewsPageFactory
from pagemodels.models import NewsIndexPage
from units.models import Unit
from units.provisioning import provision_units
from units.registry import read_registry
from units.tests.admin_routes import OWN_GETS, admin_routes, target_of

ROUTES = admin_routes()
UNIT_ROLES = ["editors", "approvers"]
AUTHORITY_ROLES = ["supervisors", "administrators"]
REFUSED = {302, 400, 403, 404, 405}
ATTACK = {
    "title": "Xâm nhập",
    "slug": "xam-nhap",
    "action-publish": "action-publish",
    "new_title": "Xâm nhập",
    "new_slug": "xam-nhap",
    "copy_subpages": "on",
    "publish_copies": "on",
    "restriction_type": "password",
    "password": "xamnhap",
    "comment": "Xâm nhập",
}


def _png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), (20, 120, 30)).save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="anh.png")


def _content(unit, label, author):
    section = NewsIndexPage.objects.child_of(unit.root_page).get()
    page = NewsPageFactory(
        parent=section, title=f"Tin nháp riêng của {label}", live=False, owner=author
    )
    revision = page.save_revision(user=author)
    image = get_image_model().objects.create(
        title=f"Ảnh riêng của {label}", file=_png(), collection=unit.collection
    )
    document = get_document_model().objects.create(
        title=f"Tài liệu riêng của {label}",
        file=ContentFile(b"%PDF-1.4 demo", name="tailieu.pdf"),
        collection=unit.collection,
    )
    moderated = NewsPageFactory(parent=section, title=f"Chờ duyệt {label}", live=False)
    moderated.save_revision(user=author)
    workflow_state = unit.root_page.get_workflow().start(moderated, author)
    english = Locale.objects.get(language_code="en")
    for original in (unit.root_page, section, page):
        source, _created = TranslationSource.get_or_create_from_instance(original)
        translation = Translation.objects.create(source=source, target_locale=english)
        translation.save_target(user=author)
    plan = CurriculumPlan.objects.create(
        unit=unit, school_year="2026-2027", grade=unit.grades[0], subject="toan"
    )
    return SimpleNamespace(
        unit=unit,
        section=section,
        page=page,
        revision=revision,
        image=image,
        document=document,
        workflow_state=workflow_state,
        task_state=workflow_state.current_task_state,
        translation=translation,
        segment=StringSegment.objects.filter(source=source).first(),
        plan=plan,
        member=author,
        markers=[page.title, image.title, document.title],
    )


@pytest.fixture(scope="module")
def matrix(django_db_setup, django_db_blocker, tmp_path_factory):
    """Two schools with content of each kind, and a user for every role,
    created once for the module inside a transaction rolled back after it."""
    from conftest import SMALL_REGISTRY

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            path = tmp_path_factory.mktemp("registry") / "units.csv"
            path.write_text(SMALL_REGISTRY, encoding="utf-8")
            provision_units(read_registry(path))
            own = Unit.objects.get(key="thdongvan")
            other = Unit.objects.get(key="ptdtbtthcsdongvan")
            users = {}
            for role in UNIT_ROLES:
                user = get_user_model().objects.create_user(f"a-{role}", password="pw")
                user.groups.add(getattr(own, f"{role}_group"))
                users[role] = user
            for role in AUTHORITY_ROLES:
                user = get_user_model().objects.create_user(
                    f"pgd-{role}", password="pw"
                )
                user.groups.add(Group.objects.get(name=authority_group_name(role)))
                users[role] = user
            author = get_user_model().objects.create_user("b-author", password="pw")
            author.groups.add(other.editors_group)
            yield SimpleNamespace(
                users=users,
                own=_content(own, "trường A", users["editors"]),
                other=_content(other, "trường B", author),
            )
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def authority_group_name(role):
    from units.permissions import AUTHORITY_GROUPS

    return str(AUTHORITY_GROUPS[role])


def _kwargs(pattern, target, objects):
    values = {
        "page_id": objects.page.pk,
        "parent_page_id": objects.section.pk,
        "page_to_move_id": objects.page.pk,
        "page_pk": objects.page.pk,
        "object_id": objects.page.pk,
        "destination_id": objects.section.pk,
        "revision_id": objects.revision.pk,
        "revision_id_a": str(objects.revision.pk),
        "revision_id_b": "live",
        "image_id": objects.image.pk,
        "document_id": objects.document.pk,
        "doc_id": objects.document.pk,
        "collection_id": objects.unit.collection_id,
        "key": objects.unit.key,
        "plan_id": objects.plan.pk,
        "task_state_id": objects.task_state.pk,
        "task_id": objects.task_state.task_id,
        "workflow_state_id": objects.workflow_state.pk,
        "action_name": "approve" if target == "workflow_state" else "delete",
        "translation_id": objects.translation.pk,
        "translation_source_id": objects.translation.source_id,
        "string_segment_id": objects.segment.pk if objects.segment else 1,
        "overridable_segment_id": 1,
        "app_label": "wagtailcore",
        "model_name": "page",
        "app_name": "pagemodels",
        "content_type_app_name": "pagemodels",
        "content_type_model_name": "newspage",
        "action": "delete",
        "filter_spec": "original",
        "extension": "csv",
        "mode": "desktop",
        "session_id": 1,
        "workflow_pk": 1,
        "user_id": objects.member.pk,
        "uploaded_file_id": 1,
        "redirect_id": 1,
        "uidb64": "MQ",
        "token": "x",
    }
    pk = {
        "page": objects.page.pk,
        "workflow_state": objects.page.pk,
        "image": objects.image.pk,
        "document": objects.document.pk,
        "collection": objects.unit.collection_id,
        "unit": objects.unit.pk,
    }.get(target, 1)
    names = list(pattern.pattern.regex.groupindex)
    return {name: pk if name == "pk" else values[name] for name in names}


def url_for(name, pattern, target, objects):
    url = reverse(name, kwargs=_kwargs(pattern, target, objects))
    if name == "wagtail_bulk_action":
        url += f"?id={objects.page.pk}"
    return url


def fingerprint(objects):
    """Everything of a unit that a request could change, and every count."""
    unit = objects.unit
    pages = Page.objects.descendant_of(unit.root_page, inclusive=True)
    return {
        "pages": list(
            pages.order_by("path").values_list(
                "pk",
                "title",
                "slug",
                "path",
                "live",
                "locked",
                "latest_revision_id",
                "has_unpublished_changes",
            )
        ),
        "restrictions": PageViewRestriction.objects.filter(page__in=pages).count(),
        "images": list(
            get_image_model()
            .objects.filter(collection__path__startswith=unit.collection.path)
            .values_list("pk", "title", "collection_id")
        ),
        "documents": list(
            get_document_model()
            .objects.filter(collection__path__startswith=unit.collection.path)
            .values_list("pk", "title", "collection_id")
        ),
        "collections": list(
            Collection.objects.filter(path__startswith=unit.collection.path)
            .order_by("path")
            .values_list("pk", "name")
        ),
        "workflows": list(
            WorkflowState.objects.filter(page__in=pages).values_list("pk", "status")
        ),
        "tasks": list(
            TaskState.objects.filter(workflow_state__page__in=pages).values_list(
                "pk", "status"
            )
        ),
        "totals": (
            Page.objects.count(),
            get_image_model().objects.count(),
            get_document_model().objects.count(),
            Translation.objects.count(),
        ),
        "plans": list(unit.curriculum_plans.values_list("pk", "updated_at")),
        "members": list(
            get_user_model()
            .objects.filter(groups__in=[unit.editors_group, unit.approvers_group])
            .order_by("pk")
            .values_list("pk", "is_active", "groups")
        ),
    }


def _leaks(response, objects):
    if response.status_code != 200 or not hasattr(response, "content"):
        return []
    if response.get("Content-Type", "").startswith(("image/", "application/pdf")):
        return ["file"]
    body = b"".join(response) if response.streaming else response.content
    text = body.decode("utf-8", "replace")
    # modal and chooser responses are JSON with non-ASCII escaped
    return [
        marker
        for marker in objects.markers
        if marker in text or json.dumps(marker)[1:-1] in text
    ]


# Public routes (login, catalogues, link forms) hold no unit content; a route
# without a rule fails test_every_admin_route_has_a_rule instead.
CASES = [
    (role, name, route, pattern)
    for role in [*UNIT_ROLES, *AUTHORITY_ROLES]
    for route, name, pattern in ROUTES
    if target_of(name) not in {None, "public"}
]


def test_every_admin_route_has_a_rule():
    unknown = sorted({name for _route, name, _p in ROUTES if target_of(name) is None})
    assert unknown == []


@pytest.mark.parametrize(
    ("role", "name", "route", "pattern"),
    CASES,
    ids=[f"{role}-{route}" for role, _name, route, _p in CASES],
)
def test_another_units_content_is_out_of_reach(
    client, matrix, db, role, name, route, pattern
):
    target = target_of(name)
    client.force_login(matrix.users[role])
    other = matrix.other
    url = url_for(name, pattern, target, other)
    before = fingerprint(other)
    response = client.get(url)
    if role in UNIT_ROLES:
        assert _leaks(response, other) == [], f"GET {url}"
        if target not in {"global", "public"}:
            assert response.status_code in REFUSED, f"GET {url}"
    client.post(url, ATTACK)
    after = fingerprint(other)
    if role == "administrators":  # the authority manages every unit's people
        before.pop("members"), after.pop("members")
    assert after == before, f"POST {url}"


OWN_CASES = [(role, name) for role, names in OWN_GETS.items() for name in names]


@pytest.mark.parametrize(("role", "name"), OWN_CASES)
def test_own_unit_stays_reachable(client, matrix, db, role, name):
    client.force_login(matrix.users[role])
    (pattern,) = {p for _route, n, p in ROUTES if n == name}
    url = url_for(name, pattern, target_of(name), matrix.own)
    assert client.get(url).status_code == 200, url
