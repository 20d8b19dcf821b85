"""Demo organizations: a fictional but realistic Brussels social and mental-health network.

Deterministic: the same seed gives the same names, ids and addresses. Used by
``manage.py load_demo``; never imported by the running application.
"""

import uuid

from territory.models import Municipality
from territory.services import basin_for

from .identifiers import make_enterprise_number
from .models import Address, Location, Organization, PublicationStatus, Sector

# (sector, legal status, French pattern, Dutch pattern, description FR, description NL)
KINDS = [
    (
        "social",
        "public",
        "CPAS {of_m}",
        "OCMW {m_nl}",
        "Centre public d'action sociale : aide sociale, revenu d'intégration, aide médicale urgente.",
        "Openbaar centrum voor maatschappelijk welzijn: leefloon, dringende medische hulp.",
    ),
    (
        "mental_health",
        "asbl",
        "Service de santé mentale {q}",
        "Centrum voor geestelijke gezondheidszorg {q}",
        "Consultations psychologiques et psychiatriques ambulatoires, pour enfants, adultes et familles.",
        "Ambulante psychologische en psychiatrische hulp voor kinderen, volwassenen en gezinnen.",
    ),
    (
        "health",
        "asbl",
        "Maison médicale {q}",
        "Wijkgezondheidscentrum {q}",
        "Soins de première ligne au forfait : médecine générale, soins infirmiers, kinésithérapie, accueil social.",
        "Eerstelijnszorg: huisarts, verpleging, kinesitherapie, sociaal onthaal.",
    ),
    (
        "housing",
        "asbl",
        "Agence immobilière sociale {q}",
        "Sociaal verhuurkantoor {q}",
        "Logements à loyer modéré et accompagnement des locataires.",
        "Woningen met betaalbare huur en begeleiding van huurders.",
    ),
    (
        "housing",
        "asbl",
        "Maison d'accueil {q}",
        "Onthaaltehuis {q}",
        "Hébergement temporaire et accompagnement de personnes sans abri ou en rupture de logement.",
        "Tijdelijke opvang en begeleiding van dak- en thuislozen.",
    ),
    (
        "social",
        "asbl",
        "Centre de service social {q}",
        "Centrum voor maatschappelijk werk {q}",
        "Permanences sociales, droits sociaux, médiation de dettes.",
        "Sociale permanenties, sociale rechten, schuldbemiddeling.",
    ),
    (
        "addiction",
        "asbl",
        "Projet assuétudes {q}",
        "Drugshulpverlening {q}",
        "Accueil, réduction des risques et accompagnement des consommations.",
        "Onthaal, schadebeperking en begeleiding bij middelengebruik.",
    ),
    (
        "youth_family",
        "asbl",
        "Centre de planning familial {q}",
        "Centrum voor gezinsplanning {q}",
        "Consultations médicales, psychologiques, juridiques et sociales ; vie affective et sexuelle.",
        "Medische, psychologische, juridische en sociale consultaties.",
    ),
    (
        "community",
        "asbl",
        "Maison de quartier {q}",
        "Buurthuis {q}",
        "Activités communautaires, soutien scolaire, permanences d'écrivain public.",
        "Buurtactiviteiten, huiswerkbegeleiding, schrijfhulp.",
    ),
    (
        "mental_health",
        "asbl",
        "Initiative d'habitations protégées {q}",
        "Initiatief beschut wonen {q}",
        "Logements accompagnés pour personnes avec des troubles psychiques.",
        "Begeleid wonen voor personen met psychische kwetsbaarheid.",
    ),
    (
        "mental_health",
        "hospital",
        "Équipe mobile de crise {q}",
        "Mobiel crisisteam {q}",
        "Intervention à domicile en situation de crise psychique (fonction 2 de la réforme).",
        "Thuisinterventie bij psychische crisis (functie 2 van de hervorming).",
    ),
    (
        "migration",
        "asbl",
        "Espace d'accueil des personnes exilées {q}",
        "Onthaalpunt voor vluchtelingen {q}",
        "Accueil, information juridique et accompagnement psychosocial des personnes en exil.",
        "Onthaal, juridische informatie en psychosociale begeleiding van mensen op de vlucht.",
    ),
    (
        "elderly",
        "asbl",
        "Service d'aide à domicile {q}",
        "Thuiszorgdienst {q}",
        "Aide familiale, aide ménagère et accompagnement des personnes âgées à domicile.",
        "Gezinszorg, poetshulp en begeleiding van ouderen thuis.",
    ),
    (
        "employment",
        "asbl",
        "Mission locale {q}",
        "Werkwinkel {q}",
        "Orientation professionnelle, formations et recherche d'emploi.",
        "Beroepsoriëntatie, opleidingen en werk zoeken.",
    ),
    (
        "justice",
        "asbl",
        "Service d'aide aux justiciables {q}",
        "Justitieel welzijnswerk {q}",
        "Aide psychosociale aux victimes, aux justiciables et à leurs proches.",
        "Psychosociale hulp aan slachtoffers, justitiabelen en hun naasten.",
    ),
    (
        "disability",
        "asbl",
        "Service d'accompagnement {q}",
        "Begeleidingsdienst {q}",
        "Accompagnement des personnes en situation de handicap dans leur vie quotidienne.",
        "Begeleiding van personen met een handicap in het dagelijkse leven.",
    ),
]

