"""Lapor Peduli Difabel: requests for help to report."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from site_core.areas import KECAMATAN_CHOICES

from .choices import AssistedRequestMethod

# What a person asking for help sends: the public form asks exactly these, and the staff
# export lists them first.
ASSISTED_REQUEST_FIELDS = [
    "name",
    "method",
    "phone",
    "email",
    "kecamatan",
    "address",
    "preferred_time",
    "needs",
]


class AssistedReportRequest(models.Model):
    """Someone asks staff to help them report (Lapor Peduli Difabel)."""

    program = models.ForeignKey(
        "outreach.ProgramPage",
        verbose_name=_("program"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=160)
    method = models.CharField(
        _("how we help"), max_length=20, choices=AssistedRequestMethod.choices
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    kecamatan = models.CharField(
        _("kecamatan"), max_length=40, choices=KECAMATAN_CHOICES, blank=True
    )
    address = models.TextField(_("address for a visit"), max_length=400, blank=True)
    preferred_time = models.CharField(_("preferred time"), max_length=160, blank=True)
    needs = models.TextField(_("what would help you"), max_length=1000, blank=True)
    consent_at = models.DateTimeField(_("consent recorded"))
    handled = models.BooleanField(_("handled"), default=False)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("assisted reporting request")
        verbose_name_plural = _("assisted reporting requests")

    def __str__(self):
        return f"{self.name} ({self.get_method_display()})"
