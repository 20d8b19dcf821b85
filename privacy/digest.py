"""A fingerprint of the declared retention policy (models, fields, outcomes and English texts),
so that a change of the policy cannot go unnoticed: ``privacy.versions`` records the digest of
each version and a test compares. Only reads the registry."""

import hashlib
import json

from django.utils import translation

from . import registry


def policy_digest() -> str:
    with translation.override("en"):
        data = [
            {
                "model": p.model,
                "after": p.after,
                "purpose": str(p.purpose),
                "fields": {name: [str(r.purpose), r.after] for name, r in sorted(p.fields.items())},
            }
            for p in sorted(registry.policies(installed_only=False), key=lambda p: p.model)
        ]
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]
