"""Every user-facing message of the orientation tool's use cases, and of tree validation."""

from django.utils.translation import gettext_lazy as _

from core.errors import ServiceError

#: Why a tree is refused (codes of ``orientation.tree.Problem``). Placeholders: node, choice,
#: target.
TREE_PROBLEMS = {
    "no_root": _("The first question “%(target)s” does not exist."),
    "unknown_kind": _("The node “%(node)s” has an unknown kind “%(target)s”."),
    "reserved_code": _("The code “%(node)s” is used by the links themselves: choose another code."),
    "no_choices": _("The question “%(node)s” has no answer: a path would stop there."),
    "duplicate_choice": _("The question “%(node)s” has two answers with the code “%(choice)s”."),
    "dead_end": _(
        "Dead end: the answer “%(choice)s” of “%(node)s” leads nowhere. Choose the next question, "
        "a search or the helpdesk."
    ),
    "missing_target": _(
        "The answer “%(choice)s” of “%(node)s” leads to “%(target)s”, which does not exist."
    ),
    "loop": _(
        "Loop: from “%(node)s” the path goes back to “%(target)s”, which was already asked. "
        "A path must always move towards a search or the helpdesk."
    ),
    "unreachable": _("No path leads to “%(node)s”: link it from a question or delete it."),
    "unknown_level": _("“%(target)s” is not a level of the stepped-care scale (in “%(node)s”)."),
}


def problem_message(problem) -> str:
    return str(TREE_PROBLEMS[problem.code]) % {
        "node": problem.node,
        "choice": problem.choice or "—",
        "target": problem.target,
    }


class OrientationError(ServiceError):
    messages = {
        "unknown_version": _(
            "This link names a version of the path that does not exist. Start the path again."
        ),
        "not_offered": _("This orientation path is not offered at the moment."),
        "choose": _("Please choose an answer."),
        "invalid_tree": _("This version cannot be published: %(details)s"),
        "not_draft": _("Only a draft can be changed; published versions stay as they are."),
        "code_taken": _("Another node of this version already has the code “%(taken)s”."),
        "duplicate_answers": _("Two answers of this question have the code “%(taken)s”."),
        "bad_code": _(
            "A code is made of lower-case letters, digits, “_” and “-” (at most 40 characters)."
        ),
        "bad_term": _("“%(term)s” is not a term of the directory (write taxonomy:code)."),
        "root_delete": _("The first question cannot be deleted."),
        "bad_record": _("This link has expired."),
    }
