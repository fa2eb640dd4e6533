"""Template tags of the public sites: the site's home page and sections,
breadcrumbs, query strings for pagination and filters, field choices and the
schema.org description of a resource."""

import json

from django import template
from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

register = template.Library()

# As django.utils.html.json_script: nothing in the JSON can close the <script>.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

CREATIVE_COMMONS = {
    "cc-by": "https://creativecommons.org/licenses/by/4.0/",
    "cc-by-sa": "https://creativecommons.org/licenses/by-sa/4.0/",
    "cc-by-nc": "https://creativecommons.org/licenses/by-nc/4.0/",
}


def _page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.simple_tag(takes_context=True)
def site_root(context):
    """The current site's home page (specific), once per request.

    A page in another language than the site's home page gets the home page's
    translation that holds it (one more query, only for such pages)."""
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_site_root"):
        site = Site.find_for_request(request)
        root = site.root_page.specific if site else None
        page = _page(context)
        if (
            root is not None
            and page is not None
            and page.depth >= root.depth
            and not page.path.startswith(root.path)
        ):
            translation = (
                Page.objects.filter(
                    path=page.path[: len(root.path)],
                    translation_key=root.translation_key,
                )
                .specific()
                .first()
            )
            root = translation or root
        request._site_root = root
    return request._site_root


@register.simple_tag(takes_context=True)
def site_sections(context):
    """The live, public, in-menu children of the site's home page."""
    root = site_root(context)
    if root is None:
        return []
    request = context["request"]
    if not hasattr(request, "_site_sections"):
        request._site_sections = list(root.get_children().live().public().in_menu())
    return request._site_sections


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """The ancestors of `page` from the site's home page down, without `page`."""
    root = site_root(context)
    if root is None or page is None or not page.path.startswith(root.path):
        return []
    if page.depth <= root.depth:
        return []
    return list(page.get_ancestors().filter(depth__gte=root.depth))


@register.filter
def nav_state(section, page):
    """aria-current for a menu link: "page" on the page itself, "true" on the
    section that holds the current page, "" elsewhere."""
    if not isinstance(page, Page) or section is None:
        return ""
    if page.pk == section.pk:
        return "page"
    return "true" if page.path.startswith(section.path) else ""


@register.simple_tag(takes_context=True)
def query_update(context, request=None, **changes):
    """The current query string with some keys replaced ("" or None removes one):
    {% query_update page=2 %} or {% query_update request page=2 %}."""
    request = request or context["request"]
    query = request.GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            query.pop(key, None)
        else:
            query[key] = value
    return "?" + query.urlencode() if query else "?"


@register.simple_tag
def page_links(items, on_each_side=2, on_ends=1):
    """Page numbers around the current page of a Django Page object, with
    Paginator.ELLIPSIS where numbers are left out."""
    return list(
        items.paginator.get_elided_page_range(
            items.number, on_each_side=on_each_side, on_ends=on_ends
        )
    )


def _model(model_or_label):
    if isinstance(model_or_label, str):
        return apps.get_model(model_or_label)
    return model_or_label


@register.simple_tag
def field_choices(model, field_name):
    """The choices of a model field: {% field_choices "pagemodels.ResourcePage"
    "grade" as choices %} (a model class or instance works too)."""
    return list(_model(model)._meta.get_field(field_name).choices or [])


@register.simple_tag
def field_label(model, field_name):
    """The verbose name of a model field, capitalised."""
    label = str(_model(model)._meta.get_field(field_name).verbose_name)
    return label[:1].upper() + label[1:]


@register.simple_tag(takes_context=True)
def filter_fields(context, model, names):
    """The GET filter form of a list: for each field named in `names` (space
    separated), its name, label, choices and the value in use (from the view's
    `filters`, else from the query string)."""
    model = _model(model)
    active = context.get("filters")
    if active is None and context.get("request") is not None:
        active = context["request"].GET
    fields = []
    for name in names.split():
        field = model._meta.get_field(name)
        value = (active or {}).get(name)
        fields.append(
            {
                "name": name,
                "label": field_label(model, name),
                "choices": list(field.choices or []),
                "value": "" if value is None else str(value),
            }
        )
    return fields


@register.simple_tag
def disclosure_due(item, school_year):
    """An item's effective due date when its year is already known: the same
    as item.effective_due_date, without a query for the parent page."""
    from pagemodels.models.disclosure import disclosure_due_date

    if item.due_date:
        return item.due_date
    return disclosure_due_date(school_year) if school_year else None


@register.filter
def as_str(value):
    return "" if value is None else str(value)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.simple_tag
def with_sites(unit_groups):
    """The (label, units) groups of the unit directory, with every unit's site
    fetched in one query instead of one per unit."""
    units = [unit for _label, group in unit_groups for unit in group]
    prefetch_related_objects(units, "site")
    return unit_groups


@register.simple_tag(takes_context=True)
def learning_resource_json(context, page):
    """schema.org LearningResource for a resource page, as a safe
    <script type="application/ld+json"> (escaped like json_script)."""
    request = context.get("request")
    data = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "name": page.title,
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "learningResourceType": str(page.get_resource_type_display()),
        "isAccessibleForFree": True,
    }
    if page.summary:
        data["description"] = page.summary
    if page.subject:
        data["about"] = page.subject
    if page.grade:
        data["educationalLevel"] = str(page.get_grade_display())
    if page.author:
        data["author"] = page.author  # a person or an organisation
    if page.unit_id:
        data["publisher"] = {"@type": "EducationalOrganization", "name": page.unit.name}
    if page.licence:
        data["license"] = CREATIVE_COMMONS.get(
            page.licence, str(page.get_licence_display())
        )
    if page.first_published_at:
        data["datePublished"] = timezone.localdate(page.first_published_at).isoformat()
    if page.last_published_at:
        data["dateModified"] = timezone.localdate(page.last_published_at).isoformat()
    text = json.dumps(data, cls=DjangoJSONEncoder).translate(JSON_SCRIPT_ESCAPES)
    # Escaped as json_script does: the text cannot end the <script> element.
    safe_json = mark_safe(text)  # noqa: S308
    return format_html('<script type="application/ld+json">{}</script>', safe_json)
