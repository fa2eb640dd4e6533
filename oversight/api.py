"""Oversight figures in the API: the same `UnitMeasures` the dashboard and
the exports show, for the units the token's user may see."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from ninja import Router, Schema
from ninja.errors import ValidationError as ParameterError
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.errors import ProblemDetail

from oversight.access import visible_units
from oversight.measures import compute_measures
from pagemodels.fields import current_school_year, validate_school_year
from units.models import Unit

router = Router(tags=["oversight"], auth=BearerTokenAuth())
PROBLEMS = {400: ProblemDetail, 401: ProblemDetail, 403: ProblemDetail}


class UnitFigures(Schema):
    unit: str
    name: str
    kind: str
    hostname: str
    school_year: str
    score: float
    completeness_percent: float
    checks_passed: int
    checks_total: int
    activity: int
    coverage_percent: float | None
    coverage_expected_percent: float | None
    coverage_applied: int | None
    coverage_planned: int | None
    coverage_status: str | None


class CheckOut(Schema):
    key: str
    label: str
    passed: bool
    detail: str


class ComponentOut(Schema):
    key: str
    label: str
    weight: int
    share: float
    value: float
    points: float
    detail: str


class UnitBreakdown(UnitFigures):
    components: list[ComponentOut]
    checks: list[CheckOut]
    next_steps: list[str]
    weekly_coverage_percent: list[float] | None


def _school_year(value):
    value = value or current_school_year()
    try:
        validate_school_year(value)
    except ValidationError as error:
        raise ParameterError(
            [
                {
                    "loc": ["query", "school_year"],
                    "msg": error.messages[0],
                    "type": "value_error",
                }
            ]
        ) from error
    return value  # fmt: skip


def _units(request):
    units = visible_units(request.user)
    if not units.exists():
        raise PermissionDenied("Tài khoản của mã truy cập không xem được đơn vị nào.")
    return units


@router.get("/units/", response={200: list[UnitFigures], **PROBLEMS})
def list_units(request, school_year: str | None = None, kind: Unit.Kind | None = None):
    """Every unit's figures for a school year (default: the current one)."""
    units = _units(request)
    if kind:
        units = units.filter(kind=kind)
    measures = compute_measures(_school_year(school_year), units)
    return [m.figures() for m in sorted(measures, key=lambda m: m.unit.key)]


@router.get(
    "/units/{key}/", response={200: UnitBreakdown, 404: ProblemDetail, **PROBLEMS}
)
def unit_breakdown(request, key: str, school_year: str | None = None):
    """One unit's figures with the score's parts, the checks and next steps."""
    unit = _units(request).filter(key=key).first()
    if unit is None:
        raise Http404("Không có đơn vị này.")
    m = compute_measures(_school_year(school_year), [unit])[0]
    return {
        **m.figures(),
        "components": [
            {"key": c.key, "label": str(c.label), "weight": c.weight, "share": c.share,
             "value": c.value, "points": c.points, "detail": c.detail}
            for c in m.components
        ],
        "checks": [
            {"key": c.key, "label": c.label, "passed": c.passed, "detail": c.detail}
            for c in m.completeness.checks
        ],
        "next_steps": m.next_steps(limit=50),
        "weekly_coverage_percent": m.coverage.trend() if m.coverage else None,
    }  # fmt: skip
