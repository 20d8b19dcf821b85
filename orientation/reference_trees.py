"""The orientation paths shipped as reference data: housing and mental health. Plain Python, no
Django import; loaded by a data migration (``0003_reference_trees``), then edited by
coordinators in the platform (as new versions).

Written from the seeds: the Bassin Sud-Est's "housing" orientation tool for professionals
(housing insecurity: no roof, eviction, unfit housing, social housing) and the mental-health
orientation tool of the Ixelles social coordination read with the stepped-care model (self-help
and community, first line, specialised ambulatory, mobile and home, crisis), with the
"non-demande" (the person does not ask for help) and the publics the professionals named
(pregnant women, newly arrived people). Each leaf ends on services of the demo network's
Brussels offer (CPAS housing cells, social rental agencies, shelters, community mental-health
centres, mobile crisis teams, protected housing).

Texts are (French, Dutch, English) triples. Codes are stable: shared links carry them.
"""


def _choice(code, label, next, level="", require=(), prefer=(), age=None):
    return {
        "code": code,
        "label": label,
        "next": next,
        "level": level,
        "require": list(require),
        "prefer": list(prefer),
        "age": age,
    }


def _node(
    code, kind, text, help=("", "", ""), next="", level="", require=(), prefer=(), choices=()
):
    return {
        "code": code,
        "kind": kind,
        "text": text,
        "help": help,
        "next": next,
        "level": level,
        "require": list(require),
        "prefer": list(prefer),
        "choices": list(choices),
    }


def _legal(code, next):
    return _node(
        code,
        "question",
        (
            "Quel est le statut de séjour de la personne ?",
            "Wat is het verblijfsstatuut van de persoon?",
            "What is the person's residence status?",
        ),
        (
            "Il oriente vers les services qui accueillent aussi les personnes sans titre de séjour.",
            "Zo vinden we diensten die ook mensen zonder verblijfsdocumenten ontvangen.",
            "It points to services that also welcome people without residence papers.",
        ),
        choices=[
            _choice(
                "regular",
                ("Séjour régulier", "Wettig verblijf", "Legal residence"),
                next,
            ),
            _choice(
                "no_papers",
                (
                    "Sans titre de séjour (séjour irrégulier)",
                    "Zonder verblijfsdocumenten (onwettig verblijf)",
                    "Without papers (irregular stay)",
                ),
                next,
                prefer=["public:exile"],
            ),
            _choice(
                "asylum",
                (
                    "Demandeur·se d'asile",
                    "Verzoeker om internationale bescherming",
                    "Asylum seeker",
                ),
                next,
                prefer=["public:exile"],
            ),
            _choice("unknown", ("Je ne sais pas", "Ik weet het niet", "I do not know"), next),
        ],
    )


def _language(code, next):
    return _node(
        code,
        "language",
        (
            "Dans quelle langue la personne se sent-elle à l'aise ?",
            "In welke taal voelt de persoon zich goed?",
            "Which language is the person comfortable in?",
        ),
        (
            "Les services qui parlent cette langue passent en premier.",
            "Diensten die deze taal spreken, komen eerst.",
            "Services that speak this language come first.",
        ),
        next=next,
    )


def _municipality(code, next):
    return _node(
        code,
        "municipality",
        (
            "Dans quelle commune la personne vit-elle ou se trouve-t-elle ?",
            "In welke gemeente woont of verblijft de persoon?",
            "In which municipality does the person live or stay?",
        ),
        (
            "Seuls les services qui couvrent cette commune sont proposés.",
            "Alleen diensten die deze gemeente bedienen, worden voorgesteld.",
            "Only services that cover this municipality are offered.",
        ),
        next=next,
    )


