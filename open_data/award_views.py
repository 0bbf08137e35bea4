"""Public views of the unit awards: the certificate's verification page and its PDF, at
stable addresses in each language (/id/penghargaan/<code>/, /en/awards/<code>/)."""

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.http import require_GET

from . import award_certificates
from .awards import confirmed_award


def _award_or_404(code):
    award = confirmed_award(code)
    if award is None:  # forged, mistyped, or an award not (yet) confirmed
        raise Http404
    return award


@require_GET
def verification(request, code):
    award = _award_or_404(code)
    response = TemplateResponse(request, "open_data/award_verification.html", {"award": award})
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def certificate(request, code):
    award = _award_or_404(code)
    pdf = award_certificates.render_pdf(award, translation.get_language())
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="piagam-{award.certificate_code}.pdf"'
    response["X-Robots-Tag"] = "noindex"
    return response
