"""Pages that embed the report form take its post themselves.

A citizen who makes a mistake on the gender campaign page must get that same page back
(its presets, context and quick-exit button), not the generic form page. The embedded
form posts to its page with a marker field; the page hands the post to the submission
view, and on an error the view asks the page to render itself with the bound form."""

from .views import submit_report

HOST_MARKER = "report_form_host"


class ReportFormHostMixin:
    """Mix into a page type whose body may hold a `ReportFormBlock`."""

    accepts_report_posts = True

    def serve(self, request, *args, **kwargs):
        view = args[0] if args else kwargs.get("view")
        is_own_page = view is None or getattr(view, "__name__", "") == "index_route"
        if request.method == "POST" and HOST_MARKER in request.POST and is_own_page:
            request.report_form_host = lambda form, status, notice, answers: (
                self._render_with_report_form(request, args, kwargs, form, status, notice, answers)
            )
            return submit_report(request)
        return super().serve(request, *args, **kwargs)

    def _render_with_report_form(self, request, args, kwargs, form, status, notice, answers):
        request.report_form_state = {"form": form, "notice": notice, "answers": answers}
        response = super().serve(request, *args, **kwargs)
        response.status_code = status
        return response


def bound_state(request):
    """The form and messages the page must show again, or None on an ordinary visit."""
    return getattr(request, "report_form_state", None) if request is not None else None
