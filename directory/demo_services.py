"""Demo services: 1 to 3 realistic HSDS services (FR/NL) for every demo organization, with
themes, publics, stepped-care level, languages, fees, hours, how to reach them, and verification
dates spread over the last 18 months (so that some sheets are stale).

Deterministic for a given ``rng``; called by ``manage.py load_demo`` after organizations and
accounts exist. Writes in bulk, then rebuilds the search index once; never used by the app.
"""

import datetime
import uuid

from django.utils import timezone

from territory.models import Basin

from .hours import parse_ranges
from .models import (
    Closure,
    CostOption,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
    ZeroResultSearch,
)
from .search.indexer import rebuild

WEEK = "lundi-vendredi 9:00-12:30, 13:30-17:00"
MORNINGS = "lundi-vendredi 9:00-12:00"
LONG = "lundi-vendredi 8:30-19:00\nsamedi 9:00-12:00"
ALWAYS = "lundi-dimanche 0:00-23:59"
AFTERNOONS = "lundi 13:00-17:00\nmercredi 13:00-18:00\njeudi 13:00-17:00"

# Per organization kind (first word of the French name): list of service templates.
# (name FR, name NL, description FR, description NL, themes, publics, types, stepped, functions,
#  beneficiary access, professional access, referral, fee, languages, hours, area, professional
#  process FR, professional process NL)
T = {
    "CPAS": [
        (
            "Service social général",
            "Algemene sociale dienst",
            "Permanence sociale : revenu d'intégration, aide sociale, aide médicale urgente, carte médicale.",
            "Sociale permanentie: leefloon, maatschappelijke hulp, dringende medische hulp.",
            ["income_rights", "health"],
            ["adults", "exile", "homeless"],
            ["information", "support"],
            "first_line",
            [],
            ["walk_in", "phone"],
            ["phone", "email"],
            False,
            "free",
            ["fr", "nl", "en", "ar"],
            MORNINGS,
            "municipalities",
            "Appeler la ligne des partenaires ; un·e assistant·e social·e de permanence répond.",
            "Bel de partnerlijn; een maatschappelijk werker van dienst antwoordt.",
        ),
        (
            "Cellule logement",
            "Cel huisvesting",
            "Aide à la recherche de logement, garantie locative, prime d'installation, prévention des expulsions.",
            "Hulp bij het zoeken naar een woning, huurwaarborg, installatiepremie, preventie van uithuiszettingen.",
            ["housing", "income_rights"],
            ["adults", "families", "homeless"],
            ["support"],
            "first_line",
            [],
            ["appointment", "phone"],
            ["referral_form", "email"],
            False,
            "free",
            ["fr", "nl"],
            AFTERNOONS,
            "municipalities",
            "Envoyer le formulaire de liaison par e-mail ; réponse sous 5 jours ouvrables.",
            "Stuur het verwijsformulier per e-mail; antwoord binnen 5 werkdagen.",
        ),
        (
            "Médiation de dettes",
            "Schuldbemiddeling",
            "Analyse budgétaire, négociation avec les créanciers, règlement collectif de dettes.",
            "Budgetanalyse, onderhandeling met schuldeisers, collectieve schuldenregeling.",
            ["debt", "income_rights"],
            ["adults", "families"],
            ["consultation", "support"],
            "first_line",
            [],
            ["appointment"],
            ["phone"],
            False,
            "free",
            ["fr", "nl"],
            MORNINGS,
            "municipalities",
            "",
            "",
        ),
    ],
    "Service de santé mentale": [
        (
            "Consultations adultes",
            "Consultaties volwassenen",
            "Psychothérapies, consultations psychiatriques et accompagnement psychosocial des adultes.",
            "Psychotherapie, psychiatrische consultaties en psychosociale begeleiding van volwassenen.",
            ["mental_health"],
            ["adults", "young_adults"],
            ["consultation"],
            "specialised",
            ["f1"],
            ["phone", "appointment"],
            ["phone", "referral_form"],
            False,
            "sliding",
            ["fr", "nl", "en"],
            WEEK,
            "basins",
            "Contact téléphonique entre professionnel·les, puis premier entretien d'accueil.",
            "Telefonisch contact tussen professionals, daarna een intakegesprek.",
        ),
        (
            "Équipe enfants et adolescents",
            "Team kinderen en jongeren",
            "Consultations pour enfants, adolescents et leurs familles ; soutien à la parentalité.",
            "Consultaties voor kinderen, jongeren en hun gezinnen; opvoedingsondersteuning.",
            ["mental_health", "family"],
            ["children", "adolescents", "families"],
            ["consultation"],
            "specialised",
            ["f1"],
            ["phone", "appointment"],
            ["phone"],
            False,
            "sliding",
            ["fr", "nl"],
            AFTERNOONS,
            "basins",
            "",
            "",
        ),
        (
            "Groupe de parole pour personnes exilées",
            "Praatgroep voor mensen op de vlucht",
            "Espace collectif d'écoute et de soutien, avec interprètes, pour personnes exilées.",
            "Collectieve ruimte voor luisteren en steun, met tolken, voor mensen op de vlucht.",
            ["mental_health", "migration"],
            ["exile", "adults"],
            ["group"],
            "self_help",
            ["f1"],
            ["walk_in"],
            ["phone", "email"],
            False,
            "free",
            ["fr", "ar", "fa", "ps", "en"],
            "mercredi 14:00-16:00",
            "region",
            "",
            "",
        ),
    ],
    "Maison médicale": [
        (
            "Médecine générale au forfait",
            "Huisartsgeneeskunde (forfait)",
            "Médecine générale, soins infirmiers et kinésithérapie, sans paiement à l'acte pour les inscrits.",
            "Huisartsgeneeskunde, verpleging en kinesitherapie, zonder betaling per prestatie.",
            ["health"],
            ["adults", "children", "older_people", "families"],
            ["consultation"],
            "first_line",
            [],
            ["phone", "walk_in"],
            ["phone"],
            False,
            "free",
            ["fr", "nl", "ar", "tr"],
            LONG,
            "municipalities",
            "",
            "",
        ),
        (
            "Accueil social et santé communautaire",
            "Sociaal onthaal en gemeenschapsgezondheid",
            "Permanence sociale et ateliers santé pour les habitant·es du quartier.",
            "Sociale permanentie en gezondheidsateliers voor buurtbewoners.",
            ["health", "isolation", "income_rights"],
            ["adults", "older_people"],
            ["information", "group"],
            "self_help",
            [],
            ["walk_in"],
            ["phone"],
            False,
            "free",
            ["fr", "ar", "es"],
            AFTERNOONS,
            "municipalities",
            "",
            "",
        ),
    ],
    "Agence immobilière sociale": [
        (
            "Logements à loyer modéré",
            "Woningen met betaalbare huur",
            "Mise en location de logements à loyer modéré et accompagnement social des locataires.",
            "Verhuur van betaalbare woningen en sociale begeleiding van huurders.",
            ["housing"],
            ["adults", "families"],
            ["support"],
            "first_line",
            [],
            ["appointment"],
            ["referral_form"],
            True,
            "paid",
            ["fr", "nl"],
            MORNINGS,
            "region",
            "Candidature via le formulaire d'inscription, accompagnée d'un rapport social.",
            "Kandidatuur via het inschrijvingsformulier, met een sociaal verslag.",
        ),
    ],
    "Maison d'accueil": [
        (
            "Hébergement d'urgence et accompagnement",
            "Noodopvang en begeleiding",
            "Hébergement temporaire, accompagnement psychosocial et recherche de logement.",
            "Tijdelijke opvang, psychosociale begeleiding en zoektocht naar huisvesting.",
            ["housing", "violence"],
            ["homeless", "women", "families"],
            ["accommodation", "support"],
            "first_line",
            ["f5"],
            ["phone"],
            ["phone", "referral_form"],
            True,
            "sliding",
            ["fr", "nl", "en"],
            ALWAYS,
            "region",
            "Appeler la ligne d'admission 24h/24 ; l'adresse est communiquée à l'admission.",
            "Bel de opnamelijn 24/7; het adres wordt bij de opname meegedeeld.",
        ),
    ],
    "Centre de service social": [
        (
            "Permanence droits sociaux",
            "Permanentie sociale rechten",
            "Information et accompagnement : chômage, mutuelle, allocations familiales, énergie.",
            "Informatie en begeleiding: werkloosheid, ziekenfonds, kinderbijslag, energie.",
            ["income_rights", "debt"],
            ["adults", "families"],
            ["information", "support"],
            "first_line",
            [],
            ["walk_in", "phone"],
            ["phone", "email"],
            False,
            "free",
            ["fr", "nl", "es", "pt"],
            MORNINGS,
            "basins",
            "",
            "",
        ),
        (
            "Aide alimentaire",
            "Voedselhulp",
            "Colis alimentaires et épicerie sociale, sur orientation d'un service social.",
            "Voedselpakketten en sociale kruidenier, na doorverwijzing door een sociale dienst.",
            ["food"],
            ["adults", "families", "exile"],
            ["support"],
            "first_line",
            [],
            ["walk_in"],
            ["referral_form"],
            True,
            "free",
            ["fr", "ar", "ro"],
            "mardi 9:00-12:00\njeudi 13:00-16:00",
            "municipalities",
            "",
            "",
        ),
    ],
    "Projet assuétudes": [
        (
            "Accueil bas seuil et réduction des risques",
            "Laagdrempelig onthaal en schadebeperking",
            "Accueil sans rendez-vous, matériel stérile, accompagnement des consommations.",
            "Onthaal zonder afspraak, steriel materiaal, begeleiding bij middelengebruik.",
            ["addiction", "health"],
            ["adults", "homeless", "young_adults"],
            ["day_centre", "support"],
            "first_line",
            ["f1"],
            ["walk_in"],
            ["phone"],
            False,
            "free",
            ["fr", "nl", "en", "pl"],
            LONG,
            "region",
            "",
            "",
        ),
        (
            "Consultations en alcoologie",
            "Consultaties alcoholproblematiek",
            "Consultations psychologiques et médicales pour les problèmes d'alcool.",
            "Psychologische en medische consultaties bij alcoholproblemen.",
            ["addiction", "mental_health"],
            ["adults"],
            ["consultation"],
            "specialised",
            [],
            ["appointment"],
            ["phone"],
            False,
            "sliding",
            ["fr", "nl"],
            WEEK,
            "region",
            "",
            "",
        ),
    ],
    "Centre de planning familial": [
        (
            "Consultations grossesse et contraception",
            "Consultaties zwangerschap en anticonceptie",
            "Suivi de grossesse, contraception, IVG, dépistage ; accompagnement des femmes enceintes vulnérables.",
            "Zwangerschapsopvolging, anticonceptie, abortus, screening; begeleiding van kwetsbare zwangere vrouwen.",
            ["perinatality", "health"],
            ["pregnant", "women", "young_adults"],
            ["consultation"],
            "first_line",
            [],
            ["phone", "appointment"],
            ["phone"],
            False,
            "sliding",
            ["fr", "nl", "en", "ar"],
            WEEK,
            "basins",
            "",
            "",
        ),
        (
            "Écoute et accompagnement des violences",
            "Luisteren en begeleiding bij geweld",
            "Accueil des victimes de violences conjugales et intrafamiliales.",
            "Opvang van slachtoffers van partner- en intrafamiliaal geweld.",
            ["violence", "mental_health"],
            ["women", "families"],
            ["consultation", "support"],
            "specialised",
            [],
            ["phone"],
            ["phone"],
            False,
            "free",
            ["fr", "nl"],
            MORNINGS,
            "region",
            "",
            "",
        ),
    ],
    "Maison de quartier": [
        (
            "Ateliers collectifs et lien social",
            "Groepsactiviteiten en sociaal contact",
            "Repas communautaires, marches, ateliers ; contre l'isolement des habitant·es.",
            "Gemeenschappelijke maaltijden, wandelingen, ateliers; tegen eenzaamheid.",
            ["isolation", "family"],
            ["adults", "older_people", "families"],
            ["group"],
            "self_help",
            [],
            ["walk_in"],
            ["phone"],
            False,
            "free",
            ["fr", "ar", "tr"],
            AFTERNOONS,
            "municipalities",
            "",
            "",
        ),
        (
            "Écrivain public",
            "Schrijfhulp",
            "Aide aux démarches administratives et aux courriers.",
            "Hulp bij administratieve stappen en brieven.",
            ["income_rights"],
            ["adults", "exile"],
            ["information"],
            "self_help",
            [],
            ["walk_in"],
            ["phone"],
            False,
            "free",
            ["fr", "ar", "es"],
            "mardi 9:00-12:00",
            "municipalities",
            "",
            "",
        ),
    ],
    "Initiative d'habitations protégées": [
        (
            "Habitations protégées",
            "Beschut wonen",
            "Logements accompagnés pour adultes avec des troubles psychiques stabilisés.",
            "Begeleid wonen voor volwassenen met gestabiliseerde psychische problemen.",
            ["mental_health", "housing"],
            ["adults"],
            ["accommodation", "support"],
            "specialised",
            ["f3", "f5"],
            ["phone"],
            ["referral_form"],
            True,
            "paid",
            ["fr", "nl"],
            WEEK,
            "region",
            "Demande par le ou la psychiatre traitant·e, avec rapport médical.",
            "Aanvraag door de behandelende psychiater, met medisch verslag.",
        ),
    ],
    "Équipe mobile de crise": [
        (
            "Intervention de crise à domicile",
            "Crisisinterventie aan huis",
            "Équipe mobile pour adultes en crise psychique, intervention dans les 24 heures.",
            "Mobiel team voor volwassenen in psychische crisis, interventie binnen 24 uur.",
            ["mental_health"],
            ["adults"],
            ["home_care"],
            "mobile",
            ["f2"],
            ["phone"],
            ["phone"],
            True,
            "free",
            ["fr", "nl", "en"],
            ALWAYS,
            "basins",
            "Appel du médecin traitant ou d'un·e professionnel·le ; évaluation téléphonique immédiate.",
            "Oproep door de huisarts of een professional; onmiddellijke telefonische evaluatie.",
        ),
        (
            "Soins de crise et hospitalisation courte",
            "Crisiszorg en korte opname",
            "Unité de crise : évaluation, stabilisation et orientation.",
            "Crisiseenheid: evaluatie, stabilisatie en doorverwijzing.",
            ["mental_health"],
            ["adults", "young_adults"],
            ["accommodation"],
            "crisis",
            ["f4"],
            ["walk_in", "phone"],
            ["phone"],
            False,
            "paid",
            ["fr", "nl"],
            ALWAYS,
            "region",
            "",
            "",
        ),
    ],
    "Espace d'accueil des personnes exilées": [
        (
            "Permanence juridique séjour",
            "Juridische permanentie verblijf",
            "Information juridique : asile, regroupement familial, régularisation, aide médicale urgente.",
            "Juridische informatie: asiel, gezinshereniging, regularisatie, dringende medische hulp.",
            ["migration", "legal"],
            ["exile", "adults"],
            ["information", "consultation"],
            "first_line",
            [],
            ["walk_in"],
            ["phone", "email"],
            False,
            "free",
            ["fr", "nl", "en", "ar", "fa", "ps", "es"],
            MORNINGS,
            "region",
            "",
            "",
        ),
        (
            "Soutien psychosocial aux personnes exilées",
            "Psychosociale steun voor mensen op de vlucht",
            "Entretiens individuels avec interprètes, orientation vers les soins.",
            "Individuele gesprekken met tolken, doorverwijzing naar zorg.",
            ["mental_health", "migration"],
            ["exile"],
            ["support"],
            "first_line",
            ["f1"],
            ["appointment"],
            ["referral_form"],
            True,
            "free",
            ["fr", "en", "ar", "uk", "ru"],
            WEEK,
            "region",
            "",
            "",
        ),
    ],
    "Service d'aide à domicile": [
        (
            "Aide familiale et aide ménagère",
            "Gezinszorg en poetshulp",
            "Aide à domicile pour personnes âgées, malades ou en situation de handicap.",
            "Thuishulp voor ouderen, zieken of personen met een handicap.",
            ["ageing", "disability"],
            ["older_people", "adults"],
            ["home_care"],
            "mobile",
            [],
            ["phone"],
            ["phone"],
            False,
            "sliding",
            ["fr", "nl"],
            WEEK,
            "basins",
            "",
            "",
        ),
    ],
    "Mission locale": [
        (
            "Orientation et recherche d'emploi",
            "Oriëntatie en werk zoeken",
            "Accompagnement individuel, ateliers CV, formations qualifiantes.",
            "Individuele begeleiding, cv-ateliers, kwalificerende opleidingen.",
            ["employment"],
            ["young_adults", "adults"],
            ["support", "group"],
            "first_line",
            [],
            ["walk_in", "appointment"],
            ["email"],
            False,
            "free",
            ["fr", "nl", "en"],
            WEEK,
            "municipalities",
            "",
            "",
        ),
    ],
    "Service d'aide aux justiciables": [
        (
            "Aide aux victimes",
            "Slachtofferhulp",
            "Soutien psychologique et social aux victimes et à leurs proches.",
            "Psychologische en sociale steun voor slachtoffers en hun naasten.",
            ["violence", "legal", "mental_health"],
            ["adults", "families"],
            ["support", "consultation"],
            "specialised",
            [],
            ["phone", "appointment"],
            ["phone"],
            False,
            "free",
            ["fr", "nl"],
            WEEK,
            "region",
            "",
            "",
        ),
    ],
    "Service d'accompagnement": [
        (
            "Accompagnement à la vie autonome",
            "Begeleiding zelfstandig wonen",
            "Soutien des personnes en situation de handicap dans leur logement et leur vie sociale.",
            "Ondersteuning van personen met een handicap bij wonen en sociaal leven.",
            ["disability", "housing"],
            ["adults", "young_adults"],
            ["support", "home_care"],
            "mobile",
            ["f3"],
            ["phone"],
            ["phone", "email"],
            False,
            "sliding",
            ["fr", "nl", "sgn"],
            WEEK,
            "basins",
            "",
            "",
        ),
    ],
}


