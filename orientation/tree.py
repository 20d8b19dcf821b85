"""Orientation trees as plain data: walking a path, gathering its criteria, validating a tree,
listing its branches. Pure Python: no Django import, no database, no translation.

A tree is a dict::

    {"root": "situation",
     "nodes": {
        "situation": {"kind": "question", "choices": [
            {"code": "no_roof", "next": "age", "level": "first_line",
             "require": ["service_type:accommodation"], "prefer": ["public:homeless"],
             "age": None}, ...]},
        "lang": {"kind": "language", "next": "where"},
        "where": {"kind": "municipality", "next": "search"},
        "search": {"kind": "search", "level": "", "require": [], "prefer": []},
        "call": {"kind": "helpdesk"}}}

Kinds: ``question`` (the choices written in the tree), ``language`` and ``municipality`` (the
options come from the platform: one ``next`` for every answer), and the two leaves ``search``
(a directory search with the criteria gathered along the path) and ``helpdesk`` (contact the
network's helpdesk). Answers are ``{node code: answer code}``; they are codes, never free text.
This module never touches a database and never formats a message for a person: problems are
codes with parameters, translated by the Django side (``orientation.errors``).
"""

from dataclasses import dataclass, field

QUESTION, LANGUAGE, MUNICIPALITY, SEARCH, HELPDESK = (
    "question",
    "language",
    "municipality",
    "search",
    "helpdesk",
)
ASKING = (QUESTION, LANGUAGE, MUNICIPALITY)
LEAVES = (SEARCH, HELPDESK)
KINDS = ASKING + LEAVES
#: Query-string names the path pages use for themselves: no node may take them as its code.
RESERVED = frozenset({"v", "at", "from", "r", "step"})
#: The stepped-care scale, from the lightest to the most intensive (``stepped_care`` terms).
LEVELS = ("self_help", "first_line", "specialised", "mobile", "crisis")


@dataclass
class Criteria:
    """What a path asks of the directory, gathered from the choices and the leaf."""

    level: str = ""
    require: list = field(default_factory=list)  # "taxonomy:code", any of them per taxonomy
    prefer: list = field(default_factory=list)  # "taxonomy:code", a reason to rank higher
    age: int | None = None
    language: str = ""
    municipality: str = ""  # NIS code


@dataclass
class Walk:
    """Where a set of answers leads: the nodes answered in order, then the node to show."""

    steps: list  # [(node code, answer code)] on the path, in order
    current: str  # code of the node to show (a question, or the leaf reached)
    leaf: bool  # the path is complete
    invalid: list = field(default_factory=list)  # node codes whose answer was not an option

    @property
    def answers(self) -> dict:
        return dict(self.steps)


@dataclass(frozen=True)
class Problem:
    """Why a tree is refused: a code (see ``orientation.errors.TREE_PROBLEMS``) and where."""

    code: str
    node: str = ""
    choice: str = ""
    target: str = ""


def _next_of(node: dict, answer: str) -> str | None:
    if node["kind"] == QUESTION:
        for choice in node.get("choices", []):
            if choice["code"] == answer:
                return choice.get("next") or None
        return None
    return node.get("next") or None


def _choice(node: dict, answer: str) -> dict | None:
    return next((c for c in node.get("choices", []) if c["code"] == answer), None)


def walk(tree: dict, answers: dict, options: dict | None = None) -> Walk:
    """Follow the answers from the root. ``options`` gives the valid answer codes of the
    ``language`` and ``municipality`` kinds (sets); an answer that is not an option stops the
    walk at its question (listed in ``invalid``). Answers off the path are ignored."""
    options = options or {}
    nodes = tree["nodes"]
    steps, invalid, seen = [], [], set()
    code = tree["root"]
    while True:
        node = nodes[code]
        if node["kind"] in LEAVES:
            return Walk(steps, code, True, invalid)
        if code in seen:  # a loop: validation refuses it; never spin on a broken tree
            return Walk(steps, code, False, invalid)
        seen.add(code)
        answer = answers.get(code)
        if answer is None:
            return Walk(steps, code, False, invalid)
        valid = (
            _choice(node, answer) is not None
            if node["kind"] == QUESTION
            else answer in options.get(node["kind"], ())
        )
        following = _next_of(node, answer) if valid else None
        if not valid or following not in nodes:
            if not valid:
                invalid.append(code)
            return Walk(steps, code, False, invalid)
        steps.append((code, answer))
        code = following


