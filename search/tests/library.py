"""The relevance library of relevance.toml, created in a test network."""

import datetime
import tomllib
from pathlib import Path

from django.utils import timezone

from pagemodels.bulk import add_children
from pagemodels.factories import ResourcePageFactory
from pagemodels.models import ResourceIndexPage, ResourcePage
from search.folding import ascii_slug

RELEVANCE = tomllib.loads((Path(__file__).parent / "relevance.toml").read_text("utf-8"))
SCHOOL_YEAR = "2025-2026"


def resource_index(unit):
    return ResourceIndexPage.objects.child_of(unit.root_page).get()


def add_resource(unit, **fields):
    fields.setdefault("first_published_at", timezone.now())
    fields.setdefault("school_year", SCHOOL_YEAR)
    fields.setdefault("summary", "")
    return ResourcePageFactory(parent=resource_index(unit), **fields)


def build_library(network):
    """Every resource of relevance.toml, published and indexed (one batch per
    unit, as bulk loads index); by title."""
    by_unit = {}
    for number, item in enumerate(RELEVANCE["resource"]):
        unit = network[item["unit"]]
        published = timezone.now() - datetime.timedelta(hours=number)
        by_unit.setdefault(unit, []).append(
            ResourcePage(
                title=item["title"],
                slug=ascii_slug(item["title"])[:80],
                unit=unit,
                summary=item["summary"],
                subject=item.get("subject", ""),
                grade=item.get("grade"),
                resource_type=item["type"],
                series=item.get("series", ""),
                school_year=SCHOOL_YEAR,
                shared=item.get("shared", True),
                embed_url="https://www.youtube.com/watch?v=aqz-KE-bpKQ",
                first_published_at=published,
                last_published_at=published,
            )
        )
    created = {}
    for unit, pages in by_unit.items():
        for page in add_children(resource_index(unit), pages):
            created[page.title] = page
    return created
