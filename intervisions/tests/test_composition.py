"""Tests of the pure-Python composition engine (no Django, no database).

Property-based tests (hypothesis) check every hard constraint on small random instances and
compare the stage-1 optimum with brute force; specific tests pin down the explanations.
"""

import itertools
import random
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intervisions.composition import (
    CompositionError,
    Group,
    Registrant,
    check_composition,
    compose,
    compose_greedy,
)
from intervisions.composition import model as m
from intervisions.composition import solver as solver_module
from intervisions.composition.explain import placement_loss
from intervisions.composition.mip import MipResult
from intervisions.composition.validate import prepare

UNPLACED_CODES = set(m.UNPLACED_MESSAGES)
PLACED_CODES = {m.PINNED, m.FIRST_CHOICE, m.LATER_CHOICE}
FAST = {"time_limit": 2.0, "workers": 2, "seed": 0}


def reg(rid, choices, inst="", sector="social", lang="FR", itype="", pinned=None):
    return Registrant(rid, inst, sector, lang, list(choices), itype, pinned)


def grp(gid, min_size=0, max_size=15, lang="FR", cap=2, slot=""):
    return Group(gid, lang, min_size, max_size, cap, slot)


def assert_valid(registrants, groups, comp):
    assert check_composition(registrants, groups, comp) == []
    for r in registrants:
        a = comp.assignments[r.id]
        if r.pinned_group:
            assert a.group == r.pinned_group
            assert a.reason_code == m.PINNED
        if a.group is None:
            assert a.reason_code in UNPLACED_CODES and a.reason
        else:
            assert a.reason_code in PLACED_CODES and a.reason
    for gid in comp.cancelled_groups:
        assert comp.groups[gid].size == 0 and comp.groups[gid].cancelled


def no_mip(*_args, **_kwargs):
    """Stand-in for mip.solve_stage1 when HiGHS is unavailable: flow branch-and-bound runs."""
    return None


# --- random instances ------------------------------------------------------------------


@st.composite
def instances(draw, max_people=14, max_groups=5, pins=True):
    n_groups = draw(st.integers(1, max_groups))
    groups = []
    for k in range(n_groups):
        low = draw(st.integers(0, 3))
        groups.append(
            grp(
                f"g{k}",
                min_size=low,
                max_size=draw(st.integers(max(low, 1), 5)),
                lang=draw(st.sampled_from(["FR", "FR", "NL"])),
                cap=draw(st.integers(1, 2)),
                slot=draw(st.sampled_from(["", "mon", "tue"])),
            )
        )
    ids = [g.id for g in groups]
    registrants = []
    for k in range(draw(st.integers(0, max_people))):
        choices = draw(st.permutations(ids))[: draw(st.integers(0, min(3, n_groups)))]
        registrants.append(
            reg(
                f"r{k}",
                choices,
                inst=draw(st.sampled_from(["", "i1", "i2", "i3"])),
                sector=draw(st.sampled_from(["social", "health", "housing"])),
                lang=draw(st.sampled_from(["FR", "FR", "NL"])),
                itype=draw(st.sampled_from(["", "public", "ngo"])),
            )
        )
    if pins and registrants and draw(st.booleans()):
        r = draw(st.sampled_from(registrants))
        same = [g.id for g in groups if g.language == r.language]
        if same:
            r.pinned_group = draw(st.sampled_from(same))
    return registrants, groups


def solve_or_pin_error(solver, registrants, groups):
    """Compose; a CompositionError is only acceptable when caused by a pin."""
    try:
        return solver()
    except CompositionError as exc:
        assert any(r.pinned_group for r in registrants), exc
        assert "pinned" in str(exc)
        return None


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(instances())
def test_solver_respects_every_hard_constraint(instance):
    registrants, groups = instance
    comp = solve_or_pin_error(lambda: compose(registrants, groups, **FAST), registrants, groups)
    if comp is not None:
        assert_valid(registrants, groups, comp)
        assert comp.bound <= comp.objective + 1e-9
        assert 0.0 <= comp.gap <= 1.0
        if comp.status == "OPTIMAL":  # an optimum never leaves a usable place unexplained
            for a in comp.assignments.values():
                assert a.reason_code != m.NOT_PLACED_SEARCH_LIMIT
                assert not {c for _, c in a.details} & {m.CAUSE_TRADE_OFF, m.CAUSE_AVAILABLE}


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(instances())
def test_greedy_respects_every_hard_constraint(instance):
    registrants, groups = instance
    comp = solve_or_pin_error(lambda: compose_greedy(registrants, groups), registrants, groups)
    if comp is not None:
        assert_valid(registrants, groups, comp)
        assert comp.status == "GREEDY"


