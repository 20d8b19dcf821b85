"""The registry behind the "my registrations" page: every activity a signed-in person signed up
to (events, intervision cycles, open doors visits), one section per domain app.

core is the lowest layer and never imports the apps that own registrations. Each of them
registers a *provider* in its ``AppConfig.ready()``; a provider receives the user and returns a
``Section`` (or None when the person has nothing there). Providers only read, never write; the
page shows their sections in ``order``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Section:
    """One block of the page: a title, the app's template that shows ``items``, the entries."""

    #: Stable key, also the HTML id of the block ("events", "intervisions", "opendoors").
    key: str
    #: Translated heading.
    title: str
    #: The app's own template, rendered with ``section`` in its context.
    template: str
    #: Whatever the template needs, one entry per registration.
    items: list
    #: A link to the app's full page, e.g. ``("My visits (PDF)", url)``; optional.
    links: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.items)


Provider = Callable[[object], Section | None]

_providers: dict[str, tuple[int, Provider]] = {}


def register_provider(key: str, provider: Provider, *, order: int = 50) -> None:
    """Called from an AppConfig.ready(); registering the same key again replaces it."""
    _providers[key] = (order, provider)


def sections_for(user) -> list[Section]:
    """The sections of this person's page, in order, leaving out the empty ones."""
    sections = []
    for _order, provider in sorted(_providers.values(), key=lambda pair: pair[0]):
        section = provider(user)
        if section is not None and section.items:
            sections.append(section)
    return sections
