"""Benchmark of the directory search: 100,000 services (20,000 organizations, their locations
and addresses), measured in the server (search engine + loading the page's services), on SQLite
(FTS5) or PostgreSQL (tsvector + GIN, unaccent, pg_trgm).

Run:
    .venv/bin/python bench/search.py --backend sqlite
    .venv/bin/python bench/search.py --backend postgres \
        [--database-url postgres://postgres@127.0.0.1:5432/maillage_directory_bench]

The SQLite database is a fresh file in a temporary folder; the PostgreSQL database is dropped
and created again. Scenarios: a one-word query, a two-word query with two facets, and a
one-word query sorted by distance from a municipality. Prints p50, p95 and p99 in ms.
A benchmark, not a test: it asserts nothing about time. Never run it against a real database.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

THEMES = {
    "mental_health": (
        "santé mentale psychologue psychothérapie écoute",
        "geestelijke gezondheid psycholoog therapie",
    ),
    "housing": ("logement recherche de logement expulsion loyer", "huisvesting woning zoeken huur"),
    "income_rights": (
        "revenu d'intégration droits sociaux allocations",
        "leefloon sociale rechten uitkering",
    ),
    "health": ("médecine générale soins infirmiers santé", "huisarts verpleging gezondheid"),
    "addiction": (
        "assuétudes alcool drogues réduction des risques",
        "verslaving alcohol drugs schadebeperking",
    ),
    "perinatality": (
        "grossesse périnatalité consultation prénatale",
        "zwangerschap perinataliteit",
    ),
    "violence": ("violences conjugales victimes écoute", "partnergeweld slachtoffers"),
    "migration": (
        "séjour asile exil information juridique",
        "verblijf asiel vlucht juridische informatie",
    ),
    "isolation": (
        "isolement lien social activités collectives",
        "eenzaamheid sociaal contact groepsactiviteiten",
    ),
    "family": ("famille enfants parentalité soutien scolaire", "gezin kinderen opvoeding huiswerk"),
    "employment": ("emploi formation recherche d'emploi", "werk opleiding werk zoeken"),
    "food": (
        "aide alimentaire colis épicerie sociale",
        "voedselhulp voedselpakket sociale kruidenier",
    ),
    "debt": ("dettes médiation budget", "schulden schuldbemiddeling budget"),
}
KINDS = ["Service", "Centre", "Permanence", "Antenne", "Maison", "Espace", "Cellule", "Équipe"]
PLACES = [
    "du Miroir",
    "des Marolles",
    "Chasse",
    "Chambéry",
    "Roodebeek",
    "Kuregem",
    "Peterbos",
    "Clemenceau",
    "Maritime",
    "Bockstael",
    "Tivoli",
    "Helmet",
    "Josaphat",
    "Matonge",
    "Flagey",
    "Boondael",
    "Parvis",
    "Bosnie",
    "Wielemans",
    "Calevoet",
    "Stockel",
    "Jourdan",
]


def setup_django(backend: str, database_url: str):
    if backend == "sqlite":
        folder = tempfile.mkdtemp(prefix="maillage-bench-")
        os.environ["MAILLAGE_DATA_DIR"] = folder
        os.environ.pop("DATABASE_URL", None)
    else:
        import psycopg

        name = database_url.rsplit("/", 1)[1]
        admin_url = database_url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "directory", verbosity=0)
    call_command("createcachetable", verbosity=0)


def generate(n_services: int, seed: int = 7):
    from django.db import connection, transaction

    from directory.models import (
        Address,
        Location,
        Organization,
        Schedule,
        Service,
        ServiceAtLocation,
        TaxonomyTerm,
    )
    from territory.models import Municipality
    from territory.services import basin_for

    rng = random.Random(seed)
    terms = {
        (t.taxonomy.code, t.code): t.id for t in TaxonomyTerm.objects.select_related("taxonomy")
    }
    publics = [code for (tax, code) in terms if tax == "public"]
    types = [code for (tax, code) in terms if tax == "service_type"]
    steps = [code for (tax, code) in terms if tax == "stepped_care"]
    municipalities = list(Municipality.objects.prefetch_related("basins"))
    basins = {m.pk: basin_for(m, m.postal_codes[0]) for m in municipalities}
    per_org = 5
    n_orgs = n_services // per_org
    started = time.perf_counter()
    with transaction.atomic():
        orgs, locations, addresses = [], [], []
        for i in range(n_orgs):
            m = municipalities[i % len(municipalities)]
            name = f"{rng.choice(KINDS)} {rng.choice(PLACES)} {i}"
            org = Organization(
                id=uuid.UUID(int=rng.getrandbits(128), version=4),
                name=name,
                name_fr=name,
                name_nl=name,
                status="published",
                sector="social",
            )
            orgs.append(org)
            loc = Location(
                id=uuid.UUID(int=rng.getrandbits(128), version=4),
                organization=org,
                latitude=m.latitude + rng.uniform(-0.01, 0.01),
                longitude=m.longitude + rng.uniform(-0.015, 0.015),
                is_confidential=rng.random() < 0.02,
            )
            locations.append(loc)
            addresses.append(
                Address(
                    location=loc,
                    address_1=f"rue {i}",
                    city=m.name_fr,
                    postal_code=m.postal_codes[0],
                    municipality=m,
                    basin=basins[m.pk],
                )
            )
        Organization.objects.bulk_create(orgs, batch_size=2000)
        Location.objects.bulk_create(locations, batch_size=2000)
        Address.objects.bulk_create(addresses, batch_size=2000)
        services, links, sals, schedules = [], [], [], []
        theme_codes = list(THEMES)
        for i in range(n_services):
            org, loc = orgs[i // per_org], locations[i // per_org]
            themes = rng.sample(theme_codes, rng.choice([1, 2, 2, 3]))
            fr = " ".join(THEMES[t][0] for t in themes)
            nl = " ".join(THEMES[t][1] for t in themes)
            sid = uuid.UUID(int=rng.getrandbits(128), version=4)
            name_fr = f"{rng.choice(KINDS)} {THEMES[themes[0]][0].split()[0]} {i}"
            services.append(
                Service(
                    id=sid,
                    organization=org,
                    name=name_fr,
                    name_fr=name_fr,
                    name_nl=f"Dienst {THEMES[themes[0]][1].split()[0]} {i}",
                    description_fr=f"Accueil et accompagnement : {fr}.",
                    description_nl=f"Onthaal en begeleiding: {nl}.",
                    languages=rng.sample(
                        ["fr", "nl", "en", "ar", "es", "tr"], rng.choice([1, 2, 3])
                    ),
                    fee=rng.choice(["free", "free", "sliding", "paid"]),
                    area_scope=rng.choice(["region", "municipalities"]),
                    publication_status="published",
                )
            )
            codes = [("theme", t) for t in themes] + [
                ("public", rng.choice(publics)),
                ("service_type", rng.choice(types)),
                ("stepped_care", rng.choice(steps)),
            ]
            links += [
                Service.terms.through(service_id=sid, taxonomyterm_id=terms[c]) for c in codes
            ]
            sals.append(ServiceAtLocation(service_id=sid, location=loc))
            for day in rng.sample(range(5), 3):
                schedules.append(
                    Schedule(service_id=sid, weekday=day, opens_at="09:00", closes_at="17:00")
                )
        Service.objects.bulk_create(services, batch_size=2000)
        Service.terms.through.objects.bulk_create(links, batch_size=5000)
        ServiceAtLocation.objects.bulk_create(sals, batch_size=5000)
        Schedule.objects.bulk_create(schedules, batch_size=5000)
    print(
        f"generated {n_services} services, {n_orgs} organizations in {time.perf_counter() - started:.0f} s"
    )
    started = time.perf_counter()
    from directory.search.indexer import rebuild

    rebuild(batch_size=500)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE directory_serviceindex")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            cursor.execute(
                "INSERT INTO directory_service_fts(directory_service_fts) VALUES('optimize')"
            )
    print(f"indexed in {time.perf_counter() - started:.0f} s")


def measure(iterations: int, seed: int = 11):
    from directory.search.engine import SearchParams, search
    from directory.views.search import result_queryset
    from territory.models import Municipality

    rng = random.Random(seed)
    mental = __import__("directory.models", fromlist=["reference_uuid"]).reference_uuid(
        "theme", "mental_health"
    )
    municipalities = list(Municipality.objects.all())
    one_words = [
        "logement",
        "sante",
        "psychologue",
        "dettes",
        "alimentaire",
        "huisvesting",
        "crise",
        "asile",
    ]
    two_words = [
        "sante mentale",
        "aide alimentaire",
        "recherche logement",
        "geestelijke gezondheid",
        "droits sociaux",
    ]

    def run(params):
        result = search(params)
        list(result_queryset().filter(pk__in=result.ids))
        return result

    scenarios = {
        "one word": lambda: SearchParams(query=rng.choice(one_words)),
        "two words + 2 facets": lambda: SearchParams(
            query=rng.choice(two_words),
            terms={"theme": [mental]} if rng.random() < 0.5 else {"public": []},
            municipalities=[rng.choice(municipalities).nis_code],
            fees=["free"],
        ),
        "distance sort": lambda: _distance(rng, municipalities, one_words),
    }
    print(f"{'scenario':<24}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'mean hits':>11}")
    for name, make in scenarios.items():
        for _ in range(10):
            run(make())
        timings, hits = [], []
        for _ in range(iterations):
            params = make()
            started = time.perf_counter()
            result = run(params)
            timings.append((time.perf_counter() - started) * 1000)
            hits.append(result.total)
        q = statistics.quantiles(timings, n=100)
        print(f"{name:<24}{q[49]:>9.1f}{q[94]:>9.1f}{q[98]:>9.1f}{statistics.mean(hits):>11.0f}")


def _distance(rng, municipalities, words):
    from directory.search.engine import SearchParams

    m = rng.choice(municipalities)
    return SearchParams(query=rng.choice(words), sort="distance", origin=(m.latitude, m.longitude))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/maillage_directory_bench"
    )
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--iterations", type=int, default=200)
    args = parser.parse_args()
    setup_django(args.backend, args.database_url)
    from django.db import connection

    print(f"backend: {connection.vendor}, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    generate(args.services)
    measure(args.iterations)


if __name__ == "__main__":
    main()
