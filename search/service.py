"""The one entry point pages and the API search through: picks the engine,
falls back to the database while OpenSearch is away, and finishes snippets."""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from search import outage
from search.engines import engine_backend_names

FALLBACK_NOTICE = _(
    "Máy chủ tìm kiếm đang tạm gián đoạn: kết quả dưới đây được tìm trực tiếp "
    "trong cơ sở dữ liệu, thứ tự có thể khác thường lệ."
)


class EngineUnavailableError(Exception):
    """The configured engine cannot answer and no fallback was allowed."""


def engines():
    """Engine names of this install, the preferred first."""
    return sorted(engine_backend_names(), key=lambda name: name != "opensearch")


def get_library_engine(name):
    if name == "opensearch":
        from search.engines.opensearch import OpenSearchEngine

        return OpenSearchEngine()
    from search.engines.database import DatabaseEngine

    return DatabaseEngine()


def _run(method, args, engine, fallback):
    name = engine or engines()[0]
    if name != "opensearch":
        return getattr(get_library_engine(name), method)(*args), ""
    if not outage.is_down():
        try:
            result = getattr(get_library_engine(name), method)(*args)
        except outage.ENGINE_ERRORS as error:
            if not outage.is_engine_failure(error):
                raise
            outage.mark_down(error)
        else:
            outage.schedule_replay()
            return result, ""
    if not fallback:
        raise EngineUnavailableError(name)
    return getattr(get_library_engine("database"), method)(*args), FALLBACK_NOTICE


def _finish(results, notice):
    results.notice = notice
    for hit in results.hits:
        if not hit.snippet:
            hit.snippet = plain_snippet(hit.page)
    return results


def plain_snippet(page):
    from search.engines.visibility import snippet_texts

    for text in snippet_texts(page):
        return mark_safe(escape(Truncator(" ".join(text.split())).chars(200)))  # noqa: S308
    return ""


def search_library(query, engine=None, fallback=True):
    return _finish(*_run("search", (query,), engine, fallback))


def search_site(query, engine=None, fallback=True):
    return _finish(*_run("search_site", (query,), engine, fallback))


def autocomplete(text, scope, engine=None, fallback=True):
    titles, _notice = _run("autocomplete", (text, scope), engine, fallback)
    return titles
