"""The PII guard (pure Python): each kind of identifier in French and Dutch, with valid and
invalid check digits, and each trap that must not fire."""

import json
from pathlib import Path

import pytest

from helpdesk.pii import Known, has_pii, scan


def found(text, known=None):
    return [(f.kind, text[f.start : f.end]) for f in scan(text, known)]


def kinds(text, known=None):
    return [f.kind for f in scan(text, known)]


# --- national register and BIS numbers -------------------------------------------------------


@pytest.mark.parametrize(
    "text, number",
    [
        ("Son numéro national est le 85.07.30-033.28.", "85.07.30-033.28"),
        ("NN 85073003328, la mutuelle ne le retrouve pas.", "85073003328"),
        ("Zijn rijksregisternummer is 850730 033 28.", "850730 033 28"),
        # born in 2005: the check digits are computed with a leading 2 (2nd century)
        ("Rijksregisternummer: 05.03.12-123.60 (geboren in 2005).", "05.03.12-123.60"),
        ("NISS 12.01.01-001.63", "12.01.01-001.63"),
        # BIS number: month + 40
        ("Numéro BIS : 85.47.30-033.17", "85.47.30-033.17"),
        ("Ze heeft een BIS-nummer 85473003317.", "85473003317"),
    ],
)
def test_national_register_and_bis_numbers_with_valid_check_digits(text, number):
    assert ("nrn", number) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Son numéro national est le 85.07.30-033.29.",  # last digit wrong
        "Rijksregisternummer 85073003399",
        "Numéro BIS : 85.47.30-033.18",
        "Geboren in 2005: 05.03.12-123.61",
    ],
)
def test_numbers_with_wrong_check_digits_are_not_national_numbers(text):
    assert "nrn" not in kinds(text)


# --- IBAN -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, number",
    [
        ("Compte de la bénéficiaire : BE62 5100 0754 7061, à son nom.", "BE62 5100 0754 7061"),
        ("Verser l'aide sur BE71096123456769 svp.", "BE71096123456769"),
        ("Haar rekening: BE71 0961 2345 6769.", "BE71 0961 2345 6769"),
        ("Rekeningnummer NL91 ABNA 0417 1643 00 (Nederlandse bank).", "NL91 ABNA 0417 1643 00"),
    ],
)
def test_iban_with_valid_checksum(text, number):
    assert ("iban", number) in found(text)


@pytest.mark.parametrize(
    "text", ["Compte BE62 5100 0754 7062.", "Rekening BE71096123456768.", "NL92 ABNA 0417 1643 00"]
)
def test_iban_with_wrong_checksum_is_not_reported(text):
    assert "iban" not in kinds(text)


# --- phones and e-mails -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, number",
    [
        ("Vous pouvez joindre la maman au 0470 12 34 56 après 16h.", "0470 12 34 56"),
        ("Tél. de la famille : 0485/23.45.67.", "0485/23.45.67"),
        ("Le père est joignable au +32 477 65 43 21.", "+32 477 65 43 21"),
        ("De moeder is bereikbaar op 0032 488 11 22 33.", "0032 488 11 22 33"),
        ("Telefoon van de cliënt: 02 345 67 89.", "02 345 67 89"),
        ("Zijn GSM-nummer: 0475-98-76-54.", "0475-98-76-54"),
        ("Son frère au Maroc : +212 661 23 45 67.", "+212 661 23 45 67"),
    ],
)
def test_phone_numbers_fr_nl(text, number):
    assert ("phone", number) in found(text)


@pytest.mark.parametrize(
    "text, address",
    [
        ("Elle m'écrit depuis fatima.b1985@gmail.com sans répondre.", "fatima.b1985@gmail.com"),
        ("Zijn e-mailadres is jan.peeters@telenet.be.", "jan.peeters@telenet.be"),
    ],
)
def test_email_addresses_fr_nl(text, address):
    assert ("email", address) in found(text)


# --- dates of birth ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, date",
    [
        ("Mme X., née le 12/03/1985, attend un titre de séjour.", "12/03/1985"),
        ("Le patient, né le 3 mars 1990, refuse l'hospitalisation.", "3 mars 1990"),
        ("Date de naissance : 28-11-2007.", "28-11-2007"),
        ("Hij is geboren op 14 juli 2008 in Istanbul.", "14 juli 2008"),
        ("Geboortedatum: 03.07.1990.", "03.07.1990"),
        ("Jeune homme (° 1/2/2006) sans logement.", "1/2/2006"),
    ],
)
def test_dates_of_birth_fr_nl(text, date):
    assert ("birthdate", date) in found(text)