def brute_force_loss(registrants, groups):
    """Smallest stage-1 loss over every feasible assignment (tiny instances only)."""
    inst = prepare(registrants, groups)
    options = [[None] + [j for j, _ in inst.eligible[i]] for i in range(inst.n)]
    options = [[inst.pinned[i]] if inst.pinned[i] is not None else o for i, o in enumerate(options)]
    best = None
    for assign in itertools.product(*options):
        size = [0] * len(groups)
        per_inst = {}
        for i, j in enumerate(assign):
            if j is not None:
                size[j] += 1
                key = (j, inst.institution[i])
                if inst.institution[i] is not None:
                    per_inst[key] = per_inst.get(key, 0) + 1
        if any(s > g.max_size or 0 < s < g.min_size for s, g in zip(size, groups, strict=True)):
            continue
        if any(c > groups[j].max_per_institution for (j, _), c in per_inst.items()):
            continue
        loss = placement_loss(inst, list(assign))
        best = loss if best is None else min(best, loss)
    return best


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(instances(max_people=6, max_groups=3, pins=False))
def test_stage_one_is_optimal_against_brute_force(instance):
    registrants, groups = instance
    expected = brute_force_loss(registrants, groups)
    comp = compose(registrants, groups, **FAST)
    assert (comp.status, comp.objective, comp.gap) == ("OPTIMAL", expected, 0.0)
    with mock.patch.object(solver_module, "solve_stage1", no_mip):  # flow branch-and-bound
        comp = compose(registrants, groups, **FAST)
    assert (comp.status, comp.objective, comp.gap) == ("OPTIMAL", expected, 0.0)


# --- specific behaviour ----------------------------------------------------------------


def test_everyone_gets_first_choice_when_possible():
    groups = [grp("a"), grp("b")]
    registrants = [reg(f"r{k}", ["a", "b"] if k % 2 else ["b", "a"]) for k in range(10)]
    comp = compose(registrants, groups, **FAST)
    assert_valid(registrants, groups, comp)
    for a in comp.assignments.values():
        assert (a.choice_rank, a.reason_code, a.reason) == (1, m.FIRST_CHOICE, "1st choice")
    assert comp.status == "OPTIMAL" and comp.gap == 0.0 and comp.objective == 0


def test_institution_cap_forces_second_choice():
    groups = [grp("a", cap=2), grp("b")]
    registrants = [reg(f"r{k}", ["a", "b"], inst="cpas") for k in range(3)]
    comp = compose(registrants, groups, **FAST)
    assert_valid(registrants, groups, comp)
    assert comp.groups["a"].size == 2
    second = [a for a in comp.assignments.values() if a.group == "b"]
    assert len(second) == 1
    assert second[0].choice_rank == 2 and second[0].reason_code == m.LATER_CHOICE
    assert second[0].details == [("a", m.CAUSE_INSTITUTION_LIMIT)]
    assert second[0].reason == "2nd choice: 1st choice institution limit reached"


def test_empty_institution_is_not_capped():
    groups = [grp("a", cap=1)]
    registrants = [reg(f"r{k}", ["a"], inst="") for k in range(4)]
    comp = compose(registrants, groups, **FAST)
    assert comp.groups["a"].size == 4


