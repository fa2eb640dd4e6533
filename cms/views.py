from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    """Every site may be crawled except the admin; each names its own sitemap."""
    sitemap = request.build_absolute_uri("/sitemap.xml")
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
