"""Build ``helpdesk/tests/data/pii_corpus.jsonl`` from the hand-written sentence templates below.

Each template is a helpdesk-like sentence; ``[[kind|text]]`` marks personal data (the gold
labels), ``{nrn}``, ``{iban}``... are filled with fresh values (valid check digits) so that each
template gives two sentences with different numbers, names and streets. Traps carry no mark.
Run: ``.venv/bin/python bench/pii_corpus_build.py`` (deterministic, seed 14).
"""

import json
import random
import re
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "helpdesk" / "tests" / "data"
OUT = DATA / "pii_corpus.jsonl"
HOLDOUT_OUT = DATA / "pii_holdout.jsonl"

PII = [
    # French
    "[[name|Mme Dupont]] est arrivée au CPAS sans papiers, elle dort dans sa voiture.",
    "Je vous contacte pour [[name|M. Benali]] qui a perdu son logement la semaine passée.",
    "Son numéro national est le [[nrn|{nrn}]], le CPAS n'a pas de trace de son dossier.",
    "NN : [[nrn|{nrn}]] ; la mutuelle ne le retrouve pas.",
    "Le jeune est inscrit sous le numéro BIS [[nrn|{bis}]] depuis son arrivée.",
    "Vous pouvez joindre la maman au [[phone|{mobile}]] après 16h.",
    "Tél. de la famille : [[phone|{mobile}]].",
    "Le père est joignable au [[phone|{intl}]] (numéro marocain).",
    "Sa fille m'a laissé son adresse mail : [[email|{email}]].",
    "Elle m'écrit depuis [[email|{email}]] mais ne répond pas au téléphone.",
    "Il nous demande de verser l'aide sur son compte [[iban|{iban}]].",
    "Compte de la bénéficiaire : [[iban|{iban}]], la banque refuse les virements.",
    "[[name|Mme El Amrani]], née le [[birthdate|{birth}]], est en attente d'un titre de séjour.",
    "Le patient, né le [[birthdate|{birth_text}]], refuse toute hospitalisation.",
    "Date de naissance : [[birthdate|{birth}]], elle vient d'avoir 17 ans.",
    "Elle habite [[address|{street_fr}]] avec ses trois enfants, dans un logement insalubre.",
    "Le monsieur est domicilié [[address|{street_fr}]] mais n'y vit plus.",
    "Ils vivent dans un studio [[address|{street_fr_box}]], sans chauffage.",
    "[[name|Madame Lambert]] vit seule depuis le décès de son mari.",
    "[[name|son fils Karim]] ne va plus à l'école depuis deux mois.",
    "Je suis inquiète pour [[name|sa fille Inès]], qui ne mange plus.",
    "[[name|le patient Pierre V.]] a quitté l'hôpital contre avis médical.",
    "[[name|la patiente Sofia]] présente des idées suicidaires, je cherche un SSM rapidement.",
    "[[name|Mlle Nguyen]] souhaite un suivi psy en vietnamien ou en anglais.",
    "[[name|Monsieur Van den Bossche]] a reçu un avis d'expulsion pour fin du mois.",
    "Le bénéficiaire s'appelle [[name|Youssef]] et a 19 ans.",
    "Une jeune femme prénommée [[name|Aïcha]] s'est présentée à l'accueil.",
    "[[name|Karim]], 15 ans, est en rupture familiale et dort chez des amis.",
    "J'accompagne [[name|Fatima]] depuis 2022 pour des démarches de régularisation.",
    "[[name|son mari Ahmed]] est violent, elle cherche une maison d'accueil.",
    "[[name|la petite Léa]] ne parle pas à la crèche, la maman s'inquiète.",
    "[[name|M. Peeters]] ([[phone|{mobile}]]) a besoin d'une aide alimentaire.",
    "Contact : [[name|Mme Diallo]], [[phone|{mobile}]], [[email|{email}]].",
    "[[name|Mme Martin]] habite [[address|{street_fr}]], au 3e étage sans ascenseur.",
    "Pouvez-vous rappeler [[name|Mr Kaya]] au [[phone|{landline}]] ?",
    "NISS [[nrn|{nrn}]] – la personne n'a plus de mutuelle depuis janvier.",
    "Il est né le [[birthdate|{birth}]] à Kinshasa et vit en Belgique depuis 2015.",
    "Adresse actuelle : [[address|{street_fr}]], chez une tante.",
    "La famille loge [[address|{street_fr_box}]] dans une seule pièce.",
    "[[name|sa compagne Nadia]] est enceinte de 7 mois et sans suivi.",
    "Le jeune [[name|Rayan]] est suivi par le SAJ et par notre service.",
    "[[name|Mme D.]] ne veut pas que son ex-mari connaisse son adresse.",
    "Voici le numéro de sa sœur : [[phone|{mobile}]].",
    "Elle a envoyé sa carte d'identité : [[nrn|{nrn}]], née le [[birthdate|{birth}]].",
    "Versement possible sur [[iban|{iban}]] au nom de la mère.",
    # Dutch
    "[[name|mevrouw Janssens]] woont alleen en komt haar huis niet meer uit.",
    "Ik bel voor [[name|meneer De Smet]], die zijn huur niet meer kan betalen.",
    "Zijn rijksregisternummer is [[nrn|{nrn}]], maar het OCMW vindt hem niet terug.",
    "Rijksregisternr.: [[nrn|{nrn}]].",
    "Ze heeft een BIS-nummer: [[nrn|{bis}]].",
    "De moeder is bereikbaar op [[phone|{mobile}]] na de schooluren.",
    "Telefoon van de cliënt: [[phone|{mobile}]].",
    "Zijn e-mailadres is [[email|{email}]].",
    "Ze vraagt om de steun op haar rekening [[iban|{iban}]] te storten.",
    "Rekeningnummer cliënt: [[iban|{iban}]].",
    "[[name|mevrouw Claes]], geboren op [[birthdate|{birth}]], wacht op een verblijfsvergunning.",
    "De patiënt is geboren op [[birthdate|{birth_nl}]] en weigert opname.",
    "Geboortedatum: [[birthdate|{birth}]].",
    "Ze woont in de [[address|{street_nl}]] met haar drie kinderen.",
    "Hij is gedomicilieerd in de [[address|{street_nl}]], maar verblijft bij vrienden.",
    "Het gezin woont in een studio, [[address|{street_nl_box}]], zonder verwarming.",
    "[[name|haar zoon Youssef]] gaat al twee maanden niet meer naar school.",
    "[[name|zijn dochter Lotte]] is zwanger en heeft geen huisarts.",
    "[[name|de patiënt Jan P.]] heeft het ziekenhuis verlaten tegen medisch advies in.",
    "[[name|de cliënte Sarah]] heeft zelfmoordgedachten, ik zoek dringend een CGG.",
    "[[name|dhr. Vermeulen]] kreeg een uithuiszettingsbevel tegen eind van de maand.",
    "De jongere heet [[name|Bilal]] en is 17 jaar.",
    "Een vrouw genaamd [[name|Meryem]] kwam naar het onthaal.",
    "[[name|Tom]], 16 jaar, slaapt al een week bij vrienden.",
    "[[name|haar man Mehmet]] is gewelddadig, ze zoekt een vluchthuis.",
    "[[name|mevr. Wouters]] ([[phone|{mobile}]]) heeft voedselhulp nodig.",
    "Contact: [[name|mevrouw Peeters]], [[phone|{mobile}]], [[email|{email}]].",
    "[[name|meneer Aydin]] woont op de [[address|{street_nl}]], vierde verdieping zonder lift.",
    "Kunt u [[name|mijnheer Maes]] terugbellen op [[phone|{landline}]]?",
    "Hij is geboren op [[birthdate|{birth}]] in Istanbul.",
    "Huidig adres: [[address|{street_nl}]], bij een tante.",
    "Ze verblijven in de [[address|{street_nl_box}]], in één kamer.",
    "[[name|zijn partner Nadia]] is zeven maanden zwanger zonder opvolging.",
    "Dit is het nummer van haar zus: [[phone|{mobile}]].",
    "Overschrijving mogelijk op [[iban|{iban}]] op naam van de moeder.",
    "Ze stuurde haar identiteitskaart door: [[nrn|{nrn}]].",
    "[[name|mevrouw B.]] wil niet dat haar ex-partner haar adres kent.",
    "[[name|het kind Noah]] spreekt niet op school, de mama maakt zich zorgen.",
    "Mail hem gerust op [[email|{email}]].",
    "[[name|de bewoner Marc]] weigert elke hulp van het OCMW.",
    "[[name|Mme Kabila]] et [[name|son fils Dylan]] dorment chez une voisine.",
    "[[name|M. Ferreira]] a reçu un courrier du SPF sur son numéro [[nrn|{nrn}]].",
    "Zijn GSM-nummer: [[phone|{mobile}]] – liefst 's avonds bellen.",
    "[[name|Mevrouw Dubois]] werd geboren op [[birthdate|{birth_nl}]].",
    "Il loge [[address|{street_fr}]] chez un marchand de sommeil.",
]

