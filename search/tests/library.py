"""The relevance library of relevance.toml, created in a test network."""

import datetime
import tomllib
from pathlib import Path

from django.utils import timezone

from pagemodels.factories import ResourcePageFactory
from pagemodels.models import ResourceIndexPage

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
    """Every resource of relevance.toml, published and indexed; by title."""
    created = {}
    for number, item in enumerate(RELEVANCE["resource"]):
        created[item["title"]] = add_resource(
            network[item["unit"]],
            title=item["title"],
            summary=item["summary"],
            subject=item.get("subject", ""),
            grade=item.get("grade"),
            resource_type=item["type"],
            series=item.get("series", ""),
            shared=item.get("shared", True),
            first_published_at=timezone.now() - datetime.timedelta(hours=number),
        )
    return created