# --- a person's street address ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, address",
    [
        ("Elle habite rue des Tanneurs 58 avec ses enfants.", "rue des Tanneurs 58"),
        (
            "Il est domicilié chaussée de Wavre 214 à 1050 Ixelles.",
            "chaussée de Wavre 214 à 1050 Ixelles",
        ),
        ("Ils vivent au 12 rue de Mérode, sans chauffage.", "12 rue de Mérode"),
        ("Ze woont in de Kerkstraat 12 bus 3 met haar kinderen.", "Kerkstraat 12 bus 3"),
        ("Hij is gedomicilieerd in de Bergensesteenweg 100.", "Bergensesteenweg 100"),
    ],
)
def test_a_persons_address_fr_nl(text, address):
    assert ("address", address) in found(text)


# --- names after a title or a role ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("Mme Dupont est arrivée au CPAS sans papiers.", "Dupont"),
        ("mevrouw Janssens woont alleen.", "Janssens"),
        ("son fils Karim ne va plus à l'école.", "Karim"),
        ("le patient Pierre V. a quitté l'hôpital.", "Pierre V."),
        ("Monsieur Van den Bossche a reçu un avis d'expulsion.", "Van den Bossche"),
        ("Ik bel voor meneer De Smet.", "De Smet"),
        ("haar zoon Youssef gaat niet meer naar school.", "Youssef"),
        ("de patiënt Jan P. verliet het ziekenhuis.", "Jan P."),
        ("Une jeune femme prénommée Aïcha s'est présentée.", "Aïcha"),
        ("De jongere heet Bilal en is 17 jaar.", "Bilal"),
        ("Karim, 15 ans, dort chez des amis.", "Karim"),
    ],
)
def test_personal_names_fr_nl(text, name):
    assert any(kind == "name" and name in part for kind, part in found(text)), found(text)


# --- traps: not a person ----------------------------------------------------------------------

DIRECTORY = Known.build(
    phones=["02 218 56 08"],
    emails=["accueil.ssm@example.be"],
    addresses=["rue de la Victoire 26", "Overwinningsstraat 26"],
    names=["Maison Médicale du Nord", "Espace Louise"],
)


@pytest.mark.parametrize(
    "text",
    [
        "La Maison Médicale du Nord prend encore de nouveaux patients.",
        "Le CPAS d'Ixelles refuse l'aide sans adresse de référence.",
        "Het OCMW van Elsene weigert steun zonder referentieadres.",
        "J'ai appelé le SSM au 02 218 56 08 mais la liste d'attente est longue.",
        "Ik belde het nummer 02 218 56 08, zonder antwoord.",  # known to the directory
        "La permanence se tient rue de la Victoire 26 le mardi.",
        "De permanentie is in de Overwinningsstraat 26.",
        "Rendez-vous pris le 12/03/2025 à 14h au CPAS de Schaerbeek.",
        "Een netwerkoverleg is gepland op 14/02/2025 met het CLB.",
        "Elle doit encore payer 450 € d'arriérés et 1.309,97 € par mois.",
        "De huur bedraagt 780 euro.",
        "Dossier n° 2024/0012345 ouvert en médiation de dettes.",
        "Dossiernummer 0472 123 456 bij de schuldbemiddeling.",
        "Le Centre de prévention du suicide répond au 0800 32 123.",
        "Écrire à accueil.ssm@example.be ou info@cpas-exemple.be pour l'inscription.",
        "Orienter vers l'Hôpital Saint-Pierre, avenue Louise ou l'Espace Louise.",
        "Het OCMW van Sint-Gillis, gelegen in de Jean Voldersstraat 32.",
        "Le Dr Martin de la maison médicale suit déjà la famille.",
        "Le jeune a 17 ans et la patiente a 42 ans.",
        "Le bénéficiaire est arrivé en Belgique en 2021.",
    ],
)
def test_traps_do_not_fire(text):
    assert found(text, DIRECTORY) == []


def test_a_directory_phone_is_a_person_when_not_known_and_said_to_be_hers():
    text = "Sa fille est joignable au 02 218 56 09."
    assert kinds(text, DIRECTORY) == ["phone"]


def test_has_pii_and_empty_text():
    assert has_pii("mevrouw Peeters") is True
    assert has_pii("") is False
    assert scan("") == []


def test_spans_point_at_the_text_and_do_not_overlap():
    text = "Contact : Mme Diallo, 0470 12 34 56, m.diallo@yahoo.fr, NN 85.07.30-033.28."
    result = scan(text)
    assert [f.kind for f in result] == ["name", "phone", "email", "nrn"]
    for a, b in zip(result, result[1:], strict=False):
        assert a.end <= b.start


CORPUS = Path(__file__).parent / "data" / "pii_corpus.jsonl"


def test_corpus_is_big_enough_and_balanced():
    rows = [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines()]
    with_pii = sum(1 for r in rows if r["spans"])
    assert len(rows) >= 300
    assert abs(with_pii - (len(rows) - with_pii)) <= len(rows) * 0.1
