"""What a query says (pure Python, no Django import): its words cut into concepts, each a
thesaurus phrase ("plus de toit") or one word, with the thesaurus terms they stand for.

Phrases are found first, longest first, on the folded words as typed (stop words included:
"à la rue"); the words left are single-word concepts, minus stop words and the filler words of
situations told in plain words ("elle", "n", "hij", "heeft"). Never reads the index.
"""

from dataclasses import dataclass, field

from .text import STOPWORDS, fold

#: Words of a situation told in plain words that never narrow a search (FR, NL, EN).
FILLERS = frozenset(
    [
        "je",
        "j",
        "tu",
        "il",
        "elle",
        "on",
        "nous",
        "vous",
        "ils",
        "elles",
        "me",
        "m",
        "te",
        "t",
        "se",
        "s",
        "moi",
        "lui",
        "leur",
        "leurs",
        "mon",
        "ma",
        "mes",
        "ton",
        "ta",
        "tes",
        "son",
        "sa",
        "ses",
        "notre",
        "nos",
        "votre",
        "vos",
        "ne",
        "n",
        "pas",
        "plus",
        "rien",
        "jamais",
        "qui",
        "que",
        "qu",
        "quoi",
        "dont",
        "ce",
        "cet",
        "cette",
        "ces",
        "est",
        "es",
        "suis",
        "sont",
        "sommes",
        "etes",
        "ete",
        "etait",
        "a",
        "ai",
        "as",
        "avons",
        "avez",
        "ont",
        "avoir",
        "etre",
        "fait",
        "faire",
        "peut",
        "peux",
        "veut",
        "veux",
        "doit",
        "dois",
        "va",
        "vais",
        "dans",
        "chez",
        "tres",
        "trop",
        "bien",
        "mal",
        "encore",
        "deja",
        "aussi",
        "si",
        "mais",
        "car",
        "donc",
        "comme",
        "quand",
        "depuis",
        "sans",
        "sous",
        "entre",
        "vers",
        "y",
        "cherche",
        "chercher",
        "besoin",
        "quelqu",
        "quelque",
        "personne",
        "monsieur",
        "madame",
        "mr",
        "mme",
        "ik",
        "jij",
        "je",
        "hij",
        "zij",
        "ze",
        "wij",
        "we",
        "jullie",
        "u",
        "mij",
        "me",
        "hem",
        "haar",
        "ons",
        "hun",
        "mijn",
        "jouw",
        "zijn",
        "onze",
        "is",
        "ben",
        "bent",
        "was",
        "waren",
        "heb",
        "hebt",
        "heeft",
        "hebben",
        "had",
        "hadden",
        "niet",
        "geen",
        "meer",
        "nog",
        "al",
        "er",
        "die",
        "dat",
        "deze",
        "dit",
        "wie",
        "wat",
        "wil",
        "wilt",
        "willen",
        "kan",
        "kunt",
        "kunnen",
        "moet",
        "moeten",
        "zal",
        "zou",
        "zeer",
        "heel",
        "erg",
        "ook",
        "maar",
        "want",
        "dus",
        "als",
        "toen",
        "sinds",
        "zonder",
        "onder",
        "naar",
        "om",
        "door",
        "tot",
        "zoekt",
        "zoek",
        "nodig",
        "iemand",
        "meneer",
        "mevrouw",
        "i",
        "you",
        "he",
        "she",
        "we",
        "they",
        "me",
        "him",
        "her",
        "my",
        "his",
        "their",
        "is",
        "are",
        "was",
        "be",
        "has",
        "have",
        "had",
        "not",
        "no",
        "very",
    ]
)
MAX_CONCEPTS = 8


@dataclass
class Concept:
    #: The words as typed (folded), for display: "plus de toit", "dakloos".
    text: str
    #: The words that must be found in the text (stop words removed).
    words: list
    #: Facet tokens of the thesaurus terms the concept stands for.
    synonyms: frozenset = frozenset()
    #: Found as a thesaurus phrase of several words.
    phrase: bool = False
    #: Typo corrections: typed word -> indexed words used instead.
    corrected: dict = field(default_factory=dict)


def concepts(query: str, thesaurus) -> list[Concept]:
    words = fold(query).split()[:40]
    found: list[Concept] = []
    seen = set()
    i = 0
    while i < len(words):
        for n in range(min(thesaurus.longest, len(words) - i), 1, -1):
            text = " ".join(words[i : i + n])
            tokens = thesaurus.phrase(text)
            if tokens:
                literal = [w for w in words[i : i + n] if w not in STOPWORDS and w not in FILLERS]
                found.append(Concept(text, literal or words[i : i + n], tokens, True))
                i += n
                break
        else:
            word = words[i]
            i += 1
            if word in STOPWORDS or (word in FILLERS and not thesaurus.phrase(word)):
                continue
            found.append(Concept(word, [word], thesaurus.word(word)))
    unique = []
    for concept in found:
        if concept.text not in seen:
            seen.add(concept.text)
            unique.append(concept)
    return unique[:MAX_CONCEPTS]
