from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from curriculum.forms import ImportForm
from curriculum.importer import (
    CurriculumImportError,
    import_lessons,
    template_csv,
    template_xlsx,
)
from curriculum.models import CurriculumPlan
from units.access import schools_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def _require_schools(user):
    schools = schools_of(user)
    if not schools.exists():
        raise PermissionDenied
    return schools


def plan_list(request):
    schools = _require_schools(request.user)
    plans = (
        CurriculumPlan.objects.filter(unit__in=schools)
        .select_related("unit")
        .order_by("unit__name", "-school_year", "grade", "subject")
    )
    return TemplateResponse(request, "curriculum/plan_list.html", {"plans": plans})


def import_plan(request):
    _require_schools(request.user)
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            problems = [_("Tệp lớn quá 5 MB.")]
        else:
            try:
                with transaction.atomic():
                    plan = form.plan()
                    count = import_lessons(plan, upload.read(), upload.name)
            except CurriculumImportError as error:
                problems = error.problems
            else:
                messages.success(
                    request,
                    _("Đã nhập %(count)d bài học cho %(plan)s.")
                    % {"count": count, "plan": plan},
                )
                return redirect("curriculum_plans")
    return TemplateResponse(
        request, "curriculum/import.html", {"form": form, "problems": problems}
    )


def download_template(request, extension):
    _require_schools(request.user)
    if extension not in {"xlsx", "csv"}:
        raise Http404
    if extension == "xlsx":
        response = HttpResponse(template_xlsx(), content_type=XLSX)
    else:
        response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="mau-phan-phoi-chuong-trinh.{extension}"'
    )
    return response
