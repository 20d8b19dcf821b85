"""Personal names: a capitalised name after a title or a family/care role, in French and Dutch.

"Mme Dupont", "mevrouw Janssens", "son fils Karim", "le patient Pierre V.", "haar zoon Youssef",
"la petite Inès", "genaamd Tom". Also a common first name standing alone ("Karim, 15 ans,
...") unless it belongs to a street, a saint or an organization ("avenue Louise", "Hôpital
Saint-Pierre", "Maison Marie-Louise"). Organization names known to the directory are never
reported (the scanner removes findings inside them). Pure Python, no Django import.
"""

import re

from .firstnames import FIRST_NAMES

UPPER = "A-ZÀ-ÖØ-ÝŒ"
LOWER = "a-zà-öø-ÿœ"
WORD = rf"[{UPPER}][{LOWER}{UPPER}'’]+(?:-[{UPPER}]?[{LOWER}{UPPER}'’]+)*"
INITIAL = rf"[{UPPER}]\.(?:\s?[{UPPER}]\.)?"
PARTICLE = r"(?:van\s+de[rn]?|van|de\s+la|de|del|della|der|den|du|des|le|la|el|al|ben|bin|ibn|da|dos|di|ter|ten|'t|d'|l')"
CAP_PARTICLE = r"(?:Van\s+de[rn]?|Van|Vande|Vanden|Vander|De|Del|Della|El|Al|Ben|Da|Dos|Di|Ter|Ten|Le|La|D['’]|L['’])"
NAME = (
    rf"(?:{CAP_PARTICLE}\s*)?(?:{WORD}|{INITIAL})(?:\s+(?:(?:{PARTICLE})\s*)?(?:{WORD}|{INITIAL}))?"
)

TITLES = (
    r"m\.|mr\.?|monsieur|mme\.?|madame|mlle\.?|mademoiselle|mevrouw|mevr\.?|mw\.?|mej\.?|"
    r"juffrouw|meneer|mijnheer|mijnh\.?|dhr\.?|de\s+heer|mister|mrs\.?|ms\.?|miss"
)
FR_ROLE_NOUNS = (
    r"fils|fille|mari|femme|épouse|époux|compagnon|compagne|conjoint|conjointe|partenaire|"
    r"frère|sœur|soeur|mère|père|neveu|nièce|cousin|cousine|oncle|tante|grand-mère|grand-père|"
    r"bébé|enfant|ado|adolescent|adolescente|petit-fils|petite-fille|beau-père|belle-mère|"
    r"patient|patiente|bénéficiaire|client|cliente|usager|usagère|résident|résidente|jeune|"
    r"petit|petite|demandeur|demandeuse|locataire|monsieur|dame|mineur|mineure|élève|"
    r"voisin|voisine|ami|amie|maman|papa|gamin|gamine|garçon|homme|détenu|détenue"
)
NL_ROLE_NOUNS = (
    r"zoon|dochter|man|vrouw|echtgenoot|echtgenote|partner|vriend|vriendin|broer|zus|zuster|"
    r"moeder|vader|mama|papa|neef|nicht|oom|tante|oma|opa|baby|kind|kleinzoon|kleindochter|"
    r"patiënt|patiënte|patient|cliënt|cliënte|client|bewoner|bewoonster|gebruiker|jongere|"
    r"aanvrager|aanvraagster|huurder|huurster|leerling|buurman|buurvrouw|meneer|mevrouw|"
    r"jongen|meisje|gedetineerde|minderjarige"
)
FR_DETERMINERS = (
    r"(?:son|sa|ses|leur|leurs|le|la|les|l'|l’|un|une|notre|nos|votre|mon|ma|ce|cette|cet)"
)
NL_DETERMINERS = r"(?:haar|zijn|hun|de|het|een|onze|ons|mijn|uw|die|deze|dit)"
NAMING = (
    r"prénommée?|nommée?|dénommée?|appelée?|s['’]appelle|se\s+nomme|"
    r"genaamd|heet|noemt|met\s+de\s+naam|roepnaam|voornaam|prénom|nom"
)

