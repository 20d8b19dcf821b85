"""The relevance formula of the directory search (NumPy on whole arrays; no Django import).

For each concept c of the query (a word, or a thesaurus phrase) and each matching service:

    evidence_c = 3.0 * [c in the service or organization name]     (title)
               + 2.0 * [c in a taxonomy term's name of the service] (terms)
               + 1.0 * [c in the text: names, description, terms, municipality] (body)
               + 0.3 * [c's short word (4 letters or less) only as the start of a longer
                        word: "ris" in "risques"]                            (prefix)
               + 0.5 * s, without the word itself, s = the share of the thesaurus terms
                        c stands for that the service carries (1: all of them)  (synonym)
    score      = sum over c of  idf_c * evidence_c * (K1 + 1) / (evidence_c + K1)     (BM25F)
               + PHRASE  if the query's words (two or more) appear together, in order, in
                         the title or a term's name, or the query is the whole name of a
                         term the service carries                         (exact phrase)
               + FRESH * freshness   (1 for a sheet verified today, 0 after two years)

    idf_c = ln(1 + (N - n_c + 0.5) / (n_c + 0.5)), N = indexed services, n_c = services
    matching c (BM25's weighting: a word in every sheet weighs almost nothing).

Term frequency is presence (saturated at once), fields are weighted as in BM25F. Order:
services matching more concepts first (all words beats some), then the score, then name order
(ties are broken by the position, which is name order, then index id: deterministic). A word
found as such (evidence >= 1) always outweighs the same concept found only through the
thesaurus (0.5); a name match (>= 4) outweighs a description match (1).
"""

import math

import numpy as np

W_TITLE, W_TERMS, W_BODY, W_PREFIX, W_SYNONYM = 3.0, 2.0, 1.0, 0.3, 0.5
K1 = 1.2
PHRASE = 1.5
FRESH = 0.3


def idf(total: int, matching: int) -> float:
    return math.log(1 + (total - matching + 0.5) / (matching + 0.5))


def evidence(title, terms, body, prefix, synonym) -> np.ndarray:
    """Boolean arrays (one value per candidate; ``synonym``: a share in [0, 1]) -> the field
    evidence of one concept."""
    return (
        W_TITLE * title
        + W_TERMS * terms
        + W_BODY * body
        + W_PREFIX * prefix
        + W_SYNONYM * synonym * ~body
    )


def saturate(values: np.ndarray) -> np.ndarray:
    return values * (K1 + 1) / (values + K1)


def order(positions: np.ndarray, coverage: np.ndarray, score: np.ndarray) -> np.ndarray:
    """Positions sorted: more concepts matched, higher score, then position (name order)."""
    return positions[np.lexsort((positions, -score, -coverage))]
