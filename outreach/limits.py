"""Per-IP limits on the outreach forms, and the page shown when one is reached."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from site_core.ratelimit import over_limit

# Per IP address. A whole class may register from one school network, so event
# registration allows more than the forms one person fills in once.
FORM_RATES = {"register": "100/h"}
DEFAULT_FORM_RATE = "20/h"


def limited(request, group, rate=None):
    """Count a POST against the group's rate; True once the rate is exceeded."""
    rate = rate or FORM_RATES.get(group, DEFAULT_FORM_RATE)
    return over_limit(request, f"outreach.{group}", rate, method="POST")


def too_many(request, page):
    return TemplateResponse(
        request,
        "outreach/message.html",
        {
            "page": page,
            "heading": _("Too many attempts"),
            "message": _("Please wait a while and try again, or contact us by phone."),
        },
        status=429,
    )
