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
