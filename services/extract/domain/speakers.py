"""The source of a claim: its mention in the text and the entity it stands for.

``mention`` is the subject noun phrase as written ("He", "The alliance chief"); ``name`` is the
canonical entity after resolution: a surname, a personal pronoun or a definite title nominal
resolves to the fullest PERSON name recently mentioned; other nominals keep their own text.
"""

from __future__ import annotations

from spacy.tokens import Token

from services.extract.domain.document import DocumentContext
from services.extract.domain.geo import country_for_demonym, country_for_name, country_name
from services.extract.domain.people import clean_name, role_before_name
from services.extract.domain.speech_lexicon import (
    GENERIC_ORGANISATION_NOUNS,
    GROUP_PRONOUNS,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    PERSON_TITLE_NOUNS,
)
from shared.models import Speaker, SpeakerType, TextSpan

_LEFT_DEPS = frozenset({"compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "case"})
_ENTITY_SPEAKER_TYPES: dict[str, SpeakerType] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "NORP": "NORP",
}
_RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})


def subject_of(cue: Token) -> Token | None:
    """The subject of a reporting verb, following conjunctions, participles ("..., saying")
    and relative clauses. Passive cues ("it was reported") have no source, unless an agent
    names one ("was announced by the ministry"). A relative pronoun is returned as such ("who
    said"): it is the mention; :func:`referent_of` gives what it stands for."""
    verb = cue.head if cue.dep_ == "acomp" else cue
    for _ in range(3):
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                return _agent_of(verb)
            if child.lower_ == "there" or child.dep_ == "expl":
                return None
            if child.dep_ == "nsubj":
                return child
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            verb = verb.head.head  # "by saying", "despite admitting"
            continue
        if verb.dep_ not in {"conj", "advcl", "xcomp"} or verb.head == verb:
            return None
        verb = verb.head
    return None


def _agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def inverted_subject(cue: Token) -> Token | None:
    """ "…,” said Leslie Wimes, an organiser": a name after the verb when the parser put the
    subject inside the quotation."""
    for child in cue.rights:
        if child.dep_ in {"nsubj", "dobj", "attr", "npadvmod", "dative", "oprd"} and (
            child.pos_ in {"PROPN", "NOUN"}
        ):
            return child
        if not (child.is_punct or child.is_space):
            break
    return None


def referent_of(subject: Token) -> Token:
    """What a relative pronoun subject stands for ("the envoy, who said" -> "envoy")."""
    verb = subject.head
    if subject.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return subject


def after_glued_time(head: Token, start: int) -> int:
    """The start of a name's phrase without a time adjunct the parser hung on it: "on
    Wednesday Mr Blair said", "Last June Smith was banned" parse the date as a modifier of
    the name. Only a date that opens its clause or follows a preposition is so cut: a date
    inside the phrase describes it ("Sunday's final", "the 48-year-old Australian", "the 1995
    World Cup")."""
    doc = head.doc
    if head.pos_ != "PROPN" or doc[start].ent_type_ not in _TIME_ENTITIES:
        return start
    end = start
    while end < head.i and doc[end].ent_type_ in _TIME_ENTITIES and doc[end].ent_iob_ != "O":
        if doc[end].text == "-" or doc[end].tag_ == "POS":
            return start
        end += 1
    if doc[end].tag_ == "POS":
        return start
    if start == 0 or doc[start].is_sent_start:
        return end
    before = doc[start - 1]
    return end if before.is_space or before.tag_ == "IN" else start


_TIME_ENTITIES = frozenset({"DATE", "TIME"})


def mention_bounds(head: Token) -> tuple[int, int]:
    """Token range ``[start, end)`` of the noun phrase headed by ``head``.

    Keeps titles and modifiers on the left; on the right keeps "of ..." and an appositive name
    only for common-noun heads ("the head of the delegation, David Arakhamia").
    """
    start = head.i
    for child in head.lefts:
        if child.dep_ in _LEFT_DEPS or (child.dep_ == "dep" and child.is_space):
            start = min(start, child.left_edge.i)
    end = head.i + 1
    if head.pos_ != "PROPN" and head.pos_ != "PRON":
        for child in head.rights:
            if (child.dep_ == "prep" and child.lower_ == "of") or (
                child.dep_ == "appos" and child.pos_ == "PROPN"
            ):
                end = max(end, child.right_edge.i + 1)
    doc = head.doc
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    start = after_glued_time(head, start)
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def resolve_speaker(
    ctx: DocumentContext,
    start: int,
    end: int,
    *,
    previous: Speaker | None,
    referent: tuple[int, int] | None = None,
) -> Speaker:
    """Build a :class:`Speaker` for the mention ``doc[start:end]``.

    ``referent`` is the noun phrase a relative pronoun mention stands for: the name comes from
    it, the mention stays the pronoun.
    """
    doc = ctx.doc
    span = doc[start:end]
    mention = TextSpan(text=span.text, start=span.start_char, end=span.end_char)
    if referent is not None and referent != (start, end):
        named = resolve_speaker(ctx, *referent, previous=previous)
        return named.model_copy(update={"mention": mention})
    head = span.root
    person = _person_in(ctx, start, end)
    if person is not None:
        person_name, name_token = person
        role = role_before_name(name_token) or ctx.people.roles.get(person_name)
        if role is None and head.i < name_token.i and head.lemma_.lower() in PERSON_TITLE_NOUNS:
            role = _nominal_text(ctx, start, name_token.i)
        return Speaker(name=person_name, type="PERSON", role=role, mention=mention)
    lowered = head.lower_
    if lowered in PERSON_PRONOUNS:
        antecedent = ctx.people.antecedent(start)
        role = ctx.people.roles.get(antecedent) if antecedent else None
        return Speaker(name=antecedent or span.text, type="PERSON", role=role, mention=mention)
    if lowered in GROUP_PRONOUNS:
        return _group_pronoun(span.text, mention, previous)
    if head.lemma_.lower() in PERSON_TITLE_NOUNS and _is_definite(ctx, start, end):
        antecedent = ctx.people.holder_of(head.lemma_.lower()) or ctx.people.antecedent(start)
        if antecedent is not None:
            role = ctx.people.roles.get(antecedent) or _nominal_text(ctx, start, end)
            return Speaker(name=antecedent, type="PERSON", role=role, mention=mention)
    organisation = _organisation_antecedent(ctx, start, end)
    if organisation is not None:
        return Speaker(name=organisation, type="ORG", role=None, mention=mention)
    country = _country_named(span.text) if head.ent_type_ in {"GPE", ""} else None
    if country is not None:
        return Speaker(name=country, type="GPE", role=None, mention=mention)
    return Speaker(
        name=_nominal_text(ctx, start, end), type=_speaker_type(head), role=None, mention=mention
    )


