"""Template tags other apps' templates use: the navigation line, and the "how to orient
someone here" box of the directory's service page. Read only."""

from django import template

from ..services.service_page import orientation_facts

register = template.Library()


@register.inclusion_tag("orientation/includes/nav_item.html")
def orientation_nav_item():
    return {}


@register.inclusion_tag("orientation/includes/service_help.html")
def orientation_service_help(service):
    """``{% load orientation_tags %}{% orientation_service_help service %}``"""
    return {"service": service, **orientation_facts(service)}
