"""The pure tree module: walking, criteria, validation (dead ends, loops...), branches; and the
pure ranking. No database."""

import copy

import pytest

from orientation import ranking
from orientation import tree as pure
from orientation.reference_trees import TREES, as_tree

SMALL = {
    "root": "a",
    "nodes": {
        "a": {
            "kind": "question",
            "choices": [
                {"code": "x", "next": "lang", "level": "first_line", "require": ["t:1"]},
                {"code": "y", "next": "call", "level": "crisis", "prefer": ["p:1"], "age": 30},
            ],
        },
        "lang": {"kind": "language", "next": "end"},
        "end": {"kind": "search", "level": "self_help", "require": ["t:2"], "prefer": ["p:2"]},
        "call": {"kind": "helpdesk"},
    },
}
OPTIONS = {"language": {"fr", "nl"}, "municipality": {"21005"}}


def test_walk_follows_answers_and_stops_at_the_first_unanswered_question():
    walk = pure.walk(SMALL, {}, OPTIONS)
    assert (walk.current, walk.leaf, walk.steps) == ("a", False, [])
    walk = pure.walk(SMALL, {"a": "x"}, OPTIONS)
    assert (walk.current, walk.steps) == ("lang", [("a", "x")])
    walk = pure.walk(SMALL, {"a": "x", "lang": "nl", "off_path": "z"}, OPTIONS)
    assert walk.leaf and walk.current == "end"
    assert walk.answers == {"a": "x", "lang": "nl"}


def test_walk_refuses_answers_that_are_no_option():
    walk = pure.walk(SMALL, {"a": "x", "lang": "klingon"}, OPTIONS)
    assert walk.current == "lang" and walk.invalid == ["lang"] and not walk.leaf
    walk = pure.walk(SMALL, {"a": "nope"}, OPTIONS)
    assert walk.current == "a" and walk.invalid == ["a"]


def test_criteria_gather_choices_then_the_leaf():
    walk = pure.walk(SMALL, {"a": "x", "lang": "nl"}, OPTIONS)
    found = pure.criteria(SMALL, walk.steps)
    assert found.level == "first_line"  # the path chose it: the leaf's own level is a default
    assert found.require == ["t:1", "t:2"]
    assert found.prefer == ["p:2"]
    assert found.language == "nl"
    walk = pure.walk(SMALL, {"a": "y"}, OPTIONS)
    found = pure.criteria(SMALL, walk.steps)
    assert (found.level, found.age, found.prefer) == ("crisis", 30, ["p:1"])


def test_a_valid_tree_has_no_problem():
    assert pure.validate(SMALL) == []


def test_a_dead_end_is_refused():
    broken = copy.deepcopy(SMALL)
    broken["nodes"]["a"]["choices"][0]["next"] = ""
    assert pure.Problem("dead_end", node="a", choice="x") in pure.validate(broken)
    broken = copy.deepcopy(SMALL)
    broken["nodes"]["lang"]["next"] = "ghost"
    assert pure.Problem("missing_target", node="lang", target="ghost") in pure.validate(broken)
    broken = copy.deepcopy(SMALL)
    broken["nodes"]["a"]["choices"] = []
    codes = {p.code for p in pure.validate(broken)}
    assert "no_choices" in codes


def test_a_loop_is_refused():
    looping = copy.deepcopy(SMALL)
    looping["nodes"]["lang"]["next"] = "a"
    problems = pure.validate(looping)
    assert pure.Problem("loop", node="lang", target="a") in problems
    # and walking it never spins
    walk = pure.walk(looping, {"a": "x", "lang": "fr"}, OPTIONS)
    assert not walk.leaf


def test_other_refusals():
    broken = copy.deepcopy(SMALL)
    broken["nodes"]["orphan"] = {"kind": "helpdesk"}
    broken["nodes"]["v"] = {"kind": "helpdesk"}
    broken["nodes"]["a"]["choices"].append({"code": "x", "next": "call"})
    broken["nodes"]["end"]["level"] = "heaven"
    codes = {p.code for p in pure.validate(broken)}
    assert {"unreachable", "reserved_code", "duplicate_choice", "unknown_level"} <= codes
    assert pure.validate({"root": "zz", "nodes": {}}) == [pure.Problem("no_root", target="zz")]


def test_previous_and_remaining():
    walk = pure.walk(SMALL, {"a": "x", "lang": "fr"}, OPTIONS)
    assert pure.previous(pure.Walk(walk.steps, "lang", False)) == "a"
    assert pure.previous(pure.Walk([], "a", False)) is None
    assert pure.remaining(SMALL, "a") == 2
    assert pure.remaining(SMALL, "lang") == 1


def test_branches_collapse_choices_that_change_only_the_ranking():
    found = pure.branches(SMALL)
    assert found == [[("a", "x"), ("lang", "*")], [("a", "y")]]
    same = copy.deepcopy(SMALL)
    same["nodes"]["a"]["choices"].append(
        {"code": "x2", "next": "lang", "level": "first_line", "require": ["t:1"], "prefer": ["q"]}
    )
    assert len(pure.branches(same)) == 2


@pytest.mark.parametrize("data", TREES, ids=lambda d: d["need"])
def test_shipped_trees_are_valid_and_every_leaf_is_a_search_or_the_helpdesk(data):
    tree = as_tree(data)
    assert pure.validate(tree) == []
    leaves = {pure.leaf_of(tree, steps) for steps in pure.branches(tree)}
    assert leaves and all(tree["nodes"][c]["kind"] in pure.LEAVES for c in leaves)
    # every text exists in French, Dutch and English
    for node in data["nodes"]:
        assert all(node["text"]), node["code"]
        for choice in node["choices"]:
            assert all(choice["label"]), choice["code"]


def test_housing_tree_asks_what_the_issue_lists():
    tree = as_tree(TREES[1])
    situation = {c["code"] for c in tree["nodes"]["situation"]["choices"]}
    assert {"no_roof", "eviction", "unfit", "social_housing"} <= situation
    kinds = {n["kind"] for n in tree["nodes"].values()}
    assert {"language", "municipality"} <= kinds
    assert "no_demand" in {c["code"] for c in tree["nodes"]["demand"]["choices"]}


def test_ranking_puts_language_place_and_public_first_and_drops_wrong_ages():
    candidates = [
        {
            "id": 1,
            "terms": set(),
            "languages": ["fr"],
            "municipalities": {"21001"},
            "referral": True,
        },
        {"id": 2, "terms": {"public:exile"}, "languages": ["nl"], "municipalities": {"21005"}},
        {"id": 3, "terms": set(), "languages": ["nl"], "min_age": 12, "max_age": 17},
        {"id": 4, "terms": set(), "languages": ["fr"], "basins": {"sud-est"}},
    ]
    wanted = {
        "prefer": ["public:exile"],
        "language": "nl",
        "municipality": "21005",
        "basin": "sud-est",
        "age": 40,
    }
    ranked = ranking.rank(candidates, wanted)
    assert [c["id"] for c, _ in ranked] == [2, 4, 1]
    assert ranked[0][1][:3] == [
        ("prefer", "public:exile"),
        ("language", "nl"),
        ("municipality", "21005"),
    ]
    assert ("basin", "sud-est") in ranked[1][1]
    assert ranking.neighbours("first_line", pure.LEVELS) == ("self_help", "specialised")
    assert ranking.neighbours("crisis", pure.LEVELS) == ("mobile", None)
