"""Reporting cues: the verb (or "according to") that attributes content to a source."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.symbols import ADJ, AUX, NOUN, VERB
from spacy.tokens import Span, Token

from services.extract.domain.document import tag_arrays
from services.extract.domain.speech_lexicon import (
    BELIEF_VERBS,
    GENERIC_CLAUSE_STOP_VERBS,
    INTENTION_VERBS,
    NOMINAL_CUES,
    NOMINAL_INFINITIVE_CUES,
    OBJECT_CUES,
    PREPOSITION_CUES,
    REGARD_VERBS,
    REPORTING_NOUNS,
    SPEECH_VERBS,
    STANCE_ADJECTIVE_PREPOSITIONS,
    STANCE_ADJECTIVES,
    STANCE_ADJECTIVES_TO,
    TOPIC_CUES,
    XCOMP_CUES,
)


@dataclass(frozen=True)
class CueMatch:
    """A cue occurrence: its tokens ``[start, end)``, lemma and strength."""

    start: int
    end: int
    lemma: str
    is_speech: bool
    is_noun: bool = False
    is_listed: bool = True
    """False for a verb or adjective outside the lexicon that reports a "that" clause."""


_CUE_POS = frozenset({"NOUN", "ADJ", "VERB", "AUX"})
"""Parts of speech a cue can have; besides, "according" and a participle the tagger did not
take for a verb ("was concerned about", :func:`stance_word`)."""
_CUE_POS_IDS = frozenset({NOUN, ADJ, VERB, AUX})


def cue_candidates(sentence: Span) -> Iterator[Token]:
    """The tokens of ``sentence`` :func:`match_cue` may find a cue at: its first test, read off
    the document's :func:`tag_arrays` (the other tokens are never built)."""
    doc = sentence.doc
    pos, tag, lower = tag_arrays(doc)
    participle, according = doc.vocab.strings["VBN"], doc.vocab.strings["according"]
    for i in range(sentence.start, sentence.end):
        if pos[i] in _CUE_POS_IDS or tag[i] == participle or lower[i] == according:
            yield doc[i]


def match_cue(token: Token) -> CueMatch | None:
    """A reporting cue starting at ``token``, if any.

    Verbs count when their lemma is a speech or attitude verb, nouns when they report a "that"
    clause ("claim", "warning"); "according to" is a cue spanning both words.
    """
    lower = token.lower_
    pos = token.pos_
    if pos not in _CUE_POS and lower != "according" and token.tag_ != "VBN":
        return None  # what every branch below concludes for such a word, sooner
    if lower == "according" and token.i + 1 < len(token.doc):
        following = token.doc[token.i + 1]
        if following.lower_ == "to":
            return CueMatch(token.i, token.i + 2, "according to", True)
        return None
    lemma = token.lemma_.lower()
    if pos == "NOUN":
        if lemma in REPORTING_NOUNS or token.lower_ in NOMINAL_CUES or lemma in NOMINAL_CUES:
            return CueMatch(token.i, token.i + 1, lemma, lemma in REPORTING_NOUNS, is_noun=True)
        return None
    stance = stance_word(token)
    if stance is not None:
        if stance_content(token):
            return CueMatch(token.i, token.i + 1, stance, False)
        if pos == "ADJ":
            return None
    if pos not in {"VERB", "AUX"} or (token.tag_ == "VBG" and token.dep_ == "amod"):
        return None
    if lemma in SPEECH_VERBS:
        return CueMatch(token.i, token.i + 1, lemma, True)
    if (
        lemma in BELIEF_VERBS
        or lemma in OBJECT_CUES
        or lemma in TOPIC_CUES
        or lemma in PREPOSITION_CUES
        or lemma in INTENTION_VERBS
        or lemma in REGARD_VERBS
    ):
        return CueMatch(token.i, token.i + 1, lemma, False)
    if lemma not in GENERIC_CLAUSE_STOP_VERBS and _that_clause(token) is not None:
        return CueMatch(token.i, token.i + 1, lemma, False, is_listed=False)
    return None


def stance_word(token: Token) -> str | None:
    """The adjective of a stance predicate ("critical", "worried", "determined"), also when
    the tagger read a participle as a verb ("was concerned about")."""
    participle = token.tag_ == "VBN"
    if token.pos_ != "ADJ" and not (
        participle and any(c.dep_ == "auxpass" for c in token.children)
    ):
        return None
    word = token.lower_ if participle else token.lemma_.lower()
    if (
        word in STANCE_ADJECTIVES
        or word in STANCE_ADJECTIVE_PREPOSITIONS
        or word in STANCE_ADJECTIVES_TO
    ):
        return word
    return None


