"""The unit registry: the authority, its schools and its community learning
centres, each with its own Site, page tree, groups and collection."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, Page, Site


class UnitQuerySet(models.QuerySet):
    def active(self):
        return self.filter(archived_at__isnull=True)


class Unit(models.Model):
    class Kind(models.TextChoices):
        AUTHORITY = "authority", _("Cơ quan quản lý giáo dục")
        SCHOOL = "school", _("Trường học")
        CENTRE = "centre", _("Trung tâm học tập cộng đồng")

    class SchoolLevel(models.TextChoices):
        TH = "TH", _("Tiểu học")
        THCS = "THCS", _("Trung học cơ sở")
        TH_THCS = "TH&THCS", _("Tiểu học và Trung học cơ sở")
        PTDTBT_TH = "PTDTBT-TH", _("Phổ thông dân tộc bán trú tiểu học")
        PTDTBT_THCS = "PTDTBT-THCS", _("Phổ thông dân tộc bán trú THCS")

    GRADES = {
        SchoolLevel.TH: range(1, 6),
        SchoolLevel.PTDTBT_TH: range(1, 6),
        SchoolLevel.THCS: range(6, 10),
        SchoolLevel.PTDTBT_THCS: range(6, 10),
        SchoolLevel.TH_THCS: range(1, 10),
    }

    key = models.SlugField(
        _("mã đơn vị"),
        max_length=80,
        unique=True,
        help_text=_("Định danh cố định của đơn vị, cũng là tên miền con."),
    )
    kind = models.CharField(_("loại đơn vị"), max_length=20, choices=Kind.choices)
    school_level = models.CharField(
        _("cấp học"), max_length=20, choices=SchoolLevel.choices, blank=True
    )
    name = models.CharField(_("tên đơn vị"), max_length=200)
    locality = models.CharField(_("địa bàn"), max_length=100)
    hostname = models.CharField(_("tên miền"), max_length=255, unique=True)
    site = models.OneToOneField(
        Site, null=True, blank=True, on_delete=models.SET_NULL, related_name="unit"
    )
    root_page = models.OneToOneField(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    collection = models.OneToOneField(
        Collection, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    editors_group = models.OneToOneField(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approvers_group = models.OneToOneField(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    archived_at = models.DateTimeField(_("ngừng hoạt động từ"), null=True, blank=True)
    archived_pages = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="Pages unpublished by archiving, published again on restoring.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name

    @property
    def grades(self):
        return list(self.GRADES.get(self.school_level, ()))

    @classmethod
    def for_page(cls, page):
        """The unit whose site holds `page` (in any language), or None."""
        if page is None or not page.path or page.depth < 2:
            return None
        home_path = page.path[: Page.steplen * 2]
        home = Page.objects.filter(path=home_path).only("translation_key").first()
        if home is None:
            return None
        return (
            cls.objects.filter(root_page__translation_key=home.translation_key)
            .order_by("pk")
            .first()
        )