# Neighbourhood-like names (fictional services, real-sounding places).
PLACES = [
    "du Miroir",
    "des Marolles",
    "Rempart",
    "La Chasse",
    "Chambéry",
    "Roodebeek",
    "Cité de l'Amitié",
    "Kuregem",
    "Peterbos",
    "Clemenceau",
    "Maritime",
    "Gare de l'Ouest",
    "Bockstael",
    "Tivoli",
    "Helmet",
    "Josaphat",
    "Brabant",
    "Matonge",
    "Flagey",
    "Boondael",
    "Saint-Antoine",
    "Parvis",
    "Bosnie",
    "Altitude Cent",
    "Wielemans",
    "Calevoet",
    "Saint-Job",
    "Keym",
    "Transvaal",
    "Joli-Bois",
    "Stockel",
    "Kapelleveld",
    "Georgin",
    "Jourdan",
    "Basilique",
    "Dieleghem",
    "Villas",
    "Van Praet",
    "Mutsaard",
    "Heembeek",
    "Haren",
    "Nord",
    "Béguinage",
    "Anneessens",
    "Sablon",
    "Quartier Nord",
    "Chaussée de Wavre",
    "Paradisiers",
    "Hankar",
    "Delta",
]
#: Real streets of each postal code, so that a demo address never contradicts its municipality
#: (no "rue de la Loi 153, 1050 Ixelles": the rue de la Loi is in 1000 and 1040).
STREETS = {
    "1000": ["rue Haute", "rue Blaes", "rue des Tanneurs", "rue de Laeken", "rue Royale"],
    "1020": ["rue Marie-Christine", "avenue de la Reine", "boulevard Émile Bockstael"],
    "1030": ["rue Josaphat", "avenue Émile Max", "rue des Palais", "avenue Louis Bertrand"],
    "1040": ["rue de la Loi", "avenue des Casernes", "rue des Champs", "avenue de la Chasse"],
    "1050": ["chaussée d'Ixelles", "rue du Trône", "rue Malibran", "avenue de la Couronne"],
    "1060": ["chaussée de Waterloo", "rue de la Victoire", "avenue Jean Volders", "rue de Mérode"],
    "1070": ["rue Wayez", "chaussée de Mons", "rue Brogniez", "boulevard de la Révision"],
    "1080": ["chaussée de Gand", "rue de Ribaucourt", "boulevard Edmond Machtens"],
    "1081": ["rue Herkoliers", "avenue Seghers", "rue Émile Sergijsels"],
    "1082": ["rue de Grand-Bigard", "rue des Alcyons", "avenue du Roi Albert"],
    "1083": ["avenue Charles-Quint", "avenue Van Overbeke", "rue Nestor Martin"],
    "1090": ["rue Léon Theodor", "boulevard de Smet de Naeyer", "rue Jules Lahaye"],
    "1120": ["rue de Heembeek", "rue François Vekemans", "rue du Craetveld"],
    "1130": ["rue de Verdun", "rue Cortenbach", "rue de la Paroisse"],
    "1140": ["chaussée de Haecht", "rue Édouard Stuckens", "avenue Henry Dunant"],
    "1150": ["rue au Bois", "avenue Charles Thielemans", "avenue Orban"],
    "1160": ["boulevard du Souverain", "avenue Jean Van Horenbeeck", "chaussée de Wavre"],
    "1170": ["rue du Loutrier", "avenue Delleur", "chaussée de La Hulpe"],
    "1180": ["rue Vanderkindere", "avenue De Fré", "rue Xavier De Bue"],
    "1190": ["chaussée de Neerstalle", "avenue Van Volxem", "rue du Curé"],
    "1200": ["avenue Georges Henri", "avenue Paul Hymans", "rue Saint-Lambert"],
    "1210": ["rue de la Limite", "avenue de l'Astronomie", "rue des Deux Églises"],
}


