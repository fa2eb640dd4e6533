"""Fields that mean the same thing wherever they appear."""

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField

from pagemodels.blocks import AttachmentBlock

SCHOOL_YEAR_PATTERN = re.compile(r"^(\d{4})-(\d{4})$")


def validate_school_year(value):
    match = SCHOOL_YEAR_PATTERN.match(value or "")
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise ValidationError(
            _("Năm học phải có dạng 2024-2025 (hai năm liền nhau)."),
            code="invalid_school_year",
        )


def current_school_year(today=None):
    """The school year running on `today` (a new year starts on 1 August)."""
    today = today or datetime.date.today()
    start = today.year if today.month >= 8 else today.year - 1
    return f"{start}-{start + 1}"


def school_year_field(**kwargs):
    kwargs.setdefault("help_text", _("Ví dụ: 2024-2025"))
    return models.CharField(
        _("năm học"),
        max_length=9,
        validators=[validate_school_year],
        db_index=True,
        **kwargs,
    )


def image_field(verbose_name):
    """An optional image of the unit's collection."""
    return models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


def attachments_field(verbose_name):
    """Files (documents of the unit's collection), each with a caption."""
    return StreamField(
        [("file", AttachmentBlock())], verbose_name=verbose_name, blank=True
    )
