"""Attendance certificates as PDF (reportlab), each with a code anyone can verify."""

from io import BytesIO

from django.utils import formats, translation
from django.utils.translation import gettext as _

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas

from site_core.links import absolute_url, page_absolute_url

from .models import ProgramIndexPage


def verification_url(registration):
    index = ProgramIndexPage.objects.live().filter(locale__language_code=registration.language)
    index = index.first() or ProgramIndexPage.objects.live().first()
    if index is None:
        return absolute_url("/")
    return page_absolute_url(index, index.reverse_subpage("verify_certificate"))


def render_pdf(registration):
    event = registration.localized_event()
    buffer = BytesIO()
    width, height = landscape(A4)
    with translation.override(registration.language):
        pdf = canvas.Canvas(buffer, pagesize=(width, height))
        pdf.setTitle(_("Certificate of attendance"))
        pdf.setAuthor("LAPOR! Banjarbaru")
        pdf.setLineWidth(3)
        pdf.rect(1.5 * cm, 1.5 * cm, width - 3 * cm, height - 3 * cm)
        pdf.setFont("Helvetica-Bold", 30)
        pdf.drawCentredString(width / 2, height - 5 * cm, _("Certificate of attendance"))
        pdf.setFont("Helvetica", 16)
        pdf.drawCentredString(width / 2, height - 7 * cm, _("This certifies that"))
        pdf.setFont("Helvetica-Bold", 26)
        pdf.drawCentredString(width / 2, height - 8.8 * cm, registration.name)
        pdf.setFont("Helvetica", 16)
        pdf.drawCentredString(width / 2, height - 10.5 * cm, _("attended"))
        pdf.setFont("Helvetica-Bold", 18)
        pdf.drawCentredString(width / 2, height - 12 * cm, event.title[:90])
        pdf.setFont("Helvetica", 14)
        date = formats.date_format(event.start, "j F Y")
        pdf.drawCentredString(width / 2, height - 13.2 * cm, f"{date} - {event.venue[:80]}")
        pdf.setFont("Helvetica", 11)
        pdf.drawString(
            2.5 * cm,
            2.5 * cm,
            _("Verification code: %(code)s") % {"code": registration.certificate_code},
        )
        pdf.drawString(
            2.5 * cm, 2 * cm, _("Check it at %(url)s") % {"url": verification_url(registration)}
        )
        pdf.showPage()
        pdf.save()
    return buffer.getvalue()
