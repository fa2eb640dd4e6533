from django.db import models
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField

from pagemodels.blocks import BodyBlock
from pagemodels.choices import DocumentType, IssuingLevel
from pagemodels.fields import attachments_field
from pagemodels.models.base import BasePage, SectionPage
from pagemodels.pagination import paginate


class DirectiveIndexPage(SectionPage):
    """Văn bản chỉ đạo: documents grouped by issuing level, filterable by
    level, type and year."""

    default_title = _("Văn bản chỉ đạo")
    default_slug = "van-ban"

    parent_page_types = [
        "home.CentreHomePage",
        "home.PortalHomePage",
        "home.SchoolHomePage",
    ]
    subpage_types = ["pagemodels.DirectivePage"]

    class Meta:
        verbose_name = _("trang văn bản chỉ đạo")
        verbose_name_plural = _("trang văn bản chỉ đạo")

    def documents(self):
        return DirectivePage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        documents = self.documents()
        filters = {}
        level = request.GET.get("level")
        if level in IssuingLevel.values:
            documents = documents.filter(issuing_level=level)
            filters["level"] = level
        document_type = request.GET.get("type")
        if document_type in DocumentType.values:
            documents = documents.filter(document_type=document_type)
            filters["type"] = document_type
        year = request.GET.get("year", "")
        if year.isdigit() and len(year) == 4:
            documents = documents.filter(issue_date__year=int(year))
            filters["year"] = int(year)
        years = self.documents().dates("issue_date", "year", order="DESC")
        context.update(
            filters=filters,
            levels=IssuingLevel.choices,
            types=DocumentType.choices,
            years=[d.year for d in years],
            documents=paginate(
                request, documents.order_by("issuing_level", "-issue_date", "pk")
            ),
        )
        return context


class DirectivePage(BasePage):
    """An administrative document with the fields of Nghị định 30/2020/NĐ-CP."""

    parent_page_types = ["pagemodels.DirectiveIndexPage"]
    subpage_types = []

    number = models.CharField(
        _("số, ký hiệu"), max_length=60, help_text=_("Ví dụ: 1093/PGD&ĐT")
    )
    document_type = models.CharField(
        _("loại văn bản"), max_length=20, choices=DocumentType.choices
    )
    issuing_body = models.CharField(_("cơ quan ban hành"), max_length=200)
    issuing_level = models.CharField(
        _("cấp ban hành"), max_length=20, choices=IssuingLevel.choices
    )
    issue_date = models.DateField(_("ngày ban hành"), db_index=True)
    summary = models.TextField(_("trích yếu"))
    signer = models.CharField(_("người ký"), max_length=120, blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True)
    effective_date = models.DateField(_("ngày hiệu lực"), null=True, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("toàn văn"), blank=True)
    attachments = attachments_field(_("tệp đính kèm"))
    related_documents = StreamField(
        [
            (
                "document",
                blocks.PageChooserBlock(
                    target_model="pagemodels.DirectivePage",
                    label=_("Văn bản liên quan"),
                ),
            )
        ],
        verbose_name=_("văn bản liên quan"),
        blank=True,
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("number"),
                FieldPanel("document_type"),
                FieldPanel("issuing_body"),
                FieldPanel("issuing_level"),
                FieldPanel("issue_date"),
                FieldPanel("effective_date"),
                FieldPanel("signer"),
            ],
            heading=_("Thông tin văn bản"),
        ),
        FieldPanel("summary"),
        FieldPanel("recipients"),
        FieldPanel("body"),
        FieldPanel("attachments"),
        FieldPanel("related_documents"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("number", boost=2),
        index.SearchField("summary"),
        index.SearchField("issuing_body"),
        index.SearchField("body"),
        index.FilterField("issuing_level"),
        index.FilterField("document_type"),
        index.FilterField("issue_date"),
    ]

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