def test_group_under_minimum_is_cancelled_and_people_rerouted():
    groups = [grp("small", min_size=4), grp("big", min_size=0, max_size=10)]
    registrants = [
        reg("r1", ["small", "big"]),
        reg("r2", ["small", "big"]),
        reg("r3", ["small"]),
    ]
    comp = compose(registrants, groups, **FAST)
    assert_valid(registrants, groups, comp)
    assert comp.cancelled_groups == ["small"] and comp.groups["small"].cancelled
    for rid in ("r1", "r2"):
        a = comp.assignments[rid]
        assert a.group == "big" and a.details == [("small", m.CAUSE_CANCELLED)]
        assert a.reason == "2nd choice: 1st choice cancelled"
    r3 = comp.assignments["r3"]
    assert r3.group is None and r3.reason_code == m.ALL_CHOICES_CANCELLED
    assert comp.unplaced == ["r3"]


def test_placing_more_people_beats_better_ranks():
    groups = [grp("a", max_size=1), grp("b", max_size=1)]
    registrants = [reg("r1", ["a", "b"]), reg("r2", ["a"])]
    comp = compose(registrants, groups, **FAST)
    assert comp.assignments["r2"].group == "a"
    assert comp.assignments["r1"].group == "b"
    assert comp.assignments["r1"].details == [("a", m.CAUSE_FULL)]


def test_pinned_to_a_full_group_displaces_others():
    groups = [grp("a", max_size=2), grp("b")]
    registrants = [
        reg("boss", ["b"], pinned="a"),
        reg("r1", ["a", "b"]),
        reg("r2", ["a", "b"]),
        reg("r3", ["a"]),
    ]
    comp = compose(registrants, groups, **FAST)
    assert_valid(registrants, groups, comp)
    boss = comp.assignments["boss"]
    assert (boss.group, boss.choice_rank, boss.reason) == ("a", None, "Pinned by coordinator")
    assert comp.assignments["r3"].group == "a"  # only option: keeps everyone placed
    for rid in ("r1", "r2"):
        assert comp.assignments[rid].group == "b"
        assert comp.assignments[rid].reason == "2nd choice: 1st choice full"


def test_unplaced_reasons_for_language_and_full_groups():
    groups = [grp("fr", max_size=1), grp("nl", lang="NL")]
    registrants = [
        reg("r1", ["fr"]),
        reg("r2", ["fr"]),
        reg("r3", ["nl"], lang="FR"),
        reg("r4", []),
    ]
    comp = compose(registrants, groups, **FAST)
    assert_valid(registrants, groups, comp)
    codes = {rid: a.reason_code for rid, a in comp.assignments.items() if a.group is None}
    assert sorted(codes.values()) == sorted(
        [m.ALL_CHOICES_FULL, m.NO_CHOICE_IN_LANGUAGE, m.NO_CHOICE]
    )
    assert codes["r3"] == m.NO_CHOICE_IN_LANGUAGE and codes["r4"] == m.NO_CHOICE


def test_sectors_are_balanced_within_a_slot():
    groups = [grp("a", max_size=2, slot="mon"), grp("b", max_size=2, slot="mon")]
    sectors = ["social", "social", "health", "health"]
    registrants = [reg(f"r{k}", ["a", "b"], sector=s) for k, s in enumerate(sectors)]
    comp = compose(registrants, groups, **FAST)
    assert_valid(registrants, groups, comp)
    assert comp.groups["a"].sectors == {"social": 1, "health": 1}
    assert comp.groups["b"].sectors == {"social": 1, "health": 1}
    assert comp.objective == 2 and comp.balance_objective == 0