def criteria(tree: dict, steps: list) -> Criteria:
    """The criteria of a completed (or partial) path: the last stepped-care level chosen (the
    leaf's own level when none was), every required and preferred term, the age, language and
    municipality answered."""
    nodes = tree["nodes"]
    found = Criteria()
    for code, answer in steps:
        node = nodes[code]
        if node["kind"] == LANGUAGE:
            found.language = answer
        elif node["kind"] == MUNICIPALITY:
            found.municipality = answer
        elif node["kind"] == QUESTION:
            choice = _choice(node, answer) or {}
            found.level = choice.get("level") or found.level
            found.require += [t for t in choice.get("require", []) if t not in found.require]
            found.prefer += [t for t in choice.get("prefer", []) if t not in found.prefer]
            if choice.get("age") is not None:
                found.age = choice["age"]
    if steps:
        last = _next_of(nodes[steps[-1][0]], steps[-1][1])
        leaf = nodes.get(last) if last else None
        if leaf and leaf["kind"] == SEARCH:
            found.level = found.level or leaf.get("level") or ""
            found.require += [t for t in leaf.get("require", []) if t not in found.require]
            found.prefer += [t for t in leaf.get("prefer", []) if t not in found.prefer]
    return found


def previous(walk_: Walk) -> str | None:
    """The node shown before the current one (the back link), or None at the root."""
    if not walk_.steps:
        return None
    codes = [code for code, _ in walk_.steps]
    if walk_.current in codes:
        index = codes.index(walk_.current)
        return codes[index - 1] if index else None
    return codes[-1]


def remaining(tree: dict, code: str) -> int:
    """The most questions still to answer from this node (the progress indicator)."""
    nodes = tree["nodes"]
    memo: dict[str, int] = {}

    def depth(c: str, trail: frozenset) -> int:
        node = nodes.get(c)
        if node is None or node["kind"] in LEAVES or c in trail:
            return 0
        if c in memo:
            return memo[c]
        nexts = (
            [ch.get("next") for ch in node.get("choices", [])]
            if node["kind"] == QUESTION
            else [node.get("next")]
        )
        best = 1 + max((depth(n, trail | {c}) for n in nexts if n), default=0)
        memo[c] = best
        return best

    return depth(code, frozenset())


def successors(node: dict) -> list[str]:
    if node["kind"] == QUESTION:
        return [c.get("next") or "" for c in node.get("choices", [])]
    if node["kind"] in LEAVES:
        return []
    return [node.get("next") or ""]


