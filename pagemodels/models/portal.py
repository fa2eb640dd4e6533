from django.utils.translation import gettext_lazy as _

from pagemodels.models.base import SectionPage
from pagemodels.pagination import paginate


class UnitDirectoryPage(SectionPage):
    """Danh bạ đơn vị: every school and centre of the authority, with links."""

    default_title = _("Các đơn vị")
    default_slug = "don-vi"

    parent_page_types = ["home.PortalHomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("danh bạ đơn vị")
        verbose_name_plural = _("danh bạ đơn vị")

    def get_context(self, request, *args, **kwargs):
        from units.models import Unit

        context = super().get_context(request, *args, **kwargs)
        units = Unit.objects.active().exclude(kind=Unit.Kind.AUTHORITY)
        context["unit_groups"] = [
            (label, [unit for unit in units if unit.kind == kind])
            for kind, label in Unit.Kind.choices
            if kind != Unit.Kind.AUTHORITY
        ]
        return context


class LibraryPage(SectionPage):
    """Thư viện tài nguyên dùng chung: shared resources of every unit."""

    default_title = _("Thư viện tài nguyên")
    default_slug = "thu-vien"

    parent_page_types = ["home.PortalHomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("thư viện tài nguyên")
        verbose_name_plural = _("thư viện tài nguyên")

    def get_context(self, request, *args, **kwargs):
        from pagemodels.models.resources import (
            ResourcePage,
            filter_context,
            filter_resources,
        )

        context = super().get_context(request, *args, **kwargs)
        resources = (
            ResourcePage.objects.live()
            .public()
            .filter(shared=True, unit__archived_at__isnull=True)
            .select_related("unit")
        )
        resources, active = filter_resources(resources, request.GET)
        context.update(filter_context(active))
        context["resources"] = paginate(
            request, resources.order_by("-first_published_at", "-pk")
        )
        return context
