"""The cycle's CSV export in the platform's dialect (the event export's): ';', decimal comma,
UTF-8 with BOM, readable by Excel on a Belgian computer."""

import csv
import io

import pytest
from django.urls import reverse

from core.tabular import BOM


@pytest.mark.django_db
def test_cycle_csv_is_belgian_excel_friendly(client, coordinator, cycle, groups, register):
    cycle.fee_member, cycle.fee_non_member = "120.50", "150"
    cycle.save()
    register([groups[0], groups[1]], first_name="Zoë", last_name="Dupré")
    client.force_login(coordinator)
    response = client.get(reverse("intervisions:export", args=[cycle.pk, "csv"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8")[len(BOM) :]), delimiter=";"))
    header, row = rows
    assert header[:3] == ["Nom", "Prénom", "E-mail"]
    person = dict(zip(header, row, strict=True))
    assert (person["Nom"], person["Prénom"]) == ("Dupré", "Zoë")
    assert person["Préférences"] == "Lundi matin > Mardi après-midi"
    assert person["Participation (EUR)"] == "150,00"  # the fixture's institution is not a member