TRAPS = [
    # French
    "La Maison Médicale du Nord prend encore de nouveaux patients en mars.",
    "Le CPAS d'Ixelles refuse l'aide sociale tant que l'adresse de référence n'est pas faite.",
    "J'ai déjà contacté le SSM Le Méridien au {service_phone} mais la liste d'attente est de 4 mois.",
    "La permanence sociale se tient {service_street_fr}, le mardi matin.",
    "Rendez-vous pris le 12/03/2025 à 14h au CPAS de Schaerbeek.",
    "Une réunion de réseau est prévue le {meeting} avec le PMS et le SAJ.",
    "Elle doit encore payer 450 € d'arriérés de loyer et 120,50 € de facture d'énergie.",
    "Le loyer est de 780 euros pour un deux-pièces, charges non comprises.",
    "Dossier n° {case} ouvert au service de médiation de dettes.",
    "Notre référence interne : {case}.",
    "Le service d'aide aux justiciables (rue de la Régence 63) peut-il l'accompagner ?",
    "Le Centre de prévention du suicide répond au 0800 32 123, jour et nuit.",
    "Elle a appelé le numéro vert 0800 30 030 sans réponse.",
    "Pouvez-vous orienter vers l'Hôpital Saint-Pierre ou vers la clinique de l'exil ?",
    "La famille a été reçue à la maison d'accueil Les Petits Riens, rue Américaine 101.",
    "Le CPAS de Saint-Gilles, situé {service_street_fr}, n'accepte que les domiciliés.",
    "Le patient est suivi en psychiatrie depuis 2019 et sans traitement depuis juin.",
    "La patiente a 42 ans, trois enfants, et un revenu d'intégration.",
    "Le jeune a 17 ans, il est en décrochage scolaire depuis septembre.",
    "Son fils a été placé par le SPJ il y a deux ans.",
    "Madame souhaite un suivi psychologique en arabe, si possible près de la gare du Midi.",
    "Monsieur est en situation irrégulière et a besoin d'une aide médicale urgente.",
    "Le bénéficiaire est arrivé en Belgique en 2021 et parle peu le français.",
    "Le service est ouvert du lundi au vendredi de 9h à 17h, sur rendez-vous au {service_phone}.",
    "Le SSM d'Etterbeek a une permanence le mercredi {service_street_fr}.",
    "On m'a conseillé d'écrire à info@ssm-exemple.be pour l'inscription.",
    "Le dossier a été introduit le 3 février 2025 auprès de la mutuelle.",
    "La date d'audience au tribunal est fixée au 15 avril 2025.",
    "Il touche 1.250 € de chômage et paie 650 € de loyer.",
    "Le Samusocial dispose de places d'urgence, appeler le 0800 99 340.",
    "Elle a été orientée vers l'Espace Louise pour un accueil de jour.",
    "La Maison Marie-Louise organise des groupes de parole pour les aidants proches.",
    "L'antenne du CPAS se trouve avenue Louise 231, au rez-de-chaussée.",
    "Le centre de planning familial de Jette prend les rendez-vous par téléphone.",
    "Nous avons contacté le Service de santé mentale Ulysse le 4 mars 2025.",
    "La situation dure depuis le 1er janvier 2024, sans amélioration.",
    "Elle vit chez sa sœur depuis l'expulsion, quelque part à Anderlecht.",
    "Son compagnon est parti en janvier, elle élève seule ses deux enfants.",
    "Le jeune homme a besoin d'un logement de transit et d'un accompagnement en santé mentale.",
    "Il a 2.300 € de dettes auprès de Sibelga et de Vivaqua.",
    "La réunion de concertation aura lieu au CPAS, rue Haute 298A, le 20/05/2025.",
    "Le numéro de dossier CPAS est {case} ; l'assistante sociale référente est absente.",
    "Le Dr Martin de la maison médicale Santé Plurielle suit déjà la famille.",
    "Elle est passée par le service social de la Croix-Rouge, qui n'a pas de solution.",
    "Le SAJ de Bruxelles a été saisi le 10 janvier 2025.",
    # Dutch
    "Het wijkgezondheidscentrum Medikuregem neemt geen nieuwe patiënten meer aan.",
    "Het OCMW van Elsene weigert steun zolang er geen referentieadres is.",
    "Ik heb het CGG Brussel al gebeld op {service_phone}, maar de wachtlijst is vier maanden.",
    "De sociale permanentie vindt plaats in de {service_street_nl}, op dinsdagochtend.",
    "Er is een afspraak op 12/03/2025 om 14u bij het OCMW van Schaarbeek.",
    "Een netwerkoverleg is gepland op {meeting} met het CLB en de jeugdhulp.",
    "Ze moet nog 450 € huurachterstand en 120,50 € energiefactuur betalen.",
    "De huur bedraagt 780 euro voor een appartement met twee kamers.",
    "Dossiernummer {case} bij de schuldbemiddeling.",
    "Onze referentie: {case}.",
    "Het Centrum ter Preventie van Zelfdoding is bereikbaar op 1813, dag en nacht.",
    "Ze belde het gratis nummer 0800 13 500 zonder antwoord.",
    "Kan u doorverwijzen naar het UMC Sint-Pieter of naar het Brugmann ziekenhuis?",
    "Het gezin werd opgevangen in het onthaalhuis in de Antwerpsesteenweg 120.",
    "Het OCMW van Sint-Gillis, gelegen in de {service_street_nl}, helpt alleen wie er woont.",
    "De patiënt is sinds 2019 in psychiatrische opvolging en zonder medicatie sinds juni.",
    "De cliënte is 42 jaar, heeft drie kinderen en een leefloon.",
    "De jongere is 17 jaar en spijbelt sinds september.",
    "Haar zoon werd twee jaar geleden geplaatst door de jeugdrechter.",
    "Mevrouw wenst psychologische begeleiding in het Arabisch, liefst bij het Zuidstation.",
    "Meneer verblijft illegaal in het land en heeft dringende medische hulp nodig.",
    "De cliënt kwam in 2021 naar België en spreekt weinig Nederlands.",
    "De dienst is open van maandag tot vrijdag van 9 tot 17 uur, op afspraak via {service_phone}.",
    "Het CGG heeft een permanentie op woensdag in de {service_street_nl}.",
    "Men raadde me aan te mailen naar onthaal@cgg-voorbeeld.be voor de inschrijving.",
    "Het dossier werd op 3 februari 2025 bij het ziekenfonds ingediend.",
    "De zitting bij de vrederechter is vastgesteld op 15 april 2025.",
    "Hij krijgt 1.250 € werkloosheidsuitkering en betaalt 650 € huur.",
    "Het Huis van het Kind in Molenbeek organiseert praatgroepen voor ouders.",
    "De antenne van het OCMW bevindt zich in de Wetstraat 16, op het gelijkvloers.",
    "We hebben het CGG Ulysse op 4 maart 2025 gecontacteerd.",
    "De situatie duurt al sinds 1 januari 2024, zonder verbetering.",
    "Ze woont bij haar zus sinds de uithuiszetting, ergens in Anderlecht.",
    "Haar partner vertrok in januari, ze voedt haar twee kinderen alleen op.",
    "Hij heeft 2.300 € schulden bij Sibelga en Vivaqua.",
    "Het overleg vindt plaats bij het OCMW in de Hoogstraat 298A op 20/05/2025.",
    "Het OCMW-dossiernummer is {case}; de referentiemaatschappelijk werker is afwezig.",
    "Dokter Peeters van het wijkgezondheidscentrum volgt het gezin al.",
    "Ze ging langs bij de sociale dienst van het Rode Kruis, zonder oplossing.",
    "Het Brussels Zorgbassin Zuid-Oost organiseert een intervisie op 12 juni 2025.",
    "Le réseau Santé Mentale Bruxelles Sud-Est propose une table d'échanges le 5 juin.",
    "Elle a déposé plainte au commissariat de la rue Royale 202A, sans suite.",
    "Le montant de l'allocation est de 1.309,97 € par mois.",
    "Ticket n° 2025-00412 chez Sibelga pour la coupure de gaz.",
]

