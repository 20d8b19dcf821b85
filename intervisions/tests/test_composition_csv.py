"""Tests of the CSV front-end of the composition engine (no Django, no database).

Every malformed input must raise CompositionError naming the file (and line) and must leave
no output file behind, nor replace an existing one.
"""

import csv

import pytest

from intervisions.composition import CompositionError, check_composition, run_csv
from intervisions.composition.csvio import read_groups, read_registrants

G_OK = """id,language,min_size,max_size,max_per_institution,slot
fr1,FR,2,3,2,mon-am
fr2,fr,0,10,,mon-am
nl1,NL,1,5,1,tue-pm
"""

R_OK = """id,institution,sector,language,choices,pinned_group,institution_type
a,cpas1,social,FR,fr1;fr2,,public
b,cpas1,social,FR,fr1;fr2,,public
c,cpas1,health,FR,fr1;fr2,,public
d,asbl2,housing,FR,fr1,,ngo
e,asbl3,mental_health,NL,nl1,,ngo
f,asbl3,mental_health,NL,nl1,,ngo
g,,social,FR,,fr2,
h,asbl4,social,FR,nl1,,
"""


def write(path, text, encoding="utf-8"):
    path.write_text(text, encoding=encoding)
    return path


def files(tmp_path, r_text=R_OK, g_text=G_OK):
    return write(tmp_path / "R.csv", r_text), write(tmp_path / "G.csv", g_text)


