"""Admin views of the unit awards: the listing's buttons and the confirmation step."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.defaults import permission_denied
from django.views.generic import TemplateView

from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button

from . import awards
from .models import UnitAward


class AwardIndexView(IndexView):
    """Proposed awards get a Confirm button (coordinators), confirmed ones their
    certificate and public verification page."""

    confirm_url_name = None

    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        if instance.status == UnitAward.Status.PROPOSED:
            if awards.can_confirm(self.request.user):
                url = reverse(self.confirm_url_name, args=[instance.pk])
                buttons.insert(0, Button(_("Confirm"), url=url, icon_name="check", priority=5))
        elif instance.certificate_code:
            code = {"code": instance.certificate_code}
            buttons[:0] = [
                Button(
                    _("Certificate (PDF)"),
                    url=reverse("open_data_awards:award_certificate", kwargs=code),
                    icon_name="doc-full",
                    priority=5,
                ),
                Button(
                    _("Verification page"),
                    url=reverse("open_data_awards:award", kwargs=code),
                    icon_name="link-external",
                    priority=6,
                ),
            ]
        return buttons


class ConfirmAwardView(WagtailAdminTemplateMixin, TemplateView):
    """GET asks for confirmation; POST confirms (coordinators only, 403 for anyone else)."""

    template_name = "open_data/admin/confirm_award.html"
    header_icon = "trophy"
    page_title = gettext_lazy("Confirm the award")
    index_url_name = None

    def dispatch(self, request, pk):
        if not awards.can_confirm(request.user):
            # A plain 403, not the admin's redirect to the dashboard: an officer who follows
            # a forwarded link learns that the step is not theirs.
            return permission_denied(request, PermissionDenied())
        self.award = get_object_or_404(UnitAward.objects.select_related("unit"), pk=pk)
        return super().dispatch(request, pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            award=self.award, back_url=reverse(self.index_url_name), **kwargs
        )

    def post(self, request, pk):
        award = awards.confirm(self.award, request.user)
        messages.success(
            request,
            _("Award confirmed: %(unit)s, %(period)s. Its certificate is ready.")
            % {"unit": award.unit.name, "period": award.period_label},
        )
        return redirect(self.index_url_name)
