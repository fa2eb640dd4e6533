from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from curriculum.forms import schools_of
from oversight.charts import coverage_chart
from oversight.coverage import compute_coverage
from pagemodels.fields import current_school_year


class CoveragePanel(Component):
    """On a unit's admin home: its coverage, status and next concrete steps."""

    name = "unit_coverage"
    order = 50
    template_name = "oversight/coverage_panel.html"

    def __init__(self, schools):
        self.schools = schools

    def get_context_data(self, parent_context):
        school_year = current_school_year()
        coverage = compute_coverage(school_year, self.schools)
        rows = []
        for school in self.schools:
            figures = coverage[school.pk]
            rows.append(
                {
                    "school": school,
                    "coverage": figures,
                    "deadline": figures.next_deadline(),
                    "chart": coverage_chart(
                        figures.trend(), figures.target, figures.week
                    ),
                    "steps": figures.next_steps(),
                }
            )
        return {"school_year": school_year, "rows": rows, "heading": _("Ứng dụng CNTT")}


@hooks.register("construct_homepage_panels")
def add_coverage_panel(request, panels):
    if request.user.is_superuser:
        return  # the authority's dashboard covers every unit
    schools = list(schools_of(request.user))
    if schools:
        panels.append(CoveragePanel(schools))
