"""The registry of the personal-data declarations of every app.

Each app has a ``retention.py`` module that calls, at import time:

- ``register_policy(RecordPolicy(...))``: the retention policy of one model (``privacy.policy``);
- ``register_export(key, title, fn)``: ``fn(user) -> list[dict] | dict`` returns what the app
  holds about one person, for the "My data" download (JSON and readable page);
- ``register_erasure(key, fn)``: ``fn(user) -> int`` anonymises or removes what the app holds
  about a person who erases their account (called inside the erasure transaction).

The modules are found with Django's autodiscovery the first time the registry is read, so an app
added later (helpdesk, open doors) only has to ship its own ``retention.py``. This module never
queries the database.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.utils.module_loading import autodiscover_modules

from .policy import FieldRule, RecordPolicy

#: Apps whose records are the libraries' (listed after the platform's own on every page).
LIBRARY_APPS = {"admin", "sessions", "account", "auditlog", "django_tasks_db", "mfa", "privacy"}
_policies: dict[str, RecordPolicy] = {}
_exports: dict[str, "Export"] = {}
_erasures: dict[str, Callable] = {}
_discovered = False


@dataclass(frozen=True)
class Export:
    key: str
    title: object
    collect: Callable


def register_policy(policy: RecordPolicy) -> RecordPolicy:
    if policy.model in _policies and _policies[policy.model] is not policy:
        raise ValueError(f"{policy.model} already has a retention policy")
    _policies[policy.model] = policy
    return policy


def register_export(key: str, title, collect: Callable) -> None:
    _exports[key] = Export(key, title, collect)


def register_erasure(key: str, erase: Callable) -> None:
    _erasures[key] = erase


def _discover() -> None:
    global _discovered
    if not _discovered:
        _discovered = True
        autodiscover_modules("retention")


def policies(*, installed_only: bool = True) -> list[RecordPolicy]:
    """Every declared policy, in app order (optional models that are not installed left out)."""
    _discover()
    result = []
    for policy in _policies.values():
        if installed_only and not is_installed(policy.model):
            continue
        result.append(policy)
    order = {config.label: i for i, config in enumerate(apps.get_app_configs())}
    declared = list(_policies)

    def key(policy):
        app = policy.model.split(".")[0]
        # The platform's own apps first, then the libraries' records (sessions, logs...).
        return (app in LIBRARY_APPS, order.get(app, 999), declared.index(policy.model))

    return sorted(result, key=key)


def policy_for(model_label: str) -> RecordPolicy | None:
    _discover()
    return _policies.get(model_label)


def field_rule(model_label: str, field_name: str) -> FieldRule | None:
    policy = policy_for(model_label)
    return policy.rule(field_name) if policy else None


def exports() -> list[Export]:
    _discover()
    return list(_exports.values())


def erasures() -> dict[str, Callable]:
    _discover()
    return dict(_erasures)


def is_installed(model_label: str) -> bool:
    try:
        apps.get_model(model_label)
    except (LookupError, ValueError):
        return False
    return True
