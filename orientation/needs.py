"""The needs a professional can start from, shared by the orientation tool, the helpdesk and the
needs watch. Plain Python, no Django import.

A need's code is the code of a term of the directory's ``theme`` taxonomy
(``directory/reference.py``), so that a need maps to directory services without a table of its
own. The order is the order shown to users.
"""

#: Need codes, each a ``theme`` taxonomy term code.
NEEDS = (
    "mental_health",
    "housing",
    "income_rights",
    "health",
    "addiction",
    "perinatality",
    "violence",
    "migration",
    "isolation",
    "family",
)


def is_need(code: str) -> bool:
    return code in NEEDS