def _country_named(text: str) -> str | None:
    """ "Moscow said" speaks for Russia: a country or capital mention names the country."""
    iso3 = country_for_name(clean_name(text))
    return country_name(iso3) if iso3 else None


def _organisation_antecedent(ctx: DocumentContext, start: int, end: int) -> str | None:
    """ "The company said": the organisation most recently named before the mention."""
    tokens = [t for t in ctx.doc[start:end] if not t.is_space]
    if len(tokens) != 2 or tokens[0].lower_ != "the":
        return None
    if tokens[1].lemma_.lower() not in GENERIC_ORGANISATION_NOUNS:
        return None
    for ent in reversed(ctx.entities):
        if (
            ent.end <= start
            and ent.label_ == "ORG"
            and not ctx.in_boilerplate(ent.start_char, ent.end_char)
        ):
            return clean_name(ent.text)
    return None


def _person_in(ctx: DocumentContext, start: int, end: int) -> tuple[str, Token] | None:
    """The person a mention names: its head, or a name in apposition or compound with it.

    A possessive does not count: "Michael Jackson's mother" is not Michael Jackson.
    """
    doc = ctx.doc
    head = doc[start:end].root
    for token in reversed(doc[start:end]):
        if token.ent_type_ != "PERSON" and not (
            token.pos_ == "PROPN" and ctx.people.is_known_surname(token)
        ):
            continue
        if token.dep_ == "compound" and token.head.i < end and token.head.pos_ == "PROPN":
            continue
        if _is_linked_to(token, head):
            return ctx.people.canonical(_entity_text(token), token.i), token
    return None


def _is_linked_to(token: Token, head: Token) -> bool:
    """Whether ``token`` is ``head`` or hangs on it by compound or apposition links only."""
    while token.i != head.i:
        if token.dep_ not in {"compound", "appos", "flat", "npadvmod"} or token.head == token:
            return False
        token = token.head
    return True


def _entity_text(token: Token) -> str:
    """The whole entity a token belongs to, walking the IOB tags instead of ``doc.ents``."""
    if token.ent_type_ != "PERSON":
        return clean_name(token.text)
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return clean_name(doc[start:end].text)


def _group_pronoun(text: str, mention: TextSpan, previous: Speaker | None) -> Speaker:
    if previous is not None and previous.type != "PERSON" and text.lower() in {"it", "they"}:
        return Speaker(name=previous.name, type=previous.type, role=None, mention=mention)
    return Speaker(name=text, type="OTHER", role=None, mention=mention)


def _is_definite(ctx: DocumentContext, start: int, end: int) -> bool:
    """ "The minister", "NATO's chief" refer back; "a minister" and "his spokesman" do not."""
    head = ctx.doc[start:end].root
    for child in head.children:
        if child.dep_ == "poss" and (
            child.pos_ == "PRON"
            or child.ent_type_ == "PERSON"
            or ctx.people.is_known_surname(child)
        ):
            return False
    first = ctx.doc[start]
    return first.lower_ in {"the", "this", "that"} or first.pos_ == "PROPN"


def _nominal_text(ctx: DocumentContext, start: int, end: int) -> str:
    tokens = [t for t in ctx.doc[start:end] if not t.is_space]
    while tokens and tokens[0].lower_ in {"the", "a", "an", "this", "that"}:
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return ctx.doc[start:end].text
    return clean_name(ctx.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])])


def _speaker_type(head: Token) -> SpeakerType:
    label = _ENTITY_SPEAKER_TYPES.get(head.ent_type_)
    if label is not None:
        return label
    lemma = head.lemma_.lower()
    if lemma in ORG_NOUNS:
        return "ORG"
    if lemma in PERSON_TITLE_NOUNS:
        return "PERSON"
    if country_for_name(head.text):
        return "GPE"
    if country_for_demonym(head.text):
        return "NORP"
    return "OTHER"