def validate(tree: dict, levels=LEVELS) -> list[Problem]:
    """Every reason to refuse the tree; an empty list means it can be published. Refused: an
    unknown root, a node of unknown kind, a reserved code, a question without choices or with
    two choices of the same code, an answer leading nowhere (dead end) or to a missing node,
    a loop, a node no path reaches, an unknown stepped-care level."""
    problems: list[Problem] = []
    nodes = tree.get("nodes") or {}
    root = tree.get("root") or ""
    if root not in nodes:
        return [Problem("no_root", target=root)]
    for code, node in nodes.items():
        kind = node.get("kind")
        if kind not in KINDS:
            problems.append(Problem("unknown_kind", node=code, target=str(kind)))
            continue
        if code in RESERVED:
            problems.append(Problem("reserved_code", node=code))
        if kind == QUESTION:
            choices = node.get("choices", [])
            if not choices:
                problems.append(Problem("no_choices", node=code))
            codes = [c["code"] for c in choices]
            for duplicate in sorted({c for c in codes if codes.count(c) > 1}):
                problems.append(Problem("duplicate_choice", node=code, choice=duplicate))
            for choice in choices:
                target = choice.get("next") or ""
                if not target:
                    problems.append(Problem("dead_end", node=code, choice=choice["code"]))
                elif target not in nodes:
                    problems.append(
                        Problem("missing_target", node=code, choice=choice["code"], target=target)
                    )
                if choice.get("level") and choice["level"] not in levels:
                    problems.append(
                        Problem(
                            "unknown_level",
                            node=code,
                            choice=choice["code"],
                            target=choice["level"],
                        )
                    )
        elif kind in (LANGUAGE, MUNICIPALITY):
            target = node.get("next") or ""
            if not target:
                problems.append(Problem("dead_end", node=code))
            elif target not in nodes:
                problems.append(Problem("missing_target", node=code, target=target))
        elif kind == SEARCH and node.get("level") and node["level"] not in levels:
            problems.append(Problem("unknown_level", node=code, target=node["level"]))
    problems += _loops(nodes, root)
    reachable = _reachable(nodes, root)
    for code in nodes:
        if code not in reachable:
            problems.append(Problem("unreachable", node=code))
    return problems


def _reachable(nodes: dict, root: str) -> set:
    seen, stack = set(), [root]
    while stack:
        code = stack.pop()
        if code in seen or code not in nodes:
            continue
        seen.add(code)
        if nodes[code].get("kind") in KINDS:
            stack += [n for n in successors(nodes[code]) if n]
    return seen


def _loops(nodes: dict, root: str) -> list[Problem]:
    """One problem per loop found from the root (iterative depth-first search, colours)."""
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(nodes, white)
    problems = []
    stack = [(root, iter(_known_successors(nodes, root)))]
    colour[root] = grey
    while stack:
        code, children = stack[-1]
        child = next(children, None)
        if child is None:
            colour[code] = black
            stack.pop()
        elif colour[child] == grey:
            problems.append(Problem("loop", node=code, target=child))
        elif colour[child] == white:
            colour[child] = grey
            stack.append((child, iter(_known_successors(nodes, child))))
    return problems


def _known_successors(nodes: dict, code: str) -> list[str]:
    node = nodes[code]
    if node.get("kind") not in KINDS:
        return []
    return list(dict.fromkeys(n for n in successors(node) if n in nodes))


def branches(tree: dict, limit: int = 2000) -> list[list[tuple[str, str]]]:
    """The root-to-leaf paths of a valid tree, for coverage: every choice of a question,
    ``language`` and ``municipality`` answered with "*" (any). Choices of one question that
    lead to the same node with the same hard criteria (level, required terms, age) count once:
    they only change the ranking. At most ``limit`` paths."""
    nodes = tree["nodes"]
    found: list[list[tuple[str, str]]] = []

    def distinct_choices(node):
        kept, keys = [], set()
        for choice in node.get("choices", []):
            key = (
                choice.get("next"),
                choice.get("level") or "",
                tuple(sorted(choice.get("require", []))),
                choice.get("age"),
            )
            if key not in keys:
                keys.add(key)
                kept.append(choice)
        return kept

    def go(code: str, path: list):
        if len(found) >= limit:
            return
        node = nodes[code]
        if node["kind"] in LEAVES:
            found.append(path)
            return
        if node["kind"] == QUESTION:
            for choice in distinct_choices(node):
                go(choice["next"], path + [(code, choice["code"])])
        else:
            go(node["next"], path + [(code, "*")])

    go(tree["root"], [])
    return found


def leaf_of(tree: dict, steps: list) -> str:
    """The node a complete list of steps ends on."""
    if not steps:
        return tree["root"]
    code, answer = steps[-1]
    return _next_of(tree["nodes"][code], answer) or ""
