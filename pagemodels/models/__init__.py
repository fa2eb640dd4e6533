from pagemodels.models.base import BasePage, SectionPage, StandardPage
from pagemodels.models.centre import (
    IntroductionPage,
    OrganisationMember,
    ProgrammeIndexPage,
    ProgrammePage,
    ScheduleEntry,
    SchedulePage,
)
from pagemodels.models.directives import DirectiveIndexPage, DirectivePage
from pagemodels.models.disclosure import (
    DisclosureIndexPage,
    DisclosureItemPage,
    DisclosureYearPage,
)
from pagemodels.models.news import NewsIndexPage, NewsPage
from pagemodels.models.portal import LibraryPage, UnitDirectoryPage
from pagemodels.models.resources import ResourceIndexPage, ResourcePage
from pagemodels.models.tradition import (
    ClassCount,
    GoldenBookEntry,
    GoldenBookPage,
    PupilYearPage,
    TraditionPage,
)

__all__ = [
    "BasePage",
    "ClassCount",
    "DirectiveIndexPage",
    "DirectivePage",
    "DisclosureIndexPage",
    "DisclosureItemPage",
    "DisclosureYearPage",
    "GoldenBookEntry",
    "GoldenBookPage",
    "IntroductionPage",
    "LibraryPage",
    "NewsIndexPage",
    "NewsPage",
    "OrganisationMember",
    "ProgrammeIndexPage",
    "ProgrammePage",
    "PupilYearPage",
    "ResourceIndexPage",
    "ResourcePage",
    "ScheduleEntry",
    "SchedulePage",
    "SectionPage",
    "StandardPage",
    "TraditionPage",
    "UnitDirectoryPage",
]
