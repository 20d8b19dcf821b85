"""Translated explanations of the composition engine's stable reason codes (the engine itself
returns English text; coordinators read these in their own language)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

REASONS = {
    "pinned": gettext_lazy("Pinned by a coordinator"),
    "manual": gettext_lazy("Placed by hand by a coordinator"),
    "waiting_list": gettext_lazy("Seat freed for the waiting list"),
    "first_choice": gettext_lazy("First choice"),
    "later_choice": gettext_lazy("Choice no. %(rank)s"),
    "no_choice": gettext_lazy("No group chosen"),
    "no_choice_in_language": gettext_lazy("No chosen group in the person's language"),
    "all_choices_cancelled": gettext_lazy(
        "All chosen groups were cancelled (minimum size not reached)"
    ),
    "all_choices_full": gettext_lazy("All chosen groups are full"),
    "institution_limit": gettext_lazy("Institution limit reached in every chosen group"),
    "full_or_institution_limit": gettext_lazy("Chosen groups are full or at the institution limit"),
    "search_limit": gettext_lazy("Not placed within the search time limit; a place may exist"),
}

CAUSES = {
    "other_language": gettext_lazy("other language"),
    "cancelled": gettext_lazy("cancelled"),
    "full": gettext_lazy("full"),
    "institution_limit": gettext_lazy("institution limit reached"),
    "keeps_minimum_size": gettext_lazy("needed to keep the current group at its minimum size"),
    "trade_off": gettext_lazy("had room, but placing the person there made the whole worse"),
    "available": gettext_lazy("had room"),
}


def explain(registration, group_names: dict[int, str] | None = None) -> str:
    """One sentence for the coordinator: why this person is (not) in this group."""
    code = registration.reason_code
    if not code:
        return ""
    base = REASONS.get(code)
    if base is None:
        return code
    text = str(base) % {"rank": registration.choice_rank} if "%(rank)s" in str(base) else str(base)
    details = []
    for gid, cause in registration.reason_details or []:
        name = (group_names or {}).get(int(gid), gid)
        details.append(
            _("%(group)s: %(cause)s") % {"group": name, "cause": CAUSES.get(cause, cause)}
        )
    if details:
        text += " (" + "; ".join(details) + ")"
    return text
