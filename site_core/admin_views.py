"""Admin screens of the site's shared machinery: mail the mail server did not take."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import mail
from .models import OutgoingMail

RESEND_PERMISSION = "site_core.resend_outgoingmail"


def require_resend_permission(request):
    if not request.user.has_perm(RESEND_PERMISSION):
        raise PermissionDenied


class UndeliveredMailView(WagtailAdminTemplateMixin, ListView):
    """Mail that finally failed (re-send it) and mail still being retried."""

    model = OutgoingMail
    template_name = "site_core/admin/undelivered_mail.html"
    header_icon = "mail"
    page_title = gettext_lazy("Undelivered mail")
    paginate_by = 50
    context_object_name = "undelivered"

    def dispatch(self, request, *args, **kwargs):
        require_resend_permission(request)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        # Failed first: those need a person; retrying ones go out by themselves.
        return OutgoingMail.objects.order_by("status", "-created_at")


@require_POST
def resend_mail(request, pk):
    require_resend_permission(request)
    kept = get_object_or_404(OutgoingMail, pk=pk)
    mail.resend(kept)
    if OutgoingMail.objects.filter(pk=pk).exists():
        messages.warning(request, _("The mail server did not take it yet; it will be retried."))
    else:
        messages.success(request, _("Mail sent."))
    return redirect("site_core_undelivered_mail")
