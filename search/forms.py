from django import forms
from django.utils.translation import gettext_lazy as _

from site_core.text import reject_invisible_only


class AnswerFeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(
        label=_("Was this answer helpful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes or no.")},
    )
    comment = forms.CharField(
        label=_("What could be better? (optional, do not write personal data)"),
        required=False,
        max_length=500,
        validators=[reject_invisible_only],
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # The search that led here (answer-feedback.js reads it from the referrer), so a "yes"
    # teaches search the citizen's words for this answer like a click does (search.learning).
    q = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    category = forms.SlugField(max_length=80, required=False)
    type = forms.ChoiceField(
        required=False,
        choices=[("", _("All")), ("answer", _("Answers")), ("page", _("Other pages"))],
    )
