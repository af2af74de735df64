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
    "support threaten tout tweet unveil urge vow want welcome write "
    # evaluations: liking, disliking, favouring, belittling
    "admire adore appreciate assail belittle champion deplore despise detest disdain "
    "disparage distrust downplay embrace enjoy favor favour hate loathe love mistrust "
    "pooh-pooh regret relish resent respect scorn spurn tout value "
    # presenting and invoking what others said or found
    "chronicle detail document invoke outline quote recite reference summarise summarize "
    "depict portray"
)
"""Cues whose reported content can be their object ("cited the report", "denied the charge")."""

XCOMP_CUES: Final[frozenset[str]] = _words(
    "admit advise agree ask call consider decline demand deny encourage expect hope instruct "
    "intend offer order plan pledge prefer promise propose recommend refuse suggest swear tell "
    "threaten urge vow want warn aim attempt choose endeavor endeavour resolve seek strive "
    "vote implore beg"
)
"""Cues whose content may be an infinitive clause ("promised to withdraw")."""

INTENTION_VERBS: Final[frozenset[str]] = _words(
    "aim attempt choose decline endeavor endeavour intend plan prefer refuse resolve seek "
    "strive"
)
"""Verbs of intending and refusing: the source's aim, reported in the infinitive ("refused
to disclose the records", "seeks to protect the industry")."""

REGARD_VERBS: Final[frozenset[str]] = _words(
    "brand cast consider deem judge liken portray rate regard see treat view compare"
)
"""Verbs that evaluate an object as something ("viewed the deal as a mistake"): a cue only with
that predicate ("as ...", "to ...", or a small clause)."""

TOPIC_CUES: Final[frozenset[str]] = _words("speak talk write comment complain testify")
"""Cues whose content is what they are about ("spoke about the budget")."""

PREPOSITION_CUES: Final[dict[str, frozenset[str]]] = {
    "warn": _words("against of about"),
    "point": _words("to"),
    "call": _words("for on"),
    "argue": _words("for against"),
    "push": _words("for"),
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
    "vote": _words("for against"),
    "rail": _words("against"),
    "campaign": _words("for against"),
    "fight": _words("for against"),
    "rally": _words("behind"),
    "side": _words("with against"),
    "object": _words("to"),
    "bristle": _words("at"),
    "balk": _words("at"),
    "scoff": _words("at"),
    "marvel": _words("at"),
    "hint": _words("at"),
    "allude": _words("to"),
    "reflect": _words("on"),
    "elaborate": _words("on"),
    "weigh": _words("in on"),
    "harp": _words("on"),
    "dwell": _words("on"),
    "focus": _words("on"),
    "seize": _words("on upon"),
    "double": _words("down"),
    "question": _words("about"),
    "ask": _words("about"),
    "press": _words("for on about"),
    "grill": _words("about on over"),
    "criticise": _words("for over"),
    "criticize": _words("for over"),
    "attack": _words("for over"),
    "blame": _words("for"),
    "credit": _words("for with"),
    "praise": _words("for"),
    "thank": _words("for"),
    "accuse": _words("of"),
    "fret": _words("about over"),
    "care": _words("about"),
    "despair": _words("of over"),
    "dream": _words("of about"),
    "think": _words("about of"),
    "hear": _words("about of"),
    "learn": _words("about of"),
    "read": _words("about of"),
    "believe": _words("in"),
}
"""Cues whose content is a prepositional object ("warned against complacency")."""

GENERIC_CLAUSE_STOP_VERBS: Final[frozenset[str]] = _words(
    "appear be become do ensure get go happen have help let make matter mean need put "
    "require seem take"
)
"""Verbs that take a clause without attributing it ("made sure that", "seems that"): a verb
outside the cue lists with a "that" clause is a weak cue unless it is one of these."""

STANCE_ADJECTIVE_PREPOSITIONS: Final[dict[str, frozenset[str]]] = {
    "critical": _words("of"),
    "sceptical": _words("of about"),
    "skeptical": _words("of about"),
    "supportive": _words("of"),
    "opposed": _words("to"),
    "hostile": _words("to toward towards"),
    "wary": _words("of about"),
    "suspicious": _words("of"),
    "fond": _words("of"),
    "proud": _words("of"),
    "ashamed": _words("of"),
    "afraid": _words("of"),
    "fearful": _words("of"),
    "worried": _words("about by over"),
    "concerned": _words("about by over"),
    "anxious": _words("about over"),
    "nervous": _words("about"),
    "optimistic": _words("about"),
    "pessimistic": _words("about"),
    "hopeful": _words("about of"),
    "confident": _words("in of about"),
    "enthusiastic": _words("about"),
    "passionate": _words("about"),
    "excited": _words("about by"),
    "angry": _words("about at over with"),
    "furious": _words("about at over with"),
    "upset": _words("about at over with"),
    "unhappy": _words("about at over with"),
    "happy": _words("about with"),
    "pleased": _words("with by"),
    "satisfied": _words("with"),
    "disappointed": _words("with by in"),
    "dismissive": _words("of"),
    "contemptuous": _words("of"),
    "tolerant": _words("of"),
    "convinced": _words("of"),
    "sure": _words("of about"),
    "certain": _words("of about"),
    "aware": _words("of"),
    "adamant": _words("about"),
    "vocal": _words("about"),
    "outspoken": _words("about on"),
    "clear": _words("about on"),
    "firm": _words("on"),
}
"""Adjectives of stance and the prepositions that carry their object ("critical of the plan",
"worried about inflation")."""

