from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from curriculum import views
from units.access import schools_of


@hooks.register("register_admin_urls")
def register_curriculum_urls():
    return [
        path("curriculum/", views.plan_list, name="curriculum_plans"),
        path("curriculum/import/", views.import_plan, name="curriculum_import"),
        path(
            "curriculum/template.<str:extension>",
            views.download_template,
            name="curriculum_template",
        ),
    ]


class SchoolsMenuItem(MenuItem):
    def is_shown(self, request):
        return schools_of(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_curriculum_menu_item():
    return SchoolsMenuItem(
        _("Phân phối chương trình"),
        reverse("curriculum_plans"),
        icon_name="list-ol",
        order=800,
    )