def _demand(code, asks_next, no_demand_next, no_demand_level="", no_demand_prefer=()):
    return _node(
        code,
        "question",
        (
            "La personne demande-t-elle de l'aide ?",
            "Vraagt de persoon zelf om hulp?",
            "Does the person ask for help?",
        ),
        (
            "Quand la personne ne demande rien (la « non-demande »), mieux vaut des services qui vont vers elle.",
            "Als de persoon zelf niets vraagt, passen diensten die naar haar toe gaan beter.",
            "When the person asks for nothing (\u201cnon-demand\u201d), services that reach out fit better.",
        ),
        choices=[
            _choice(
                "asks",
                ("Oui, elle demande de l'aide", "Ja, ze vraagt om hulp", "Yes, they ask for help"),
                asks_next,
            ),
            _choice(
                "no_demand",
                (
                    "Non, ou pas encore (non-demande)",
                    "Nee, of nog niet (geen hulpvraag)",
                    "No, or not yet (no request)",
                ),
                no_demand_next,
                level=no_demand_level,
                prefer=no_demand_prefer,
            ),
        ],
    )


def _helpdesk(code, text, help):
    return _node(code, "helpdesk", text, help)


HELPDESK_HELP = (
    "Le helpdesk du réseau aide les professionnel·les à trouver la bonne porte pour une situation qui sort des cases.",
    "De helpdesk van het netwerk helpt professionals de juiste deur te vinden voor een situatie die niet in de vakjes past.",
    "The network's helpdesk helps professionals find the right door for a situation that does not fit the boxes.",
)

HOUSING = {
    "need": "housing",
    "title": ("Logement", "Huisvesting", "Housing"),
    "intro": (
        "Pour une personne sans abri, menacée d'expulsion, dans un logement insalubre ou qui cherche un logement social.",
        "Voor iemand zonder dak, met een dreigende uithuiszetting, in een ongezonde woning of op zoek naar een sociale woning.",
        "For a person without a roof, threatened with eviction, in unfit housing or looking for social housing.",
    ),
    "root": "situation",
    "nodes": [
        _node(
            "situation",
            "question",
            (
                "Quelle est la situation de logement ?",
                "Wat is de woonsituatie?",
                "What is the housing situation?",
            ),
            choices=[
                _choice(
                    "no_roof",
                    (
                        "Sans toit ce soir",
                        "Zonder dak vanavond",
                        "No roof tonight",
                    ),
                    "who",
                    level="first_line",
                    require=["service_type:accommodation"],
                    prefer=["public:homeless"],
                ),
                _choice(
                    "eviction",
                    (
                        "Menacée d'expulsion",
                        "Dreigende uithuiszetting",
                        "Threatened with eviction",
                    ),
                    "legal",
                    level="first_line",
                    require=["service_type:support"],
                    prefer=["theme:income_rights"],
                ),
                _choice(
                    "unfit",
                    (
                        "Logement insalubre ou inadapté",
                        "Ongezonde of onaangepaste woning",
                        "Unfit or unsuitable housing",
                    ),
                    "legal",
                    level="first_line",
                    require=["service_type:support"],
                    prefer=["theme:income_rights"],
                ),
                _choice(
                    "social_housing",
                    (
                        "Cherche un logement social ou à loyer modéré",
                        "Zoekt een sociale of betaalbare woning",
                        "Looking for social or affordable housing",
                    ),
                    "legal",
                    level="first_line",
                    require=["service_type:support"],
                    prefer=["public:families"],
                ),
                _choice(
                    "supported",
                    (
                        "A besoin d'un logement accompagné (santé mentale)",
                        "Heeft begeleid wonen nodig (geestelijke gezondheid)",
                        "Needs supported housing (mental health)",
                    ),
                    "legal",
                    level="specialised",
                    require=["reform_function:f5"],
                ),
                _choice(
                    "other",
                    (
                        "Une autre question de logement",
                        "Een andere woonvraag",
                        "Another housing question",
                    ),
                    "helpdesk",
                ),
            ],
        ),
        _node(
            "who",
            "question",
            ("Qui a besoin d'un toit ?", "Wie heeft een dak nodig?", "Who needs a roof?"),
            choices=[
                _choice(
                    "adult",
                    ("Un·e adulte seul·e", "Een volwassene alleen", "An adult alone"),
                    "legal",
                ),
                _choice(
                    "family",
                    (
                        "Une famille avec enfants",
                        "Een gezin met kinderen",
                        "A family with children",
                    ),
                    "legal",
                    prefer=["public:families"],
                ),
                _choice(
                    "violence",
                    (
                        "Une femme qui fuit des violences",
                        "Een vrouw die op de vlucht is voor geweld",
                        "A woman fleeing violence",
                    ),
                    "legal",
                    prefer=["public:women", "theme:violence"],
                ),
                _choice(
                    "minor",
                    ("Un·e mineur·e seul·e", "Een minderjarige alleen", "A minor alone"),
                    "helpdesk_minor",
                ),
            ],
        ),
        _legal("legal", "age"),
        _node(
            "age",
            "question",
            ("Quel âge a la personne ?", "Hoe oud is de persoon?", "How old is the person?"),
            choices=[
                _choice(
                    "young",
                    ("18 à 25 ans", "18 tot 25 jaar", "18 to 25"),
                    "language",
                    prefer=["public:young_adults"],
                    age=20,
                ),
                _choice("adult", ("26 à 64 ans", "26 tot 64 jaar", "26 to 64"), "language", age=40),
                _choice(
                    "older",
                    ("65 ans ou plus", "65 jaar of ouder", "65 or older"),
                    "language",
                    prefer=["public:older_people"],
                    age=70,
                ),
            ],
        ),
        _language("language", "where"),
        _municipality("where", "demand"),
        _demand(
            "demand", "search", "search_outreach", no_demand_prefer=["service_type:day_centre"]
        ),
        _node(
            "search",
            "search",
            ("Services qui conviennent", "Passende diensten", "Services that fit"),
        ),
        _node(
            "search_outreach",
            "search",
            (
                "Services à bas seuil, pour commencer",
                "Laagdrempelige diensten, om te beginnen",
                "Low-threshold services, to start with",
            ),
            (
                "La personne ne demande rien : commencez par un lieu d'accueil sans rendez-vous, et parlez-en au helpdesk.",
                "De persoon vraagt zelf niets: begin bij een onthaal zonder afspraak en bespreek het met de helpdesk.",
                "The person asks for nothing: start with a walk-in place, and talk it over with the helpdesk.",
            ),
        ),
        _helpdesk(
            "helpdesk",
            ("Contactez le helpdesk", "Neem contact op met de helpdesk", "Contact the helpdesk"),
            HELPDESK_HELP,
        ),
        _helpdesk(
            "helpdesk_minor",
            (
                "Un·e mineur·e seul·e : contactez le helpdesk",
                "Een minderjarige alleen: neem contact op met de helpdesk",
                "A minor alone: contact the helpdesk",
            ),
            (
                "L'hébergement des mineur·es passe par des services spécialisés de l'aide à la jeunesse ; le helpdesk vous oriente.",
                "Opvang van minderjarigen loopt via gespecialiseerde diensten van de jeugdhulp; de helpdesk verwijst u door.",
                "Shelter for minors goes through specialised youth-care services; the helpdesk will direct you.",
            ),
        ),
    ],
}

