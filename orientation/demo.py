"""Demo data of the orientation tool: completed paths spread over the last two months, as
professionals of the demo network would have walked the shipped housing and mental-health
paths, with the services they opened, and the unmet needs the empty results left.

Deterministic for a given ``rng``; called by ``manage.py load_demo`` after the directory's
services are indexed. Writes through ``orientation.services`` only; never used by the app.
"""

import datetime

from django.utils import timezone

from territory.models import Municipality

from . import tree as pure
from .models import PathRecord, Tree, UnmetNeed
from .services import paths, results

PATHS = 140
#: Languages the demo professionals meet most, with repeats as weights.
LANGUAGES = ["fr", "fr", "fr", "nl", "nl", "ar", "en", "es", "tr", "ro"]


def load(rng, context, stdout=None) -> None:
    municipalities = list(Municipality.objects.values_list("nis_code", flat=True))
    trees = list(Tree.objects.select_related("published").filter(published__isnull=False))
    today = timezone.localdate()
    made = 0
    for _ in range(PATHS):
        tree = rng.choice(trees)
        version = tree.published
        data = paths.data_of(version)
        steps = rng.choice(pure.branches(data))
        answers = {}
        for code, answer in steps:
            kind = data["nodes"][code]["kind"]
            if kind == pure.LANGUAGE:
                answer = rng.choice(LANGUAGES)
            elif kind == pure.MUNICIPALITY:
                answer = rng.choice(municipalities)
            elif kind == pure.QUESTION:  # a sibling answer with the same effect, sometimes
                same = [
                    c["code"]
                    for c in data["nodes"][code]["choices"]
                    if c.get("next") == _next(data, code, answer)
                ]
                answer = rng.choice(same) if rng.random() < 0.5 else answer
            answers[code] = answer
        walk = paths.walk(version, answers)
        if not walk.leaf:
            continue
        found = None
        if data["nodes"][walk.current]["kind"] == pure.SEARCH:
            found = results.find(tree.need, paths.criteria_of(version, walk))
        record = paths.complete(version, walk, found)
        day = today - datetime.timedelta(days=rng.randrange(0, 60))
        opened = []
        if found and found.services:
            opened = [str(s.pk) for s in found.services[: rng.randrange(0, 3)]]
        PathRecord.objects.filter(pk=record.pk).update(completed_on=day, opened_services=opened)
        if found is not None and found.count == 0:
            UnmetNeed.objects.filter(pk=UnmetNeed.objects.latest("pk").pk).update(recorded_on=day)
        made += 1
    if stdout:
        unmet = UnmetNeed.objects.count()
        stdout.write(f"  orientation: {made} completed paths, {unmet} unmet needs")


def _next(data, code, answer):
    for choice in data["nodes"][code]["choices"]:
        if choice["code"] == answer:
            return choice.get("next")
    return None