#: Written after the guard was tuned, never used to tune it: an honest second opinion.
HOLDOUT = [
    "Bonjour, je suis AS au CPAS et j'accompagne [[name|madame Rahmouni]] qui vient d'être expulsée.",
    "La dame s'appelle [[name|Zeynep]], elle a 34 ans et deux enfants en bas âge.",
    "Son numéro de registre national : [[nrn|{nrn}]]. Merci de ne pas le diffuser.",
    "On peut le joindre sur son portable, [[phone|{mobile}]], le matin.",
    "[[name|Mr. Diop]] est sorti de prison il y a 3 semaines et n'a plus de revenus.",
    "[[name|Sa grand-mère Odile]] n'arrive plus à s'occuper de lui.",
    "Le jeune vit actuellement chez un ami, [[address|{street_fr}]].",
    "Elle est née le [[birthdate|{birth}]] et n'a jamais été scolarisée.",
    "Pouvez-vous envoyer l'info directement à la maman : [[email|{email}]] ?",
    "L'adresse de son domicile est [[address|{street_fr_box}]].",
    "[[name|mevrouw Ouali]] heeft geen ziekteverzekering meer sinds haar scheiding.",
    "Haar broer [[name|Ibrahim]] wil haar opvangen maar heeft geen plaats.",
    "Ze is geboren op [[birthdate|{birth_nl}]] in Kabul.",
    "Hij woont samen met zijn moeder in de [[address|{street_nl}]].",
    "Je kan hem bereiken via [[phone|{mobile}]] of via [[email|{email}]].",
    "Rijksregister [[nrn|{nrn}]] – graag dringend nakijken.",
    "Het geld mag op [[iban|{iban}]].",
    "[[name|de heer Lemmens]] is dakloos sinds de brand in zijn appartement.",
    "Ze vroeg naar een Turkstalige psycholoog voor [[name|haar dochter Elif]].",
    "De cliënt [[name|Ahmad K.]] is niet verzekerd en heeft dringend zorg nodig.",
    # traps
    "Le SSM Chapelle-aux-Champs propose une consultation en urgence le jeudi.",
    "Nous avons une réunion avec le CPAS de Forest le 18/06/2025.",
    "La facture d'hôpital s'élève à 3.480 € et la mutuelle rembourse 60 %.",
    "Référence du dossier au SPF : 2025/BRU/00318.",
    "L'Hôpital Brugmann et le CHU Saint-Pierre ont refusé l'admission.",
    "Le service est situé place Flagey 7, au 2e étage.",
    "La permanence juridique de la rue de Mérode 45 est fermée en août.",
    "Elle a vu le médecin de la maison médicale le 2 mai.",
    "Het CGG Ulysse heeft een wachtlijst van zes weken.",
    "De zitting bij de arbeidsrechtbank is op 14 oktober 2025.",
    "Het OCMW van Vorst betaalt 1.100 € leefloon per maand.",
    "Dossier 2025-0142 bij de jeugdrechtbank is nog lopende.",
    "Het wijkgezondheidscentrum in de Dansaertstraat 92 neemt nieuwe patiënten aan.",
    "Het overleg met het CAW Brussel is gepland op 5 juni om 10 uur.",
    "Ze heeft een afspraak bij het OCMW, Hoogstraat 298A, op dinsdag.",
    "Le planning familial Rosa accueille sans rendez-vous le mercredi.",
    "Il a été hospitalisé à Sainte-Anne Saint-Remi du 3 au 10 mars 2025.",
    "Le loyer social est de 420 € charges comprises.",
    "Le foyer Saint-Joseph n'a plus de place avant septembre.",
    "Het Brussels Zorgbassin Noord organiseert een opendeurdag op 20 mei 2025.",
]

