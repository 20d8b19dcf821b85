"""Reference taxonomies of the Brussels profile, as plain Python (no Django import).

Loaded by a data migration (stable ids from ``reference_uuid``); coordinators then edit them in
the admin. Each taxonomy: (code, FR, NL, EN, terms); each term: (code, FR, NL, EN).
The stepped-care levels follow the "soins échelonnés / getrapte zorg" model; the five functions
are those of the Belgian mental-health reform ("Psy 107").
"""

TAXONOMIES = [
    (
        "theme",
        "Thématiques",
        "Thema's",
        "Themes",
        [
            ("mental_health", "Santé mentale", "Geestelijke gezondheid", "Mental health"),
            ("housing", "Logement", "Huisvesting", "Housing"),
            (
                "income_rights",
                "Revenus et droits sociaux",
                "Inkomen en sociale rechten",
                "Income and social rights",
            ),
            ("health", "Santé", "Gezondheid", "Health"),
            ("addiction", "Assuétudes", "Verslaving", "Addiction"),
            ("perinatality", "Périnatalité", "Perinataliteit", "Perinatality"),
            ("violence", "Violences", "Geweld", "Violence"),
            (
                "migration",
                "Migration et séjour",
                "Migratie en verblijf",
                "Migration and legal status",
            ),
            ("isolation", "Isolement social", "Sociaal isolement", "Social isolation"),
            ("family", "Famille et enfance", "Gezin en kinderen", "Family and children"),
            ("employment", "Emploi et formation", "Werk en opleiding", "Employment and training"),
            ("food", "Aide alimentaire", "Voedselhulp", "Food"),
            ("debt", "Dettes", "Schulden", "Debt"),
            ("legal", "Aide juridique", "Juridische hulp", "Legal aid"),
            ("disability", "Handicap", "Handicap", "Disability"),
            ("ageing", "Vieillissement", "Ouder worden", "Ageing"),
        ],
    ),
    (
        "public",
        "Publics",
        "Doelgroepen",
        "Publics",
        [
            ("children", "Enfants (0-11 ans)", "Kinderen (0-11 jaar)", "Children (0-11)"),
            (
                "adolescents",
                "Adolescents (12-17 ans)",
                "Jongeren (12-17 jaar)",
                "Adolescents (12-17)",
            ),
            (
                "young_adults",
                "Jeunes adultes (18-25 ans)",
                "Jongvolwassenen (18-25 jaar)",
                "Young adults (18-25)",
            ),
            ("adults", "Adultes", "Volwassenen", "Adults"),
            ("older_people", "Personnes âgées", "Ouderen", "Older people"),
            (
                "exile",
                "Personnes en exil ou en séjour irrégulier",
                "Mensen op de vlucht of zonder wettig verblijf",
                "People in exile or irregular stay",
            ),
            ("homeless", "Personnes sans abri", "Dak- en thuislozen", "Homeless people"),
            ("pregnant", "Femmes enceintes", "Zwangere vrouwen", "Pregnant women"),
            ("families", "Familles et proches", "Gezinnen en naasten", "Families and relatives"),
            ("women", "Femmes", "Vrouwen", "Women"),
            ("lgbtqia", "Personnes LGBTQIA+", "LGBTQIA+-personen", "LGBTQIA+ people"),
            ("professionals", "Professionnel·les", "Professionals", "Professionals"),
        ],
    ),
    (
        "service_type",
        "Types de service",
        "Soorten dienst",
        "Service types",
        [
            (
                "information",
                "Information et orientation",
                "Informatie en doorverwijzing",
                "Information and orientation",
            ),
            ("consultation", "Consultation", "Consultatie", "Consultation"),
            ("support", "Accompagnement", "Begeleiding", "Support"),
            ("accommodation", "Hébergement", "Opvang", "Accommodation"),
            ("group", "Activité collective", "Groepsactiviteit", "Group activity"),
            ("home_care", "Aide à domicile", "Thuiszorg", "Home care"),
            ("helpline", "Ligne d'écoute", "Hulplijn", "Helpline"),
            ("day_centre", "Centre de jour", "Dagcentrum", "Day centre"),
        ],
    ),
    (
        "stepped_care",
        "Niveau de soins échelonnés",
        "Niveau van getrapte zorg",
        "Stepped-care level",
        [
            (
                "self_help",
                "Auto-soin et soutien communautaire",
                "Zelfzorg en gemeenschap",
                "Self-help and community",
            ),
            ("first_line", "Première ligne", "Eerste lijn", "First line"),
            (
                "specialised",
                "Ambulatoire spécialisé",
                "Gespecialiseerd ambulant",
                "Specialised ambulatory",
            ),
            ("mobile", "Équipe mobile et à domicile", "Mobiel en aan huis", "Mobile and home"),
            ("crisis", "Crise et hospitalisation", "Crisis en opname", "Crisis and hospital"),
        ],
    ),
    (
        "reform_function",
        "Fonctions de la réforme en santé mentale",
        "Functies van de hervorming geestelijke gezondheidszorg",
        "Functions of the mental-health reform",
        [
            (
                "f1",
                "F1 : prévention, détection, intervention précoce",
                "F1: preventie, vroegdetectie, vroeginterventie",
                "F1: prevention, early detection and intervention",
            ),
            (
                "f2",
                "F2 : équipes mobiles de traitement",
                "F2: mobiele behandelteams",
                "F2: mobile treatment teams",
            ),
            (
                "f3",
                "F3 : réhabilitation psychosociale",
                "F3: psychosociale rehabilitatie",
                "F3: psychosocial rehabilitation",
            ),
            (
                "f4",
                "F4 : unités intensives de traitement",
                "F4: intensieve behandeleenheden",
                "F4: intensive treatment units",
            ),
            (
                "f5",
                "F5 : formules de logement spécifiques",
                "F5: specifieke woonvormen",
                "F5: specific housing",
            ),
        ],
    ),
]
