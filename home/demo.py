"""Fill the provisioned demo network with the content of demo/demo.toml.

Each section is filled only while it is empty, so loading twice adds nothing."""

import datetime
import tomllib
from functools import cached_property
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from pagemodels.models import (
    ClassCount,
    DirectiveIndexPage,
    DirectivePage,
    DisclosureIndexPage,
    DisclosureItemPage,
    DisclosureYearPage,
    GoldenBookEntry,
    GoldenBookPage,
    IntroductionPage,
    NewsIndexPage,
    NewsPage,
    OrganisationMember,
    ProgrammeIndexPage,
    ProgrammePage,
    PupilYearPage,
    ResourceIndexPage,
    ResourcePage,
    ScheduleEntry,
    SchedulePage,
    TraditionPage,
)
from pagemodels.models.disclosure import review_year
from search.folding import ascii_slug
from units.models import Unit

DEMO_DIR = Path(settings.BASE_DIR) / "demo"
MEDIA_DIR = DEMO_DIR / "media"


def load_config():
    return tomllib.loads((DEMO_DIR / "demo.toml").read_text(encoding="utf-8"))


def paragraphs(text):
    return [
        ("paragraph", RichText(f"<p>{escape(part.strip())}</p>"))
        for part in text.split("\n\n")
        if part.strip()
    ]


def publish(parent, page):
    page.slug = page.slug or ascii_slug(page.title)[:80]
    parent.add_child(instance=page)
    page.save_revision(log_action=False).publish()
    return page


def section(home, model):
    return model.objects.child_of(home).first()


def is_empty(page):
    return page is not None and not page.get_children().exists()


class UnitContent:
    """Demo content for one unit: text templated with its name and locality."""

    def __init__(self, unit, config):
        self.unit = unit
        self.home = unit.root_page.specific
        self.config = config
        self.images = {}
        self.documents = {}

    def text(self, value):
        return value.format(
            name=self.unit.name, locality=self.unit.locality, key=self.unit.key
        )

    def image(self, filename):
        if filename not in self.images:
            model = get_image_model()
            title = f"{Path(filename).stem.replace('-', ' ').capitalize()}"
            image = model.objects.filter(
                collection=self.unit.collection, title=title
            ).first()
            if image is None:
                with open(MEDIA_DIR / filename, "rb") as handle:
                    image = model(title=title, collection=self.unit.collection)
                    image.description = f"{title} – {self.unit.name}"
                    image.file.save(filename, File(handle), save=True)
            self.images[filename] = image
        return self.images[filename]

    def document(self, filename, title):
        if (filename, title) not in self.documents:
            model = get_document_model()
            document = model.objects.filter(
                collection=self.unit.collection, title=title
            ).first()
            if document is None:
                with open(MEDIA_DIR / filename, "rb") as handle:
                    document = model(title=title, collection=self.unit.collection)
                    document.file.save(filename, File(handle), save=True)
            self.documents[filename, title] = document
        return self.documents[filename, title]

    def attachment(self, item):
        if not item.get("file"):
            return []
        title = self.text(item["title"])
        return [
            ("file", {"document": self.document(item["file"], title), "caption": ""})
        ]

    def contact(self, data):
        home = self.home
        if home.intro:
            return
        home.intro = self.text(data.get("intro", ""))
        home.address = self.text(data.get("address", ""))
        home.phone = self.text(data.get("phone", ""))
        home.email = self.text(data.get("email", ""))
        home.save_revision(log_action=False).publish()

    def news(self, items):
        index = section(self.home, NewsIndexPage)
        if not is_empty(index):
            return
        for item in items:
            publish(
                index,
                NewsPage(
                    title=self.text(item["title"]),
                    date=item["date"],
                    category=item.get("category", "hoat-dong"),
                    cover_image=self.image(item["image"]),
                    summary=self.text(item["summary"]),
                    body=paragraphs(self.text(item["body"])),
                    gallery=[
                        (
                            "image",
                            {
                                "image": self.image(f),
                                "decorative": False,
                                "alt_text": "",
                            },
                        )
                        for f in item.get("gallery", [])
                    ],
                    share_with_authority=item.get("share", False),
                ),
            )

    def directives(self, items):
        index = section(self.home, DirectiveIndexPage)
        if not is_empty(index):
            return
        for item in items:
            body = ""
            if item.get("text_file"):
                body = (DEMO_DIR / item["text_file"]).read_text(encoding="utf-8")
            publish(
                index,
                DirectivePage(
                    title=self.text(item["title"]),
                    number=item["number"],
                    document_type=item["document_type"],
                    issuing_body=self.text(item["issuing_body"]),
                    issuing_level=item["issuing_level"],
                    issue_date=item["issue_date"],
                    effective_date=item.get("effective_date"),
                    summary=self.text(item["summary"]),
                    signer=item.get("signer", ""),
                    recipients=item.get("recipients", ""),
                    body=paragraphs(body),
                    attachments=self.attachment(item),
                ),
            )

    def resources(self, items, subject_for=None, grade_for=None):
        index = section(self.home, ResourceIndexPage)
        if not is_empty(index):
            return
        for item in items:
            publish(
                index,
                ResourcePage(
                    title=self.text(item["title"]),
                    summary=self.text(item["summary"]),
                    subject=subject_for(item) if subject_for else "",
                    grade=grade_for(item) if grade_for else None,
                    series=item.get("series", ""),
                    resource_type=item["resource_type"],
                    school_year=item.get("school_year", "2025-2026"),
                    author=item.get("author", ""),
                    files=self.attachment(item),
                    embed_url=item.get("embed_url", ""),
                ),
            )