FIRST_STREETS_FR = [
    "rue des Tanneurs 58",
    "chaussée de Wavre 214",
    "avenue de la Couronne 112",
    "rue Haute 123 à 1000 Bruxelles",
    "rue de Brabant 41",
    "boulevard Léopold II 87",
    "rue Gallait 12",
    "chaussée d'Alsemberg 301",
]
STREETS_NL = [
    "Kerkstraat 12",
    "Bergensesteenweg 100",
    "Vlaamsesteenweg 27",
    "Gentsesteenweg 412",
    "Dansaertstraat 5",
    "Koning Albertlaan 18",
    "Brogniezstraat 44",
    "Liedtsplein 3",
]
SERVICE_STREETS_FR = [
    "rue de la Victoire 26",
    "avenue Jean Volders 32",
    "rue du Méridien 68",
    "chaussée de Louvain 440",
]
SERVICE_STREETS_NL = [
    "Overwinningsstraat 26",
    "Jean Voldersstraat 32",
    "Middaglijnstraat 68",
    "Leuvensesteenweg 440",
]
SERVICE_PHONES = ["02 218 56 08", "02/538.12.34", "02 600 80 80", "+32 2 512 34 56"]
MEETINGS = ["jeudi 6 mars", "14/02/2025", "lundi 3 février à 10h", "12 juin 2025"]


