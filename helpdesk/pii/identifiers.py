"""Numbers that identify a person: national register / BIS numbers, IBANs, phones, e-mails.

Pure functions returning (start, end) spans; no Django import, never keeps the text.
Check digits come from python-stdnum, so a number with a wrong check digit is not reported as a
national number or an IBAN (it is most likely a case number or a typo that identifies no one).
"""

import re

from stdnum import iban as std_iban
from stdnum.be import bis as std_bis
from stdnum.be import nn as std_nn

# 11 digits, as written in Belgium: 85.07.30-033.28, 85073003328, 850730 033 28, 85 07 30 033 28
NRN_RE = re.compile(r"(?<![\d/.-])\d{2}[. ]?\d{2}[. ]?\d{2}[ .-]?\d{3}[ .-]?\d{2}(?![\d/-]|\.\d)")
IBAN_RE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
EMAIL_RE = re.compile(
    r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}(?![\w@])", re.UNICODE
)
# Belgian numbers: 9 digits (landline) or 10 digits (mobile), or in international form.
PHONE_RE = re.compile(
    r"(?<![\w+/.-])(?:"
    r"(?:\+|00)\s?32\s?(?:\(0\)\s?)?[1-9](?:[ ./-]?\d){7,8}"  # +32 470 12 34 56
    r"|(?:\+|00)\s?(?:33|31|49|44|212|213|216|90|40|48|34|39|351)(?:[ ./-]?\d){8,10}"  # abroad
    r"|0[1-9](?:[ ./-]?\d){7,8}"  # 0470 12 34 56, 02/512.34.56
    r")(?![\d])"
)
#: Services' lines, never a person: free (0800), paying (090x), national (070, 078).
SERVICE_PREFIXES = ("0800", "0900", "0901", "0902", "0903", "0904", "0905", "070", "078", "077")
#: Words right before a number that make it a case number of the service, not a phone.
CASE_CONTEXT_RE = re.compile(
    r"(?:dossier|dossiers|réf\.?|référence|ref\.?|n°|no\.?|numéro de dossier|"
    r"dossiernummer|referentie|kenmerk|ticket|facture|factuur)\s*:?\s*$",
    re.IGNORECASE,
)
# A role mailbox (info@, contact@, accueil@...) is a service's, not a person's.
ROLE_MAILBOX = {
    "info",
    "contact",
    "accueil",
    "secretariat",
    "secretariaat",
    "onthaal",
    "admin",
    "office",
    "helpdesk",
    "permanence",
    "direction",
    "directie",
    "social",
    "sociaal",
    "rdv",
    "afspraak",
    "inscription",
    "inschrijving",
    "noreply",
    "no-reply",
    "bonjour",
    "hello",
    "hallo",
}


def digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def national_phone(value: str) -> str:
    """Digits of a Belgian number in its national form (0 + ...), whatever way it was typed."""
    d = digits(value)
    if d.startswith("0032"):
        d = "0" + d[4:]
    elif value.strip().startswith("+32"):
        d = "0" + d[2:]
    if d.startswith("00"):
        d = d[1:]
    return d


def valid_nrn(number: str) -> bool:
    d = digits(number)
    return len(d) == 11 and (std_nn.is_valid(d) or std_bis.is_valid(d))


def find_nrn(text: str):
    for match in NRN_RE.finditer(text):
        if valid_nrn(match.group()):
            yield match.start(), match.end()


def find_iban(text: str):
    for match in IBAN_RE.finditer(text):
        value = match.group()
        # The regex may take a word too many at the end: try shorter forms too.
        candidate = value
        while candidate:
            if std_iban.is_valid(candidate):
                yield match.start(), match.start() + len(candidate.rstrip())
                break
            if " " not in candidate.strip():
                break
            candidate = candidate.rsplit(" ", 1)[0]


def find_email(text: str, known_emails=frozenset()):
    for match in EMAIL_RE.finditer(text):
        value = match.group().lower().rstrip(".")
        local = value.split("@", 1)[0]
        if value in known_emails or local in ROLE_MAILBOX:
            continue
        yield match.start(), match.start() + len(match.group().rstrip("."))


#: Words that make the number before/after them a service's line ("le SSM ... au 02 ...").
SERVICE_WORDS_RE = re.compile(
    r"\b(?:ssm|cgg|cpas|ocmw|service|dienst|permanence|permanentie|secrétariat|secretariaat|"
    r"accueil|onthaal|centre|centrum|ligne|lijn|rendez-vous|afspraak|maison|huis|asbl|vzw|"
    r"hôpital|ziekenhuis|planning|mutuelle|ziekenfonds|bureau|kantoor|antenne|samusocial)\b",
    re.IGNORECASE,
)
PERSON_WORDS_RE = re.compile(
    r"\b(?:sa|son|ses|elle|lui|il|haar|zijn|hem|ze|zij|hij|maman|mama|papa|père|mère|vader|"
    r"moeder|famille|gezin|fils|fille|zoon|dochter|sœur|soeur|frère|zus|broer|patient|patiente|"
    r"patiënt|client|cliente|cliënt|cliënte|bénéficiaire|jeune|jongere|monsieur|madame|mevrouw|"
    r"meneer|m\.|mme|mr|dhr|mevr|gsm|portable|privé|privé|joignable|bereikbaar|rappeler|"
    r"terugbellen|contact)\b",
    re.IGNORECASE,
)


def _last_end(pattern, text: str) -> int:
    end = -1
    for match in pattern.finditer(text):
        end = match.end()
    return end


def service_line(text: str, start: int) -> bool:
    """The nearest telling word before the number is a service's, not a person's."""
    before = text[max(0, start - 80) : start]
    cut = max(before.rfind(ch) for ch in ";!?\n")
    before = before[cut + 1 :]
    return _last_end(SERVICE_WORDS_RE, before) > _last_end(PERSON_WORDS_RE, before)


def find_phone(text: str, known_phones=frozenset()):
    for match in PHONE_RE.finditer(text):
        value = match.group()
        national = national_phone(value)
        if national in known_phones or national.startswith(SERVICE_PREFIXES):
            continue
        if CASE_CONTEXT_RE.search(text[max(0, match.start() - 25) : match.start()]):
            continue
        if service_line(text, match.start()):
            continue
        yield match.start(), match.end()