class SchoolContent(UnitContent):
    @cached_property
    def grades(self):
        return self.unit.grades

    def subject(self, item):
        if "subject" in item:
            return item["subject"]
        grade = self.grade(item)
        return item["subject_primary"] if grade <= 5 else item["subject_secondary"]

    def grade(self, item):
        return self.grades[item["grade_index"]]

    def load(self):
        data = self.config["school"]
        self.contact(data)
        self.news(data["news"])
        self.disclosure(data["disclosure"])
        self.tradition(data["tradition"], data["golden_book"])
        self.resources(data["resources"], self.subject, self.grade)

    def disclosure(self, data):
        index = section(self.home, DisclosureIndexPage)
        if not is_empty(index):
            return
        school_year = review_year(datetime.date.today())
        year = publish(
            index,
            DisclosureYearPage(title=f"Năm học {school_year}", school_year=school_year),
        )
        for item in data["items"]:
            item = {**item, "title": item["title"].format(year=school_year)}
            publish(
                year,
                DisclosureItemPage(
                    title=item["title"],
                    category=item["category"],
                    summary=item["summary"],
                    staff_table=[("row", row) for row in item.get("staff", [])],
                    facilities_table=[
                        ("row", row) for row in item.get("facilities", [])
                    ],
                    attachments=self.attachment(item),
                ),
            )

    def tradition(self, data, golden_book):
        page = section(self.home, TraditionPage)
        if not is_empty(page):
            return
        page.history = paragraphs(data["history"])
        page.save_revision(log_action=False).publish()
        for year in data["years"]:
            classes = [
                ClassCount(
                    grade=grade,
                    class_name=f"{grade}{letter}",
                    pupils=year["pupils_per_class"] - grade % 3,
                    girls=(year["pupils_per_class"] - grade % 3) // 2,
                )
                for grade in self.grades
                for letter in "ABCD"[: year["classes_per_grade"]]
            ]
            publish(
                page,
                PupilYearPage(
                    title=f"Học sinh năm học {year['school_year']}",
                    school_year=year["school_year"],
                    classes=classes,
                ),
            )
        entries = [
            GoldenBookEntry(
                pupil_name=entry["pupil_name"],
                school_year=entry["school_year"],
                class_name=f"{self.grades[min(entry['class_offset'], len(self.grades) - 1)]}A",
                achievement=entry["achievement"],
                level=entry["level"],
            )
            for entry in golden_book
        ]
        publish(page, GoldenBookPage(title="Sổ vàng", slug="so-vang", entries=entries))


class CentreContent(UnitContent):
    def load(self):
        data = self.config["centre"]
        self.contact(data)
        self.introduction(data)
        self.schedule(data["schedule"])
        self.programmes(data["programmes"])
        self.resources(data["resources"])
        self.directives(data["directives"])

    def introduction(self, data):
        page = section(self.home, IntroductionPage)
        if page.members.exists():
            return
        page.general = paragraphs(self.text(data["general"]))
        page.functions = paragraphs(self.text(data["functions"]))
        page.members = [OrganisationMember(**member) for member in data["members"]]
        page.save_revision(log_action=False).publish()

    def schedule(self, items):
        page = section(self.home, SchedulePage)
        if page.entries.exists():
            return
        today = datetime.date.today()
        monday = today - datetime.timedelta(days=today.weekday())
        page.entries = [
            ScheduleEntry(
                date=monday + datetime.timedelta(days=item["day"]),
                start_time=item.get("start"),
                end_time=item.get("end"),
                content=item["content"],
                place=item.get("place", ""),
                host=item.get("host", ""),
                participants=item.get("participants", ""),
            )
            for item in items
        ]
        page.save_revision(log_action=False).publish()

    def programmes(self, items):
        index = section(self.home, ProgrammeIndexPage)
        if not is_empty(index):
            return
        for item in items:
            publish(
                index,
                ProgrammePage(
                    title=item["title"],
                    school_year=item["school_year"],
                    summary=item["summary"],
                    attachments=self.attachment(item),
                ),
            )


class AuthorityContent(UnitContent):
    def load(self):
        data = self.config["authority"]
        self.contact(data)
        self.news(data["news"])
        self.directives(data["directives"])


LOADERS = {
    Unit.Kind.AUTHORITY: AuthorityContent,
    Unit.Kind.SCHOOL: SchoolContent,
    Unit.Kind.CENTRE: CentreContent,
}


def load_content(config):
    for unit in Unit.objects.active().select_related("root_page", "collection"):
        LOADERS[unit.kind](unit, config).load()