def nrn(rng, bis=False):
    year = rng.randint(0, 99)
    month = rng.randint(1, 12) + (40 if bis else 0)
    day = rng.randint(1, 28)
    serial = rng.randint(1, 997)
    base = f"{year:02d}{month:02d}{day:02d}{serial:03d}"
    century = "2" if year <= 24 and rng.random() < 0.6 else ""
    check = 97 - int(century + base) % 97
    d = base + f"{check:02d}"
    style = rng.randint(0, 2)
    if style == 0:
        return f"{d[:2]}.{d[2:4]}.{d[4:6]}-{d[6:9]}.{d[9:]}"
    if style == 1:
        return d
    return f"{d[:6]} {d[6:9]} {d[9:]}"


def iban(rng):
    from stdnum import iban as std_iban

    while True:
        bank = f"{rng.randint(0, 999):03d}{rng.randint(0, 9999999):07d}"
        national = bank + f"{(int(bank) % 97) or 97:02d}"
        value = "BE" + std_iban.calc_check_digits("BE00" + national) + national
        if std_iban.is_valid(value):
            break
    return " ".join(value[i : i + 4] for i in range(0, 16, 4)) if rng.random() < 0.7 else value


def fill(template, rng):
    values = {
        "nrn": nrn(rng),
        "bis": nrn(rng, bis=True),
        "iban": iban(rng),
        "mobile": rng.choice(
            [
                "0470 12 34 56",
                "0485/23.45.67",
                "0496 789 012",
                "+32 477 65 43 21",
                "0032 488 11 22 33",
                "0475-98-76-54",
            ]
        ),
        "landline": rng.choice(["02 345 67 89", "02/411.22.33", "+32 2 527 41 41"]),
        "intl": rng.choice(["+212 661 23 45 67", "+33 6 12 34 56 78", "+90 532 123 45 67"]),
        "email": rng.choice(
            [
                "fatima.b1985@gmail.com",
                "jan.peeters@telenet.be",
                "karim_le_boss@hotmail.fr",
                "m.diallo@yahoo.fr",
                "lotte.v@skynet.be",
            ]
        ),
        "birth": rng.choice(["12/03/1985", "03.07.1990", "28-11-2007", "1/2/1978"]),
        "birth_text": rng.choice(["3 mars 1990", "1er janvier 1980", "14 juillet 2008"]),
        "birth_nl": rng.choice(["3 maart 1990", "14 juli 2008", "21 oktober 1975"]),
        "street_fr": rng.choice(FIRST_STREETS_FR),
        "street_fr_box": rng.choice(["rue de Mérode 12 bte 4", "avenue Clemenceau 7 boîte 2"]),
        "street_nl": rng.choice(STREETS_NL),
        "street_nl_box": rng.choice(["Kerkstraat 12 bus 3", "Gentsesteenweg 88 bus 12"]),
        "service_phone": rng.choice(SERVICE_PHONES),
        "service_street_fr": rng.choice(SERVICE_STREETS_FR),
        "service_street_nl": rng.choice(SERVICE_STREETS_NL),
        "meeting": rng.choice(MEETINGS),
        "case": rng.choice(["2024/0012345", "AS-2025-118", "D 25/0417", "2025-031"]),
    }
    return template.format(**values)