MENTAL_HEALTH = {
    "need": "mental_health",
    "title": ("Santé mentale", "Geestelijke gezondheid", "Mental health"),
    "intro": (
        "Pour trouver le bon niveau de soins (soins échelonnés) : soutien communautaire, première ligne, ambulatoire spécialisé, équipe mobile, crise.",
        "Om het juiste zorgniveau te vinden (getrapte zorg): gemeenschap, eerste lijn, gespecialiseerd ambulant, mobiel team, crisis.",
        "To find the right level of care (stepped care): community, first line, specialised ambulatory, mobile team, crisis.",
    ),
    "root": "urgency",
    "nodes": [
        _node(
            "urgency",
            "question",
            (
                "À quel point la situation est-elle urgente ?",
                "Hoe dringend is de situatie?",
                "How urgent is the situation?",
            ),
            (
                "En cas de danger de mort, appelez d'abord le 112.",
                "Bij levensgevaar: bel eerst 112.",
                "If a life is in danger, call 112 first.",
            ),
            choices=[
                _choice(
                    "danger",
                    (
                        "Danger immédiat pour la personne ou pour d'autres",
                        "Onmiddellijk gevaar voor de persoon of voor anderen",
                        "Immediate danger for the person or others",
                    ),
                    "where_crisis",
                    level="crisis",
                ),
                _choice(
                    "crisis",
                    (
                        "Crise aiguë, dans les jours qui viennent",
                        "Acute crisis, in de komende dagen",
                        "Acute crisis, in the coming days",
                    ),
                    "demand",
                    level="mobile",
                ),
                _choice(
                    "lasting",
                    (
                        "Difficultés durables, besoin d'un suivi",
                        "Langdurige moeilijkheden, nood aan opvolging",
                        "Lasting difficulties, needs follow-up",
                    ),
                    "demand",
                    level="specialised",
                ),
                _choice(
                    "light",
                    (
                        "Mal-être léger, besoin de parler",
                        "Licht onwelzijn, nood aan een gesprek",
                        "Mild distress, needs to talk",
                    ),
                    "demand",
                    level="self_help",
                ),
                _choice(
                    "unsure",
                    ("Je ne sais pas l'évaluer", "Ik kan het niet inschatten", "I cannot judge"),
                    "demand",
                    level="first_line",
                ),
            ],
        ),
        _municipality("where_crisis", "crisis_search"),
        _demand(
            "demand",
            "public",
            "public",
            no_demand_level="mobile",
            no_demand_prefer=["service_type:home_care"],
        ),
        _node(
            "public",
            "question",
            ("Pour qui ?", "Voor wie?", "For whom?"),
            choices=[
                _choice(
                    "child",
                    ("Un·e enfant (0-11 ans)", "Een kind (0-11 jaar)", "A child (0-11)"),
                    "language",
                    prefer=["public:children", "public:families"],
                    age=8,
                ),
                _choice(
                    "teen",
                    (
                        "Un·e adolescent·e (12-17 ans)",
                        "Een jongere (12-17 jaar)",
                        "An adolescent (12-17)",
                    ),
                    "language",
                    prefer=["public:adolescents"],
                    age=15,
                ),
                _choice(
                    "young",
                    (
                        "Un·e jeune adulte (18-25 ans)",
                        "Een jongvolwassene (18-25 jaar)",
                        "A young adult (18-25)",
                    ),
                    "language",
                    prefer=["public:young_adults"],
                    age=20,
                ),
                _choice("adult", ("Un·e adulte", "Een volwassene", "An adult"), "language", age=40),
                _choice(
                    "older",
                    ("Une personne âgée", "Een oudere", "An older person"),
                    "language",
                    prefer=["public:older_people"],
                    age=72,
                ),
                _choice(
                    "pregnant",
                    ("Une femme enceinte", "Een zwangere vrouw", "A pregnant woman"),
                    "language",
                    prefer=["public:pregnant", "public:women"],
                    age=28,
                ),
                _choice(
                    "exile",
                    (
                        "Une personne en exil ou primo-arrivante",
                        "Iemand op de vlucht of pas aangekomen",
                        "A person in exile or newly arrived",
                    ),
                    "language",
                    prefer=["public:exile"],
                    age=35,
                ),
            ],
        ),
        _language("language", "where"),
        _municipality("where", "search"),
        _node(
            "search",
            "search",
            ("Services qui conviennent", "Passende diensten", "Services that fit"),
        ),
        _node(
            "crisis_search",
            "search",
            (
                "Crise : services à joindre maintenant",
                "Crisis: diensten om nu te contacteren",
                "Crisis: services to reach now",
            ),
            (
                "Danger de mort : appelez le 112. Sinon, ces services d'urgence psychiatrique et de crise peuvent intervenir.",
                "Levensgevaar: bel 112. Anders kunnen deze psychiatrische spoed- en crisisdiensten helpen.",
                "Life in danger: call 112. Otherwise these psychiatric emergency and crisis services can step in.",
            ),
            level="crisis",
        ),
    ],
}

#: Every shipped tree, in the order shown on the orientation home page.
TREES = [MENTAL_HEALTH, HOUSING]


def as_tree(data: dict) -> dict:
    """A reference tree as the plain dict of ``orientation.tree`` (validation, coverage)."""
    nodes = {}
    for node in data["nodes"]:
        plain = {k: node[k] for k in ("kind", "next", "level", "require", "prefer")}
        plain["choices"] = [
            {k: c[k] for k in ("code", "next", "level", "require", "prefer", "age")}
            for c in node["choices"]
        ]
        nodes[node["code"]] = plain
    return {"root": data["root"], "nodes": nodes}
