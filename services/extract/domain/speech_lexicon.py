"""Word lists for claims: reporting verbs and nouns, titles, pronouns and boilerplate lines.

Written by hand from general knowledge of English reporting verbs and news conventions. Nothing
here is fitted on evaluation data. Keys are lower-case lemmas as spaCy's English lemmatizer
produces them.
"""

from __future__ import annotations

from typing import Final

from services.extract.domain.lexicon import words as _words

# fmt: off

SPEECH_VERBS: Final[frozenset[str]] = _words(
    "accuse acknowledge add admit affirm agree allege announce answer argue ask assert "
    "assure boast call caution charge claim comment complain concede conclude confirm "
    "contend continue counter declare demand deny describe disclose email emphasise "
    "emphasize estimate explain forecast guarantee highlight indicate insist joke maintain "
    "mention note observe order pledge point post predict proclaim promise propose quip "
    "recall reiterate remark repeat reply report respond retort reveal say signal state "
    "stipulate stress suggest swear tell testify threaten tweet underline underscore urge "
    "vow warn write"
)
"""Verbs whose subject is a source and whose complement is what the source said."""

BELIEF_VERBS: Final[frozenset[str]] = _words(
    "anticipate assume believe consider demonstrate doubt expect fear feel find hope indicate "
    "intend know plan prove reckon show suspect think want wish worry"
)
"""Attitude and evidence verbs: a source holding a view or showing a finding ("polls show").
Attributed, with lower confidence than speech."""

OBJECT_CUES: Final[frozenset[str]] = _words(
    "accuse acknowledge announce attack believe blame call cite condemn confirm criticise "
    "criticize declare defend demand denounce deny describe discuss dismiss endorse expect "
    "express fear find mention note offer oppose praise predict promise propose question "
    "reject report reveal seek show slam suggest support urge vow want welcome write"
)
"""Cues whose reported content can be their object ("cited the report", "denied the charge")."""

XCOMP_CUES: Final[frozenset[str]] = _words(
    "admit advise agree ask call consider decline demand deny encourage expect hope instruct "
    "intend offer order plan pledge prefer promise propose recommend refuse suggest swear tell "
    "threaten urge vow want warn"
)
"""Cues whose content may be an infinitive clause ("promised to withdraw")."""

TOPIC_CUES: Final[frozenset[str]] = _words("speak talk write comment complain testify")
"""Cues whose content is what they are about ("spoke about the budget")."""

REPORTING_NOUNS: Final[frozenset[str]] = _words(
    "accusation admission allegation announcement argument assertion assurance belief claim "
    "comment concern contention conviction fear hope insistence pledge promise remark "
    "suggestion statement view warning"
)
"""Nouns that report content in a "that" clause ("his claim that the vote was rigged")."""

PERSON_TITLE_NOUNS: Final[frozenset[str]] = _words(
    "activist administrator admiral adviser advisor aide ambassador analyst attorney author "
    "billionaire businessman campaigner candidate captain ceo chair chairman chairwoman "
    "chancellor chief colonel commander commissioner congressman congresswoman coordinator "
    "defence defense deputy dictator diplomat director doctor economist envoy executive "
    "expert foreign founder general governor governor-general head inspector judge king "
    "lawmaker lawyer leader lieutenant man manager marshal mayor mediator minister "
    "negotiator nominee officer official politician pollster pope premier president prime "
    "prince professor prosecutor queen representative researcher scientist secretary "
    "senator sergeant sheriff spokesman spokesperson spokeswoman strategist vice woman"
)
"""Head nouns of nominal mentions that stand for one person ("the alliance chief")."""

ORG_NOUNS: Final[frozenset[str]] = _words(
    "administration agency alliance army association authority bank board cabinet campaign "
    "center centre coalition commission committee company congress council court delegation "
    "department embassy federation firm force foundation government group institute "
    "intelligence kremlin media military ministry network newspaper office officials "
    "organisation organization parliament party police regime senate service spokesmen team "
    "union"
)

GENERIC_ORGANISATION_NOUNS: Final[frozenset[str]] = _words(
    "company firm corporation group giant business carmaker retailer airline bank insurer "
    "manufacturer maker club broadcaster network newspaper charity"
)
"""Heads of "the company"-style mentions that refer back to the last named organisation."""

HONORIFICS: Final[frozenset[str]] = _words(
    "mr mrs ms miss mx dr prof sir dame lord lady rev sen rep gov gen col capt lt sgt adm "
    "president minister senator governor judge justice mayor"
)
"""Words before a name that are not part of it ("Ms Sanders" is Sanders)."""

PERSON_PRONOUNS: Final[frozenset[str]] = _words("he her him she")
GROUP_PRONOUNS: Final[frozenset[str]] = _words("i it they we you")

BOILERPLATE_PREFIXES: Final[tuple[str, ...]] = (
    "also read",
    "read also",
    "read more",
    "see also",
    "related:",
    "related articles",
    "related stories",
    "click here",
    "subscribe",
    "sign up",
    "follow us",
    "advertisement",
    "share this",
    "recommended:",
    "watch:",
    "listen:",
    "more on this",
)
"""How related-article and promotional lines start; they are not part of the story."""
# fmt: on
