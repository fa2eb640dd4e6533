from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import APIToken


class TokenUnit(models.Model):
    """Confines an API token to one unit: whatever else its user may do, the
    token reads drafts of and writes to that unit's site only."""

    token = models.OneToOneField(
        APIToken, on_delete=models.CASCADE, related_name="unit_scope"
    )
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.CASCADE
    )

    class Meta:
        verbose_name = _("phạm vi mã truy cập")
        verbose_name_plural = _("phạm vi mã truy cập")

    def __str__(self):
        return f"{self.token.prefix}… → {self.unit.key}"
