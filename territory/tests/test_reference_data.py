from django.utils import translation

from territory.models import Basin, Municipality
from territory.services import basin_for, municipality_for_postal_code


def test_nineteen_municipalities_and_five_basins(db):
    assert Municipality.objects.count() == 19
    assert set(Basin.objects.values_list("code", flat=True)) == {
        "nord",
        "nord-est",
        "centre-ouest",
        "sud",
        "sud-est",
    }
    assert len(set(Municipality.objects.values_list("nis_code", flat=True))) == 19


def test_every_municipality_is_reachable_from_a_basin(db):
    reachable = set()
    for basin in Basin.objects.prefetch_related("municipalities"):
        assert basin.municipalities.exists(), f"{basin} has no municipality"
        reachable |= {m.nis_code for m in basin.municipalities.all()}
    assert reachable == set(Municipality.objects.values_list("nis_code", flat=True))


def test_only_brussels_city_is_split(db):
    assert list(Municipality.objects.split().values_list("nis_code", flat=True)) == ["21004"]


def test_south_east_basin_matches_brusano(db):
    names = set(Basin.objects.get(code="sud-est").municipalities.values_list("name_fr", flat=True))
    assert names == {"Auderghem", "Etterbeek", "Woluwe-Saint-Lambert", "Woluwe-Saint-Pierre"}


def test_basin_of_an_address_in_brussels_city_depends_on_postal_code(db):
    brussels = Municipality.objects.get(nis_code="21004")
    assert basin_for(brussels, "1020").code == "nord"  # Laeken
    assert basin_for(brussels, "1000").code == "centre-ouest"
    assert basin_for(brussels, "") is None  # must then be set explicitly on the address
    etterbeek = Municipality.objects.get(nis_code="21005")
    assert basin_for(etterbeek).code == "sud-est"


def test_names_in_french_and_dutch(db):
    ixelles = municipality_for_postal_code("1050")
    assert ixelles.name_fr == "Ixelles" and ixelles.name_nl == "Elsene"
    with translation.override("nl"):
        assert ixelles.name == "Elsene"
    with translation.override("fr"):
        assert ixelles.name == "Ixelles"
