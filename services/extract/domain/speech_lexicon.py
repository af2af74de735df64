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
    "assure boast brag call caution charge chant claim comment complain concede conclude "
    "confess confirm contend continue counter cry declare demand deny describe disclose "
    "email emphasise emphasize estimate exclaim explain forecast grumble guarantee hint "
    "highlight imply indicate inform insist joke lament maintain mention mutter note "
    "observe order plead pledge point post predict proclaim promise propose protest quip "
    "reaffirm recall recount reiterate remark remind repeat reply report respond retort "
    "reveal say scream shout signal speculate state stipulate stress suggest swear tell "
    "testify text threaten tweet underline underscore urge vow warn whisper write yell"
)
"""Verbs whose subject is a source and whose complement is what the source said."""

BELIEF_VERBS: Final[frozenset[str]] = _words(
    "accept anticipate assume believe conclude consider decide demonstrate determine doubt "
    "dream expect fear feel figure find guess hope imagine indicate intend know learn "
    "notice plan presume prove realise realize reckon recognise recognize remember see "
    "sense show suppose suspect think trust understand want wish wonder worry"
)
"""Attitude and evidence verbs: a source holding a view or showing a finding ("polls show").
Attributed, with lower confidence than speech."""

OBJECT_CUES: Final[frozenset[str]] = _words(
    "accuse acknowledge admit announce applaud attack back blame blast call challenge "
    "characterise characterize cite condemn confirm criticise criticize decry declare "
    "defend demand denounce deny describe discuss dismiss dispute dub echo endorse "
    "emphasise emphasize expect express fear find hail highlight laud label lambast mention "
    "mock note offer oppose pledge praise predict promise propose question recommend "
    "reiterate reject repeat report request reveal ridicule seek show slam stress suggest "
    "support threaten tout tweet unveil urge vow want welcome write"
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

PREPOSITION_CUES: Final[dict[str, frozenset[str]]] = {
    "warn": _words("against of about"),
    "point": _words("to"),
    "call": _words("for on"),
    "argue": _words("for against"),
    "push": _words("for"),
    "press": _words("for"),
    "advocate": _words("for"),
    "lobby": _words("for against"),
    "insist": _words("on"),
    "comment": _words("on"),
    "refer": _words("to"),
    "apologise": _words("for"),
    "apologize": _words("for"),
    "agree": _words("with on"),
    "disagree": _words("with on"),
    "speak": _words("about of"),
    "talk": _words("about of"),
    "complain": _words("about of"),
    "boast": _words("about of"),
    "brag": _words("about"),
    "joke": _words("about"),
    "testify": _words("about"),
    "write": _words("about of"),
    "worry": _words("about"),
    "know": _words("about of"),
}
"""Cues whose content is a prepositional object ("warned against complacency")."""

GENERIC_CLAUSE_STOP_VERBS: Final[frozenset[str]] = _words(
    "appear be become do ensure get go happen have help let make matter mean need put "
    "require seem take"
)
"""Verbs that take a clause without attributing it ("made sure that", "seems that"): a verb
outside the cue lists with a "that" clause is a weak cue unless it is one of these."""

STANCE_ADJECTIVES: Final[frozenset[str]] = _words(
    "adamant afraid angry aware certain concerned confident convinced disappointed doubtful "
    "glad happy hopeful incensed optimistic pessimistic pleased positive proud sceptical "
    "skeptical sure upset worried"
)
"""Adjectives whose "that" clause is a view held by the subject ("was confident that")."""

REPORTING_NOUNS: Final[frozenset[str]] = _words(
    "acknowledgment acknowledgement accusation admission allegation announcement argument "
    "assertion assurance belief charge claim comment concern contention conviction "
    "declaration estimate fear hope idea impression insistence message notion pledge "
    "prediction promise reminder remark report rumor rumour sense suggestion statement "
    "suspicion testimony view warning"
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
