"""Background work of open_data: mail that follows a coordinator's decision."""

from django_tasks import task

from site_core.links import reverse_absolute
from site_core.mail import send_templated

from .models import UnitAward


@task()
def send_award_confirmed_mail(award_id):
    """Tell the unit it won, with the links its staff share: the verification page and
    the certificate. A unit without an address gets nothing."""
    award = UnitAward.objects.select_related("unit").get(pk=award_id)
    code = award.certificate_code
    return send_templated(
        "open_data/mail/award_confirmed",
        [award.unit.email],
        {
            "award": award,
            "verification_url": reverse_absolute("open_data_awards:award", args=[code]),
            "certificate_url": reverse_absolute("open_data_awards:award_certificate", args=[code]),
        },
    )
