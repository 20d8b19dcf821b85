"""Template side of the one rule for confidential addresses (``address_may_be_shown``); never
decides anything itself.

    {% load places %}{% if location|address_shown:can_edit %}...address...{% endif %}
"""

from django import template

from ..models import address_may_be_shown

register = template.Library()


@register.filter
def address_shown(location, to_editor=False) -> bool:
    return address_may_be_shown(location.is_confidential, to_editor=bool(to_editor))
