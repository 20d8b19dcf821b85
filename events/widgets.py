"""The rich-text editor of the minutes: a textarea that ``events/minutes-editor.js`` turns
into a Tiptap/ProseMirror editor, built from the django-prose-editor package's bundle (installed
from PyPI, never copied here). CSP-safe: the script is a static ES module (no inline script, no
import map), and the editor is created with ``injectCSS: false`` (no <style> element); its CSS
is a static file.

Without JavaScript the textarea stays: simple HTML can be typed. Whatever arrives is cleaned by
``events.sanitize.clean_html`` in the service, never trusted from the editor.
"""

from django import forms


class MinutesEditor(forms.Textarea):
    """A textarea marked for the minutes editor (``data-minutes-editor``)."""

    def __init__(self, attrs=None):
        super().__init__({"data-minutes-editor": "", **(attrs or {})})

    class Media:
        css = {
            "all": [
                "django_prose_editor/material-icons.css",
                "django_prose_editor/editor.css",
                "events/minutes-editor.css",
            ]
        }
        js = [forms.Script("events/minutes-editor.js", type="module")]

    def use_required_attribute(self, initial):
        return False  # the textarea is hidden behind the editor: the server says what is missing
