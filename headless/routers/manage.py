"""Writing a unit's news with a bearer token: drafts, submission for
approval, publishing, deletion, and signed preview links for a headless
front end. A token acts only within its units (a unit service token: within
that one unit); another unit's pages are 404, never revealed."""

import datetime

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from wagtail.actions.delete_page import DeletePageAction
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.errors import ProblemDetail

from headless.blocks import stream_out
from headless.inputs import NewsIn, NewsPatch, References, stream_data
from headless.models import TokenUnit
from headless.routers.news import NewsDetail, news_item
from headless.scope import bad_parameter
from pagemodels.models import NewsIndexPage, NewsPage
from units.access import home_paths, units_of
from units.models import Unit

router = Router(tags=["manage"], auth=BearerTokenAuth())
preview_router = Router(tags=["manage"])
WRITE_PROBLEMS = {
    401: ProblemDetail, 403: ProblemDetail, 404: ProblemDetail, 422: ProblemDetail
}  # fmt: skip
PREVIEW_SALT = "headless.preview"
PREVIEW_HOURS = 2


class DraftOut(NewsDetail):
    live: bool
    has_unpublished_changes: bool
    in_moderation: bool


class PreviewLink(Schema):
    url: str
    expires_at: datetime.datetime


def acting_units(request):
    units = units_of(request.user)
    scope = TokenUnit.objects.filter(token=request.auth).first()
    if scope is not None:
        units = units.filter(pk=scope.unit_id)
    return list(units.select_related("root_page", "collection"))


def editable_news(request, page_id):
    page = NewsPage.objects.filter(pk=page_id).first()
    homes = home_paths(acting_units(request))
    if page is None or not any(page.path.startswith(home) for home in homes):
        raise Http404(_("Không có tin này trong đơn vị của mã truy cập."))
    if not page.permissions_for_user(request.user).can_edit():
        raise Http404(_("Không có tin này trong đơn vị của mã truy cập."))
    return page


def references(units):
    authority = Unit.objects.filter(kind=Unit.Kind.AUTHORITY).select_related(
        "collection"
    )
    paths = [unit.collection.path for unit in [*units, *authority] if unit.collection]
    return References(paths)


def apply(page, data, refs, partial=True):
    fields = data.model_dump(exclude_unset=partial, exclude={"action", "body"})
    if "cover_image" in fields:
        image = fields.pop("cover_image")
        page.cover_image = refs.image(image, ["cover_image"]) if image else None
    for name, value in fields.items():
        if value is not None:
            setattr(page, name, value)
    if data.body is not None:
        page.body = stream_data(data.body, refs)


def finish(request, page, action):
    """Save a revision, then submit or publish it as asked."""
    permissions = page.permissions_for_user(request.user)
    if action == "publish" and not permissions.can_publish():
        raise PermissionDenied(_("Tài khoản này không được xuất bản; hãy gửi duyệt."))
    revision = page.save_revision(user=request.user, log_action=True)
    if action == "publish":
        revision.publish(user=request.user)
    elif action == "submit":
        workflow = page.get_workflow()
        if workflow is not None and not page.workflow_in_progress:
            workflow.start(page, request.user)
    return draft_out(NewsPage.objects.get(pk=page.pk), request)


def draft_out(page, request):
    draft = page.get_latest_revision_as_object()
    return {
        **news_item(draft, request),
        "url": page.get_full_url(request) or "",
        "body": stream_out(draft.body, request),
        "gallery": stream_out(draft.gallery, request),
        "live": page.live,
        "has_unpublished_changes": page.has_unpublished_changes,
        "in_moderation": page.workflow_in_progress,
    }


@router.post("/news/", response={201: DraftOut, **WRITE_PROBLEMS}, summary="Viết tin")
def create_news(request, data: NewsIn, unit: str | None = None):
    units = acting_units(request)
    if unit:
        units = [u for u in units if u.key == unit]
    if len(units) != 1:
        raise bad_parameter("unit", _("Hãy chọn một đơn vị của mã truy cập."))
    index = NewsIndexPage.objects.child_of(units[0].root_page).first()
    if index is None or not index.permissions_for_user(request.user).can_add_subpage():
        raise Http404(_("Đơn vị này không có mục tin tức."))
    page = NewsPage(title=data.title, owner=request.user, live=False)
    apply(page, data, references(units), partial=False)
    index.add_child(instance=page)
    return Status(201, finish(request, page, data.action))


@router.get(
    "/news/{page_id}/",
    response={200: DraftOut, **WRITE_PROBLEMS},
    summary="Bản mới nhất của một tin",
)
def read_news(request, page_id: int):
    return draft_out(editable_news(request, page_id), request)


@router.patch(
    "/news/{page_id}/", response={200: DraftOut, **WRITE_PROBLEMS}, summary="Sửa tin"
)
def update_news(request, page_id: int, data: NewsPatch):
    page = editable_news(request, page_id).get_latest_revision_as_object()
    apply(page, data, references(acting_units(request)))
    return finish(request, page, data.action)


@router.delete(
    "/news/{page_id}/", response={204: None, **WRITE_PROBLEMS}, summary="Xoá tin"
)
def delete_news(request, page_id: int):
    page = editable_news(request, page_id)
    if not page.permissions_for_user(request.user).can_delete():
        raise PermissionDenied(_("Tài khoản này không được xoá tin."))
    DeletePageAction(page, user=request.user).execute()
    return Status(204, None)


@router.post(
    "/news/{page_id}/preview-link/",
    response={201: PreviewLink, **WRITE_PROBLEMS},
    summary="Liên kết xem trước bản nháp",
)
def preview_link(request, page_id: int):
    page = editable_news(request, page_id)
    token = signing.dumps({"page": page.pk}, salt=PREVIEW_SALT)
    url = request.build_absolute_uri(reverse("api:news_preview", args=[token]))
    expires = timezone.now() + datetime.timedelta(hours=PREVIEW_HOURS)
    return Status(201, {"url": url, "expires_at": expires})


@preview_router.get(
    "/preview/{token}/",
    response={200: DraftOut, 404: ProblemDetail},
    url_name="news_preview",
    summary="Xem trước bản nháp (liên kết có chữ ký, hết hạn sau 2 giờ)",
)
def news_preview(request, token: str):
    try:
        data = signing.loads(token, salt=PREVIEW_SALT, max_age=PREVIEW_HOURS * 3600)
    except signing.BadSignature:
        raise Http404(_("Liên kết xem trước không hợp lệ hoặc đã hết hạn.")) from None
    page = NewsPage.objects.filter(pk=data.get("page")).first()
    if page is None:
        raise Http404(_("Liên kết xem trước không hợp lệ hoặc đã hết hạn."))
    return draft_out(page, request)