def stance_content(token: Token) -> list[Token]:
    """What a stance adjective is about: its "that" clause, its object ("critical of the
    plan") or, for adjectives of intent, its infinitive ("determined to win")."""
    word = stance_word(token)
    if word is None:
        return []
    clause = _that_clause(token)
    if clause is not None and word in STANCE_ADJECTIVES:
        return list(clause.subtree)
    for preposition in STANCE_ADJECTIVE_PREPOSITIONS.get(word, ()):
        found = _prepositional_object(token, preposition)
        if found:
            return found
    if word in STANCE_ADJECTIVES_TO:
        for child in token.children:
            if child.dep_ == "xcomp" and child.i > token.i:
                return list(child.subtree)
    return []


def _that_clause(token: Token) -> Token | None:
    """A clausal complement introduced by "that", to the right of ``token``."""
    for child in token.rights:
        if child.dep_ == "ccomp" and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in child.children
        ):
            return child
    return None


def noun_complement_of(cue: Token) -> Token | None:
    """The "that" clause of a reporting noun ("the claim that ...")."""
    for child in cue.children:
        if child.dep_ in {"acl", "ccomp"} and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in child.children
        ):
            return child
    return None


def noun_content(cue: Token) -> list[Token]:
    """What a cue noun reports: its "that" clause ("the claim that ..."), its infinitive for
    nouns of intent ("her decision to run"), or the object of its preposition ("criticism of
    the plan", "fears over prices")."""
    clause = noun_complement_of(cue)
    if clause is not None:
        return list(clause.subtree)
    lemma = cue.lemma_.lower()
    if lemma in NOMINAL_INFINITIVE_CUES:
        for child in cue.children:
            if child.dep_ in {"acl", "relcl"} and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children
            ):
                return list(child.subtree)
    prepositions = NOMINAL_CUES.get(cue.lower_) or NOMINAL_CUES.get(lemma, frozenset())
    for preposition in prepositions:
        found = _prepositional_object(cue, preposition)
        if found:
            return found
    return []


def noun_source_of(cue: Token) -> Token | None:
    """Who holds a reporting noun: a possessive ("Trump's claim") or a "by"/"from" phrase."""
    for child in cue.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def complement_of(cue: Token) -> Token | None:
    """The clause a cue reports: its clausal complement (the one after the cue when the parser
    hung two on it), or an infinitive for promise-verbs."""
    found = [
        child
        for child in cue.children
        if child.dep_ in {"ccomp", "csubjpass"}
        or (child.dep_ == "advcl" and child.i > cue.i and _is_quoted_clause(cue, child))
    ]
    if found:
        after = [child for child in found if child.i > cue.i]
        return after[0] if after else found[0]
    question = _question_clause(cue)
    if question is not None:
        return question
    if cue.lemma_.lower() in XCOMP_CUES:
        for child in cue.children:
            if child.dep_ == "xcomp" and child.i > cue.i:
                return child
    return None


_QUESTION_WORDS = frozenset({"whether", "if", "when", "how", "why", "where", "who", "what"})


def _question_clause(cue: Token) -> Token | None:
    """ "has not said when they would vote", "isn't saying if the law was broken": an
    embedded question the parser made an adverbial clause of a speech or belief verb."""
    lemma = cue.lemma_.lower()
    if lemma not in SPEECH_VERBS and lemma not in BELIEF_VERBS:
        return None
    for child in cue.rights:
        edge = child.left_edge
        if child.dep_ == "advcl" and edge.lower_ in _QUESTION_WORDS and edge.i == cue.i + 1:
            return child
    return None


def object_content(cue: Token) -> list[Token]:
    """For cues like "criticized the plan as reckless" or "called for a recount", the object
    (with its predicate) is what was reported."""
    lemma = cue.lemma_.lower()
    allowed = PREPOSITION_CUES.get(lemma, frozenset())
    for child in cue.children:  # in text order: "called for a recount on Monday" is "for"
        if child.dep_ == "prep" and child.lower_ in allowed:
            found = _prepositional_object(cue, child.lower_)
            if found:
                return found
    if lemma in TOPIC_CUES:
        return _prepositional_object(cue, "about") or _prepositional_object(cue, "of")
    if lemma not in OBJECT_CUES and lemma not in REGARD_VERBS:
        return []
    naming = lemma in _NAMING_CUES or lemma in REGARD_VERBS
    if naming and not _has_predicate(cue):
        return []  # "called a meeting" reports nothing; "called him a liar" does
    objects = [
        c
        for c in cue.children
        if c.dep_ == "dobj" and (_is_content_object(cue, c) or (naming and c.pos_ == "PRON"))
    ]
    if not objects:
        return []
    tokens = list(objects[0].subtree)
    predicated = False
    for child in cue.children:
        if child.i > objects[0].i and (
            child.dep_ in {"oprd", "xcomp"}
            or (child.dep_ == "prep" and child.lower_ in {"as", "of", "for", "on"})
            or (child.dep_ == "prep" and lemma in _COMPARING_CUES and child.lower_ == "to")
        ):
            tokens.extend(child.subtree)
            predicated = True
    seen = {t.i for t in tokens}
    # a bare object ends before a phrase of time or place; a predicate may run on through one
    rest = _rest_of_clause(cue, objects[0].i, keep_setting=predicated)
    tokens += [t for t in rest if t.i not in seen]
    return tokens + _stray_noun_conjuncts(cue, max(t.i for t in tokens))


