"""Snippet choosers for records with personal data.

Wagtail's chooser views need only admin access (they exist to pick a snippet while
editing), so every editor could list registrants, applicants or school contacts through
`/admin/snippets/choose/...`. These choosers first ask for a permission on the model.
"""

from wagtail.admin.auth import permission_denied
from wagtail.snippets.views import chooser


class ModelPermissionRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        meta = self.model_class._meta
        actions = ("add", "change", "delete", "view")
        if not any(
            request.user.has_perm(f"{meta.app_label}.{action}_{meta.model_name}")
            for action in actions
        ):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class ChooseView(ModelPermissionRequiredMixin, chooser.ChooseView):
    pass


class ChooseResultsView(ModelPermissionRequiredMixin, chooser.ChooseResultsView):
    pass


class ChosenView(ModelPermissionRequiredMixin, chooser.SnippetChosenView):
    pass


class ChosenMultipleView(ModelPermissionRequiredMixin, chooser.SnippetChosenMultipleView):
    pass


class PermissionCheckedSnippetChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
