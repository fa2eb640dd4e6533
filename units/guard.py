"""Unit isolation at the door of every admin view.

Wagtail checks what a user may *do* to an object, but several of its views
show an object (titles in confirmation pages, chooser children, translation
previews, workflow dialogs, bulk-action forms) before that check, or
never make it. This middleware refuses, with a 404, any admin request whose
URL names a page, image, document, collection, translation or workflow state
outside the user's units. The authority (`oversight.view_all_units`) may
name any unit's objects; what it may change is still Wagtail's permissions.
"""

from django.http import Http404
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, TaskState, WorkflowState
from wagtail.permissions import policy_registry
from wagtail_localize.models import Translation, TranslationSource

from units.access import home_paths, units_of

SEE_ALL = "oversight.view_all_units"
PAGE_ARGS = {
    "page_id",
    "parent_page_id",
    "page_to_move_id",
    "page_pk",
    "destination_id",
}
ASSET_ACTIONS = ["choose", "change", "delete"]
# Routes only the authority uses: they list every unit's objects at once.
AUTHORITY_ROUTES = {
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:page_types_usage_results",
    "wagtail_localize:translations_report",
    "wagtail_localize:translations_report_results",
}
SUPERUSER_NAMESPACES = {"wagtailadmin_workflows"}


class Scope:
    """What one user's admin request may name."""

    def __init__(self, user):
        self.user = user
        self._homes = None

    def homes(self):
        if self._homes is None:
            self._homes = home_paths(units_of(self.user))
        return self._homes

    def page(self, page_id):
        page = Page.objects.filter(pk=page_id).only("path", "depth").first()
        if page is None or page.depth < 2:
            return True  # the view answers 404, or it is the tree's root
        return any(page.path.startswith(home) for home in self.homes())

    def usable(self, model, pk):
        """An image or document in a collection the user may use; a missing
        one is left to the view's own 404."""
        if not model.objects.filter(pk=pk).exists():
            return True
        return usable_assets(model, self.user).filter(pk=pk).exists()

    def image(self, pk):
        return self.usable(get_image_model(), pk)

    def document(self, pk):
        return self.usable(get_document_model(), pk)

    def collection(self, pk):
        own = units_of(self.user).values_list("collection__path", flat=True)
        collection = Collection.objects.filter(pk=pk).first()
        if collection is None:
            return True
        return any(collection.path.startswith(path) for path in own if path)

    def source(self, source):
        if source is None:
            return True
        if not issubclass(source.specific_content_type.model_class(), Page):
            return False
        page = Page.objects.filter(
            translation_key=source.object_id, locale=source.locale
        ).first()
        return page is None or self.page(page.pk)

    def translation(self, pk):
        translation = Translation.objects.select_related("source").filter(pk=pk)
        translation = translation.first()
        return translation is None or self.source(translation.source)

    def workflow_state(self, state):
        if state is None:
            return True
        if not issubclass(state.base_content_type.model_class(), Page):
            return False
        return self.page(int(state.object_id))


def usable_assets(model, user):
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(user, ASSET_ACTIONS)


def _ids(value):
    try:
        return [int(value)]
    except (TypeError, ValueError):
        return []


def allowed(scope, match, request):
    name, kwargs = match.view_name, match.kwargs
    namespace = match.namespace.split(":")[0] if match.namespace else ""
    if name in AUTHORITY_ROUTES or namespace in SUPERUSER_NAMESPACES:
        return False
    checks = [scope.page(pk) for arg in PAGE_ARGS for pk in _ids(kwargs.get(arg))]
    if "pk" in kwargs:
        checks.append(_check_pk(scope, name, kwargs["pk"]))
    for arg in ("image_id",):
        checks += [scope.image(pk) for pk in _ids(kwargs.get(arg))]
    for arg in ("document_id", "doc_id"):
        checks += [scope.document(pk) for pk in _ids(kwargs.get(arg))]
    checks += [scope.collection(pk) for pk in _ids(kwargs.get("collection_id"))]
    checks += [scope.translation(pk) for pk in _ids(kwargs.get("translation_id"))]
    for pk in _ids(kwargs.get("translation_source_id")):
        checks.append(scope.source(TranslationSource.objects.filter(pk=pk).first()))
    for pk in _ids(kwargs.get("workflow_state_id")):
        checks.append(scope.workflow_state(WorkflowState.objects.filter(pk=pk).first()))
    for pk in _ids(kwargs.get("task_state_id")):
        task_state = TaskState.objects.filter(pk=pk).first()
        checks.append(scope.workflow_state(task_state and task_state.workflow_state))
    if (kwargs.get("app_label"), kwargs.get("model_name")) == ("wagtailcore", "page"):
        ids = request.GET.getlist("id") + [kwargs.get("object_id")]
        checks += [scope.page(pk) for value in ids for pk in _ids(value)]
    return all(checks)


def _check_pk(scope, name, pk):
    if name.startswith(("wagtailimages", "wagtailadmin_api:images")):
        return all(scope.image(value) for value in _ids(pk))
    if name.startswith(("wagtaildocs", "wagtailadmin_api:documents")):
        return all(scope.document(value) for value in _ids(pk))
    if name.startswith("wagtailadmin_collections"):
        return all(scope.collection(value) for value in _ids(pk))
    if name.startswith(("wagtailadmin_pages", "wagtailadmin_api:pages")):
        return all(scope.page(value) for value in _ids(pk))
    return True


class UnitIsolationMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if (
            not request.path.startswith(reverse("wagtailadmin_home"))
            or user is None
            or not user.is_authenticated
            or user.is_superuser
            or request.resolver_match is None
        ):
            return None
        if user.has_perm(SEE_ALL) and not _superuser_only(request.resolver_match):
            return None
        if not allowed(Scope(user), request.resolver_match, request):
            raise Http404
        return None


def _superuser_only(match):
    namespace = match.namespace.split(":")[0] if match.namespace else ""
    return namespace in SUPERUSER_NAMESPACES