TRIGGER_RE = re.compile(
    rf"(?:(?<![\w])(?:{TITLES})(?=\s)"
    rf"|(?<![\w]){FR_DETERMINERS}\s*(?:{FR_ROLE_NOUNS})(?:\s+(?:de\s+)?\d+\s+ans)?,?"
    rf"|(?<![\w]){NL_DETERMINERS}\s+(?:{NL_ROLE_NOUNS})(?:\s+van\s+\d+(?:\s+jaar)?)?,?"
    rf"|(?<![\w])(?:{NAMING})\s*:?)\s*",
    re.IGNORECASE,
)
NAME_RE = re.compile(NAME)
#: Capitalised words after a role that are not names.
NOT_NAMES = {
    "le",
    "la",
    "les",
    "de",
    "du",
    "des",
    "het",
    "een",
    "cpas",
    "ocmw",
    "ssm",
    "cgg",
    "asbl",
    "vzw",
    "il",
    "elle",
    "hij",
    "zij",
    "ze",
    "qui",
    "die",
    "dat",
    "et",
    "en",
    "ou",
    "of",
    "a",
    "est",
    "is",
    "au",
    "aux",
    "à",
    "bij",
    "van",
    "in",
    "sur",
    "op",
    "pour",
    "voor",
    "mais",
    "maar",
    "belge",
    "belgische",
    "marocain",
    "marocaine",
    "congolais",
    "congolaise",
    "bruxellois",
    "bruxelloise",
    "brusselaar",
    "français",
    "française",
    "roumain",
    "roumaine",
    "syrien",
    "syrienne",
    "afghan",
    "afghane",
    "érythréen",
    "érythréenne",
    "turc",
    "turque",
    "polonais",
    "polonaise",
    "guinéen",
    "guinéenne",
    "tunisien",
    "tunisienne",
    "algérien",
    "algérienne",
    "marokkaanse",
    "marokkaan",
    "turkse",
    "congolese",
    "syrische",
    "roemeense",
    "poolse",
    "afghaanse",
    "eritrese",
    "ukrainien",
    "ukrainienne",
    "oekraïense",
    "alzheimer",
    "covid",
    "sdf",
    "mena",
    "nbmv",
    "tdah",
    "adhd",
    "autisme",
    "autist",
    "juin",
    "mars",
    "mai",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "président",
    "présidente",
    "directeur",
    "directrice",
    "voorzitter",
}
#: Words right before a first name that make it a street, a saint or an institution.
PLACE_BEFORE_RE = re.compile(
    r"(?:\b(?:rue|avenue|av\.|chaussée|boulevard|bd|place|square|clos|drève|allée|impasse|quai|"
    r"parc|galerie|porte|quartier|cité|saint|sainte|st|ste|sint|maison|centre|espace|hôpital|"
    r"clinique|institut|fondation|résidence|home|huis|centrum|ziekenhuis|kliniek|school|école|"
    r"collège|athénée|lycée|stichting|foyer|villa|asbl|vzw|projet|project|opération|prix|"
    r"gare|station|métro|metro|halte|église|kerk|hall|salle|zaal|centrale|dr|docteur|dokter|"
    r"prof|professeur|professor|me|maître|meester|avocat|avocate|advocaat)\b[\s-]*"
    r"(?:(?:de|du|des|la|le|l'|van|der|den)\s*){0,2}$)",
    re.IGNORECASE,
)
FIRST_NAME_RE = re.compile(
    rf"(?<![\w'’-])([{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?)(?![\w'’-])"
)
NEXT_PART_RE = re.compile(rf"\s+({INITIAL}|{WORD})")
STREET_WORD_RE = re.compile(
    r"(?:straat|laan|steenweg|plein|lei|dreef|weg|kaai|singel)\b", re.IGNORECASE
)


PARTICLES = {
    "van",
    "vande",
    "vanden",
    "vander",
    "de",
    "der",
    "den",
    "del",
    "della",
    "el",
    "al",
    "ben",
    "da",
    "dos",
    "di",
    "ter",
    "ten",
    "le",
    "la",
}


def _is_name(token: str) -> bool:
    words = [
        w
        for w in token.replace("'", " ").replace("’", " ").split()
        if w.casefold() not in PARTICLES
    ]
    if not words:
        return False
    word = words[0].rstrip(".,")
    return word.casefold() not in NOT_NAMES and not (word.isupper() and len(word) > 2)


def find_name(text: str):
    for trigger in TRIGGER_RE.finditer(text):
        match = NAME_RE.match(text, trigger.end())
        if not match or not _is_name(match.group()):
            continue
        value = match.group()
        # "Mme Dupont et son fils": stop at a second word that is not a name part
        parts = value.split()
        if len(parts) > 1 and parts[-1].casefold() in NOT_NAMES:
            value = " ".join(parts[:-1])
        yield match.start(), match.start() + len(value)
    for match in FIRST_NAME_RE.finditer(text):
        first = match.group(1)
        if first.casefold() not in FIRST_NAMES:
            continue
        before = text[max(0, match.start() - 30) : match.start()]
        if PLACE_BEFORE_RE.search(before) or text[match.end() : match.end() + 1] == "-":
            continue
        end = match.end()
        following = NEXT_PART_RE.match(text, end)
        if following and STREET_WORD_RE.search(following.group(1)):
            continue  # "Jean Voldersstraat"
        if following and _is_name(following.group(1)):
            end = following.end()
        yield match.start(), end
