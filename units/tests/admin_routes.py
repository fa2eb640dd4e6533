"""Every admin route, by what its URL arguments point at, for the isolation
matrix. A route the table does not know fails the matrix: a view added later
must be given a rule here."""

import re

from django.urls import URLPattern, URLResolver, get_resolver

# What a route's object arguments point at. "page", "image", "document",
# "collection", "unit", "plan", "translation", "workflow_state": objects of a
# unit; "global": a listing or form without an object, checked for leaks;
# "authority": registry, users, groups, sites, locales, workflows, targets,
# redirects and settings, refused to unit staff; "public": no unit content
# (login, static catalogues, link forms, error pages).
RULES = [
    (r"wagtailadmin_(login|logout|password_reset.*|javascript_catalog|sprite)$", "public"),
    (r"wagtailadmin_(error_test|account|dismissibles|block_preview)$", "public"),
    (r"wagtailadmin_choose_page_(external|email|phone|anchor)_link$", "public"),
    (r"wagtailadmin_tag_(model_)?autocomplete$", "public"),
    (r"wagtailembeds:.*", "public"),
    (r"wagtail_localize:javascript_catalog$", "public"),
    (r"\?$", "public"),
    (r"wagtailadmin_home$", "global"),
    (r"wagtailadmin_api:pages:(listing|find)$", "global"),
    (r"wagtailadmin_api:pages:(detail|action)$", "page"),
    (r"wagtailadmin_api:images:(listing|find)$", "global"),
    (r"wagtailadmin_api:images:detail$", "image"),
    (r"wagtailadmin_api:documents:(listing|find)$", "global"),
    (r"wagtailadmin_api:documents:detail$", "document"),
    (r"wagtailadmin_explore_root$", "global"),
    (r"wagtailadmin_explore(_results)?$", "page"),
    (r"wagtail_bulk_action$", "page"),
    (r"wagtailadmin_pages:(add|preview_on_add|add_subpage)$", "page"),
    (r"wagtailadmin_pages:(type_use|type_use_results|choose_parent)$", "global"),
    (r"wagtailadmin_pages:(search|search_results)$", "global"),
    (r"wagtailadmin_pages:workflow_(action|preview)$", "workflow_state"),
    (r"wagtailadmin_pages:collect_workflow_action_data$", "workflow_state"),
    (r"wagtailadmin_pages:workflow_history_detail$", "workflow_state"),
    (r"wagtailadmin_pages:.*", "page"),
    (r"wagtailadmin_choose_page(_search|_chosen_multiple)?$", "global"),
    (r"wagtailadmin_choose_page_child$", "page"),
    (r"wagtailadmin_collections:(index|add)$", "global"),
    (r"wagtailadmin_collections:.*", "collection"),
    (r"wagtailadmin_workflows:.*", "authority"),
    (r"wagtailadmin_reports:.*", "global"),
    (r"wagtailadmin_editing_sessions:ping$", "page"),
    (r"wagtailadmin_editing_sessions:release$", "public"),
    (r"curriculum_(plans|import|template)$", "global"),
    (r"oversight_(dashboard|export)$", "global"),
    (r"oversight_unit$", "unit"),
    (r"oversight_plan$", "plan"),
    (r"oversight_targets:.*", "authority"),
    (r"audit_.*", "global"),
    (r"wagtail_localize:submit_page_translation$", "page"),
    (r"wagtail_localize:convert_to_alias$", "page"),
    (r"wagtail_localize:(submit_snippet_translation|snippets_api_.*)$", "authority"),
    (r"wagtail_localize:translations_report(_results)?$", "global"),
    (r"wagtail_localize:.*", "translation"),
    (r"wagtailforms:(index|index_results)$", "global"),
    (r"wagtailforms:.*", "page"),
    (r"wagtailredirects:.*", "authority"),
    (r"wagtailsettings:.*", "authority"),
    (r"wagtailsnippets:index$", "global"),
    (r"wagtail(docs|images)(_chooser)?:(index|index_results|add|choose|choose_results|chosen_multiple|create|add_multiple)$", "global"),
    (r"wagtail(docs|images):(create_multiple_from_uploaded_.*|delete_upload_multiple)$", "public"),
    (r"wagtaildocs(_chooser)?:.*", "document"),
    (r"wagtailimages(_chooser)?:.*", "image"),
    (r"units_page_review(_preview)?$", "page"),
    (r"units_people_index$", "global"),
    (r"units_people(_role|_remove)?$", "unit"),
    (r"units:(index|index_results|add)$", "authority"),
    (r"units:.*", "unit"),
    (r"wagtail(locales|sites|users_users|users_groups):.*", "authority"),
]  # fmt: skip

# Routes a unit's staff use on their own unit: a GET with their own ids
# must answer 200, so that closing a door never locks them out.
OWN_GETS = {
    "editors": [
        "wagtailadmin_explore",
        "wagtailadmin_pages:edit",
        "wagtailadmin_pages:history",
        "wagtailadmin_pages:usage",
        "wagtailadmin_pages:view_draft",
        "wagtailadmin_choose_page_child",
        "wagtailimages:edit",
        "wagtaildocs:edit",
        "wagtailimages_chooser:chosen",
        "wagtaildocs_chooser:chosen",
        "oversight_unit",
    ],
    "approvers": [
        "wagtailadmin_explore",
        "wagtailadmin_pages:edit",
        "wagtailadmin_pages:workflow_history",
        "wagtailadmin_pages:history",
        "wagtailadmin_choose_page_child",
        "wagtailimages:delete",
        "wagtaildocs:delete",
        "oversight_unit",
        "oversight_plan",
        "units_people",
    ],
    "supervisors": [
        "wagtailadmin_explore",
        "units_page_review",
        "units_page_review_preview",
        "oversight_unit",
        "oversight_plan",
    ],
}


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            yield (
                prefix + str(pattern.pattern),
                namespace + (pattern.name or "?"),
                pattern,
            )


def admin_routes():
    """(name, route, pattern) of every URL under the admin."""
    return [
        route
        for route in _walk(get_resolver().url_patterns)
        if route[0].lstrip("^").startswith("admin/")
    ]


def target_of(name):
    for expression, target in RULES:
        if re.fullmatch(expression, name):
            return target
    return None
