"""What a search asks and what it answers, the same on every engine."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pagemodels.fields import SCHOOL_YEAR_PATTERN
from search import typos
from search.folding import fold

# Facets, in the order pages and the API show them.
FACETS = ("subject", "grade", "resource_type", "series", "unit", "school_year")
PAGE_SIZE = 20
MAX_PAGE_SIZE = 50
MAX_PAGE = 500
MAX_QUERY_LENGTH = 200
# Hits beyond this rank are not served on any engine (OpenSearch's result
# window); totals and facets still count everything.
MAX_RESULTS = 10_000


class SearchInputError(ValueError):
    """A search parameter that cannot be used: {parameter: message}."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


@dataclass(frozen=True)
class Scope:
    """Whose resources: the shared library of every active unit (`units`
    None) or one site's own resources, shared or not."""

    units: tuple = None
    locale_id: int = None

    @property
    def library(self):
        return self.units is None


class TextQuery:
    """What library and site queries share: their words and their page."""

    @property
    def words(self):
        """Folded, lower-case words, as the engines match them."""
        return typos.words(self.text)

    @property
    def plain_text(self):
        """The typed words only (no punctuation or symbols), diacritics kept."""
        return " ".join(typos.WORD.findall(self.text))

    @property
    def offset(self):
        return (self.page - 1) * self.page_size

    @property
    def hits_window(self):
        """(offset, how many) of the hits to fetch: none past MAX_RESULTS."""
        size = max(0, min(self.page_size, MAX_RESULTS - self.offset))
        return (self.offset if size else 0), size


@dataclass(frozen=True)
class LibraryQuery(TextQuery):
    scope: Scope
    text: str = ""
    filters: dict = field(default_factory=dict)
    page: int = 1
    page_size: int = PAGE_SIZE

    @property
    def exact(self):
        """The typed text, lower case, when it carries diacritics worth
        ranking first; else empty."""
        text = self.plain_text.lower()
        return text if fold(text) != text else ""


@dataclass(frozen=True)
class SiteQuery(TextQuery):
    """A search over every page of one site: `root_path` is its home's tree path."""

    root_path: str
    locale_id: int
    text: str
    page: int = 1
    page_size: int = PAGE_SIZE


@dataclass
class Hit:
    page: object
    score: float
    snippet: str = ""


@dataclass
class FacetValue:
    value: object
    label: str
    count: int
    selected: bool = False


@dataclass
class Results:
    hits: list
    total: int
    query: object
    engine: str
    facets: dict = field(default_factory=dict)
    corrections: dict = field(default_factory=dict)
    notice: str = ""

    @property
    def pages(self):
        return max(1, -(-self.total // self.query.page_size))


def _choice_value(model_field, raw):
    """A value the field could hold: one of its choices, or (school years)
    of its shape; a year no resource has simply finds nothing."""
    value = model_field.to_python(raw)
    if model_field.choices and value not in dict(model_field.flatchoices):
        raise ValidationError("not a choice")
    if model_field.name == "school_year" and not SCHOOL_YEAR_PATTERN.match(value):
        raise ValidationError("not a school year")
    return value


def parse_filters(params):
    """{facet: value} from request parameters (unit by key, to its id)."""
    from pagemodels.models import ResourcePage
    from units.models import Unit

    filters, errors = {}, {}
    for name in FACETS:
        raw = (params.get(name) or "").strip()
        if not raw:
            continue
        if name == "unit":
            unit = raw.isprintable() and Unit.objects.active().filter(key=raw).first()
            if not unit:
                errors[name] = _("Không có đơn vị “%(value)s”.") % {"value": raw}
            else:
                filters[name] = unit.pk
            continue
        model_field = ResourcePage._meta.get_field(name)
        try:
            filters[name] = _choice_value(model_field, raw)
        except ValidationError:
            errors[name] = _("Giá trị “%(value)s” không hợp lệ cho %(field)s.") % {
                "value": raw,
                "field": model_field.verbose_name,
            }
    return filters, errors


def parse_page(params, errors):
    page, page_size = 1, PAGE_SIZE
    try:
        page = int(params.get("page") or 1)
        if not 1 <= page <= MAX_PAGE:
            raise ValueError
    except ValueError:
        errors["page"] = _("Số trang phải từ 1 đến %(max)s.") % {"max": MAX_PAGE}
    try:
        page_size = int(params.get("page_size") or PAGE_SIZE)
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ValueError
    except ValueError:
        errors["page_size"] = _("Số kết quả mỗi trang phải từ 1 đến %(max)s.") % {
            "max": MAX_PAGE_SIZE
        }
    return page, page_size


def parse_text(params, errors):
    typed = "".join(char for char in params.get("q") or "" if char.isprintable())
    text = " ".join(typed.split())
    if len(text) > MAX_QUERY_LENGTH:
        errors["q"] = _("Từ khóa tìm kiếm dài tối đa %(max)s ký tự.") % {
            "max": MAX_QUERY_LENGTH
        }
    return text


def library_query(params, scope):
    """A LibraryQuery from request parameters, or SearchInputError."""
    filters, errors = parse_filters(params)
    text = parse_text(params, errors)
    page, page_size = parse_page(params, errors)
    if errors:
        raise SearchInputError(errors)
    return LibraryQuery(scope, text, filters, page, page_size)


def site_query(params, root_path, locale_id):
    errors = {}
    text = parse_text(params, errors)
    page, page_size = parse_page(params, errors)
    if errors:
        raise SearchInputError(errors)
    return SiteQuery(root_path, locale_id, text, page, page_size)


def label_facets(counts, filters):
    """{facet: [FacetValue]} with labels, most frequent first. Units are
    given by key, as the `unit` parameter takes them."""
    from pagemodels.models import ResourcePage
    from units.models import Unit

    units = {
        pk: (key, name)
        for pk, key, name in Unit.objects.filter(
            pk__in=counts.get("unit", {})
        ).values_list("pk", "key", "name")
    }
    facets = {}
    for name in FACETS:
        if name == "unit":
            labels = dict(units.values())
            values = {
                units[pk][0]: count
                for pk, count in counts.get(name, {}).items()
                if pk in units
            }
            selected = units.get(filters.get(name), (None,))[0]
        else:
            labels = dict(ResourcePage._meta.get_field(name).flatchoices)
            values = counts.get(name, {})
            selected = filters.get(name)
        facet = [
            FacetValue(value, str(labels.get(value, value)), count, value == selected)
            for value, count in values.items()
            if value not in (None, "")
        ]
        facet.sort(key=lambda item: (-item.count, item.label))
        facets[name] = facet
    return facets
