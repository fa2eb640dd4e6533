"""The project's JSON API: one NinjaAPI and one OpenAPI document for every
router the apps add, with Wagtail v3's problem+json errors. Bad query or path
parameters are a 400 naming the parameter; bad bodies stay a 422."""

from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.errors import ValidationError
from wagtail.api.v3.errors import problem_response, register_exception_handlers

from headless.routers import (
    centre,
    directives,
    disclosure,
    manage,
    news,
    resources,
    site,
    tradition,
)
from oversight.api import router as oversight_router
from search.api import router as search_router
from search.api import unavailable as search_unavailable
from search.service import EngineUnavailableError

PARAMETER_SOURCES = {"query", "path", "header", "cookie"}
PROBLEM = "application/problem+json"


class ProjectAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        """Error responses are documented as the problem documents they are."""
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        content[PROBLEM] = content.pop("application/json")
        return schema


api = ProjectAPI(
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


api.add_exception_handler(EngineUnavailableError, search_unavailable)

api.add_router("/", site.router)
api.add_router("/news/", news.router)
api.add_router("/network/", news.network_router)
api.add_router("/network/", resources.library_router)
api.add_router("/resources/", resources.router)
api.add_router("/directives/", directives.router)
api.add_router("/disclosure/", disclosure.router)
api.add_router("/tradition/", tradition.router)
api.add_router("/centre/", centre.router)
api.add_router("/manage/", manage.router)
api.add_router("/manage/", manage.preview_router)
api.add_router("/oversight/", oversight_router)
api.add_router("/search/", search_router)
