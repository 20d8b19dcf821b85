"""Forms of the coordinators' tree editor: one node (texts in FR/NL/EN) and its answers."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import tree as pure
from .models import Node


def _level_choices():
    return [("", _("— none —"))] + [(code, code) for code in pure.LEVELS]


class TermsField(forms.CharField):
    """Terms written "taxonomy:code", separated by commas or spaces."""

    def to_python(self, value):
        text = super().to_python(value) or ""
        return [t for t in text.replace(",", " ").split() if t]

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value


class NodeForm(forms.Form):
    code = forms.SlugField(
        label=_("Code"),
        max_length=40,
        help_text=_("Letters, digits, _ and -; it appears in the links."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Node.Kind.choices)
    text_fr = forms.CharField(label=_("Text (French)"), max_length=255)
    text_nl = forms.CharField(label=_("Text (Dutch)"), max_length=255, required=False)
    text_en = forms.CharField(label=_("Text (English)"), max_length=255, required=False)
    help_fr = forms.CharField(
        label=_("Help (French)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    help_nl = forms.CharField(
        label=_("Help (Dutch)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    help_en = forms.CharField(
        label=_("Help (English)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    next = forms.ChoiceField(
        label=_("Next node"),
        required=False,
        help_text=_("Language and municipality questions only."),
    )
    level = forms.ChoiceField(
        label=_("Stepped-care level"),
        required=False,
        help_text=_("Search ends: the level used when the answers chose none."),
    )
    require = TermsField(
        label=_("Required terms"),
        required=False,
        help_text=_("Search ends: e.g. service_type:accommodation"),
    )
    prefer = TermsField(
        label=_("Preferred terms"), required=False, help_text=_("Search ends: e.g. public:exile")
    )

    def __init__(self, *args, node_codes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["next"].choices = [("", "—")] + [(c, c) for c in node_codes]
        self.fields["level"].choices = _level_choices()


class ChoiceForm(forms.Form):
    code = forms.SlugField(label=_("Code"), max_length=40)
    label_fr = forms.CharField(label=_("Answer (French)"), max_length=255)
    label_nl = forms.CharField(label=_("Answer (Dutch)"), max_length=255, required=False)
    label_en = forms.CharField(label=_("Answer (English)"), max_length=255, required=False)
    next = forms.ChoiceField(label=_("Leads to"), required=False)
    level = forms.ChoiceField(label=_("Stepped-care level"), required=False)
    require = TermsField(label=_("Required terms"), required=False)
    prefer = TermsField(label=_("Preferred terms"), required=False)
    age = forms.IntegerField(
        label=_("Age it stands for"), required=False, min_value=0, max_value=120
    )

    def __init__(self, *args, node_codes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["next"].choices = [("", "—")] + [(c, c) for c in node_codes]
        self.fields["level"].choices = _level_choices()


ChoiceFormSet = forms.formset_factory(ChoiceForm, extra=2, can_delete=True, max_num=30)
