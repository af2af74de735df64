"""Who the article names: full PERSON names, their later short mentions, and their roles.

The small model often labels a bare surname ("Stoltenberg") ORG or GPE once the full name has
been seen. A proper noun equal to the last word of a known PERSON name is therefore a mention
of that person, whatever its entity label.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.attrs import POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from services.extract.domain.boilerplate import overlaps_any
from services.extract.domain.speech_lexicon import HONORIFICS, PERSON_TITLE_NOUNS

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "across", "into"})
_PLACE_NOUNS = frozenset(
    {"town", "city", "village", "port", "region", "province", "state", "county", "island"}
)


@dataclass(frozen=True)
class PersonMention:
    token_index: int
    name: str
    is_subject: bool


@dataclass(frozen=True)
class PersonIndex:
    """Full names by surname (with where they occur), person mentions in text order, roles."""

    by_surname: dict[str, tuple[tuple[int, str], ...]]
    mentions: tuple[PersonMention, ...]
    roles: dict[str, str]

    def canonical(self, surface: str, position: int | None = None) -> str:
        """The fullest name for a surface form ("Stoltenberg" -> "Jens Stoltenberg").

        When two people share a surname, the one named most recently before ``position`` wins.
        """
        words = clean_name(surface).split()
        if not words:
            return surface
        candidates = self.by_surname.get(words[-1].casefold())
        if not candidates:
            return clean_name(surface)
        if position is not None:
            earlier = [name for index, name in candidates if index <= position]
            if earlier:
                return earlier[-1]
        return max((name for _, name in candidates), key=lambda name: len(name.split()))

    def is_known_surname(self, token: Token) -> bool:
        return token.text.casefold() in self.by_surname

    def holder_of(self, title: str) -> str | None:
        """The one person whose role ends in ``title`` ("the mayor" -> Mayor Ivana Kovac),
        wherever in the article the role was given; None when none or several match."""
        holders = {
            name for name, role in self.roles.items() if role.lower().split()[-1:] == [title]
        }
        return holders.pop() if len(holders) == 1 else None

    def antecedent(self, before_token: int) -> str | None:
        """The person most recently mentioned before a token, preferring subjects."""
        earlier = [m for m in self.mentions if m.token_index < before_token]
        for mention in reversed(earlier[-12:]):
            if mention.is_subject:
                return mention.name
        return earlier[-1].name if earlier else None


def clean_name(text: str) -> str:
    """Drop honorifics, possessive endings and odd spaces from a name ("Ms Sanders's")."""
    words = text.replace("\xa0", " ").split()
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    text = " ".join(words).lstrip("―—–-:;,. ")
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip()


def build_person_index(
    doc: Doc, boilerplate: list[tuple[int, int]], *, entities: Iterable[Span] | None = None
) -> PersonIndex:
    """Collect PERSON names outside boilerplate, then every mention of them. ``entities`` are
    ``doc.ents`` where the caller has them already."""
    proper_nouns = _proper_nouns(doc)
    persons = [
        ent
        for ent in (doc.ents if entities is None else entities)
        if ent.label_ == "PERSON"
        and not overlaps_any(ent.start_char, ent.end_char, boilerplate)
        and not _is_place_phrase(ent)
    ]
    persons += [
        name
        for name in _titled_names(doc, proper_nouns)
        if not overlaps_any(name.start_char, name.end_char, boilerplate)
        and not any(p.start <= name.start < p.end for p in persons)
    ]
    persons.sort(key=lambda span: span.start)
    by_surname = _full_names_by_surname(persons)
    roles: dict[str, str] = {}
    index = PersonIndex(by_surname, (), roles)
    mentions: list[PersonMention] = []
    if not by_surname:
        return index  # no name to find mentions of
    for token in proper_nouns:
        if overlaps_any(token.idx, token.idx + 1, boilerplate):
            continue
        if token.dep_ == "compound" and token.head.pos_ == "PROPN":
            continue
        if clean_name(token.text).casefold() not in by_surname:
            continue
        full = index.canonical(token.text, token.i)
        mentions.append(PersonMention(token.i, full, token.dep_ in _SUBJECT_DEPS))
        role = role_before_name(token)
        if role and full not in roles:
            roles[full] = role
    return PersonIndex(by_surname, tuple(mentions), roles)


_NAME_PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "da", "di", "del", "la", "le", "bin"}
)


def _proper_nouns(doc: Doc) -> list[Token]:
    """The tokens tagged PROPN, in text order, picked from the document's array of tags (the
    other tokens are never built)."""
    tags = doc.to_array(POS).tolist()
    return [doc[i] for i, tag in enumerate(tags) if tag == PROPN]


def _titled_names(doc: Doc, proper_nouns: list[Token]) -> list[Span]:
    """Proper names (among ``proper_nouns``, the document's) in apposition with a person's
    title, whatever the NER made of them: "the union's chairman, Pieter de Vries," and "Pieter
    de Vries, the union's chairman," name a person even when the small model labels the name
    ORG."""
    names: list[Span] = []
    for token in proper_nouns:
        if token.ent_type_ in {"PERSON", "GPE", "LOC", "NORP", "FAC"}:
            continue
        titled = (token.dep_ == "appos" and token.head.lemma_.lower() in PERSON_TITLE_NOUNS) or any(
            child.dep_ == "appos" and child.lemma_.lower() in PERSON_TITLE_NOUNS
            for child in token.children
        )
        if not titled:
            continue
        start = token.i
        while (
            start > 0
            and doc[start - 1].dep_ in {"compound", "flat"}
            and (doc[start - 1].head.i == token.i)
        ):
            start -= 1
        words = doc[start : token.i + 1]
        if (
            len(words) >= 2
            and all(w.text[:1].isupper() or w.lower_ in _NAME_PARTICLES for w in words)
            and words[0].text[:1].isupper()
        ):
            names.append(words)
    return names


def _is_place_phrase(ent: Span) -> bool:
    """ "the harbour town of Split", "in Split": the small model sometimes labels a place
    PERSON; a name that is the object of "of" after a place noun, or of a locative
    preposition, is not a person."""
    head = ent.root
    if head.dep_ != "pobj":
        return False
    preposition = head.head
    if preposition.lower_ in _LOCATIVE_PREPOSITIONS:
        return True
    return preposition.lower_ == "of" and preposition.head.lemma_.lower() in _PLACE_NOUNS


def _full_names_by_surname(persons: list[Span]) -> dict[str, tuple[tuple[int, str], ...]]:
    """Surname -> (token index, full name) of each distinct multi-word name, in text order;
    a one-word name stands for itself only when no fuller name shares it."""
    found: dict[str, list[tuple[int, str]]] = {}
    for ent in persons:
        name = clean_name(ent.text)
        words = name.split()
        if not words:
            continue
        entries = found.setdefault(words[-1].casefold(), [])
        if not any(known == name for _, known in entries):
            entries.append((ent.start, name))
    result: dict[str, tuple[tuple[int, str], ...]] = {}
    for surname, entries in found.items():
        full = [(i, n) for i, n in entries if len(n.split()) > 1]
        result[surname] = tuple(full or entries[:1])
    return result


def role_before_name(name_head: Token) -> str | None:
    """A title written in front of or in apposition to a name ("NATO Secretary General")."""
    doc = name_head.doc
    start = name_head.i
    while start > 0 and (
        (doc[start - 1].dep_ == "compound" and start <= doc[start - 1].head.i <= name_head.i)
        or doc[start - 1].is_space
    ):
        start -= 1
    title_tokens = [
        t for t in doc[start : name_head.i] if t.ent_type_ != "PERSON" and not t.is_space
    ]
    if title_tokens and any(_is_title_word(t) for t in title_tokens):
        return " ".join(t.text for t in title_tokens)
    for child in name_head.children:
        if child.dep_ == "appos" and _is_title_word(child):
            return span_without_determiner(child)
    if name_head.dep_ == "appos" and _is_title_word(name_head.head):
        return span_without_determiner(name_head.head, stop_before=name_head.left_edge)
    return None


def _is_title_word(token: Token) -> bool:
    return token.lemma_.lower() in PERSON_TITLE_NOUNS or (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and token.ent_type_ != "PERSON"
        and token.text.lower() in {"secretary", "general", "president", "minister", "chancellor"}
    )


def span_without_determiner(head: Token, stop_before: Token | None = None) -> str:
    """Text of a noun phrase minus its leading determiner or possessive."""
    tokens = [
        t
        for t in head.subtree
        if (stop_before is None or t.i < stop_before.i)
        and t.dep_ not in {"relcl", "acl", "appos"}
        and not t.is_space
    ]
    while tokens and (tokens[0].dep_ in {"det", "punct"} or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return head.text
    return head.doc[tokens[0].i : tokens[-1].i + 1].text
