"""The oversight screens in the admin: every visible unit in a sortable
table with charts, a unit's breakdown, a plan's lessons; CSV/XLSX export."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from curriculum.models import CurriculumPlan
from oversight.access import visible_units
from oversight.charts import coverage_bars, coverage_chart
from oversight.coverage import STATUS_LABELS, combined
from oversight.export import export_response
from oversight.measures import MEASURE_LABELS, compute_measures
from oversight.models import SchoolYearTarget
from pagemodels.choices import ResourceType
from pagemodels.fields import current_school_year, validate_school_year
from pagemodels.models import ResourcePage
from search.folding import fold
from units.models import Unit

SORTS = {
    "name": lambda m: fold(m.unit.name),
    "kind": lambda m: (m.unit.kind, fold(m.unit.name)),
    "score": lambda m: m.score,
    "coverage": lambda m: -1 if m.coverage is None else m.coverage.percent,
    "completeness": lambda m: m.completeness.percent,
    "activity": lambda m: m.activity,
}
DEFAULT_SORT = "-score"


def _school_year(request):
    year = request.GET.get("year") or current_school_year()
    try:
        validate_school_year(year)
    except Exception:
        messages.error(
            request,
            _("Năm học “%s” không hợp lệ, đang hiển thị năm học hiện tại.") % year,
        )
        year = current_school_year()
    return year  # fmt: skip


def _units(request):
    units = visible_units(request.user)
    if not units.exists():
        raise PermissionDenied
    kind = request.GET.get("kind")
    if kind in (Unit.Kind.SCHOOL, Unit.Kind.CENTRE):
        units = units.filter(kind=kind)
    return units, kind


def _sorted(measures, sort):
    key = sort.lstrip("-")
    if key not in SORTS:
        sort, key = DEFAULT_SORT, DEFAULT_SORT.lstrip("-")
    return sorted(measures, key=SORTS[key], reverse=sort.startswith("-")), sort


def _columns(sort, query):
    """Header links: a click sorts by the column, a second click reverses."""
    columns = []
    for key, label in (
        ("name", _("Đơn vị")), ("kind", _("Loại")), ("coverage", _("Ứng dụng CNTT")),
        ("completeness", _("Đầy đủ thông tin")), ("activity", _("Hoạt động")),
        ("score", _("Điểm")),
    ):  # fmt: skip
        current = sort.lstrip("-") == key
        descending = sort.startswith("-")
        next_sort = key if current and descending else f"-{key}"
        if key in ("name", "kind") and not current:
            next_sort = key
        params = query.copy()
        params["sort"] = next_sort
        columns.append({
            "label": label,
            "url": f"?{params.urlencode()}",
            "aria_sort": ("descending" if descending else "ascending") if current else "none",
        })  # fmt: skip
    return columns


def dashboard(request):
    school_year = _school_year(request)
    units, kind = _units(request)
    measures = compute_measures(school_year, units)
    measures, sort = _sorted(measures, request.GET.get("sort", DEFAULT_SORT))
    target = SchoolYearTarget.for_year(school_year)
    schools = [m for m in measures if m.coverage is not None]
    network = None
    if schools:
        tally = combined(m.coverage.tally for m in schools)
        first = schools[0].coverage
        expected = target.expected_percent(timezone.localdate())
        by_coverage = sorted(schools, key=lambda m: -m.coverage.percent)
        network = {
            "percent": tally.percent(first.week),
            "applied": tally.applied(first.week),
            "planned": tally.planned,
            "week": first.week,
            "expected": expected,
            "chart": coverage_chart(
                [round(tally.percent(w), 1) for w in range(1, 36)],
                target,
                first.week,
                width=640,
                height=200,
            ),
            "bars": coverage_bars(
                [(m.unit.name, round(m.coverage.percent, 1)) for m in by_coverage],
                expected,
            ),
            "statuses": [
                (label, sum(1 for m in schools if m.coverage.status == status))
                for status, label in STATUS_LABELS.items()
            ],
        }
    query = request.GET.copy()
    return TemplateResponse(
        request,
        "oversight/dashboard.html",
        {
            "school_year": school_year,
            "years": _years(school_year),
            "kind": kind,
            "target": target,
            "measures": measures,
            "columns": _columns(sort, query),
            "network": network,
            "weights": _weights(target),
            "export_query": query.urlencode(),
            "can_edit_targets": request.user.has_perm(
                "oversight.change_schoolyeartarget"
            ),
        },
    )


def export(request, extension):
    if extension not in ("csv", "xlsx"):
        raise Http404
    school_year = _school_year(request)
    units, _kind = _units(request)
    measures = sorted(compute_measures(school_year, units), key=SORTS["name"])
    return export_response(measures, school_year, extension)


def _years(current):
    years = set(SchoolYearTarget.objects.values_list("school_year", flat=True))
    years |= set(
        CurriculumPlan.objects.values_list("school_year", flat=True).distinct()
    )
    years.add(current)
    return sorted(years, reverse=True)


def _weights(target):
    weights = target.weights()
    total = sum(weights.values()) or 1
    return [
        (MEASURE_LABELS[key], weight, 100 * weight / total)
        for key, weight in weights.items()
    ]


def _unit(request, key):
    unit = visible_units(request.user).filter(key=key).first()
    if unit is None:
        raise Http404
    return unit


def unit_detail(request, key):
    unit = _unit(request, key)
    school_year = _school_year(request)
    measures = compute_measures(school_year, [unit])[0]
    coverage = measures.coverage
    plans = []
    if coverage is not None:
        _last_week, percent = coverage.next_deadline()
        for plan_id, plan in sorted(
            coverage.plans.items(),
            key=lambda item: (item[1].grade, fold(item[1].subject)),
        ):
            applied = plan.tally.applied(coverage.week)
            goal = -(-plan.tally.planned * percent // 100)
            plans.append({
                "id": plan_id, "grade": plan.grade, "subject": plan.subject,
                "planned": plan.tally.planned, "applied": applied,
                "percent": plan.tally.percent(coverage.week), "goal": goal,
                "missing": max(0, goal - applied),
            })  # fmt: skip
    return TemplateResponse(
        request,
        "oversight/unit_detail.html",
        {
            "unit": unit,
            "school_year": school_year,
            "m": measures,
            "plans": plans,
            "deadline": coverage.next_deadline() if coverage else None,
            "chart": coverage_chart(coverage.trend(), coverage.target, coverage.week) if coverage else None,
        },
    )  # fmt: skip


def plan_detail(request, key, plan_id):
    unit = _unit(request, key)
    plan = get_object_or_404(CurriculumPlan, pk=plan_id, unit=unit)
    resources = (
        ResourcePage.objects.live()
        .filter(resource_type__in=ResourceType.it_applied())
        .order_by("first_published_at")
    )
    lessons = plan.lessons.order_by("week", "sort_order").prefetch_related(
        Prefetch("resources", queryset=resources, to_attr="it_resources")
    )
    return TemplateResponse(
        request,
        "oversight/plan_detail.html",
        {
            "unit": unit,
            "plan": plan,
            "lessons": lessons,
            "applied": sum(1 for lesson in lessons if lesson.it_resources),
            "count": len(lessons),
        },
    )
