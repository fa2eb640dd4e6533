"""Read a page and its latest draft in the admin without changing it, and
leave a comment the unit's editors see in the page editor: how the
authority's supervisors review a unit's content."""

from django import forms
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.log_actions import log
from wagtail.models import Comment, Page
from wagtail.permissions import policy_registry

from units.models import Unit


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Góp ý"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Hãy nhập nội dung góp ý.")},
    )


def readable_page(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    policy = policy_registry.get_by_type(Page)
    if page.depth < 2 or not policy.can_view(request.user, page):
        raise Http404
    return page.specific


def add_comment(page, user, text):
    comment = Comment.objects.create(
        page=page,
        user=user,
        text=text,
        contentpath="title",
        revision_created=page.get_latest_revision(),
    )
    log(
        instance=page,
        action="wagtail.comments.create",
        user=user,
        data={"comment": {"id": comment.pk, "contentpath": "title", "text": text}},
    )
    return comment


def page_review(request, page_id):
    page = readable_page(request, page_id)
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        add_comment(page, request.user, form.cleaned_data["text"])
        messages.success(request, _("Đã gửi góp ý cho đơn vị."))
        return redirect("units_page_review", page.pk)
    revision = page.get_latest_revision()
    return TemplateResponse(
        request,
        "units/page_review.html",
        {
            "page": page,
            "unit": Unit.for_page(page),
            "revision": revision,
            "form": form,
            "comments": Comment.objects.filter(page=page, resolved_at__isnull=True)
            .select_related("user")
            .order_by("created_at"),
            "can_edit": page.permissions_for_user(request.user).can_edit(),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def page_review_preview(request, page_id):
    """The draft as the public site would show it, framed by page_review."""
    page = readable_page(request, page_id)
    revision = page.get_latest_revision()
    draft = revision.as_object() if revision else page
    response = draft.make_preview_request(request, page.default_preview_mode)
    # the preview runs through the middleware, which forbids any framing
    response["X-Frame-Options"] = "SAMEORIGIN"
    return response