def read_output(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("method", ["solver", "greedy"])
def test_happy_path(tmp_path, method):
    r_path, g_path = files(tmp_path)
    out = tmp_path / "A.csv"
    comp = run_csv(r_path, g_path, out, time_limit=2, method=method)
    rows = read_output(out)
    assert [row["id"] for row in rows] == list("abcdefgh")
    assert list(rows[0]) == ["id", "group", "choice_rank", "reason"]
    by_id = {row["id"]: row for row in rows}
    assert by_id["g"]["group"] == "fr2" and by_id["g"]["reason"] == "Pinned by coordinator"
    assert by_id["g"]["choice_rank"] == ""
    assert by_id["h"]["group"] == "" and by_id["h"]["choice_rank"] == ""
    assert "language" in by_id["h"]["reason"]
    # nl1 allows one person per institution: e or f is unplaced, with a reason
    assert sorted(by_id[x]["group"] for x in "ef") == ["", "nl1"]
    assert by_id["d"]["group"] == "fr1" and by_id["d"]["choice_rank"] == "1"
    fr1 = [x for x in "abc" if by_id[x]["group"] == "fr1"]
    assert len(fr1) == 2 and by_id["d"]["reason"] == "1st choice"  # cap 2 for cpas1
    groups = read_groups(g_path)
    registrants = read_registrants(r_path, groups)
    assert check_composition(registrants, groups, comp) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["A.csv", "G.csv", "R.csv"]


def test_bom_and_reordered_columns(tmp_path):
    g_text = "max_size,min_size,language,id\n5,0,FR,x\n"
    r_text = "choices,language,sector,institution,id\nx,FR,social,i,r1\n"
    r_path = write(tmp_path / "R.csv", r_text, encoding="utf-8-sig")
    g_path = write(tmp_path / "G.csv", g_text, encoding="utf-8-sig")
    out = tmp_path / "A.csv"
    run_csv(r_path, g_path, out, time_limit=1)
    assert read_output(out) == [
        {"id": "r1", "group": "x", "choice_rank": "1", "reason": "1st choice"}
    ]


BAD_CASES = {
    "r_missing_column": (
        R_OK.replace(",sector", ""),
        G_OK,
        "R.csv: line 1: missing column(s) sector",
    ),
    "g_missing_column": (
        R_OK,
        G_OK.replace(",max_size", "", 1),
        "G.csv: line 1: missing column(s) max_size",
    ),
    "unknown_choice": (
        R_OK.replace("fr1;fr2,,public\nb", "fr1;zz9,,public\nb"),
        G_OK,
        "R.csv: line 2: unknown group id(s) in choices: zz9",
    ),
    "unknown_pin": (
        R_OK.replace(",fr2,\n", ",zz9,\n"),
        G_OK,
        "R.csv: line 8: unknown pinned_group 'zz9'",
    ),
    "pin_other_language": (
        R_OK.replace(",fr2,\n", ",nl1,\n"),
        G_OK,
        "R.csv: line 8: pinned_group 'nl1' is NL, not FR",
    ),
    "duplicate_registrant": (
        R_OK + "a,x,social,FR,fr1,,\n",
        G_OK,
        "R.csv: line 10: duplicate registrant id 'a' (first on line 2)",
    ),
    "duplicate_group": (
        R_OK,
        G_OK + "fr1,FR,1,2,2,\n",
        "G.csv: line 5: duplicate group id 'fr1' (first on line 2)",
    ),
    "non_integer_size": (
        R_OK,
        G_OK.replace("fr1,FR,2,3", "fr1,FR,two,3"),
        "G.csv: line 2: min_size 'two' is not an integer",
    ),
    "min_above_max": (
        R_OK,
        G_OK.replace("fr1,FR,2,3", "fr1,FR,5,3"),
        "G.csv: line 2: min_size 5 > max_size 3",
    ),
    "negative_size": (
        R_OK,
        G_OK.replace("fr1,FR,2,3", "fr1,FR,-1,3"),
        "G.csv: line 2: sizes must be",
    ),
    "bad_cap": (
        R_OK,
        G_OK.replace("nl1,NL,1,5,1", "nl1,NL,1,5,x"),
        "G.csv: line 4: max_per_institution 'x'",
    ),
    "extra_field": (
        R_OK + "z,i,social,FR,fr1,,,oops\n",
        G_OK,
        "R.csv: line 10: 8 fields, the header has 7",
    ),
    "semicolon_file": (R_OK, G_OK.replace(",", ";"), "G.csv: line 1: columns separated by ';'"),
    "empty_file": ("", G_OK, "R.csv: line 1: empty file"),
    "empty_id": (R_OK + ",i,social,FR,fr1,,\n", G_OK, "R.csv: line 10: empty id"),
    "repeated_choice": (
        R_OK.replace("fr1,,ngo", "fr1;fr1,,ngo"),
        G_OK,
        "R.csv: line 5: group(s) fr1 listed twice",
    ),
    "pins_overflow": (
        R_OK + "".join(f"y{k},i{k},social,FR,,fr1,\n" for k in range(4)),
        G_OK,
        "4 registrants pinned but max_size is 3",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_malformed_input_writes_nothing(tmp_path, case):
    r_text, g_text, message = BAD_CASES[case]
    r_path, g_path = files(tmp_path, r_text, g_text)
    out = tmp_path / "A.csv"
    with pytest.raises(CompositionError) as info:
        run_csv(r_path, g_path, out, time_limit=1)
    assert message in str(info.value)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["G.csv", "R.csv"]


def test_error_keeps_previous_output(tmp_path):
    r_path, g_path = files(tmp_path, g_text=G_OK.replace("fr1,FR,2,3", "fr1,FR,5,3"))
    out = write(tmp_path / "A.csv", "previous run\n")
    with pytest.raises(CompositionError):
        run_csv(r_path, g_path, out, time_limit=1)
    assert out.read_text(encoding="utf-8") == "previous run\n"


def test_missing_files_and_folder(tmp_path):
    r_path, g_path = files(tmp_path)
    with pytest.raises(CompositionError, match="G.csv: file not found"):
        run_csv(r_path, tmp_path / "nope" / "G.csv", tmp_path / "A.csv")
    with pytest.raises(CompositionError, match="output folder"):
        run_csv(r_path, g_path, tmp_path / "nope" / "A.csv")
    assert not (tmp_path / "A.csv").exists()


def test_unknown_method(tmp_path):
    r_path, g_path = files(tmp_path)
    with pytest.raises(CompositionError, match="unknown method"):
        run_csv(r_path, g_path, tmp_path / "A.csv", method="magic")
    assert not (tmp_path / "A.csv").exists()
