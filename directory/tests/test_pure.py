"""Pure modules: opening hours, duplicate detection, distance, tabular flattening."""

import datetime

import pytest

from directory.duplicates import Candidate, find_pairs, matches_for, phone_key
from directory.hours import HoursError, format_ranges, parse_ranges
from directory.hsds.tabular import assemble, flatten
from directory.search.ranking import haversine_km


def test_hours_several_ranges_and_languages():
    ranges = parse_ranges("lundi-vendredi 9:00-12:00, 13h30-17h\nwoensdag 18u-20u")
    assert (0, datetime.time(9), datetime.time(12)) in ranges
    assert (4, datetime.time(13, 30), datetime.time(17)) in ranges
    assert (2, datetime.time(18), datetime.time(20)) in ranges
    assert len(ranges) == 11
    assert parse_ranges(format_ranges(ranges, "nl")) == ranges
    assert format_ranges(ranges, "fr").splitlines()[0] == "lundi-mardi 09:00-12:00, 13:30-17:00"


@pytest.mark.parametrize("text", ["demain 9-12", "lundi", "lundi 12:00-9:00", "lundi 25:00-26:00"])
def test_hours_errors_say_the_line(text):
    with pytest.raises(HoursError) as error:
        parse_ranges("mardi 9-12\n" + text)
    assert error.value.line == 2


def test_duplicates():
    a = Candidate(1, "ASBL Maison médicale du Miroir", phones={phone_key("+32 2 555 01 01")})
    b = Candidate(2, "Maison Medicale Miroir")
    c = Candidate(3, "CPAS d'Ixelles", phones={phone_key("02/555.01.01")})
    d = Candidate(4, "Planning familial", enterprise_number="0403.170.701")
    e = Candidate(5, "Centre de planning", enterprise_number="0403.170.701")
    f = Candidate(6, "Service social", addresses={"rue haute 1|1000"})
    g = Candidate(7, "Autre nom", addresses={"rue haute 1|1000"})
    pairs = {(x.id, y.id): why for x, y, why in find_pairs([a, b, c, d, e, f, g])}
    assert pairs == {
        (1, 2): ["name"],
        (1, 3): ["phone"],
        (4, 5): ["enterprise_number"],
        (6, 7): ["address"],
    }
    assert [m[0].id for m in matches_for(Candidate(None, "maison médicale miroir"), [a, b, c])] == [
        1,
        2,
    ]


def test_haversine():
    assert haversine_km(50.8336, 4.3890, 50.8336, 4.3890) == 0
    assert 8.5 < haversine_km(50.8336, 4.3890, 50.8017, 4.2700) < 9.5


def test_tabular_is_symmetric():
    service = {
        "id": "s1",
        "name": "A",
        "minimum_age": 3,
        "x_access": {"beneficiaries": ["walk_in"], "referral_required": True},
        "x_translations": {"name": {"fr": "A", "nl": "B"}},
        "organization": {
            "id": "o1",
            "name": "O",
            "organization_identifiers": [{"id": "i1", "identifier": "x"}],
        },
        "organization_id": "o1",
        "phones": [{"id": "p1", "number": "1"}],
        "service_at_locations": [
            {
                "id": "sal1",
                "service_id": "s1",
                "location_id": "l1",
                "location": {
                    "id": "l1",
                    "latitude": 50.5,
                    "addresses": [{"id": "a1", "location_id": "l1", "city": "X"}],
                },
            }
        ],
    }
    tables = flatten([service])
    rows = {name: list(table.values()) for name, table in tables.items()}
    assert rows["phone"] == [{"id": "p1", "number": "1", "service_id": "s1"}]
    rebuilt = assemble(
        {k: [{c: str(v) for c, v in r.items()} for r in rs] for k, rs in rows.items()}
    )[0]
    rebuilt["phones"][0].pop("service_id")
    rebuilt["organization"]["organization_identifiers"][0].pop("organization_id")
    assert rebuilt == service