def _stray_noun_conjuncts(cue: Token, end: int) -> list[Token]:
    """ "emphasized economic fairness, and a need to raise the wage": a noun phrase
    coordinated right after the object but hung by the parser on a verb above the cue is a
    further object."""
    doc = cue.doc
    verbs = {cue.i} | {a.i for a in cue.ancestors}
    cursor = end + 1
    while cursor < len(doc) and (doc[cursor].text == "," or doc[cursor].dep_ == "cc"):
        cursor += 1
    if cursor == end + 1 or cursor >= len(doc):
        return []
    for token in doc[cursor : cursor + 4]:
        if token.dep_ == "conj" and token.pos_ in {"NOUN", "PROPN"} and token.head.i in verbs:
            if token.left_edge.i != cursor:
                return []
            return list(doc[end + 1 : token.right_edge.i + 1])
    return []


def _has_predicate(cue: Token) -> bool:
    """ "viewed the deal as a mistake", "called him a liar", "likened it to a circus"."""
    prepositions = {"as", "to", "with"} if cue.lemma_.lower() in _COMPARING_CUES else {"as"}
    return any(
        c.dep_ in {"oprd", "xcomp", "ccomp"} or (c.dep_ == "prep" and c.lower_ in prepositions)
        for c in cue.children
    )


_COMPARING_CUES = frozenset({"compare", "liken"})
_ADDRESSEE_CUES = frozenset(
    {"tell", "ask", "inform", "remind", "assure", "notify", "advise", "warn", "urge", "brief"}
)
_NAMING_CUES = frozenset({"call", "dub", "label", "describe", "characterize", "characterise"})


def _is_content_object(cue: Token, token: Token) -> bool:
    """An object that is what was said, not the addressee ("told reporters"): any object but a
    pronoun, and for verbs of addressing no person either."""
    if token.pos_ == "PRON":
        return False
    if cue.lemma_.lower() in _ADDRESSEE_CUES:
        return token.ent_type_ != "PERSON" and token.lemma_.lower() not in {
            "reporter",
            "journalist",
        }
    return True


def _prepositional_object(cue: Token, preposition: str) -> list[Token]:
    """ "called on Congress to act": the object and any clause the parser hung on the cue
    after it."""
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ == preposition:
            tokens = [t for t in child.subtree if t.i != child.i]
            if not tokens:
                return []
            return tokens + _rest_of_clause(cue, child.i)
    return []


def _rest_of_clause(cue: Token, after: int, *, keep_setting: bool = True) -> list[Token]:
    """What follows the cue's object in its clause ("complained about the microphone the
    morning after the debate"), up to a comma, a coordination or a report of its own."""
    doc = cue.doc
    tokens: list[Token] = []
    for child in cue.rights:
        if child.i <= after:
            continue
        if child.is_punct or child.dep_ in {"cc", "conj", "punct"}:
            break
        edge = child.left_edge.i
        if edge > 0 and doc[edge - 1].text in {",", ";", "—", "–", "-", "--"}:
            break
        if child.dep_ == "advcl" and match_cue(child) is not None:
            break
        if not keep_setting and _is_setting(child):
            break
        tokens.extend(child.subtree)
    return tokens


_SETTING_PREPOSITIONS = frozenset(
    {"in", "at", "since", "during", "after", "before", "until", "throughout", "amid"}
)


def _is_setting(child: Token) -> bool:
    """ "attacked her in early-morning tweets", "has not mentioned him since the debate": a
    phrase of time or place on the cue says when or where the report was made, not what."""
    if child.dep_ != "prep" or child.lower_ not in _SETTING_PREPOSITIONS:
        return False
    # "a master at bolting deals together": a gerund after the preposition is an activity
    return not any(c.dep_ == "pcomp" or c.tag_ == "VBG" for c in child.children)


def _is_quoted_clause(cue: Token, clause: Token) -> bool:
    """ "said, “we were floored”": the parser sometimes makes a quoted clause an adverbial."""
    between = cue.doc[cue.i + 1 : clause.left_edge.i + 1]
    return any(t.is_quote for t in between)
