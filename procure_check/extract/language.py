"""Which language a document is written in: it decides how "1,241" and "4.850" are read."""

import re

_STOPWORDS = {
    "da": {"og", "er", "ikke", "til", "af", "med", "på", "for", "det", "den", "skal", "eller", "som", "kan",
           "produktet", "ved", "pr", "fra", "må", "år", "være", "bør", "ingen", "mærket",
           # words Norwegian spells otherwise
           "efter", "uden", "nogen", "noget", "end", "mellem", "gennem", "kræver", "kræves", "mærkning", "dage",
           "købe", "hvad"},
    "en": {"and", "the", "is", "not", "of", "with", "for", "to", "in", "or", "must", "shall", "this",
           "product", "by", "are", "be", "from", "no", "year", "years", "should"},
    "sv": {"och", "är", "inte", "till", "av", "med", "på", "för", "det", "den", "ska", "eller", "som",
           "produkten", "från", "år", "ingen", "bör", "skall", "utan"},
    "nb": {"og", "er", "ikke", "til", "av", "med", "på", "for", "det", "den", "skal", "eller", "som",
           "produktet", "fra", "år", "ingen", "bør", "uten", "ved", "pr", "må", "kan", "være",
           # words Danish spells otherwise
           "etter", "noen", "noe", "enn", "mellom", "gjennom", "krever", "kreves", "merket", "merking", "dager",
           "kjøpe", "hva", "ikkje", "bleier", "leker"},
    "de": {"und", "ist", "nicht", "zu", "von", "mit", "auf", "für", "das", "der", "die", "oder", "als",
           "kann", "muss", "produkt", "aus", "jahre", "kein", "keine"},
}
_WORD = re.compile(r"[a-zæøåäöüß]+")


def detect_language(text: str) -> str:
    """The most likely of da, en, sv, nb, de by stop-word counts; Danish when nothing is known."""
    counts = dict.fromkeys(_STOPWORDS, 0)
    for word in _WORD.findall(text[:20000].lower()):
        for lang, words in _STOPWORDS.items():
            if word in words:
                counts[lang] += 1
    best = max(counts, key=lambda lang: (counts[lang], lang == "da"))
    # Danish and Norwegian share most stop words; Norwegian only when its own words tip it.
    if best == "nb" and counts["nb"] <= counts["da"]:
        return "da"
    return best if counts[best] else "da"
