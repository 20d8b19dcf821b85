"""``manage.py pii_check FILE``: one JSON object per line, exit 0; exit 2 on an unreadable file."""

import json

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_pii_check_prints_one_json_object_per_line(tmp_path, capsys):
    source = tmp_path / "texts.txt"
    source.write_text(
        "Mme Dupont, NN 85.07.30-033.28\n"
        "Le CPAS d'Ixelles a une permanence le mardi.\n"
        "Ze woont in de Kerkstraat 12 bus 3.\n",
        "utf-8",
    )
    call_command("pii_check", str(source))
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    first, second, third = (json.loads(line) for line in lines)
    assert first == {"pii": True, "kinds": ["name", "nrn"], "spans": [[4, 10], [15, 30]]}
    assert second == {"pii": False, "kinds": [], "spans": []}
    assert third["pii"] is True and third["kinds"] == ["address"]


@pytest.mark.django_db
def test_pii_check_on_a_missing_file_says_so_and_exits_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        call_command("pii_check", str(tmp_path / "nope.txt"))
    assert exit_info.value.code == 2
    assert "nope.txt" in capsys.readouterr().err


@pytest.mark.django_db
def test_pii_check_on_a_binary_file_exits_2(tmp_path, capsys):
    source = tmp_path / "image.png"
    source.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00\x00")
    with pytest.raises(SystemExit) as exit_info:
        call_command("pii_check", str(source))
    assert exit_info.value.code == 2
    assert "image.png" in capsys.readouterr().err
