"""Corrections to the English rule lemmatizer for verbs of the event lexicon.

spaCy's rule lemmatizer strips an inflection and keeps the first base form its verb index
knows, so "staged" becomes "stag" and "raped" becomes "rap": the trigger and light-verb tables
then miss the verb ("protesters staged a rally" loses its actor). The forms below are the
lexicon's verbs the small English pipeline lemmatizes wrongly, found by inflecting every verb of
:mod:`lexicon` and comparing (``tests/unit/extract/test_lemmas.py`` repeats that check).
"""

from __future__ import annotations

from typing import Any, Final

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

VERB_LEMMA_CORRECTIONS: Final[dict[str, str]] = {
    "staged": "stage",
    "stages": "stage",
    "staging": "stage",
    "waged": "wage",
    "waging": "wage",
    "wages": "wage",
    "raped": "rape",
    "rapes": "rape",
    "raping": "rape",
    "deploring": "deplore",
    "imprisoning": "imprison",
}
"""Inflected form -> verb lemma, applied to tokens tagged as verbs only ("stag" the noun and
"wages" the noun keep their own lemmas)."""


_VERB_TAGS: Final[list[str]] = ["VBD", "VBG", "VBN", "VBP", "VBZ"]


def correct_verb_lemmas(nlp: Language) -> None:
    """Set the lemmas of :data:`VERB_LEMMA_CORRECTIONS` with the attribute ruler, which runs
    before the lemmatizer; the lemmatizer keeps a lemma that is already set."""
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    for form, lemma in VERB_LEMMA_CORRECTIONS.items():
        pattern: list[dict[str | int, Any]] = [{"LOWER": form, "TAG": {"IN": _VERB_TAGS}}]
        ruler.add([pattern], {"LEMMA": lemma})


ENGLISH_WORDS_TABLE: Final = "newsflow_english_words"
"""The vocabulary lookups table :func:`keep_english_words` fills: every word the English
lemmatizer's index knows (WordNet's nouns, verbs, adjectives and adverbs), lower case."""


def keep_english_words(nlp: Language) -> None:
    """Copy the words of the rule lemmatizer's index (WordNet's lemmas, as the pipeline ships
    them) into a table of the vocabulary, which every document of the pipeline shares, so that
    domain code given only a document can ask whether a name is also an English word
    (:func:`is_english_word`). A pipeline without that index leaves the table out."""
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    words: dict[str, bool] = {}
    for lemmas in lookups.get_table("lemma_index").values():
        words.update((word, True) for word in lemmas if word.isalpha())
    if nlp.vocab.lookups.has_table(ENGLISH_WORDS_TABLE):
        nlp.vocab.lookups.remove_table(ENGLISH_WORDS_TABLE)
    nlp.vocab.lookups.add_table(ENGLISH_WORDS_TABLE, words)


def is_english_word(doc: Doc, word: str) -> bool:
    """Whether ``word`` (any case) is an English dictionary word, by the table
    :func:`keep_english_words` left in ``doc``'s vocabulary; False without the table."""
    lookups = doc.vocab.lookups
    if not lookups.has_table(ENGLISH_WORDS_TABLE):
        return False
    return word.lower() in lookups.get_table(ENGLISH_WORDS_TABLE)
