"""Paragraph-aware sentence boundaries.

The small English model happily runs one sentence across a blank line ("…Report\\n\\nMoscow
had promised…"), which puts a headline link and the next paragraph in one parse tree. A line
break in a news body always ends a sentence, so a component before the parser marks the token
after every line break as a sentence start; the parser keeps preset boundaries.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT_NAME = "newsflow_line_breaks"


@Language.component(COMPONENT_NAME)
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every token that is or ends with a line break."""
    for i in range(1, len(doc)):
        previous = doc[i - 1]
        if "\n" in previous.whitespace_ or "\n" in previous.text:
            doc[i].is_sent_start = True
    return doc


def add_line_break_segmenter(nlp: Language) -> None:
    """Insert :func:`mark_line_breaks` before the parser (idempotent)."""
    if COMPONENT_NAME in nlp.pipe_names:
        return
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT_NAME, before="parser")
    else:
        nlp.add_pipe(COMPONENT_NAME, first=True)
