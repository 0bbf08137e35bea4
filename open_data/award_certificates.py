"""The award certificate (piagam penghargaan) as PDF, drawn with reportlab like the
outreach attendance certificates, with the verification address and its QR code."""

from io import BytesIO

from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas

from site_core.links import reverse_absolute


def verification_url(award, language=None):
    with translation.override(language or settings.LANGUAGE_CODE):
        return reverse_absolute("open_data_awards:award", kwargs={"code": award.certificate_code})


def _qr(pdf, data, x, y, size):
    widget = QrCodeWidget(data)
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(
        size, size, transform=[size / (right - left), 0, 0, size / (top - bottom), 0, 0]
    )
    drawing.add(widget)
    renderPDF.draw(drawing, pdf, x, y)


def render_pdf(award, language=None):
    """The certificate of a confirmed award, in Indonesian unless another language is asked."""
    language = language or settings.LANGUAGE_CODE
    buffer = BytesIO()
    width, height = landscape(A4)
    with translation.override(language):
        url = verification_url(award, language)
        pdf = canvas.Canvas(buffer, pagesize=(width, height))
        pdf.setTitle(_("Certificate of appreciation"))
        pdf.setAuthor(str(settings.SITE_DISPLAY_NAME))
        pdf.setLineWidth(3)
        pdf.rect(1.5 * cm, 1.5 * cm, width - 3 * cm, height - 3 * cm)
        pdf.setLineWidth(1)
        pdf.rect(1.8 * cm, 1.8 * cm, width - 3.6 * cm, height - 3.6 * cm)
        centre = width / 2
        pdf.setFont("Helvetica-Bold", 30)
        pdf.drawCentredString(centre, height - 4.5 * cm, _("Certificate of appreciation"))
        pdf.setFont("Helvetica", 15)
        pdf.drawCentredString(centre, height - 6.2 * cm, _("awarded to"))
        pdf.setFont("Helvetica-Bold", 24)
        pdf.drawCentredString(centre, height - 7.9 * cm, award.unit.name[:70])
        pdf.setFont("Helvetica", 15)
        pdf.drawCentredString(
            centre,
            height - 9.5 * cm,
            _("as one of the most responsive work units in handling public complaints"),
        )
        pdf.setFont("Helvetica-Bold", 18)
        pdf.drawCentredString(
            centre,
            height - 11 * cm,
            _("Rank %(rank)s, %(period)s") % {"rank": award.rank, "period": award.period_label},
        )
        pdf.setFont("Helvetica", 12)
        pdf.drawCentredString(centre, height - 12.3 * cm, _figures_line(award))
        pdf.drawCentredString(
            centre,
            height - 13.3 * cm,
            _("Banjarbaru, %(date)s") % {"date": formats.date_format(award.confirmed_at, "j F Y")},
        )
        pdf.setFont("Helvetica", 10)
        pdf.drawString(
            2.5 * cm, 3 * cm, _("Verification code: %(code)s") % {"code": award.certificate_code}
        )
        pdf.drawString(2.5 * cm, 2.4 * cm, _("Check it at %(url)s") % {"url": url})
        _qr(pdf, url, width - 5.5 * cm, 2.2 * cm, 3 * cm)
        pdf.showPage()
        pdf.save()
    return buffer.getvalue()


def _figures_line(award):
    parts = [_("%(count)s reports") % {"count": award.reports}]
    if award.on_time_share is not None:
        parts.append(_("%(share)s%% answered within the deadline") % {"share": award.on_time_share})
    if award.median_response_hours is not None:
        hours = formats.number_format(award.median_response_hours, 1)
        parts.append(_("first response in %(hours)s working hours (median)") % {"hours": hours})
    if award.average_rating is not None:
        rating = formats.number_format(award.average_rating, 2)
        parts.append(_("rating %(rating)s / 5") % {"rating": rating})
    return " · ".join(parts)
