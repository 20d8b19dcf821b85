"""The message form (compose, then confirm): plain text, limits shown before the service checks
them again."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .services import BODY_MAX, SUBJECT_MAX


class MessageForm(forms.Form):
    audience = forms.ChoiceField(label=gettext_lazy("Send to"))
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=SUBJECT_MAX)
    body = forms.CharField(
        label=gettext_lazy("Message"),
        max_length=BODY_MAX,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12}),
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audience"].choices = [(c.value, c.label) for c in choices]
        self.fields["subject"].help_text = _("One line, at most %(n)s characters.") % {
            "n": SUBJECT_MAX
        }
        self.fields["body"].help_text = _(
            "Plain text, at most %(n)s characters. Each person receives it with a greeting and a "
            "link to the page, in their own language."
        ) % {"n": BODY_MAX}
        # No maxlength attribute in the page: a longer text reaches the server and gets a
        # message saying how long it is, instead of being cut silently by the browser.
        for name in ("subject", "body"):
            self.fields[name].widget.attrs.pop("maxlength", None)


class ConfirmForm(MessageForm):
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)
