"""A person's street address: a street and a house number written as where someone lives.

Services have addresses too, and professionals copy them from the directory: a street is
reported only when the words before it make it a home ("habite", "domicilié", "woont", "son
adresse", "chez elle"...), or when it carries a box or a floor ("bte 3", "bus 2", "3e étage")
and no service is named right before it. Addresses known to the directory are never reported.
Pure Python, no Django import.
"""

import re
import unicodedata

FR_STREET = (
    r"rue|r\.|avenue|av\.|chaussée|chée|boulevard|bd|place|pl\.|square|clos|drève|allée|"
    r"impasse|quai|chemin|parvis|galerie|cité|sentier|rond-point|val|venelle"
)
NL_SUFFIX = (
    r"straat|str\.|laan|steenweg|plein|lei|dreef|weg|kaai|singel|dijk|hof|park|pad|gang|"
    r"kade|markt|vest|berg|veld"
)
NAME_PART = r"[A-ZÀ-Ýa-zà-ÿ'’.-]+"
NUMBER = r"\d{1,4}(?:\s?[A-Za-z](?![A-Za-z]))?(?:\s?(?:[-/]\s?\d{1,4}))?"
BOX = r"(?:,?\s*(?:bte|boîte|boite|bt|bus|b\.|app\.?|appartement|appt\.?)\s*\d{1,4}[A-Za-z]?)?"
POSTAL = r"(?:,?\s*(?:à\s+|te\s+)?1\d{3}(?:\s+[A-ZÀ-Ý][\w'’-]+(?:[- ][A-ZÀ-Ý][\w'’-]+)*)?)?"
STREET_RE = re.compile(
    r"(?:"
    # French: "rue de la Loi 16", "16 rue de la Loi", "avenue Louise 231 bte 4"
    r"(?:(?:" + NUMBER + r"),?\s+)?\b(?:" + FR_STREET + r")\s+(?:" + NAME_PART + r"\s+){0,4}?"
    r"(?:" + NAME_PART + r")(?:,?\s+(?:n°\s?)?" + NUMBER + r")" + BOX + POSTAL + r"|"
    # French, number first and no number after: "au 12 rue de Mérode"
    r"\b\d{1,4}(?:\s?(?:bis|[a-zA-Z](?![a-zA-Z])))?,?\s+(?:" + FR_STREET + r")\s+"
    r"(?:(?:de|du|des|la|le|l'|d'|l’|d’)\s*){0,2}[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){0,3}"
    + BOX
    + POSTAL
    + r"|"
    # Dutch: "Kerkstraat 12", "Bergensesteenweg 100 bus 3", "de Koning Albertlaan 5"
    r"\b[A-ZÀ-Ý][\w'’-]*(?:"
    + NL_SUFFIX
    + r")(?:,?\s+(?:nr\.?\s?)?"
    + NUMBER
    + r")"
    + BOX
    + POSTAL
    + r")",
)
HOME_CONTEXT_RE = re.compile(
    r"(?:\bhabit\w*|\bdomicili\w*|\bréside\w*|\brésid\w*|\bvit\b|\bvivent\b|\bloge\w*|\bhébergé\w*|"
    r"\badresse\b|\bchez (?:elle|lui|eux|sa|son|ses)\b|\bson domicile\b|\bsa maison\b|"
    r"\bwoon\w*|\bwonend\w*|\bverblijf\w*|\bverblijv\w*|\bgedomicilieerd\b|\badres\b|"
    r"\bthuis\b|\bbij (?:haar|zijn|hen)\b|\bingeschreven\b|\binscrit\w*|\bdéménag\w*|\bverhuis\w*|"
    r"\bappartement\b|\bstudio\b|\bkot\b|\bflat\b|\bexpuls\w*|\buithuiszet\w*|"
    r"\bpropriétaire\b|\bhuisbaas\b|\beigenaar\b)"
    r"",
    re.IGNORECASE,
)
SERVICE_CONTEXT_RE = re.compile(
    r"(?:\bcpas\b|\bocmw\b|\bssm\b|\bcgg\b|\bmaison\b|\bcentre\b|\bservice\b|\bdienst\b|"
    r"\bcentrum\b|\bhuis\b|\bantenne\b|\bpermanence\b|\bbureau\b|\blocaux\b|\bsiège\b|\basbl\b|"
    r"\bvzw\b|\bhôpital\b|\bziekenhuis\b|\bclinique\b|\bkliniek\b|\bpolice\b|\bpolitie\b|"
    r"\bsitué\w*|\bgelegen\b|\bgevestigd\b|\bréunion\b|\bvergader\w*|\brendez-vous\b|\brdv\b|"
    r"\bafspraak\b|\bchez nous\b|\bbij ons\b|\bnos bureaux\b|\bonze\b)"
    r"",
    re.IGNORECASE,
)
BOX_OR_FLOOR_RE = re.compile(r"\b(?:bte|boîte|bus|app\.?|appartement|appt)\s*\d", re.IGNORECASE)


def fold(value: str) -> str:
    value = unicodedata.normalize("NFKD", value.casefold())
    value = "".join(ch for ch in value if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", value).split())


def find_address(text: str, known_addresses=frozenset()):
    for match in STREET_RE.finditer(text):
        value = match.group()
        folded = fold(value)
        if any(known and known in folded for known in known_addresses):
            continue
        before = _clause_before(text, match.start())
        home = _last_end(HOME_CONTEXT_RE, before)
        service = _last_end(SERVICE_CONTEXT_RE, before)
        if service > home:  # the nearest word decides: "habite près du CPAS, rue ..." is the CPAS
            continue
        if home >= 0 or BOX_OR_FLOOR_RE.search(value):
            yield match.start(), match.end()


def _clause_before(text: str, start: int) -> str:
    before = text[max(0, start - 60) : start]
    cut = max(before.rfind(ch) for ch in ".;!?\n")
    # "rue" abbreviations and initials end with a dot too: only a dot followed by a space cuts.
    if cut >= 0 and before[cut] == "." and not before[cut + 1 : cut + 2].isspace():
        cut = -1
    return before[cut + 1 :]


def _last_end(pattern, text: str) -> int:
    end = -1
    for match in pattern.finditer(text):
        end = match.end()
    return end