@pytest.mark.parametrize(
    ("registrants", "groups", "message"),
    [
        ([reg("r1", ["zz"])], [grp("a")], "choice 'zz' is not a known group"),
        ([reg("r1", ["a"]), reg("r1", ["a"])], [grp("a")], "duplicate registrant id"),
        ([reg("r1", ["a"])], [grp("a"), grp("a")], "duplicate group id"),
        ([reg("r1", ["a", "a"])], [grp("a")], "listed 2 times"),
        ([reg("r1", [], pinned="zz")], [grp("a")], "pinned to unknown group"),
        ([reg("r1", [], pinned="a")], [grp("a", lang="NL")], "differs from the registrant"),
        ([], [grp("a", min_size=5, max_size=3)], "min_size 5 > max_size 3"),
        ([], [Group("a", "FR", "2", 10)], "must be integer"),
        ([reg("r1", ["a"], lang=" ")], [grp("a")], "empty language"),
        (
            [reg(f"r{k}", [], pinned="a") for k in range(3)],
            [grp("a", max_size=2)],
            "3 registrants pinned but max_size is 2",
        ),
        (
            [reg(f"r{k}", [], inst="x", pinned="a") for k in range(3)],
            [grp("a")],
            "max_per_institution is 2",
        ),
        ([reg("r1", [], pinned="a")], [grp("a", min_size=3)], "cannot be cancelled"),
    ],
)
def test_invalid_input_raises_composition_error(registrants, groups, message):
    for solver in (
        lambda: compose(registrants, groups, **FAST),
        lambda: compose_greedy(registrants, groups),
    ):
        with pytest.raises(CompositionError, match=message):
            solver()


def test_languages_are_compared_case_insensitively():
    groups = [grp("a", lang="fr")]
    registrants = [reg("r1", ["a"], lang="FR "), reg("r2", [], lang="Fr", pinned="a")]
    comp = compose(registrants, groups, **FAST)
    assert comp.placed == 2


def test_the_engine_never_imports_django():
    code = (
        "import sys, intervisions.composition, intervisions.composition.csvio; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'maillage')); "
        "sys.exit(str(bad) if bad else 0)"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=False
    )
    assert result.returncode == 0, result.stderr


def test_empty_input():
    comp = compose([], [], **FAST)
    assert comp.assignments == {} and comp.status == "OPTIMAL" and comp.gap == 0.0


def medium_instance(seed=0):
    """6 groups of 5..7 for 26 people: the optimum must cancel a group (greedy does badly)."""
    rng = random.Random(seed)
    groups = [grp(f"g{k}", min_size=5, max_size=7, slot=f"s{k % 2}") for k in range(6)]
    registrants = [
        reg(
            f"r{k}",
            rng.sample([g.id for g in groups], 3),
            inst=f"i{k % 7}",
            sector=["social", "health", "housing"][k % 3],
        )
        for k in range(26)
    ]
    return registrants, groups


def test_flow_branch_and_bound_without_mip(monkeypatch):
    registrants, groups = medium_instance()
    reference = compose(registrants, groups, **FAST)
    monkeypatch.setattr(solver_module, "solve_stage1", no_mip)
    comp = compose(registrants, groups, **FAST)
    assert_valid(registrants, groups, comp)
    assert comp.status == "OPTIMAL" and comp.objective == reference.objective
    assert reference.cancelled_groups and reference.status == "OPTIMAL"


def test_mip_timeout_without_solution_falls_back(monkeypatch):
    registrants, groups = medium_instance()
    reference = compose(registrants, groups, **FAST)
    monkeypatch.setattr(solver_module, "solve_stage1", lambda *a: MipResult(None, -1e9, False))
    comp = compose(registrants, groups, **FAST)
    assert comp.status == "OPTIMAL" and comp.objective == reference.objective


def test_unproven_search_reports_an_honest_gap(monkeypatch):
    registrants, groups = medium_instance()
    reference = compose(registrants, groups, **FAST)

    def unproven(fl, incumbent, best, deadline):
        return incumbent, best, fl.relaxed_bound(), False

    monkeypatch.setattr(solver_module, "solve_stage1", no_mip)
    monkeypatch.setattr(solver_module, "branch_and_bound", unproven)
    comp = compose(registrants, groups, **FAST)
    assert_valid(registrants, groups, comp)
    assert comp.bound < reference.objective <= comp.objective
    assert comp.status == "FEASIBLE"
    assert comp.gap == pytest.approx((comp.objective - comp.bound) / comp.objective)


def test_tiny_time_limit_still_valid():
    registrants, groups = medium_instance()
    comp = compose(registrants, groups, time_limit=0.01)
    assert_valid(registrants, groups, comp)
    assert comp.bound <= comp.objective and comp.gap >= 0.0