STANCE_ADJECTIVES_TO: Final[frozenset[str]] = _words(
    "determined eager keen willing unwilling reluctant ready prepared loath loth anxious "
    "hesitant intent desperate committed"
)
"""Adjectives of intention whose infinitive is the intended act ("was determined to win")."""

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

NOMINAL_CUES: Final[dict[str, frozenset[str]]] = {
    "criticism": _words("of over about"),
    "critique": _words("of"),
    "condemnation": _words("of"),
    "denunciation": _words("of"),
    "praise": _words("for of"),
    "support": _words("for of"),
    "backing": _words("for of"),
    "endorsement": _words("of"),
    "opposition": _words("to"),
    "objection": _words("to"),
    "rejection": _words("of"),
    "attack": _words("on against"),
    "question": _words("about over"),
    "doubt": _words("about over"),
    "concern": _words("about over"),
    "worry": _words("about over"),
    "fear": _words("of about over"),
    "anger": _words("at over about"),
    "outrage": _words("at over"),
    "frustration": _words("with over about at"),
    "complaint": _words("about over"),
    "warning": _words("of about against"),
    "call": _words("for"),
    "demand": _words("for"),
    "request": _words("for"),
    "plea": _words("for"),
    "appeal": _words("for"),
    "push": _words("for"),
    "proposal": _words("for"),
    "plan": _words("for"),
    "promise": _words("of"),
    "pledge": _words("of"),
    "threat": _words("of"),
    "vision": _words("of for"),
    "view": _words("of on about"),
    "views": _words("on about"),
    "position": _words("on"),
    "stance": _words("on"),
    "assessment": _words("of"),
    "description": _words("of"),
    "characterization": _words("of"),
    "portrayal": _words("of"),
    "account": _words("of"),
    "defense": _words("of"),
    "defence": _words("of"),
    "admiration": _words("for of"),
    "contempt": _words("for"),
    "disdain": _words("for"),
    "skepticism": _words("about of over"),
    "scepticism": _words("about of over"),
    "suspicion": _words("of about"),
    "hope": _words("for of"),
    "idea": _words("of about for"),
    "claim": _words("of about"),
    "accusation": _words("of against"),
    "allegation": _words("of against about"),
    "denial": _words("of"),
    "admission": _words("of"),
    "acknowledgment": _words("of"),
    "acknowledgement": _words("of"),
    "prediction": _words("of about"),
    "forecast": _words("of for"),
    "estimate": _words("of for"),
    "insistence": _words("on"),
    "emphasis": _words("on"),
    "focus": _words("on"),
    "commitment": _words("to"),
    "dedication": _words("to"),
    "determination": _words(""),
    "decision": _words(""),
    "refusal": _words(""),
    "intention": _words("of"),
    "desire": _words("for"),
    "willingness": _words(""),
    "reluctance": _words(""),
    "bid": _words("for"),
    "rhetoric": _words("about on against"),
    "remarks": _words("about on"),
    "comments": _words("about on"),
    "statement": _words("on about"),
    "testimony": _words("about on"),
}
"""Nouns of evaluation, stance and intention with the prepositions that carry their content
("criticism of the plan", "fears over prices", "questions about his health"); all of them also
take an infinitive of intent ("her decision to run") when the noun is in
:data:`NOMINAL_INFINITIVE_CUES`."""

NOMINAL_INFINITIVE_CUES: Final[frozenset[str]] = _words(
    "appeal bid call decision demand determination desire intention plan plea pledge promise "
    "proposal push refusal reluctance request threat vow willingness"
)
"""Nouns of intention whose infinitive is the intended act ("her refusal to testify")."""

STANCE_LIGHT_VERBS: Final[frozenset[str]] = _words(
    "express voice raise air issue make offer give lodge register share repeat state "
    "reiterate deliver launch level renew signal pose have hold harbor harbour"
)
"""Light verbs of stance: their object noun carries an attribution ("raised questions about",
"voiced support for") and their subject holds the noun's view (the event lexicon's light verbs
take an event noun instead, whose actor their subject is: "carried out a strike")."""

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

SHOWING_NOUNS: Final[frozenset[str]] = _words(
    "phrase term word words slogan motto headline caption message line title hashtag "
    "nickname label sign banner placard inscription chant refrain epithet"
)
"""Nouns that introduce a quotation as what someone used, wrote or displayed ("used the phrase
“…”", "a sign with the slogan “…”")."""

SHOWING_VERBS: Final[frozenset[str]] = _words(
    "read write type post tweet print scrawl inscribe label headline title caption chant "
    "sing paint display"
)
"""Verbs of writing, showing and reading out that introduce a quotation directly ("the letter
reads “…”", "a doctor had typed “…”")."""

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
