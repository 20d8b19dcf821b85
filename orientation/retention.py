"""What the orientation tool keeps about people: only who published a version of a tree (its
counts are anonymous). Read by ``privacy.registry``; never called by views.
"""

from django.utils.translation import gettext_lazy as _

from privacy.policy import After, FieldRule, RecordPolicy
from privacy.registry import register_policy

register_policy(
    RecordPolicy(
        model="orientation.TreeVersion",
        key="orientation_tree_versions",
        title=_("Orientation trees"),
        purpose=_("who published a version of an orientation tree"),
        kept=_("While your account exists."),
        after=After.WITH_ACCOUNT,
        fields={
            "created_by": FieldRule(
                _("who published a version of an orientation tree"), After.WITH_ACCOUNT
            )
        },
    )
)
