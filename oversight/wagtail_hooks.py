from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet

from oversight import views
from oversight.access import VIEW_ALL, visible_units
from oversight.charts import coverage_chart
from oversight.measures import compute_measures
from oversight.models import SchoolYearTarget
from pagemodels.fields import current_school_year


class UnitPanel(Component):
    """On a unit's admin home: its coverage, completeness, score and the
    next concrete steps; for the authority, the network in one line."""

    name = "oversight"
    order = 50
    template_name = "oversight/home_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        school_year = current_school_year()
        units = visible_units(self.user)
        context = {"school_year": school_year, "heading": _("Giám sát và đánh giá")}
        if self.user.has_perm(VIEW_ALL):
            # the network's figures live on the dashboard, one click away; the
            # home page stays fast however many units there are
            context["network"] = {"units": units.count()}
            return context
        context["rows"] = [
            {
                "m": m,
                "steps": m.next_steps(),
                "chart": m.coverage
                and coverage_chart(
                    m.coverage.trend(), m.coverage.target, m.coverage.week
                ),
            }
            for m in compute_measures(school_year, units)
        ]
        return context


@hooks.register("construct_homepage_panels")
def add_oversight_panel(request, panels):
    if visible_units(request.user).exists():
        panels.append(UnitPanel(request.user))


@hooks.register("register_admin_urls")
def register_oversight_urls():
    return [
        path("oversight/", views.dashboard, name="oversight_dashboard"),
        path("oversight/export.<str:extension>", views.export, name="oversight_export"),
        path("oversight/unit/<slug:key>/", views.unit_detail, name="oversight_unit"),
        path(
            "oversight/unit/<slug:key>/plan/<int:plan_id>/",
            views.plan_detail,
            name="oversight_plan",
        ),
    ]


class OversightMenuItem(MenuItem):
    def is_shown(self, request):
        return visible_units(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_oversight_menu_item():
    return OversightMenuItem(
        _("Giám sát"), reverse("oversight_dashboard"), icon_name="list-ul", order=810
    )


class TargetViewSet(ModelViewSet):
    model = SchoolYearTarget
    icon = "date"
    menu_label = _("Chỉ tiêu năm học")
    add_to_settings_menu = True
    list_display = ["school_year", "semester_one_percent", "year_percent", "count_by"]
    form_fields = [
        "school_year", "starts_on", "semester_one_percent", "year_percent",
        "count_by", "news_max_age_days", "weight_coverage", "weight_completeness",
        "weight_activity", "activity_days", "activity_expected",
    ]  # fmt: skip


@hooks.register("register_admin_viewset")
def register_target_viewset():
    return TargetViewSet("oversight_targets")