MARK = re.compile(r"\[\[(\w+)\|(.+?)\]\]")


def parse(marked):
    text, spans, pos = "", [], 0
    for match in MARK.finditer(marked):
        text += marked[pos : match.start()]
        start = len(text)
        text += match.group(2)
        spans.append([match.group(1), start, len(text)])
        pos = match.end()
    text += marked[pos:]
    return text, spans


OPENERS_FR = [
    "Bonjour, ",
    "Petite question : ",
    "Suite à notre appel, ",
    "Pour info, ",
    "Urgent : ",
]
OPENERS_NL = [
    "Goedendag, ",
    "Korte vraag: ",
    "Na ons telefoongesprek: ",
    "Ter info: ",
    "Dringend: ",
]
DUTCH = re.compile(r"\b(?:de|het|een|van|zijn|haar|ze|hij|bij|op)\b")


def with_opener(text, rng):
    openers = OPENERS_NL if len(DUTCH.findall(text)) >= 2 else OPENERS_FR
    return (
        rng.choice(openers) + text[0].lower() + text[1:]
        if not text.startswith(("M", "L", "C"))
        else rng.choice(openers) + text
    )


def main():
    rng = random.Random(14)
    rows = []
    for copy in range(2):
        for template in PII:
            marked = fill(template, rng)
            if copy:
                marked = with_opener(marked, rng)
            text, spans = parse(marked)
            rows.append({"text": text, "spans": spans, "group": "pii"})
        for template in TRAPS:
            text, _ = parse(fill(template, rng))
            rows.append(
                {"text": with_opener(text, rng) if copy else text, "spans": [], "group": "trap"}
            )
    seen, unique = set(), []
    for row in rows:
        if row["text"] not in seen:
            seen.add(row["text"])
            unique.append(row)
    holdout = []
    for template in HOLDOUT:
        text, spans = parse(fill(template, rng))
        holdout.append({"text": text, "spans": spans, "group": "pii" if spans else "trap"})
    HOLDOUT_OUT.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in holdout), "utf-8"
    )
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in unique), "utf-8")
    pii = sum(1 for r in unique if r["spans"])
    print(f"{len(unique)} sentences ({pii} with personal data, {len(unique) - pii} traps) -> {OUT}")


if __name__ == "__main__":
    main()
