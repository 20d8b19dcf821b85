"""Reference data of the Brussels-Capital Region, as plain Python (no Django import).

Sources (checked 2026-11): municipality names, NIS codes and postal codes from Statbel and bpost;
the composition of Brusano's five care basins from Brusano's published territorial division
(the same list as in the foundation issue; see docs/territory.md). Centres are approximate.
"""

BASINS = [
    # code, French, Dutch, English
    ("nord", "Bassin Nord", "Zorgbassin Noord", "North basin"),
    ("nord-est", "Bassin Nord-Est", "Zorgbassin Noordoost", "North-East basin"),
    ("centre-ouest", "Bassin Centre-Ouest", "Zorgbassin Centrum-West", "Centre-West basin"),
    ("sud", "Bassin Sud", "Zorgbassin Zuid", "South basin"),
    ("sud-est", "Bassin Sud-Est", "Zorgbassin Zuidoost", "South-East basin"),
]

# nis, French, Dutch, postal codes, basins, latitude, longitude
MUNICIPALITIES = [
    ("21001", "Anderlecht", "Anderlecht", ["1070"], ["centre-ouest"], 50.8365, 4.3081),
    ("21002", "Auderghem", "Oudergem", ["1160"], ["sud-est"], 50.8156, 4.4264),
    ("21003", "Berchem-Sainte-Agathe", "Sint-Agatha-Berchem", ["1082"], ["nord"], 50.8646, 4.2920),
    (
        "21004",
        "Bruxelles",
        "Brussel",
        ["1000", "1020", "1120", "1130"],
        ["centre-ouest", "nord"],
        50.8467,
        4.3525,
    ),
    ("21005", "Etterbeek", "Etterbeek", ["1040"], ["sud-est"], 50.8336, 4.3890),
    ("21006", "Evere", "Evere", ["1140"], ["nord-est"], 50.8707, 4.4021),
    ("21007", "Forest", "Vorst", ["1190"], ["sud"], 50.8103, 4.3187),
    ("21008", "Ganshoren", "Ganshoren", ["1083"], ["nord"], 50.8712, 4.3088),
    ("21009", "Ixelles", "Elsene", ["1050"], ["sud"], 50.8274, 4.3723),
    ("21010", "Jette", "Jette", ["1090"], ["nord"], 50.8777, 4.3267),
    ("21011", "Koekelberg", "Koekelberg", ["1081"], ["nord"], 50.8625, 4.3285),
    (
        "21012",
        "Molenbeek-Saint-Jean",
        "Sint-Jans-Molenbeek",
        ["1080"],
        ["centre-ouest"],
        50.8547,
        4.3215,
    ),
    ("21013", "Saint-Gilles", "Sint-Gillis", ["1060"], ["sud"], 50.8283, 4.3459),
    (
        "21014",
        "Saint-Josse-ten-Noode",
        "Sint-Joost-ten-Node",
        ["1210"],
        ["nord-est"],
        50.8535,
        4.3729,
    ),
    ("21015", "Schaerbeek", "Schaarbeek", ["1030"], ["nord-est"], 50.8676, 4.3737),
    ("21016", "Uccle", "Ukkel", ["1180"], ["sud"], 50.8017, 4.3370),
    ("21017", "Watermael-Boitsfort", "Watermaal-Bosvoorde", ["1170"], ["sud"], 50.7993, 4.4158),
    (
        "21018",
        "Woluwe-Saint-Lambert",
        "Sint-Lambrechts-Woluwe",
        ["1200"],
        ["sud-est"],
        50.8470,
        4.4296,
    ),
    ("21019", "Woluwe-Saint-Pierre", "Sint-Pieters-Woluwe", ["1150"], ["sud-est"], 50.8310, 4.4320),
]

# Split municipalities: the default basin of each postal code.
POSTAL_CODE_BASINS = {
    "21004": {"1000": "centre-ouest", "1020": "nord", "1120": "nord", "1130": "nord"},
}
