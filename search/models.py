from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class Term(models.Model):
    """A folded word seen in indexed text: the vocabulary that corrects
    one-letter typos on the database engine (search.typos)."""

    word = models.CharField(max_length=40, primary_key=True)

    class Meta:
        verbose_name = _("từ đã lập chỉ mục")
        verbose_name_plural = _("từ đã lập chỉ mục")

    def __str__(self):
        return self.word


class PendingIndexUpdate(models.Model):
    """An index write the search engine missed (it was down or slow); applied
    again by search.outage.replay once the engine answers."""

    class Action(models.TextChoices):
        UPDATE = "update", _("cập nhật")
        DELETE = "delete", _("xóa")

    backend = models.CharField(max_length=40)
    app_label = models.CharField(max_length=100)
    model = models.CharField(max_length=100)
    object_id = models.CharField(max_length=50)
    action = models.CharField(max_length=10, choices=Action.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("cập nhật chỉ mục đang chờ")
        verbose_name_plural = _("cập nhật chỉ mục đang chờ")
        constraints = [
            models.UniqueConstraint(
                fields=["backend", "app_label", "model", "object_id"],
                name="search_pending_update_once",
            )
        ]

    def __str__(self):
        return f"{self.action} {self.app_label}.{self.model} {self.object_id}"


class LibraryEntry(models.Model):
    """One row per resource page: what the library search filters, counts and
    ranks on PostgreSQL, in one narrow table. Written with the page's index
    entry by the database engine's index (search.library); never edited."""

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.TextField()
    unit_id = models.IntegerField(null=True, db_index=True)
    subject = models.CharField(max_length=60)
    grade = models.PositiveSmallIntegerField(null=True)
    resource_type = models.CharField(max_length=30)
    series = models.CharField(max_length=20)
    school_year = models.CharField(max_length=9)
    shared = models.BooleanField()
    live = models.BooleanField()
    locale_id = models.IntegerField()
    path = models.CharField(max_length=255)
    first_published_at = models.DateTimeField(null=True)
    vector = SearchVectorField(null=True)

    class Meta:
        verbose_name = _("mục thư viện đã lập chỉ mục")
        verbose_name_plural = _("mục thư viện đã lập chỉ mục")

    def __str__(self):
        return self.title
