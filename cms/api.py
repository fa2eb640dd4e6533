"""The project's JSON API: one NinjaAPI and one OpenAPI document for every
router the apps add, with Wagtail v3's problem+json errors. Bad query or path
parameters are a 400 naming the parameter; bad bodies stay a 422."""

from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.errors import ValidationError
from wagtail.api.v3.errors import problem_response, register_exception_handlers

from oversight.api import router as oversight_router

PARAMETER_SOURCES = {"query", "path", "header", "cookie"}

api = NinjaAPI(
    title="Education network API",
    version="1.0.0",
    description=str(_("API của các trang Trung tâm Thông tin – Thư viện điện tử.")),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs/",
)
register_exception_handlers(api)


@api.exception_handler(ValidationError)
def parameter_error(request, exc):
    errors = list(exc.errors)
    bad_parameters = all(
        error.get("loc", [None])[0] in PARAMETER_SOURCES for error in errors
    )
    return problem_response(
        status=400 if bad_parameters else 422,
        detail=str(
            _("Tham số không hợp lệ.") if bad_parameters else _("Dữ liệu không hợp lệ.")
        ),
        errors=errors,
    )


api.add_router("/oversight/", oversight_router)
