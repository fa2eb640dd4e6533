from django import template
from django.utils.html import json_script
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def site_root(context):
    """The current site's home page (specific), cached on the request."""
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_site_root"):
        site = Site.find_for_request(request)
        request._site_root = site.root_page.specific if site else None
    return request._site_root


@register.simple_tag(takes_context=True)
def site_sections(context):
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
    return list(page.get_ancestors().filter(depth__gte=root.depth))


@register.simple_tag(takes_context=True)
def query_update(context, **changes):
    """The current query string with some keys replaced (None removes one)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            query.pop(key, None)
        else:
            query[key] = value
    return "?" + query.urlencode() if query else "?"


@register.simple_tag
def field_choices(model_or_instance, field_name):
    return model_or_instance._meta.get_field(field_name).choices


@register.filter
def as_str(value):
    return "" if value is None else str(value)


@register.simple_tag(takes_context=True)
def learning_resource_json(context, page):
    """schema.org LearningResource for a resource page, as a safe <script>."""
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "name": page.title,
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "learningResourceType": page.get_resource_type_display(),
    }
    if page.summary:
        data["description"] = page.summary
    if page.subject:
        data["about"] = page.subject
    if page.grade:
        data["educationalLevel"] = page.get_grade_display()
    if page.author:
        data["author"] = {"@type": "Person", "name": page.author}
    if page.unit_id:
        data["publisher"] = {"@type": "EducationalOrganization", "name": page.unit.name}
    if page.licence:
        data["license"] = page.get_licence_display()
    return json_script(data).replace(
        '<script type="application/json">', '<script type="application/ld+json">'
    )


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
