"""Rank the services a path found, and say why each fits. Pure Python: no Django import.

The directory search has already applied the hard criteria (theme, stepped-care level,
required terms, service area). Here each candidate is a plain dict::

    {"id": ..., "name": "...", "terms": {"public:exile", ...}, "languages": ["fr", "nl"],
     "municipalities": {"21005"}, "basins": {"sud-est"}, "min_age": 18, "max_age": None,
     "referral": False, "open_today": True}

``rank`` drops the candidates whose ages exclude the person, scores the others and returns
``(candidate, reasons)`` pairs, best first; a reason is a code with a value, translated by the
Django side. It never reads or writes anything.
"""

#: Points of each reason (bigger: more important to a professional orienting someone).
WEIGHTS = {"language": 4, "prefer": 3, "municipality": 3, "basin": 2, "no_referral": 1, "today": 1}


def age_fits(candidate: dict, age: int | None) -> bool:
    if age is None:
        return True
    low, high = candidate.get("min_age"), candidate.get("max_age")
    return (low is None or low <= age) and (high is None or age <= high)


def meets(candidate: dict, level: str, require, age: int | None) -> bool:
    """The hard criteria of a path, as the directory search applies them: the stepped-care
    level, at least one required term of each taxonomy named, and the age."""
    terms = candidate.get("terms", ())
    if level and f"stepped_care:{level}" not in terms:
        return False
    groups: dict[str, set] = {}
    for key in require:
        groups.setdefault(key.split(":", 1)[0], set()).add(key)
    if any(not (wanted & set(terms)) for wanted in groups.values()):
        return False
    return age_fits(candidate, age)


def reasons_for(candidate: dict, wanted: dict) -> list[tuple[str, str]]:
    """Why a candidate fits: ``wanted`` has ``prefer`` (term keys), ``language``,
    ``municipality`` (NIS) and ``basin`` (code)."""
    reasons = []
    for term in wanted.get("prefer", ()):
        if term in candidate.get("terms", ()):
            reasons.append(("prefer", term))
    language = wanted.get("language")
    if language and language in candidate.get("languages", ()):
        reasons.append(("language", language))
    if wanted.get("municipality") and wanted["municipality"] in candidate.get("municipalities", ()):
        reasons.append(("municipality", wanted["municipality"]))
    elif wanted.get("basin") and wanted["basin"] in candidate.get("basins", ()):
        reasons.append(("basin", wanted["basin"]))
    if not candidate.get("referral"):
        reasons.append(("no_referral", ""))
    if candidate.get("open_today"):
        reasons.append(("today", ""))
    return reasons


def score(reasons) -> int:
    return sum(WEIGHTS[code] for code, _ in reasons)


def rank(candidates: list[dict], wanted: dict, limit: int = 5) -> list[tuple[dict, list]]:
    """The best ``limit`` candidates whose ages fit, with their reasons; ties keep the given
    order (the directory's own order)."""
    scored = []
    for index, candidate in enumerate(candidates):
        if not age_fits(candidate, wanted.get("age")):
            continue
        reasons = reasons_for(candidate, wanted)
        scored.append((-score(reasons), index, candidate, reasons))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [(candidate, reasons) for _, _, candidate, reasons in scored[:limit]]


def neighbours(level: str, levels: tuple) -> tuple[str | None, str | None]:
    """The step down and the step up of a stepped-care level."""
    if level not in levels:
        return None, None
    i = levels.index(level)
    return (levels[i - 1] if i > 0 else None, levels[i + 1] if i + 1 < len(levels) else None)