def of(name: str) -> str:
    """French "de" before a name, elided before a vowel or a mute h: "d'Ixelles", "de Jette"."""
    first = name[:1].lower()
    if first and (first in "aeiouyh" or first in "àâéèêëîïôöûüÿ"):
        return f"d'{name}"
    return f"de {name}"


def _uuid(rng) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def load(rng, count: int = 320, stdout=None) -> list[Organization]:
    """Create ``count`` published organizations spread over the 19 municipalities."""
    municipalities = list(Municipality.objects.order_by("nis_code").prefetch_related("basins"))
    organizations = []
    for municipality in municipalities:  # one CPAS per municipality
        organizations.append(
            _make(rng, KINDS[0], municipality, place=None, index=len(organizations))
        )
    index = 0
    while len(organizations) < count:
        kind = KINDS[1 + index % (len(KINDS) - 1)]
        municipality = municipalities[(index * 7 + rng.randrange(3)) % len(municipalities)]
        place = PLACES[(index * 3 + rng.randrange(len(PLACES))) % len(PLACES)]
        organizations.append(_make(rng, kind, municipality, place, len(organizations)))
        index += 1
    if stdout:
        stdout.write(f"  {len(organizations)} organizations")
    return organizations


def _make(rng, kind, municipality, place, index) -> Organization:
    sector, legal_status, fr, nl, description_fr, description_nl = kind
    names = {"m": municipality.name_fr, "m_nl": municipality.name_nl, "q": place or ""}
    names["of_m"] = of(municipality.name_fr)
    name_fr = fr.format(**names)
    name_nl = nl.format(**names)
    if place:  # two services of the same kind in the same place get a number
        name_fr = f"{name_fr} ({municipality.name_fr})"
        name_nl = f"{name_nl} ({municipality.name_nl})"
    slug = "".join(c for c in name_fr.lower() if c.isalnum())[:24]
    organization = Organization.objects.create(
        id=_uuid(rng),
        name=name_fr,
        name_fr=name_fr,
        name_nl=name_nl,
        description_fr=description_fr,
        description_nl=description_nl,
        sector=sector,
        legal_status=legal_status,
        enterprise_number=make_enterprise_number(4_000_000 + index * 7919 % 15_000_000),
        website=f"https://{slug}.example.be",
        email=f"contact@{slug}.example.be",
        is_network_member=rng.random() < 0.55,
        status=PublicationStatus.PUBLISHED,
    )
    confidential = "Maison d'accueil" in fr
    location = Location.objects.create(
        id=_uuid(rng),
        organization=organization,
        name_fr=name_fr,
        name_nl=name_nl,
        latitude=municipality.latitude + rng.uniform(-0.008, 0.008),
        longitude=municipality.longitude + rng.uniform(-0.012, 0.012),
        is_confidential=confidential,
    )
    postal_code = rng.choice(municipality.postal_codes)
    Address.objects.create(
        id=_uuid(rng),
        location=location,
        address_1=f"{rng.choice(STREETS[postal_code])} {rng.randint(1, 250)}",
        city=municipality.name_fr,
        postal_code=postal_code,
        municipality=municipality,
        basin=basin_for(municipality, postal_code),
    )
    return organization


assert {k[0] for k in KINDS} <= set(Sector.values)
