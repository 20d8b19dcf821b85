"""The ``allocate_visits`` command: figures printed, output written, malformed files refused
with the line and reason and nothing written."""

import csv

import pytest
from django.core.management import CommandError, call_command

SLOTS = """id,service,day,start,end,municipality,capacity
a,svc1,2025-11-03,09:00,10:00,21001,1
b,svc2,2025-11-03,10:10,11:00,21004,2
c,svc3,2025-11-03,10:20,11:30,21004,2
"""
WISHES = """professional,slot,rank
anna,a,1
anna,b,2
bert,a,1
bert,c,2
"""


def _write(tmp_path, slots=SLOTS, wishes=WISHES):
    (tmp_path / "S.csv").write_text(slots, encoding="utf-8")
    (tmp_path / "W.csv").write_text(wishes, encoding="utf-8")
    return tmp_path / "S.csv", tmp_path / "W.csv", tmp_path / "A.csv"


def test_writes_assignment_and_prints_figures(tmp_path, capsys):
    s, w, out = _write(tmp_path)
    call_command("allocate_visits", "--slots", s, "--wishes", w, "--out", out)
    printed = capsys.readouterr().out
    rows = list(csv.reader(out.read_text().splitlines()))
    assert rows[0] == ["professional", "slot"]
    # a (1 seat) for one of them; b and c start 10 and 20 minutes after a in another commune:
    # with the 30-minute margin nobody can take a with a second visit.
    assert len(rows) - 1 == 2
    assert "professionals served: 2/2" in printed
    assert "wishes met: 2/4" in printed
    assert "first choices:" in printed and "solver status: OPTIMAL" in printed


def test_travel_minutes_option_changes_the_result(tmp_path, capsys):
    s, w, out = _write(tmp_path)
    call_command(
        "allocate_visits", "--slots", s, "--wishes", w, "--out", out, "--travel-minutes", "0"
    )
    assert "wishes met: 3/4" in capsys.readouterr().out


def test_max_per_person_option(tmp_path, capsys):
    s, w, out = _write(tmp_path)
    call_command(
        "allocate_visits", "--slots", s, "--wishes", w, "--out", out, "--max-per-person", "1"
    )
    assert "wishes met: 2/4" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("slots", "wishes", "message"),
    [
        (SLOTS, WISHES + "carl,zz,1\n", "W.csv: line 6: unknown slot 'zz'"),
        (SLOTS.replace("09:00", "9h00"), WISHES, "S.csv: line 2: start '9h00' is not a time"),
        (SLOTS.replace("10:00,21001", "25:00,21001"), WISHES, "line 2: end '25:00'"),
        (SLOTS.replace(",capacity", ""), WISHES, "S.csv: line 1: missing column(s) capacity"),
        (SLOTS, WISHES.replace(",rank", ""), "W.csv: line 1: missing column(s) rank"),
        (SLOTS.replace("2025-11-03,09", "2025-13-03,09"), WISHES, "line 2: day '2025-13-03'"),
        (SLOTS.replace(",1\n", ",0\n", 1), WISHES, "line 2: capacity '0'"),
        (SLOTS, WISHES + "anna,a,3\n", "line 6: anna wishes slot a twice"),
        (SLOTS, WISHES + "carl,a,-1\n", "line 6: rank '-1'"),
        (SLOTS + "d,svc4,2025-11-03,10:00,11:00,Ixelles,1\n", WISHES, "line 5: municipality"),
        (SLOTS + "a,svc4,2025-11-03,10:00,11:00,21001,1\n", WISHES, "line 5: duplicate slot"),
        (SLOTS.replace("10:00,21001", "08:00,21001"), WISHES, "line 2: end 08:00 is not after"),
        ("", WISHES, "S.csv: line 1: empty file"),
    ],
)
def test_malformed_file_exits_with_line_and_reason_and_writes_nothing(
    tmp_path, slots, wishes, message
):
    s, w, out = _write(tmp_path, slots, wishes)
    with pytest.raises(CommandError) as error:
        call_command("allocate_visits", "--slots", s, "--wishes", w, "--out", out)
    assert message in str(error.value)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["S.csv", "W.csv"]


def test_existing_output_is_kept_on_error(tmp_path):
    s, w, out = _write(tmp_path, wishes=WISHES + "carl,zz,1\n")
    out.write_text("previous\n")
    with pytest.raises(CommandError):
        call_command("allocate_visits", "--slots", s, "--wishes", w, "--out", out)
    assert out.read_text() == "previous\n"


def test_command_exits_non_zero_from_the_shell(tmp_path):
    import subprocess
    import sys

    s, w, out = _write(tmp_path, wishes=WISHES + "carl,zz,1\n")
    done = subprocess.run(
        [sys.executable, "manage.py", "allocate_visits", "--slots", s, "--wishes", w, "--out", out],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    assert "line 6: unknown slot 'zz'" in done.stderr
    assert not out.exists()
