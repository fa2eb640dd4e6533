import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from pagemodels.blocks import (
    BodyBlock,
    FacilityRowBlock,
    StaffRowBlock,
)
from pagemodels.choices import DisclosureCategory
from pagemodels.fields import attachments_field, school_year_field
from pagemodels.models.base import BasePage, SectionPage

# Disclosure must stay online at least this many years (Thông tư 09/2024).
RETENTION_YEARS = 5


def disclosure_due_date(school_year):
    """Items of a school year are due before 30 June of its second year."""
    return datetime.date(int(school_year[-4:]), 6, 30)


def review_year(day):
    """The school year whose disclosure deadline most recently passed."""
    end = day.year if day > datetime.date(day.year, 6, 30) else day.year - 1
    return f"{end - 1}-{end}"


class DisclosureIndexPage(SectionPage):
    """Công khai: one child page per school year."""

    default_title = _("Công khai")
    default_slug = "cong-khai"

    parent_page_types = ["home.SchoolHomePage"]
    subpage_types = ["pagemodels.DisclosureYearPage"]

    class Meta:
        verbose_name = _("trang công khai")
        verbose_name_plural = _("trang công khai")

    def years(self):
        return (
            DisclosureYearPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-school_year")
        )


class DisclosureYearPage(BasePage):
    parent_page_types = ["pagemodels.DisclosureIndexPage"]
    subpage_types = ["pagemodels.DisclosureItemPage"]
    protected_for_years = RETENTION_YEARS

    school_year = school_year_field()

    content_panels = BasePage.content_panels + [FieldPanel("school_year")]
    search_fields = BasePage.search_fields + [index.FilterField("school_year")]

    class Meta:
        verbose_name = _("công khai năm học")
        verbose_name_plural = _("công khai các năm học")

    def clean(self):
        super().clean()
        parent = self.get_parent()
        if parent is None:
            return
        siblings = DisclosureYearPage.objects.child_of(parent).exclude(pk=self.pk)
        if siblings.filter(school_year=self.school_year).exists():
            raise ValidationError(
                {"school_year": _("Năm học này đã có trang công khai.")}
            )

    def items(self):
        return DisclosureItemPage.objects.child_of(self).live().public()


class DisclosureItemPage(BasePage):
    """One disclosure category of one school year. Every published change is
    kept as a revision and listed on the page: the history is never lost."""

    parent_page_types = ["pagemodels.DisclosureYearPage"]
    subpage_types = []
    protected_for_years = RETENTION_YEARS

    category = models.CharField(
        _("nội dung công khai"), max_length=30, choices=DisclosureCategory.choices
    )
    due_date = models.DateField(
        _("hạn công khai"),
        null=True,
        blank=True,
        help_text=_("Để trống: ngày 30 tháng 6 của năm học."),
    )
    summary = models.TextField(_("tóm tắt"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"), blank=True)
    staff_table = StreamField(
        [("row", StaffRowBlock())], verbose_name=_("bảng đội ngũ"), blank=True
    )
    facilities_table = StreamField(
        [("row", FacilityRowBlock())],
        verbose_name=_("bảng cơ sở vật chất"),
        blank=True,
    )
    attachments = attachments_field(_("văn bản đính kèm (bản có chữ ký)"))
    content_panels = BasePage.content_panels + [
        FieldPanel("category"),
        FieldPanel("due_date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("staff_table"),
        FieldPanel("facilities_table"),
        FieldPanel("attachments"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("category"),
    ]

    class Meta:
        verbose_name = _("mục công khai")
        verbose_name_plural = _("mục công khai")

    @property
    def school_year(self):
        parent = self.get_parent()
        return parent.specific.school_year if parent else None

    def effective_due_date(self):
        if self.due_date:
            return self.due_date
        return disclosure_due_date(self.school_year) if self.school_year else None

    def clean(self):
        super().clean()
        parent = self.get_parent()
        if parent is None:
            return
        siblings = DisclosureItemPage.objects.child_of(parent).exclude(pk=self.pk)
        if siblings.filter(category=self.category).exists():
            raise ValidationError(
                {"category": _("Năm học này đã có mục công khai cùng nội dung.")}
            )

    def published_history(self):
        """Every published version, newest first: (date, user)."""
        from wagtail.models import PageLogEntry

        return (
            PageLogEntry.objects.filter(page=self, action="wagtail.publish")
            .select_related("user")
            .order_by("-timestamp")
        )