def _uuid(rng) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _templates(name_fr: str):
    for prefix, templates in T.items():
        if name_fr.startswith(prefix):
            return templates
    return T["Centre de service social"]


def load(rng, context, stdout=None) -> None:
    terms = {(t.taxonomy.code, t.code): t for t in TaxonomyTerm.objects.select_related("taxonomy")}
    basins = {b.code: b for b in Basin.objects.all()}
    today = timezone.localdate()
    services, links, sals, schedules, phones, costs, closures = [], [], [], [], [], [], []
    area_m, area_b = [], []
    for organization in context["organizations"]:
        templates = _templates(organization.name_fr)
        count = min(len(templates), 1 + rng.randrange(3))
        location = organization.locations.select_related().prefetch_related("addresses").first()
        address = location.addresses.first() if location else None
        for t in templates[:count]:
            (
                name_fr,
                name_nl,
                d_fr,
                d_nl,
                themes,
                publics,
                types,
                stepped,
                functions,
                access_b,
                access_p,
                referral,
                fee,
                languages,
                hours,
                area,
                pp_fr,
                pp_nl,
            ) = t
            assured = today - datetime.timedelta(days=rng.randrange(0, 548))
            service = Service(
                id=_uuid(rng),
                organization=organization,
                name=name_fr,
                name_fr=name_fr,
                name_nl=name_nl,
                description_fr=d_fr,
                description_nl=d_nl,
                application_process_fr="Se présenter aux heures de permanence ou téléphoner."
                if "walk_in" in access_b
                else "Prendre rendez-vous par téléphone.",
                application_process_nl="Kom langs tijdens de permanentie of bel."
                if "walk_in" in access_b
                else "Maak een afspraak via de telefoon.",
                professional_process_fr=pp_fr,
                professional_process_nl=pp_nl,
                fees_description_fr={
                    "free": "Gratuit.",
                    "sliding": "Tarif adapté aux revenus.",
                    "paid": "Payant, tarif INAMI ou loyer.",
                }[fee],
                fees_description_nl={
                    "free": "Gratis.",
                    "sliding": "Tarief volgens inkomen.",
                    "paid": "Betalend, RIZIV-tarief of huur.",
                }[fee],
                access_beneficiary=access_b,
                access_professional=access_p,
                referral_required=referral,
                fee=fee,
                languages=languages,
                minimum_age=0 if "children" in publics else (18 if "adults" in publics else None),
                area_scope=area,
                assured_date=assured,
                assurer_email=organization.email,
                update_frequency_days=rng.choice([182, 365, 365]),
                email=organization.email,
                url=organization.website,
            )
            if (
                service.minimum_age == 0
                and "older_people" not in publics
                and "adults" not in publics
            ):
                service.maximum_age = 17
            service.review_due = service.compute_review_due()
            services.append(service)
            codes = [("theme", c) for c in themes] + [("public", c) for c in publics]
            codes += [("service_type", c) for c in types] + [("stepped_care", stepped)]
            codes += [("reform_function", c) for c in functions]
            links += [
                Service.terms.through(service_id=service.id, taxonomyterm_id=terms[c].id)
                for c in codes
            ]
            if location:
                sals.append(ServiceAtLocation(id=_uuid(rng), service=service, location=location))
            for day, opens, closes in parse_ranges(hours):
                schedules.append(
                    Schedule(
                        id=_uuid(rng),
                        service=service,
                        weekday=day,
                        opens_at=opens,
                        closes_at=closes,
                    )
                )
            phones.append(
                Phone(
                    id=_uuid(rng),
                    service=service,
                    number=f"+32 2 {rng.randint(200, 799)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                    audience="all",
                )
            )
            if access_p and "phone" in access_p and rng.random() < 0.5:
                phones.append(
                    Phone(
                        id=_uuid(rng),
                        service=service,
                        number=f"+32 2 {rng.randint(200, 799)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                        audience="professionals",
                        description_fr="Ligne réservée aux professionnel·les",
                        description_nl="Lijn voor professionals",
                    )
                )
            if fee != "free":
                costs.append(
                    CostOption(
                        id=_uuid(rng),
                        service=service,
                        option="Consultation" if fee == "sliding" else "Tarif",
                        amount=rng.choice([5, 10, 20, 25]),
                        amount_description="par entretien" if fee == "sliding" else "par mois",
                    )
                )
            if rng.random() < 0.15:
                start = today + datetime.timedelta(days=rng.randrange(-5, 60))
                closures.append(
                    Closure(
                        id=_uuid(rng),
                        service=service,
                        start_date=start,
                        end_date=start + datetime.timedelta(days=rng.choice([1, 7, 14])),
                        reason_fr="Congés",
                        reason_nl="Verlof",
                    )
                )
            if area == "municipalities" and address and address.municipality_id:
                area_m.append(
                    Service.area_municipalities.through(
                        service_id=service.id, municipality_id=address.municipality_id
                    )
                )
            elif area == "basins" and address and address.basin_id:
                area_b.append(
                    Service.area_basins.through(service_id=service.id, basin_id=address.basin_id)
                )
            elif area == "basins" and basins:
                area_b.append(
                    Service.area_basins.through(service_id=service.id, basin_id=basins["nord"].id)
                )
    Service.objects.bulk_create(services, batch_size=500)
    Service.terms.through.objects.bulk_create(links, batch_size=1000)
    ServiceAtLocation.objects.bulk_create(sals, batch_size=500)
    Schedule.objects.bulk_create(schedules, batch_size=1000)
    Phone.objects.bulk_create(phones, batch_size=500)
    CostOption.objects.bulk_create(costs, batch_size=500)
    Closure.objects.bulk_create(closures, batch_size=500)
    Service.area_municipalities.through.objects.bulk_create(area_m, batch_size=500)
    Service.area_basins.through.objects.bulk_create(area_b, batch_size=500)
    indexed = rebuild()
    _zero_result_searches(basins)
    context["services"] = services
    if stdout:
        stdout.write(f"  {len(services)} services ({indexed} indexed)")


def _zero_result_searches(basins) -> None:
    """A few searches without result, as the coordinators' page would count them."""
    month = timezone.localdate().replace(day=1)
    last = (month - datetime.timedelta(days=1)).replace(day=1)
    rows = [
        ("mutuelle pour sans papiers", "fr", "nord", month, 4),
        ("logopede", "fr", None, month, 3),
        ("budgetcoach", "nl", None, month, 2),
        ("gokverslaving jongeren", "nl", "sud", last, 2),
        ("tuteur mena", "fr", None, last, 1),
    ]
    ZeroResultSearch.objects.bulk_create(
        [
            ZeroResultSearch(
                words=words, language=lang, basin=basins.get(code), month=when, count=count
            )
            for words, lang, code, when, count in rows
        ]
    )
