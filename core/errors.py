"""One exception type for every use case that a user can get wrong.

Each domain subclasses ``ServiceError`` and lists all of its user-facing messages in one dict of
translatable strings (the pretix habit). Views show ``error.message``; they never compose it.
"""

from django.utils.functional import Promise


class ServiceError(Exception):
    #: code -> translatable message, may contain %(name)s placeholders filled from ``params``.
    messages: dict[str, Promise | str] = {}

    def __init__(self, code: str, **params):
        if code not in self.messages:
            raise KeyError(f"{type(self).__name__} has no message for code {code!r}")
        self.code = code
        self.params = params
        super().__init__(code)

    @property
    def message(self) -> str:
        text = str(self.messages[self.code])
        return text % self.params if self.params else text

    def __str__(self) -> str:
        return self.message
