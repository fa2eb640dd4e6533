from django.http import HttpResponse
from ninja import Router, Schema

from headless.listing import set_last_modified
from headless.problems import NOT_FOUND
from headless.scope import SITE, site_for
from units.models import Unit

router = Router(tags=["site"])


class UnitOut(Schema):
    key: str
    name: str
    kind: Unit.Kind
    kind_label: str
    school_level: Unit.SchoolLevel | None
    locality: str
    hostname: str
    url: str


class Contacts(Schema):
    address: str
    phone: str
    email: str


class SectionOut(Schema):
    id: int
    title: str
    type: str
    url: str


class SiteOut(Schema):
    name: str
    url: str
    unit: UnitOut | None
    intro: str
    contacts: Contacts
    sections: list[SectionOut]


class UnitList(Schema):
    count: int
    items: list[UnitOut]


def unit_out(unit, site):
    return {
        "key": unit.key,
        "name": unit.name,
        "kind": unit.kind,
        "kind_label": str(unit.get_kind_display()),
        "school_level": unit.school_level or None,
        "locality": unit.locality,
        "hostname": unit.hostname,
        "url": site.root_url + "/" if site else f"http://{unit.hostname}/",
    }


@router.get("/site/", response={200: SiteOut, **NOT_FOUND}, summary="Thông tin trang")
def site_info(request, response: HttpResponse, site: str | None = SITE):
    current = site_for(request, site)
    home = current.root_page.specific
    unit = Unit.objects.filter(site=current).first()
    sections = home.get_children().live().public().in_menu().specific()
    set_last_modified(response, [home])
    return {
        "name": current.site_name or home.title,
        "url": current.root_url + "/",
        "unit": unit_out(unit, current) if unit else None,
        "intro": getattr(home, "intro", ""),
        "contacts": {
            "address": getattr(home, "address", ""),
            "phone": getattr(home, "phone", ""),
            "email": getattr(home, "email", ""),
        },
        "sections": [
            {
                "id": page.pk,
                "title": page.title,
                "type": page.specific_class._meta.label_lower,
                "url": page.get_full_url(request),
            }
            for page in sections
        ],
    }


@router.get("/units/", response={200: UnitList}, summary="Danh bạ các đơn vị")
def unit_directory(request, kind: Unit.Kind | None = None):
    units = Unit.objects.active().select_related("site").order_by("kind", "name")
    if kind:
        units = units.filter(kind=kind)
    items = [unit_out(unit, unit.site) for unit in units]
    return {"count": len(items), "items": items}
