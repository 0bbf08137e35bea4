"""Wagtail's own admin reports (site history, locked and aging pages, workflows) with
exports that cannot run as spreadsheet formulas.

Their CSV/XLSX cells carry labels, page titles and user names that anyone can type, e.g. a
registrant named `=HYPERLINK(...)`. The project's URLs serve these subclasses in front of
Wagtail's own patterns (same paths, same templates, same permission checks).
"""

from django.urls import path
from django.views.decorators.cache import never_cache

from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import reports as wagtail_reports

from .exports import neutralise_formula


class FormulaSafeExportMixin:
    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))


def _formula_safe(pattern):
    view = pattern.callback
    safe_class = type(
        f"FormulaSafe{view.view_class.__name__}", (FormulaSafeExportMixin, view.view_class), {}
    )
    safe_view = safe_class.as_view(**view.view_initkwargs)
    return path(
        str(pattern.pattern),
        never_cache(require_admin_access(safe_view)),
        name=f"formula_safe_{pattern.name}",
    )


urlpatterns = [_formula_safe(pattern) for pattern in wagtail_reports.urlpatterns]
