from django.utils.translation import gettext_lazy as _

from pagemodels.models.base import SectionPage


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
        from search.query import Scope
        from search.views import resource_search

        context = super().get_context(request, *args, **kwargs)
        context.update(resource_search(request, Scope(locale_id=self.locale_id)))
        return context
