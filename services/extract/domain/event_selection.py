"""Selectional restrictions of polysemous triggers: an event of its PLOVER type only with the
right kind of arguments.

PLOVER and CAMEO code interactions between political actors (states, organisations, armed
groups, officials, protesters). Many of their trigger words have everyday senses whose arguments
are of another kind: "shares rallied", "sales declined", "visited the website", "declined to
comment", "slammed his racket", "charges a fee", and of sport: "struck a superb shot",
"stormed to victory", "a Six Nations clash". A restriction names the argument that decides
and what it must be; the table is data (one line, one reason), the checks are small functions.

>>> sorted(RESTRICTED_LEMMAS)[:3]
['abuse', 'accept', 'allow']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from typing import Final

from spacy.tokens import Token

from services.extract.domain.lexicon import (
    COLLECTIVE_NOUNS,
    COOPERATION_OBJECTS,
    DENIED_SCORES,
    HOSTILE_CONTENT,
    IDIOM_OBJECTS,
    MACHINE_WORDS,
    MODE_WORDS,
    MUSICAL_ACCOMPANISTS,
    NEGATING_VERBS,
    NOUN_TRIGGERS,
    ROAD_VEHICLES,
    VERB_TRIGGERS,
    words,
)
from services.extract.domain.participants import can_act, phrase_objects, sector_of_word
from services.extract.domain.speech_lexicon import SPEECH_VERBS

_ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_RELATIVES = frozenset({"who", "which", "that"})
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
_EXPLETIVES = frozenset({"there"}) | _DEMONSTRATIVES

AUDIENCE_NOUNS: Final[frozenset[str]] = words(
    "user customer consumer viewer visitor shopper subscriber listener reader surfer buyer "
    "gamer audience"
)
"""People in a market or audience role: they use, buy and watch; PLOVER's actors are states,
organisations and groups acting politically, so "users visiting a site" is no visit."""

DISCLOSURE_VERBS: Final[frozenset[str]] = (SPEECH_VERBS - words("respond reply answer")) | words(
    "comment elaborate disclose reveal specify speculate confirm discuss name identify"
)
"""Complements of "decline"/"refuse" that make it CAMEO 011 ("decline comment": a public
statement), not a rejection: "declined to comment", "declined to be named". Refusing to
respond or answer (to a demand) stays a rejection (CAMEO 12)."""

RECEIVED_HONOURS: Final[frozenset[str]] = words(
    "award prize honour honor trophy medal oscar statuette gong accolade nomination"
)
"""What a winner accepts at a ceremony ("accepting his award", "the prize was accepted by"):
no proposal, offer or demand, so no agreement (PLOVER AGREE, CAMEO 03/08)."""

WITHDRAWN_GOODS: Final[frozenset[str]] = words(
    "offer bid product drug medicine advert poster portion money cash asset fund deposit saving"
)
"""What a firm or a bidder withdraws: a bid or an offer on a market, goods from sale, money
from an account. PLOVER RETREAT (CAMEO 087, 0874) withdraws forces from a place or a party
from a position; these are commerce. A film withdrawn (often under pressure) is left as it
is: test_event_headlinese reads one as an event."""

SALE_PLACES: Final[frozenset[str]] = words("shop store shelf sale market circulation website")
"""Where goods are withdrawn from ("withdrawn from shops", "from sale")."""

CONTEST_PLACES: Final[frozenset[str]] = words(
    "squad team side race match game contest draw competition games olympics tournament "
    "championship championships cup league final"
)
"""What a player withdraws from ("from the squad", "from Bath's team", "from the race"):
leaving a contest, as "withdrew from the Athens Games" is, no retreat."""

WITHHELD_DISCLOSURES: Final[frozenset[str]] = words(
    "detail details information guidance view views comment figure figures breakdown "
    "explanation reason reasons indication name names timetable timescale"
)
"""What a speaker declines to give, provide or offer when declining to comment ("refused to
give any details", "declined to provide guidance", "declined to give her view"): CAMEO 011
"decline comment", as "declined to comment" is; refusing to give funds or samples stays a
rejection (CAMEO 12)."""

DISCLOSING_VERBS: Final[frozenset[str]] = words("give provide offer put release go")
"""Verbs whose object names the disclosure declined ("give details", "go into detail")."""

VISITED_NON_PLACES: Final[frozenset[str]] = words(
    "website site webpage page blog homepage portal forum chatroom engine store shop "
    "restaurant cinema theatre exhibition museum"
)
"""What customers, readers and audiences visit: web pages, shops and shows. A political visit
(CAMEO 042/043) is to a place or a host; "the site of the blast" is a place (an "of" phrase)."""

CONTENT_NOUNS: Final[frozenset[str]] = words(
    "plan policy decision move proposal law bill budget report comment remark claim idea "
    "scheme tax reform verdict ruling stance position record approach handling strategy "
    "statement speech remarks behaviour conduct performance government regime leadership"
)
"""What one criticises besides actors: their acts, words and policies (CAMEO 111 targets)."""

OBSTRUCTED_WAYS: Final[frozenset[str]] = words(
    "road street highway motorway route lane avenue bridge railway rail crossing border "
    "junction roundabout entrance exit gate access traffic port harbour airport runway tunnel "
    "pass square building office headquarters ministry parliament embassy palace plant factory "
    "refinery depot terminal station path way thoroughfare convoy motorcade "
    "transport goods supply delivery shipment cargo"
)
"""What protesters block (PLOVER PROTEST 'obstruct', CAMEO 144 'obstruct passage, block':
"block or obstruct passage of persons or goods"): a way, an access, a building, or the
passage of goods itself (transport, supplies, deliveries); a named place (a FAC, GPE or LOC
entity) is one too."""

EXPLODING_THINGS: Final[frozenset[str]] = words(
    "bomb device mine shell grenade rocket missile mortar munition ammunition explosive "
    "charge warhead ied car vehicle bus truck lorry van tanker motorbike motorcycle bicycle "
    "boat ship vessel plane aircraft jet helicopter train building house factory plant "
    "refinery pipeline tank cylinder boiler reactor depot dump warehouse arsenal belt vest "
    "package parcel suitcase bag"
)
"""What goes off in an attack or an accident: a device, a munition, a vehicle, a building or
a container. "Sales", "the market", "the debate" or "a number" explode in metaphor only."""

VEHICLES: Final[frozenset[str]] = (
    MACHINE_WORDS
    | ROAD_VEHICLES
    | words("bike bicycle motorbike motorcycle minibus yacht canoe dinghy raft airplane")
)
"""What overturns or crashes in an accident (WordNet overturn.v.01 "turn from an upright or
normal position", crash.v.03 "undergo a sudden and violent collision"): a vehicle or a
structure. A ruling is overturned (overturn.v.02 "rule against"), a computer program crashes
(crash.v.05), a player crashes a shot against the bar or crashes out of a tournament."""

BLASTING_STUFF: Final[frozenset[str]] = words("gas fuel methane firework fireworks dust chemical")
"""Substances that explode (a "gas explosion", a "methane explosion"), with
:data:`EXPLODING_THINGS`."""

COLLAPSING_STRUCTURES: Final[frozenset[str]] = words(
    "building house home block flat tower hotel school hospital factory mill church mosque "
    "temple market mall stadium stand stage roof ceiling floor wall balcony bridge tunnel mine "
    "shaft dam embankment levee pier platform crane scaffolding structure"
)
"""Built structures, whose collapse is an accident (WordNet collapse.v.02 "fall down, as if
collapsing": "the roof collapsed", "a mine shaft collapsed"). A firm, a marriage, talks, a
team or a person collapse in other senses (collapse.v.01 "break down, literally or
metaphorically": a bankruptcy, a failure, a defeat; collapse.v.03 a person's fall from
illness), none an accident."""

MISUSED_THINGS: Final[frozenset[str]] = words(
    "benefit system power position privilege trust right freedom liberty access data "
    "information identity drug alcohol substance loophole law rule aid procedure process "
    "program programme scheme tolerance generosity hospitality democracy authority office "
    "status dominance monopoly market rights patent licence license credit card account "
    "asylum visa welfare"
)
"""What one abuses in the sense of misusing it (a resource, a right, a position, a drug):
PLOVER ASSAULT 'abuse' (CAMEO 1823, 'abuse, torture') is physical abuse of people."""

LOST_ABSTRACTIONS: Final[frozenset[str]] = words(
    "season career life future hope chance confidence reputation credibility relationship "
    "marriage morale dream spirit value budget society avenue evil injury"
)
"""What is destroyed only as one loses it (a season, a career, a future, value, hope): no
property, so no CAMEO 1711 destruction."""

CONTEST_AIMS: Final[frozenset[str]] = words(
    "ball shot strike penalty goal free-kick kick header volley drive forehand backhand "
    "serve ace putt hoop basket bar post crossbar net woodwork "
    "victory win title crown gold medal lead record best top spot chart fame prominence "
    "stardom number place final promotion trophy start recall selection call-up"
)
"""What a player strikes or shoots (a ball, a shot, a penalty), where a winner storms or
shoots to (victory, a title, gold, a lead, the top) and what a player pushes for (promotion, a
place, a start, a recall): the sense of a contest, not of force or of a demand."""

STRUCK_SETTLEMENTS: Final[frozenset[str]] = IDIOM_OBJECTS["strike"] | words(
    "agreement accord compromise pact"
)
"""What is struck in the sense of reached ("a deal was struck", "the balance to be struck"),
as an object or, here, as a passive subject or the noun a participle describes."""

ENDED_THINGS: Final[frozenset[str]] = words(
    "bill law plan proposal deal idea scheme reform project model business hope chance ball tie"
)
"""What is killed in the sense of ended or stopped, not of life taken: a measure or a plan
("wrecking tactics to kill the bill"), a market ("kill the business model"), a hope, and in a
game the ball or the tie ("killing the ball", "score a fourth to kill the tie")."""

TAKEN_RANKS_AND_CHANCES: Final[frozenset[str]] = words(
    "spot position place space moment chance initiative advantage thought"
)
"""What is seized or occupied figuratively: a rank ("seized the top spot", "occupying spots in
the chart"), a room in a market ("occupy the space in-between"), an opportunity ("seize the
moment", "seize back the initiative", "seizing a poll advantage") or a mind ("occupying our
thoughts"); confiscation and occupation (CAMEO 1711/1712, 203) take property and territory."""

STRIVEN_GOALS: Final[frozenset[str]] = words(
    "survival life job livelihood future existence everything point ranking place"
)
"""What one fights for as an end to reach, not against an opponent ("fighting for survival",
"for her job", "for every point", "for the number two ranking"): WordNet fight.v.04 'exert
oneself to gain an end', no combat (CAMEO 19) and no verbal attack (CAMEO 11)."""

RETAIL_DEAL_MODIFIERS: Final[frozenset[str]] = words(
    "package download broadband tariff bundle contract-free price discount"
)
"""Modifiers of a "deal" that make it a seller's offer to the public ("download deals", "a
package deal"): a price, not an agreement between parties (PLOVER AGREE, CAMEO 03)."""

DEFENDED_IN_CONTESTS: Final[frozenset[str]] = words(
    "title crown championship champion trophy record cup point"
)
"""What a player or side defends in a contest ("defend his 60m title", "defending champion
Roddick", "defend a break point"): holding it against challengers (WordNet defend.v.04 'be
the defending champion'), no backing of an actor (CAMEO 05)."""

REFLEXIVES: Final[frozenset[str]] = words(
    "myself yourself himself herself itself ourselves yourselves themselves oneself"
)
"""Objects of defending oneself: in court, against a charge or against attack, no backing of
another actor (CAMEO 05 supports someone else)."""

COMEBACK_GOALS: Final[frozenset[str]] = words(
    "beat win clinch force level draw take claim secure snatch earn reach edge overturn"
)
"""What a player or side rallies to do in a contest: to win, beat, clinch, level, force."""

ATHLETICS_MODIFIERS: Final[frozenset[str]] = words("indoor outdoor athletics track invitational")
"""Modifiers that make a "meeting" an athletics competition (British English 'meeting' for
a meet): "an indoor meeting in Birmingham", "the Fayetteville Invitational meeting"."""

RELIEF_NEEDS: Final[frozenset[str]] = words(
    "debt disaster famine drought flood quake earthquake tsunami hurricane cyclone storm war "
    "refugee humanitarian emergency aid food hunger poverty"
)
"""What relief in the aid sense relieves (CAMEO 07 'provide aid'; debt relief is economic aid,
071): "debt relief", "tsunami relief", "humanitarian relief"."""

AID_WORK: Final[frozenset[str]] = words(
    "effort operation work worker agency supply fund flight convoy mission programme program "
    "organisation organization package"
)
"""What aid relief names as a modifier: "the relief effort", "relief operations", "relief
supplies"."""

AID_GIVING_VERBS: Final[frozenset[str]] = words(
    "provide deliver send give fund pay bring distribute ship airlift supply offer"
)
"""Verbs that give relief as aid: "provide debt relief", "to help pay for relief"."""

FILMED_THINGS: Final[frozenset[str]] = words(
    "film movie scene footage video episode series picture photo photograph documentary "
    "advert commercial sequence thriller drama comedy sitcom programme show"
)
"""What is shot with a camera: "the film was shot in Morocco", "scenes shot in Kigali"."""

HUNTED_ANIMALS: Final[frozenset[str]] = words(
    "animal fox deer stag bird pheasant grouse partridge duck goose rabbit hare boar quarry "
    "game wildlife"
)
"""What hunters shoot ("shoot a fox", "shoot the game animals"): hunting, not an assault on
people or property (CAMEO 18-19)."""

COMPETITION_WORDS: Final[frozenset[str]] = words(
    "cup league round final semi-final quarter-final nations derby singles doubles "
    "premiership tournament championship series open"
)
"""Words naming a competition or its stage: a "Heineken Cup clash", a "second round clash",
a "Six Nations clash" is a fixture in it."""


OCCASION_NOUNS: Final[frozenset[str]] = COMPETITION_WORDS | words(
    "ceremony concert event festival game games race show"
)
"""Occasions put on for an audience: a contest, a show, a ceremony."""


@dataclass(frozen=True)
class Restriction:
    """Trigger lemmas, the part of speech they apply to, the check their arguments must pass."""

    lemmas: frozenset[str]
    pos: str
    check: str
    reason: str


SELECTIONAL_RESTRICTIONS: Final[tuple[Restriction, ...]] = (
    Restriction(
        words(
            "rally decline visit slam fight clash battle attack charge allow permit host promise "
            "pledge vow blast savage"
        ),
        "VERB",
        "agent_can_act",
        "their subject must be an actor: 'shares rallied', 'sales declined', 'this allows', "
        "'the stadium hosted', 'the show promises $100,000', 'the new model promises faster "
        "speeds' (a prospect, not a commitment of an actor: CAMEO 03)",
    ),
    Restriction(
        words("allow permit"),
        "VERB",
        "permission_has_a_grantor",
        "CAMEO 08 (086 'allow international involvement'): an actor lets another act; 'was not "
        "allowed' by no one, 'laws to allow', 'allowing users to ...' are rules and means",
    ),
    Restriction(
        words("meet"),
        "VERB",
        "object_is_actor",
        "CAMEO 04: one meets someone; 'meet the targets', 'meeting all objectives' is no talk",
    ),
    Restriction(
        words("visit"),
        "VERB",
        "object_is_no_venue",
        "CAMEO 042/043: one visits a place or a host, not 'the website' or 'a restaurant'",
    ),
    Restriction(
        words("host"),
        "VERB",
        "object_is_guest_or_meeting",
        "CAMEO 042-044: one hosts a visitor or talks; 'hosted 30,000', 'hosts a gadget show' is "
        "an occasion",
    ),
    Restriction(
        words("blame"),
        "VERB",
        "blame_falls_on_someone",
        "CAMEO 112 accuses an actor; 'blamed high fuel prices', 'blamed poor sales' names the "
        "cause of an outcome (PropBank blame.01 with a thing as ARG1)",
    ),
    Restriction(
        words("fund finance"),
        "VERB",
        "object_is_actor",
        "CAMEO 07 provides aid to someone; 'finance the purchase', 'fund its plans' is business",
    ),
    Restriction(
        words("decline refuse"),
        "VERB",
        "complement_is_no_disclosure",
        "CAMEO 011: 'declined to comment/say/be named' is a statement, not a rejection",
    ),
    Restriction(
        words("blast savage"),
        "VERB",
        "criticism_has_a_target",
        "CAMEO 111 criticises someone or something: 'blasted the plans'; with no object a "
        "player 'blasted wide' or 'blasted over' shoots (WordNet blast.v.05 'hit hard')",
    ),
    Restriction(
        words("slam blast savage"),
        "VERB",
        "object_is_actor_or_content",
        "CAMEO 111: one slams or blasts actors and their acts, not 'his racket', 'the door', "
        "'the ball home' or 'an ace'",
    ),
    Restriction(
        words("investigate"),
        "VERB",
        "investigation_is_of_a_deed",
        "CAMEO 09 investigates a crime, a wrongdoing or those suspected of it; 'investigate "
        "the possibility of sponsorship', 'investigate further opportunities', 'investigate "
        "extending the line' (a gerund) look into what could be done: no inquiry into anyone",
    ),
    Restriction(
        words("threaten"),
        "VERB",
        "threat_is_an_actors",
        "CAMEO 13 is an actor's threat of an act: 'the union threatened to strike', 'was "
        "threatened with the sack'; a thing or a situation that 'threatens the recovery' (pose "
        "a danger, WordNet threaten.v.02), 'jobs are threatened' (at risk) and a side that "
        "'rarely threatened' in a game (no act threatened) threaten nothing",
    ),
    Restriction(
        words("warn"),
        "VERB",
        "warning_announces_an_act",
        "CAMEO 13 threatens an act; 'warned that profits would fall' is a forecast (CAMEO 012)",
    ),
    Restriction(
        words("charge"),
        "VERB",
        "charged_with_offence",
        "CAMEO 1121 accuses someone 'with' an offence; 'charges a fee' is a price",
    ),
    Restriction(
        words("plead"),
        "VERB",
        "plea_is_no_answer_to_a_charge",
        "CAMEO 02 appeals to someone; 'pleaded guilty/not guilty' answers a charge in court",
    ),
    Restriction(
        words("push"),
        "VERB",
        "agent_can_act",
        "CAMEO 10 'push for' is a demand an actor makes; 'the console will push for HD "
        "graphics' is a product's aim",
    ),
    Restriction(
        words("push"),
        "VERB",
        "request_is_no_contest",
        "CAMEO 10 demands a policy or an act; a side 'pushing for promotion', 'for the title' "
        "or 'for a place in the team' is competing",
    ),
    Restriction(
        words("demonstrate"),
        "VERB",
        "demonstration_shows_nothing",
        "CAMEO 141 'demonstrate or rally' is intransitive ('demonstrated against/outside/for');"
        " 'demonstrate an advantage', 'demonstrated that/why ...' is showing (VerbNet 'indicate')",
    ),
    Restriction(
        words("block"),
        "VERB",
        "obstruction_of_a_way",
        "PLOVER PROTEST 'obstruct' (CAMEO 144): people block a road, an access or a building; "
        "'blocked the deal/bid/sale', 'had a shot blocked', 'block junk mail' obstruct no way",
    ),
    Restriction(
        words("downgrade sever"),
        "VERB",
        "severed_thing_is_a_relation",
        "CAMEO 16 reduces relations: one downgrades or severs ties, talks, aid or an embassy; "
        "'downgraded its growth estimate', 'agencies downgraded the firm' (a credit rating) "
        "and 'severed a cable' reduce no relation",
    ),
    Restriction(
        words("flood"),
        "VERB",
        "flooding_is_by_water",
        "a flood (a DISASTER) is of water: 'rains flooded the villages', 'land flooded by "
        "seawater'; 'flooded the market with cash', 'funds flooded into the country', 'flooded "
        "with offers' is an abundance (WordNet flood.v.03 'fill quickly beyond capacity')",
    ),
    Restriction(
        words("storm"),
        "NOUN",
        "storm_is_no_rush",
        "'X storms to No 1', 'storms to win', 'storms into a lead': the verb storm.v.02 ('rush "
        "violently') in headlinese, read by the parser as a plural noun; a storm of weather "
        "takes no 'to' or 'into' phrase, no infinitive, and is conjoined to no verb",
    ),
    Restriction(
        words("injure hurt"),
        "VERB",
        "injury_is_to_another",
        "an assault (CAMEO 18) harms another; 'injured her knee', 'hurt his back' (one's own "
        "body, a possessive pronoun's part that names no one) is an injury suffered",
    ),
    Restriction(
        words("overturn crash"),
        "VERB",
        "the_vehicle_is_named",
        "an overturning or a crash is an accident of a vehicle ('the bus overturned', 'crashed "
        "his car', 'the plane crashed'); 'overturned the ruling/ban', 'overturned a majority', "
        "'programs will crash', 'crashed a drive against the bar', 'crashed out' are no accident",
    ),
    Restriction(
        words("explosion"),
        "NOUN",
        "explosion_is_a_blast",
        "an explosion (CAMEO 183 or an accident) is a blast of a device or a substance; 'an "
        "explosion in podcasting', 'the gadget explosion', 'an explosion of casinos' is a sudden "
        "great increase (WordNet explosion.n.04)",
    ),
    Restriction(
        words("collapse"),
        "VERB",
        "collapsing_thing_is_a_structure",
        "an accidental collapse is of a built structure ('the roof collapsed', collapse.v.02); "
        "'the firm collapsed' (bankruptcy), 'the talks collapsed', 'they collapsed in the second "
        "leg' (a defeat) and a person who collapses (illness) are no accident",
    ),
    Restriction(
        words("explode"),
        "VERB",
        "exploding_thing_is_physical",
        "an explosion (PLOVER ASSAULT 'explosives', or an accident) is of a device, vehicle, "
        "building or munition; 'sales exploded', 'set to explode' (a market) are metaphor",
    ),
    Restriction(
        words("abuse"),
        "VERB",
        "abused_are_no_things_of_use",
        "CAMEO 1823/PLOVER ASSAULT abuse people; abusing 'benefits', 'the system', 'his "
        "position', 'drugs' or 'trust' is misuse (VerbNet 'misuse', not 'mistreat')",
    ),
    Restriction(
        words("destroy"),
        "VERB",
        "destruction_is_an_act_on_a_thing",
        "CAMEO 1711 (PLOVER COERCE, property) is an actor's act on a thing: 'destroyed by "
        "fire / by the waves' names no actor, 'an injury destroyed last season' no property",
    ),
    Restriction(
        words("strike shoot storm"),
        "VERB",
        "aim_is_no_contest",
        "CAMEO 19 strikes, shoots or storms someone or a place; 'struck a superb shot', 'shot "
        "wide', 'stormed to victory', 'shot to the top' are a contest's play and success",
    ),
    Restriction(
        words("seize occupy"),
        "VERB",
        "seized_thing_is_no_rank_or_chance",
        "CAMEO 17/20 seizure and occupation take property and territory; 'seized the top spot', "
        "'seize the moment', 'occupying our thoughts' take a rank, a chance, a mind",
    ),
    Restriction(
        words("restrict"),
        "VERB",
        "restriction_is_no_scope",
        "CAMEO 17 restricts someone; an agentless 'is restricted to the UK' of a thing ('the "
        "service', 'the search', 'it') tells its scope ('limited to'), no one's measure",
    ),
    Restriction(
        words("strike"),
        "VERB",
        "struck_thing_is_no_settlement",
        "English 'strike a deal/balance' (reach it) is no attack (CAMEO 19), in the passive "
        "('the deal struck last week', 'a balance to be struck') as in the active",
    ),
    Restriction(
        words("deal"),
        "NOUN",
        "deal_is_no_retail_offer",
        "PLOVER AGREE/CAMEO 03 agree between parties; 'download deals', 'a package deal', "
        "'good deals for consumers', 'operators offer good deals on calls' are prices offered",
    ),
    Restriction(
        words("defend"),
        "VERB",
        "defence_is_of_another",
        "CAMEO 05 backs an actor or a policy; 'defend his title', 'defending champion' "
        "(defend.v.04, in a contest) and 'defend themselves in court' back no one",
    ),
    Restriction(
        words("sign"),
        "VERB",
        "signed_thing_is_no_autograph",
        "CAMEO 057/05 sign an agreement or a petition; 'signed autographs', 'a single signed "
        "by all the band' write a name on a keepsake (autograph.v.01)",
    ),
    Restriction(
        words("support"),
        "VERB",
        "supported_thing_is_no_format",
        "CAMEO 05 backs an actor or a policy; a device that 'supports several operating "
        "systems' or 'the formats' is compatible with them",
    ),
    Restriction(
        words("back"),
        "VERB",
        "backing_is_no_accompaniment",
        "CAMEO 05 backs an actor or a policy; 'backing singers', 'performed backed by a gospel "
        "choir' accompany a song (accompany.v.02)",
    ),
    Restriction(
        words("accept"),
        "VERB",
        "acceptance_is_of_a_proposal",
        "PLOVER AGREE/CAMEO 03 accept an offer, a plan or terms; 'accepted that young people "
        "drank' (a clause: acknowledge, accept.v.01) and 'accepting his award' agree to nothing",
    ),
    *(
        Restriction(
            words("withdraw withdrawal"),
            pos,
            "withdrawal_is_no_trade_or_contest",
            "PLOVER RETREAT/CAMEO 087 withdraw forces or a party from a place or position; "
            "'withdrew its takeover offer', 'withdrawn from shops', 'withdrew from the squad' "
            "are trade and sport",
        )
        for pos in ("VERB", "NOUN")
    ),
    Restriction(
        words("fight battle"),
        "VERB",
        "struggle_is_no_comeback_or_effort",
        "CAMEO 19/11 fight an opponent; 'fought back to beat Wales', 'fights back for the "
        "title', 'fighting for survival' (fight.v.04, to gain an end) is a contest or an effort",
    ),
    Restriction(
        words("rally"),
        "VERB",
        "rally_is_no_comeback",
        "CAMEO 141 rallies gather people for or against something; 'rallied to beat Wales', "
        "'rallied to clinch the set' is a comeback in a contest",
    ),
    Restriction(
        words("rally"),
        "VERB",
        "rally_gathers_no_supporters",
        "CAMEO 141 people rally (intransitive) for or against something; a transitive 'rallies "
        "party voters', 'rallying opposition to the bid' summons support (rally.v.01), no "
        "demonstration",
    ),
    Restriction(
        words("deny"),
        "VERB",
        "denial_is_no_play",
        "CAMEO 12 denies a claim or refuses a request ('denied the charges', 'denied bail'); "
        "'the keeper denied Smith', 'were denied a late try', 'would not be denied' prevent "
        "a player from scoring (deny.v 'prevent from obtaining'), a move in the game",
    ),
    Restriction(
        words("rally"),
        "NOUN",
        "rally_is_a_gathering",
        "CAMEO 141 rallies are gatherings of people: staged, held or joined, somewhere, for or "
        "against something; 'a rally in the value of the dollar', 'extend that rally' (markets) "
        "and 'a third-set rally from Moya' (sport) gather no one",
    ),
    Restriction(
        words("strike"),
        "NOUN",
        "strike_is_no_shot_at_goal",
        "CAMEO 195 strikes are made by states and forces; a strike credited to one named "
        "person ('Gerrard's strike', 'strikes from Rivaldo') without a target is a shot at goal",
    ),
    Restriction(
        words("attack"),
        "NOUN",
        "attack_is_no_playing_role",
        "a bare 'in attack' ('good in attack and defence') is a team role, as 'in defence' is; "
        "an attack event (CAMEO 19) or a verbal attack (CAMEO 111) takes an article",
    ),
    Restriction(
        words("meeting"),
        "NOUN",
        "meeting_is_no_athletics_meeting",
        "CAMEO 04 meetings are talks between actors; an 'indoor', 'athletics' or "
        "'Invitational' meeting is a sports competition (British 'meeting', a meet)",
    ),
    Restriction(
        words("shoot"),
        "VERB",
        "shot_is_no_filming",
        "CAMEO 19 shoots people or places; 'the film was shot in Morocco', 'scenes shot in "
        "Kigali' is filming (VerbNet 'shoot' = film)",
    ),
    Restriction(
        words("shoot"),
        "VERB",
        "shooting_up_is_no_rise",
        "an intransitive 'shoot up' is a rise ('shares shot up 7%', 'readership has shot "
        "up'), not shooting at someone (CAMEO 19 'shot up the village' has an object)",
    ),
    *(
        Restriction(
            words("shoot shooting"),
            pos,
            "shooting_is_at_people",
            "CAMEO 18-19 shoot people or property: 'shoot a fox', 'shoot game animals' is "
            "hunting and 'shooting on the sequel', 'location shooting' is filming",
        )
        for pos in ("VERB", "NOUN")
    ),
    Restriction(
        words("clash"),
        "NOUN",
        "clash_is_no_fixture",
        "CAMEO 19/11 clashes are between forces or opponents; a clash named after a "
        "competition ('the Six Nations clash', 'a second round clash') is a match in it",
    ),
    Restriction(
        words("relief"),
        "NOUN",
        "relief_is_aid",
        "CAMEO 07 provides aid: relief of a need ('debt/tsunami relief'), the relief effort, "
        "relief given or sent, relief for a place; 'a big relief', 'a sigh of relief', 'to the "
        "relief of the crowd' are feelings and 'income tax relief' is a tax rule",
    ),
    *(
        Restriction(
            words("march"),
            pos,
            "march_is_a_rally",
            "CAMEO 141 demonstrations are collective: a march is one when people march as a "
            "body; one person marching ('Nadal marches on', 'marching up to him'), troops on the "
            "move (CAMEO 15 is their posture, not protest) and 'the upward march of prices' are "
            "motion (VerbNet run-51.3.2)",
        )
        for pos in ("VERB", "NOUN")
    ),
    *(
        Restriction(
            words("appeal"),
            pos,
            "appeal_asks_for_something",
            "CAMEO 02 'appeal for' / 'appeal to X to': a request names what it asks, in a "
            "'for' phrase, an infinitive or a 'that' clause; 'will appeal to voters' (attract), "
            "'appealed against the ruling' (a court's review), 'broaden its appeal' ask nothing",
        )
        for pos in ("VERB", "NOUN")
    ),
    Restriction(
        words("rule turn throw vote hit"),
        "VERB",
        "agent_can_act",
        "CAMEO 12 and 111 are acts of actors: 'the glitz turned down', 'this rules out State "
        "participation' (a consequence) reject nothing",
    ),
    Restriction(
        words("rule throw"),
        "VERB",
        "rejection_is_of_a_proposal",
        "CAMEO 12 rejects a proposal or a claim; 'ruled out of the match with injury', 'thrown "
        "out of the Commons' exclude a person from a game or a place, 'ruled out any chance of "
        "winning' a possibility",
    ),
    Restriction(
        words("brand"),
        "VERB",
        "brand_names_a_judgement",
        "CAMEO 111: one brands a plan 'a waste of money', 'unworkable', 'as reckless' (WordNet "
        "brand.v.02); 'is branded as Fast Net' gives a trade name (brand.v.01), no criticism",
    ),
    Restriction(
        words("resign"),
        "VERB",
        "resignation_is_under_pressure",
        "CAMEO 0831 yields office to a demand: 'forced to resign', 'resigned over the leak', "
        "'amid criticism', 'after errors were found'; 'resigned for personal reasons', 'after "
        "six years', 'to become commissioner' concede nothing",
    ),
)
"""The restrictions, in the order they are checked."""

RESTRICTED_LEMMAS: Final[frozenset[str]] = frozenset(
    lemma for r in SELECTIONAL_RESTRICTIONS for lemma in r.lemmas
)


def violates_restriction(trigger: Token) -> bool:
    """Whether a verb or noun trigger's arguments are of a kind its event type does not take."""
    lemma = trigger.lemma_.lower()
    if lemma not in RESTRICTED_LEMMAS:
        return False
    return any(
        not _CHECKS[r.check](trigger)
        for r in SELECTIONAL_RESTRICTIONS
        if r.pos == trigger.pos_ and lemma in r.lemmas
    )


PHRASE_REACH: Final = 32
"""The most tokens of a phrase read for an entity in it (:func:`names_an_entity`): a noun
phrase is far shorter; a parse that hangs a whole run-on text under one word is not read."""


def names_an_entity(head: Token, labels: frozenset[str]) -> bool:
    """Whether the phrase ``head`` heads names an entity of one of ``labels`` ("the Darfur
    region" a GPE, "the Athens Games" an EVENT), reading at most :data:`PHRASE_REACH` tokens."""
    return any(t.ent_type_ in labels for t in islice(head.subtree, PHRASE_REACH))


def is_inside_a_name(noun: Token) -> bool:
    """A trigger noun capitalised inside a sentence ("the Band Aid single", "Christian Aid")
    is part of a proper name: English capitalises common nouns there only in names. Not in
    all-capital words, nor at the sentence start."""
    return (
        noun.is_title
        and noun.i > noun.sent.start
        and not noun.doc[noun.i - 1].is_punct
        and not noun.doc[noun.i - 1].is_space
    )


def _subjects(verb: Token) -> list[Token]:
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "relcl":
        subjects = [verb.head if s.lower_ in _RELATIVES else s for s in subjects]
    if not subjects and verb.dep_ == "acl" and verb.tag_ == "VBG":
        subjects = [verb.head]  # "people visiting the site"
    return subjects


def _is_political_actor(token: Token, *, by_ending: bool = True) -> bool:
    lemma = token.lemma_.lower()
    if lemma in AUDIENCE_NOUNS and token.ent_type_ not in _ACTOR_ENTITIES:
        return False
    if lemma in _DEMONSTRATIVES:
        return False  # "this allows ...": a demonstrative subject points at a situation
    return can_act(token, by_ending=by_ending)


def _is_cause(token: Token) -> bool:
    """A weapon or an event as subject ("the missile struck", "the attack battled on") is an
    instrument of an actor, not a thing in its everyday sense."""
    lemma = token.lemma_.lower()
    return lemma in MODE_WORDS or lemma in NOUN_TRIGGERS


def _agent_can_act(verb: Token) -> bool:
    """Whether the verb has no subject, or one that can act; an apposition counts for its
    noun ("Passion of the Christ director Mel Gibson has vowed", parsed with "Passion" as
    the subject and the director's name in apposition)."""
    subjects = _subjects(verb)
    subjects += [c for s in subjects for c in s.children if c.dep_ == "appos"]
    return not subjects or any(_is_political_actor(s) or _is_cause(s) for s in subjects)


def _objects(verb: Token) -> list[Token]:
    """Direct objects and their conjuncts; "all of its targets" is "targets"."""
    objects = [_counted(c) for c in verb.children if c.dep_ == "dobj"]
    return objects + [c for o in objects for c in o.children if c.dep_ == "conj"]


def _counted(word: Token) -> Token:
    if word.pos_ in {"PRON", "DET", "NUM", "ADJ"}:
        for child in word.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                return next((o for o in child.children if o.dep_ == "pobj"), word)
    return word


def _permission_has_a_grantor(verb: Token) -> bool:
    """A concession is someone's act of letting: "the army allowed aid convoys through",
    "refugees were allowed back by the government". An agentless passive ("voters will not be
    allowed to enter", "no amendment is allowed") states a rule, a verb modifying a noun ("the
    share allowed under the pact", "laws to allow removals") a provision, and a participle
    after a thing ("the software links phones, allowing users to ...") what a means enables;
    none is an act between actors."""
    if verb.dep_ in {"acl", "amod"}:
        return False
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return any(c.dep_ == "agent" for c in verb.children)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        return any(_is_political_actor(s) for s in _subjects(verb.head))
    return True


def _object_is_no_venue(verb: Token) -> bool:
    objects = _objects(verb)
    return not objects or any(
        o.lemma_.lower() not in VISITED_NON_PLACES
        or any(c.dep_ == "prep" and c.lower_ == "of" for c in o.children)
        for o in objects
    )


def _object_is_actor(verb: Token) -> bool:
    objects = _objects(verb)
    return not objects or any(_object_is_actor_token(o) for o in objects)


def _blame_falls_on_someone(verb: Token) -> bool:
    """ "blamed the rebels", "blamed the attack on the rebels", "blamed the government's
    policies": the blame falls on an actor, named or behind a deed."""
    blamed = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    laid_on = [o for w in (verb, *blamed) for o in phrase_objects(w, {"on"})]
    if laid_on:  # "blamed the attack on the rebels", the "on" phrase read with either word
        blamed = laid_on  # "blamed the closures on high costs" lays it on a cause
    return not blamed or any(
        can_act(b, by_ending=False)
        or any(c.dep_ == "poss" and can_act(c, by_ending=False) for c in b.children)
        for b in blamed
    )


def _object_is_guest_or_meeting(verb: Token) -> bool:
    objects = [o for o in _objects(verb) if not _is_occasion(o)]
    return len(objects) == len(_objects(verb)) and (
        not objects
        or any(
            o.lemma_.lower() in NOUN_TRIGGERS
            or (o.pos_ != "NUM" and not o.like_num and _object_is_actor_token(o))
            for o in objects
        )
    )


def _is_occasion(noun: Token) -> bool:
    """ "hosted the event", "host the tournament", "hosted the Tonight Show": an occasion or a
    programme one hosts is put on for an audience; CAMEO 042-044 hosts a visitor or talks."""
    return noun.lemma_.lower() in OCCASION_NOUNS or noun.ent_type_ in {"EVENT", "WORK_OF_ART"}


def _object_is_actor_token(o: Token) -> bool:
    # "strikers", not "requirement"
    return o.ent_type_ in _ACTOR_ENTITIES or (can_act(o) and not o.lemma_.lower().endswith("ment"))


def _object_is_actor_or_content(verb: Token) -> bool:
    objects = _objects(verb)
    return not objects or any(
        can_act(o, by_ending=False)
        or o.lemma_.lower() in CONTENT_NOUNS
        or o.lemma_.lower() in NOUN_TRIGGERS
        or o.lemma_.lower().endswith(("tion", "sion", "ment", "ance", "ence", "ism"))
        for o in objects
    )


def _complement_is_no_disclosure(verb: Token) -> bool:
    """ "declined to comment", "refused to give any details": a statement withheld (CAMEO
    011); so is "refused to rule out tax rises", a hedge that leaves them possible."""
    return not any(
        c.dep_ == "xcomp"
        and (c.lemma_.lower() in DISCLOSURE_VERBS or _withholds_comment(c) or _rules_out(c))
        for c in verb.children
    )


def _rules_out(verb: Token) -> bool:
    return verb.lemma_.lower() == "rule" and any(c.lower_ == "out" for c in verb.children)


def _withholds_comment(complement: Token) -> bool:
    """ "refused to give any details", "declined to provide guidance", "declined to be drawn
    on reports": a disclosure declined by its object, or by the passive idiom 'be drawn (on)'
    (to be led to comment)."""
    lemma = complement.lemma_.lower()
    if lemma == "draw" and any(c.dep_ == "auxpass" for c in complement.children):
        return True
    if lemma not in DISCLOSING_VERBS:
        return False
    objects = [c for c in complement.children if c.dep_ == "dobj"]
    objects += phrase_objects(complement, {"into"})  # "go into detail"
    return any(o.lemma_.lower() in WITHHELD_DISCLOSURES for o in objects)


PROSPECTS: Final[frozenset[str]] = words(
    "possibility opportunity option alternative feasibility potential prospect chance"
)
"""Nouns of what could be done: looking into one is research, no investigation of a deed."""


def _investigation_is_of_a_deed(verb: Token) -> bool:
    """ "police are investigating the murder", "investigated 400 contracts"; not "investigate
    the possibility of sponsorship", "investigate further opportunities", "investigate
    extending the line"."""
    if any(c.dep_ in {"xcomp", "ccomp"} and c.tag_ == "VBG" for c in verb.children):
        return False
    return not any(o.lemma_.lower() in PROSPECTS for o in _objects(verb))


def _threat_is_an_actors(verb: Token) -> bool:
    """ "the union threatened to strike", "threatened legal action", "Beijing has been
    threatened with sanctions", "threatened by the rebels"; not "the ban threatens to
    reignite tensions", "2,000 jobs are threatened", "Rangers had rarely threatened"."""
    threateners = _subjects(verb) + phrase_objects(verb, {"by"}, deps={"agent"})
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    threatened_with = phrase_objects(verb, {"with"})
    content = [c for c in verb.children if c.dep_ in {"dobj", "xcomp", "ccomp"}]
    if passive and not (threatened_with or threateners):
        return False  # "jobs are threatened": at risk, no one threatens
    if not passive and not (content or threatened_with):
        return False  # "Rangers had rarely threatened": no act threatened
    # A weapon may stand for its user ("missiles threaten the city").
    return not threateners or any(
        _is_political_actor(t) or t.lemma_.lower() in MODE_WORDS for t in threateners
    )


def _warning_announces_an_act(verb: Token) -> bool:
    """ "warned that it would retaliate", "warned that his fighters would attack", "warned
    that attacks would follow" announce acts; "warned that yields would fall", "warned that
    demand was slowing" forecast things.

    A threat (CAMEO 13) is the warner's own act to come: the clause's subject is the warner
    (a pronoun) or its own people ("his fighters"), under a modal of the future or of a
    condition — or an act of force itself ("attacks would follow"). What someone else will do
    ("warned that rivals could cut prices"), what there is ("warned there was a real risk")
    and what one should do ("warned that people should stay alert") is a pessimistic comment
    or advice (CAMEO 012, 02), no threat — unless it is made to hang on what the other side
    does (an ultimatum). A warning "of" or "about" a danger or a thing is a caution, as the
    noun's is (``triggers._warns_of_an_act``)."""
    hearers = [c for c in verb.children if c.dep_ == "dobj"]
    if any(_is_warned_caution(c, _WARNED_OF) for c in verb.children) or any(
        # the parser may hang the content on the hearer: "warned [Mr Blair about ...]"
        _is_warned_caution(c, _HEARER_CONTENT)
        for h in hearers
        for c in h.children
    ):
        return False  # "warned of lower margins", "are warning about viruses": a caution
    for clause in [c for c in verb.children if c.dep_ == "ccomp"] or _reported_before(verb):
        subjects = [_counted(c) for c in clause.children if c.dep_ in _CLAUSE_SUBJECTS]
        if (
            subjects
            and not _is_ultimatum(clause)
            and not any(
                _is_force(s) or (_is_the_warner(s) and _is_to_come(clause)) for s in subjects
            )
        ):
            return False
    return True


def _is_warned_caution(prep: Token, prepositions: frozenset[str]) -> bool:
    """A content phrase of a warning ("of", "about", ...) that names a topic and no hostile
    act: what is warned of is a danger or a thing, a caution."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ in prepositions
        and names_a_topic(prep)
        and not _any_hostile(prep)
    )


_CLAUSE_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
"""A clause subject ("allowing the deficit to grow could ...") names a situation, no actor."""


def _reported_before(verb: Token) -> list[Token]:
    """The reported clause a reporting clause follows ("Costs could rise, the firm warned";
    Quirk et al. 1985 §14.29, the reporting clause in final position), which the small parser
    makes the head of the reporting verb (a conjunct or parataxis set off by a comma): what was
    warned is that clause. A clause joined by "and" ("shelled the town, and the commander
    warned of attacks") is another act, nothing warned."""
    head = verb.head
    if verb.dep_ not in {"conj", "parataxis"} or head.i >= verb.i or head.pos_ not in _CLAUSAL:
        return []
    left = verb.left_edge.i
    return [head] if left > 0 and verb.doc[left - 1].text == "," else []


_CLAUSAL: Final = frozenset({"VERB", "AUX"})
_HEARER_CONTENT: Final = frozenset({"about", "over", "on"})
"""Prepositions of a warning's content hung on its hearer; "of" there post-modifies the hearer
("warned any buyer of the company that ...")."""


def _is_force(subject: Token) -> bool:
    """ "warned that attacks would follow", "that missiles would rain down": an act of force or
    a weapon as the subject of what is to come is a threat; an event of another kind ("that
    the talks would collapse", "that demand would outstrip supply", "that the deal could
    fail") is a forecast (CAMEO 13 threatens force or hostility, not a turn of events)."""
    lemma = subject.lemma_.lower()
    sense = NOUN_TRIGGERS.get(lemma)
    return lemma in MODE_WORDS or (sense is not None and sense.type in _HOSTILE_TYPES)


_WARNED_OF = frozenset({"of", "about", "over", "on"})
"""Prepositions of a warning's content: a threat when it is an act of force ("warned of
retaliation"), a caution when it is a danger or a thing ("warned of lower margins")."""
_TIMES: Final = frozenset({"DATE", "TIME"})


def names_a_topic(prep: Token) -> bool:
    """Whether a content preposition of a warning names what it is about: "on" does so as
    "about" does ("warns on the impact of subsidies", "a warning on the deficit"; the Topic of
    FrameNet's Statement frame) unless its object is a time ("warned on Thursday that ...")."""
    return prep.lower_ != "on" or not any(
        o.ent_type_ in _TIMES for o in prep.children if o.dep_ == "pobj"
    )


_HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE", "REJECT"})


def _any_hostile(prep: Token) -> bool:
    return any(is_hostile_content(o) for o in prep.children if o.dep_ in {"pobj", "pcomp"})


def is_hostile_content(content: Token) -> bool:
    """Whether a warning's content is an act of force or hostility (a trigger of those types,
    or :data:`HOSTILE_CONTENT`: "retaliation", "consequences")."""
    lemma = content.lemma_.lower()
    sense = NOUN_TRIGGERS.get(lemma) or VERB_TRIGGERS.get(lemma)
    return lemma in HOSTILE_CONTENT or (sense is not None and sense.type in _HOSTILE_TYPES)


def _is_ultimatum(clause: Token) -> bool:
    """ "warned that there would be walkouts unless ministers backed down": a consequence
    made to hang on what the other side does is an ultimatum (CAMEO 139), whoever acts."""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
        for c in clause.children
    )


_THREAT_MODALS: Final[frozenset[str]] = words("will 'll wo would could may might shall")
"""Modals of an act to come or on a condition; "should" and "must" give advice instead."""


def _is_the_warner(subject: Token) -> bool:
    """A personal pronoun ("it would", "we will"; not the expletive "there") or the people one
    of them possesses ("his fighters", "our forces"); what one possesses that cannot act ("its
    profits may decline", "its shares could fall") only undergoes what is to come,
    a forecast of the warner's own fortunes, no act against anyone."""
    if subject.pos_ == "PRON":
        return subject.lower_ not in _EXPLETIVES
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children) and can_act(subject)


def _is_to_come(clause: Token) -> bool:
    """Whether the clause speaks of what will or would happen ("would strike", "is going to
    strike")."""
    if clause.lemma_ == "go" and any(c.dep_ == "xcomp" for c in clause.children):
        return True
    return any(c.dep_ == "aux" and c.lower_ in _THREAT_MODALS for c in clause.children)


def _charged_with_offence(verb: Token) -> bool:
    """ "charged with murder", "decided not to charge Clinton", "two men were charged"; not
    "charges a fee", "charging batteries", "charges customers"."""
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return True
    return any(
        c.dep_ in {"dobj", "nsubjpass"} and _is_political_actor(_counted(c), by_ending=False)
        for c in verb.children
    )


_PLEAS: Final[frozenset[str]] = words("guilty innocent")


def _plea_is_no_answer_to_a_charge(verb: Token) -> bool:
    return not any(t.lower_ in _PLEAS for t in verb.doc[verb.i + 1 : verb.i + 4])


def _appeal_asks_for_something(trigger: Token) -> bool:
    return any(
        (c.dep_ == "prep" and c.lower_ == "for")
        or c.dep_ in {"xcomp", "ccomp"}
        or (c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children))
        for c in trigger.children
    )  # "appeal for calm", "appealed to them to leave", "an appeal (to them) to lay down arms",
    # "appealed for the prisoners to be freed"


def _relief_is_aid(noun: Token) -> bool:
    """ "debt relief", "Darfur relief", "the relief effort", "provide relief", "pay for relief",
    "relief for the Darfur region"; not "a relief for me", "a sigh of relief", "relief that a
    winner has emerged", "income tax relief"."""
    if any(
        c.dep_ in _MODIFIER_DEPS
        and (c.lemma_.lower() in RELIEF_NEEDS or c.ent_type_ in _NEEDY_ENTITIES)
        for c in noun.children
    ):
        return True
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if following is not None and following.lemma_.lower() in AID_WORK:
        return True  # "relief efforts" as written, whatever the parse made of the pair
    giver = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ in {"dobj", "pobj"} and giver.lemma_.lower() in AID_GIVING_VERBS:
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ in {"for", "to"}
        and any(names_an_entity(o, _NEEDY_ENTITIES) for o in c.children)
        for c in noun.children
    )


_MODIFIER_DEPS: Final[frozenset[str]] = frozenset({"amod", "compound", "nmod"})
_NEEDY_ENTITIES: Final[frozenset[str]] = frozenset({"GPE", "LOC", "NORP"})


def _demonstration_shows_nothing(verb: Token) -> bool:
    """ "hundreds demonstrated against the war", "to demonstrate outside the embassy": the
    protest sense (CAMEO 141 'demonstrate or rally') takes no object; "demonstrate a clear
    advantage", "demonstrated that it works", "demonstrated why ...", "can be demonstrated"
    show something."""
    return not any(c.dep_ in _SHOWN_DEPS for c in verb.children)


_SHOWN_DEPS: Final[frozenset[str]] = frozenset({"dobj", "ccomp", "nsubjpass", "csubjpass"})


def _the_affected(verb: Token) -> list[Token]:
    """What a verb acts on: its objects, its passive subject ("the road was blocked") or that
    of the verb a passive infinitive complements ("the balance will have to be struck", a
    raised subject), the noun a participle or relative clause describes ("roads blocked by
    ...", "the road which they blocked", "a balance to be struck"), or what a bare conjunct
    shares with the verb before it ("tortured and abused")."""
    affected = _objects(verb) + [_counted(c) for c in verb.children if c.dep_ == "nsubjpass"]
    affected = [verb.head if a.lower_ in _RELATIVES else a for a in affected]
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if not affected and (
        (verb.dep_ == "acl" and verb.tag_ == "VBN") or (verb.dep_ == "relcl" and passive)
    ):
        affected = [verb.head]
    if not affected and verb.dep_ == "xcomp" and passive:
        affected = [_counted(c) for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not affected and verb.dep_ == "conj" and not _subjects(verb):
        affected = [c for c in verb.head.children if c.dep_ in {"dobj", "nsubjpass"}]
    return affected


def _obstruction_of_a_way(verb: Token) -> bool:
    """ "protesters blocked the road", "blocked access to the port", "blocked the Interior
    Ministry"; not "blocked the deal", "block a bid", "had a shot blocked", "it was blocked by
    the widow", nor a goalkeeper who "had to block" with nothing blocked."""
    return any(
        a.lemma_.lower() in OBSTRUCTED_WAYS or a.ent_type_ in _PLACE_ENTITIES
        for a in _the_affected(verb)
    )


_PLACE_ENTITIES: Final[frozenset[str]] = frozenset({"FAC", "GPE", "LOC"})


def _exploding_thing_is_physical(verb: Token) -> bool:
    """ "a car bomb exploded", "the tanker exploded", "militants exploded a device"; not "sales
    exploded", "the industry is set to explode", "the myth needs to be exploded". Who explodes
    something (an object) may be anyone; what explodes by itself must be a thing that can."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return True
    exploding = _raised_subjects(verb)
    return not exploding or any(
        s.lemma_.lower() in EXPLODING_THINGS or s.lower_ in _THING_PRONOUNS or _is_cause(s)
        for s in exploding
    )


_THING_PRONOUNS: Final[frozenset[str]] = words("it they this that")
"""Pronouns that may stand for a device ("Police found a parcel. It exploded an hour later"):
what they refer to is not in the sentence, so the restriction cannot judge it."""


RELATIONS: Final[frozenset[str]] = COOPERATION_OBJECTS | words(
    "embassy mission relationship presence representation"
)
"""What a state downgrades or severs in reducing relations (CAMEO 16)."""


def _severed_thing_is_a_relation(verb: Token) -> bool:
    """ "downgraded diplomatic relations", "severed ties with Qatar", "downgraded its embassy";
    not "downgraded its growth forecast", "downgraded Marsh"."""
    severed = _the_affected(verb)
    severed += [o for a in severed for o in phrase_objects(a, {"of", "with"})]
    return any(a.lemma_.lower() in RELATIONS for a in severed)


WATERS: Final[frozenset[str]] = words(
    "water waters seawater floodwater floodwaters sea river rain rains tide wave waves sewage mud"
)
"""What floods a place in a disaster."""


def _flooding_is_by_water(verb: Token) -> bool:
    """ "heavy rains flooded the villages", "land flooded by seawater", "homes were flooded";
    not "the bank flooded the market with cash", "funds flooded into the country", "he was
    flooded with offers": what floods, when named (subject, "by" agent or "with" phrase), is
    water; an actor flooding something, or something flooding "into" a place, is no flood."""
    floods = [c for c in verb.children if c.dep_ == "nsubj"] + phrase_objects(verb, {"with"})
    floods += phrase_objects(verb, {"by"}, deps={"agent"})
    if any(f.lemma_.lower() in WATERS for f in floods):
        return True
    if phrase_objects(verb, {"with", "into"}):
        return False
    return not any(can_act(f, by_ending=False) for f in floods)


def _storm_is_no_rush(noun: Token) -> bool:
    """ "storms hit the coast", "the storm in the north"; not "single storms to No 1",
    "Gardener storms to win", "and storms into a lead" (a verb read as a noun)."""
    if noun.dep_ == "conj" and noun.head.pos_ not in {"NOUN", "PROPN"}:
        return False  # "is calm and storms into a lead": conjoined to a predicate
    return not any(
        (c.dep_ == "prep" and c.lower_ in {"to", "into"})
        or (_is_infinitive(c) and not any(o.dep_ == "dobj" for o in c.children))
        for c in noun.children
    )


def _is_infinitive(clause: Token) -> bool:
    """A "to" infinitive ("storms to win"; with an object, "the worst storm to hit the
    region", it is the storm's own act), however the parser attaches it."""
    return clause.dep_ in {"xcomp", "relcl", "acl"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    )


_POSSESSIVE_PRONOUNS: Final = words("his her their my our your its")


def _injury_is_to_another(verb: Token) -> bool:
    """ "injured a policeman", "hurt his wife"; not "injuring her knee", "hurt his back": an
    object that names no one and belongs to a possessive pronoun is the subject's own body
    (sport and health news), no victim of an assault."""
    return not any(
        o.dep_ == "dobj"
        and not can_act(o, by_ending=False)
        and any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in o.children)
        for o in verb.children
    )


def _the_vehicle_is_named(verb: Token) -> bool:
    """ "the bus overturned", "a lorry was overturned", "he crashed his car", "the plane
    crashed", "crashed their car into a wall", and a driver who crashes ("Silva crashed on the
    final lap"); not "the court overturned the ruling", "the network crashed", "she crashed
    out in the fourth round", "crashed a drive against the bar"."""
    subjects = _raised_subjects(verb)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    involved = subjects + objects + phrase_objects(verb, {"into"})
    if verb.dep_ == "acl":
        involved.append(verb.head)  # "a bus overturned on the motorway", read as a noun phrase
    if any(w.lemma_.lower() in VEHICLES for w in involved):
        return True
    return (
        verb.lemma_.lower() == "crash"
        and not objects
        and not any(c.lower_ in _SPORTING_CRASH_PARTICLES for c in verb.children)
        and any(_may_drive(s) for s in subjects)
    )


_SPORTING_CRASH_PARTICLES: Final = frozenset({"out", "over"})
"""A player "crashes out" of a tournament (is knocked out) or "crashes over" the try line."""

DRIVERS: Final[frozenset[str]] = words("driver rider motorist pilot cyclist motorcyclist")
"""Who crashes by driving ("the driver crashed"), a vehicle unnamed."""


def _may_drive(subject: Token) -> bool:
    """A person by name or pronoun ("Silva crashed on the final lap", "he crashed") or a
    driver; not a group, a system or a thing ("the network crashed")."""
    return (
        subject.ent_type_ == "PERSON"
        or subject.pos_ == "PROPN"
        or subject.lower_ in {"he", "she"}
        or subject.lemma_.lower() in DRIVERS
    )


def _explosion_is_a_blast(noun: Token) -> bool:
    """ "a gas explosion", "the explosion of a car bomb", "an explosion in the market"; not
    "the gadget explosion", "an explosion of casinos", "the explosion in consumer technology"
    (a sudden great increase, explosion.n.04): what explodes, when the noun names it by a
    modifier or an "of" phrase, is a device or a substance, and an "in" phrase with no
    article ("in podcasting content", "in innovation") names a field of growth, no place."""
    blasting = EXPLODING_THINGS | BLASTING_STUFF
    named = [c for c in noun.lefts if c.dep_ == "compound"] + phrase_objects(noun, {"of"})
    if any(w.lemma_.lower() not in blasting for w in named):
        return False
    return not any(
        o.pos_ == "NOUN" and not any(c.dep_ in {"det", "poss"} for c in o.children)
        for o in phrase_objects(noun, {"in"})
    )


def _collapsing_thing_is_a_structure(verb: Token) -> bool:
    """ "the roof collapsed", "a bridge is likely to collapse"; not "the firm collapsed", "the
    talks collapsed", "the striker collapsed". Without a structure named (no subject, or a
    pronoun: "it partly collapsed", "they collapsed in the second leg") nothing says what fell,
    and a firm, a coalition or a team falls as often as a roof."""
    return any(s.lemma_.lower() in COLLAPSING_STRUCTURES for s in _raised_subjects(verb))


def _raised_subjects(verb: Token) -> list[Token]:
    """The subject of a verb of what happens to a thing ("explode", "collapse", "overturn",
    "crash"), or of the verbs it complements ("is set to explode", "was due to explode",
    "needs to be exploded"); at most three steps up."""
    for _ in range(3):
        subjects = [_counted(c) for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
        if verb.dep_ == "relcl":
            subjects = [verb.head if s.lower_ in _RELATIVES else s for s in subjects]
        if subjects or verb.dep_ not in {"xcomp", "acomp"}:
            return subjects
        verb = verb.head
    return []


def _abused_are_no_things_of_use(verb: Token) -> bool:
    """ "the guards abused prisoners", "children were abused"; not "abusing their position",
    "the system is being abused", "substances abused by athletes", "abuse those benefits"."""
    abused = _the_affected(verb)
    return not abused or any(a.lemma_.lower() not in MISUSED_THINGS for a in abused)


def _destruction_is_an_act_on_a_thing(verb: Token) -> bool:
    """ "the army destroyed the village", "houses destroyed by soldiers", "the shelling
    destroyed the bridge"; not "buildings destroyed by the waves", "was destroyed by fire",
    "drugs destroy their lives", nor what is lost, not wrecked: "destroyed last season", "would
    destroy shareholder value", "their whole future destroyed". The destruction of property
    (CAMEO 1711, PLOVER COERCE) is an actor's act, or its weapon's, on a thing."""
    destroyers = _subjects(verb) + [
        o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"
    ]
    if destroyers and not any(_is_political_actor(d) or _is_weapon(d) for d in destroyers):
        return False
    destroyed = _the_affected(verb) + [c for c in verb.children if c.dep_ == "npadvmod"]
    return not destroyed or any(d.lemma_.lower() not in LOST_ABSTRACTIONS for d in destroyed)


def _is_weapon(token: Token) -> bool:
    """A weapon or an attack ("the missile", "the shelling"); a disaster or an accident ("the
    tsunami", "fire") destroys without anyone acting."""
    lemma = token.lemma_.lower()
    sense = NOUN_TRIGGERS.get(lemma)
    return lemma in MODE_WORDS or (sense is not None and sense.type == "ASSAULT")


def _aim_is_no_contest(verb: Token) -> bool:
    """ "struck a superb shot", "striking the ball", "shot wide", "stormed to victory", "shot
    to the top of the charts", "stormed into a 4-0 lead" are play and success in a contest; an
    attack (CAMEO 19) strikes, shoots or storms someone or a place."""
    aims = _objects(verb) + _prepositional_aims(verb)
    if any(a.lemma_.lower() in CONTEST_AIMS for a in aims):
        return False
    return not any(c.dep_ in {"advmod", "acomp"} and c.lower_ == "wide" for c in verb.children)


def _request_is_no_contest(verb: Token) -> bool:
    """ "pushing for promotion", "push for the Premiership title", "pushing for a Test spot":
    what a side or a player strives for in a contest is no demand (CAMEO 10) made of anyone."""
    return not any(
        o.lemma_.lower() in CONTEST_AIMS
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for o in c.children
        if o.dep_ == "pobj"
    )


def _prepositional_aims(verb: Token) -> list[Token]:
    return [
        o
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in {"to", "into", "onto", "against"}
        for o in c.children
        if o.dep_ == "pobj"
    ]


def strikes_without_force(verb: Token) -> bool:
    """ "the army struck the camp", "a man struck him", "was struck by a missile" are force; not
    "viruses have struck", "the orchestra strikes up", "they were struck by the level of
    concern": with a cause that is neither an actor, a weapon nor a disaster, strike is WordNet's
    "affect suddenly" (a misfortune, a feeling), an occurrence but no attack (CAMEO 19 is an
    actor's force)."""
    causes = strikers(verb)
    return bool(causes) and not any(
        _is_political_actor(s) or _is_weapon(s) or is_disaster(s) for s in causes
    )


def strikers(verb: Token) -> list[Token]:
    """Who or what strikes: the active subject (a relative's antecedent) or the passive agent."""
    return _subjects(verb) + [
        o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"
    ]


def is_disaster(token: Token) -> bool:
    """A noun of a natural disaster ("the tsunami", "hurricanes"): it strikes as a disaster."""
    sense = NOUN_TRIGGERS.get(token.lemma_.lower())
    return sense is not None and sense.type == "DISASTER"


def kills_a_thing(verb: Token) -> bool:
    """ "kill the Disability Bill", "kill the business model of radio", "killing the ball": a
    thing ended or stopped (:data:`ENDED_THINGS`, WordNet kill.v "cause to cease"); a killing
    (CAMEO 18-20) takes a life."""
    killed = _the_affected(verb)
    return bool(killed) and all(k.lemma_.lower() in ENDED_THINGS for k in killed)


def _seized_thing_is_no_rank_or_chance(verb: Token) -> bool:
    """ "seized the top spot", "seize back the initiative", "occupying spots in the chart": what
    is taken is a rank or a chance (:data:`TAKEN_RANKS_AND_CHANCES`), no property or place."""
    taken = _the_affected(verb)
    return not taken or any(t.lemma_.lower() not in TAKEN_RANKS_AND_CHANCES for t in taken)


def _restriction_is_no_scope(verb: Token) -> bool:
    """ "the initiative is restricted to the UK", "the service will be restricted to
    metropolitan areas", "the search was restricted to looking by type": an agentless passive
    with a "to" phrase and a thing (or nothing) as its subject says what something applies to
    (adjectival "restricted to", "limited to"), no actor's measure against anyone (CAMEO 17);
    "journalists were restricted to their hotel" is one. "It" is a thing: English "it" is the
    non-personal pronoun."""
    deps = {c.dep_ for c in verb.children}
    if "auxpass" not in deps or "agent" in deps:
        return True
    if not any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
        return True
    restricted = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return any(r.lower_ != "it" and _is_political_actor(r, by_ending=False) for r in restricted)


def _struck_thing_is_no_settlement(verb: Token) -> bool:
    """ "the deal struck last week", "a deal to sell it was struck", "the balance to be struck":
    'strike a deal' is reaching it, in the passive as in the active."""
    return not any(a.lemma_.lower() in STRUCK_SETTLEMENTS for a in _the_affected(verb))


def _rally_is_no_comeback(verb: Token) -> bool:
    """ "supporters rallied outside parliament", "rallied to demand his release" gather people
    (CAMEO 141); "rallied to beat Wales", "rallied to clinch the set", "rallied to force a
    tense finale" is a comeback in a contest."""
    return not any(
        c.dep_ in {"xcomp", "advcl"} and c.lemma_.lower() in COMEBACK_GOALS for c in verb.children
    )


def _rally_gathers_no_supporters(verb: Token) -> bool:
    """ "supporters rallied outside parliament" (parsed with "parliament" as an object of
    "outside") gather people; "the chancellor rallies Labour voters", "rallying opposition to
    the bid" (a direct object: rally.v.01, summon) call on support (BBC: 3 documents)."""
    return not any(
        o.dep_ == "dobj" and not any(c.lower_ in GATHERING_PURPOSES for c in o.children)
        for o in verb.children
    )


_OBJECT_PRONOUNS: Final = frozenset({"him", "her", "us", "me"})
"""Objective personal pronouns that refer to persons only ("deny him"); "denied them" and
"deny it" may refer to claims."""


def _is_player(token: Token) -> bool:
    """A person or a side by name or noun ("Gerrard", "the England striker", "Chelsea",
    "him"), not a pronoun for a claim ("it", "them"), an event ("denied murder": "murder"
    ends like "striker") or the subject of a clause misparsed as the object ("denied that
    coach Santini resigned")."""
    if token.pos_ == "PRON":
        return token.lower_ in _OBJECT_PRONOUNS
    if any(c.dep_ in {"relcl", "acl"} or c.lower_ == "that" for c in token.children):
        return False
    return _is_political_actor(token) and not _is_cause(token)


def _denial_is_no_play(verb: Token) -> bool:
    """Whether "deny" denies a claim or refuses a request (CAMEO 12) rather than stopping a
    player in a game (deny.v "prevent from obtaining"). The game sense shows in its syntax:
    a player as its only object, with no clause ("Martyn denied the England striker", "the
    post to deny him"); a player as the subject of a passive with nothing retained ("Chelsea
    denied by James heroics", "would not be denied"); or a score or prize as the thing
    withheld ("were denied a late try", "denied his side a famous victory", see
    :data:`DENIED_SCORES`). "Denied the allegations", "denied taking drugs", "denied a visa",
    "denied him bail" keep REJECT. BBC: 13 sport documents."""
    children = list(verb.children)
    withheld = [c for c in children if c.dep_ in {"dobj", "dative"}]
    if not withheld and any(c.dep_ in {"ccomp", "xcomp", "advcl", "prep"} for c in children):
        return True  # "denied that ...", "denied taking drugs", "was denied in court"
    if any(w.lemma_.lower() in DENIED_SCORES for w in withheld):
        return False
    if any(a.dep_ == "relcl" for a in (verb, *verb.ancestors)):
        return True  # "something he feels he has been denied": the relative is the object
    if verb.dep_ == "ccomp" and verb.head.i > verb.i:
        return True  # "Howard denied Mr Yeo, his spokesman, said ...": Yeo is the speaker
    if verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in children):
        held = [c for c in children if c.dep_ == "nsubjpass"]
        return bool(withheld) or not held or not all(_is_player(h) for h in held)
    return len(withheld) != 1 or not _is_player(withheld[0])


def _withdrawal_is_no_trade_or_contest(trigger: Token) -> bool:
    """ "withdrew its takeover offer", "Vioxx was withdrawn from shops", "the withdrawal of a
    film", "withdrew from the squad": goods, money and bids withdrawn, or a player leaving a
    contest; "withdrew its troops", "withdrew from the town" remain retreats."""
    withdrawn = (
        _the_affected(trigger) if trigger.pos_ == "VERB" else phrase_objects(trigger, {"of"})
    )
    if any(w.lemma_.lower() in WITHDRAWN_GOODS for w in withdrawn):
        return False
    return not any(
        o.lemma_.lower() in SALE_PLACES or o.lemma_.lower() in CONTEST_PLACES
        for o in phrase_objects(trigger, {"from"})
    )


_OFFER_RECIPIENTS: Final = frozenset({"dative", "prep", "nsubjpass", "agent", "auxpass"})
"""What shows an offer has a recipient: an indirect object, a "to" phrase, or a passive, whose
subject is the one offered ("he is to be offered a new deal")."""


def _deal_is_no_retail_offer(noun: Token) -> bool:
    """ "unlimited download deals", "a package deal", "good deals for consumers", "3 offers
    good deals on voice calls" are a seller's prices; "a deal with Motorola", "offered the
    rebels a deal", "a good deal for local government" are agreements or proposals to a
    party."""
    modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in {"compound", "amod"}}
    if modifiers & RETAIL_DEAL_MODIFIERS:
        return False
    if any(o.lemma_.lower() in AUDIENCE_NOUNS for o in phrase_objects(noun, {"for", "to"})):
        return False  # "good deals for consumers"
    offer = noun.head
    return not (
        noun.dep_ == "dobj"
        and offer.lemma_.lower() == "offer"
        and not any(
            c.dep_ in _OFFER_RECIPIENTS and c.lower_ != "on" for c in offer.children
        )  # "offered the rebels a deal", "he has been offered a new deal by the club"
    )


def _defence_is_of_another(verb: Token) -> bool:
    """ "defended the plans", "defended Mr McConnell" back someone's act or someone; "defend
    her indoor title", "the defending champion", "would defend themselves strongly" do not,
    nor does a side that "defended well" (no object: it played in defence, defend.v.06)."""
    affected = _the_affected(verb)
    if not affected and _is_said_of_play(verb):
        return False  # "Wales defended well", "after defending so poorly"
    return not any(
        o.lemma_.lower() in DEFENDED_IN_CONTESTS or o.lower_ in REFLEXIVES for o in affected
    )


def _is_said_of_play(verb: Token) -> bool:
    """A defence with no object, nothing defended against and a manner adverb ("defended well",
    "defending so poorly", "defended magnificently"): how a side played in defence."""
    if any(
        c.dep_ in _DEFENDED_CLAUSES or (c.dep_ == "prep" and c.lower_ in _DEFENDED_FROM)
        for c in verb.children
    ):
        return False
    return any(
        c.dep_ == "advmod" and (c.lower_ in _PLAY_MANNERS or c.lower_.endswith("ly"))
        for c in verb.children
    )


_DEFENDED_CLAUSES = frozenset({"ccomp", "xcomp", "agent", "dobj", "nsubjpass"})
"""What a defence may defend besides an object: a clause ("defended saying ..."), or a "by"
phrase's agent."""
_DEFENDED_FROM = frozenset({"against", "from"})
_PLAY_MANNERS = frozenset({"well", "badly", "deep", "better", "worse"})


AUTOGRAPHED_THINGS: Final[frozenset[str]] = words(
    "autograph shirt ball guitar photo photograph picture poster single album record copy "
    "programme memorabilia"
)
"""What a player or a star signs as a keepsake ("signed autographs", "a shirt signed by the
squad"): writing one's name (WordNet autograph.v.01), no agreement and no endorsement."""

COMPATIBLE_FORMATS: Final[frozenset[str]] = words("format codec software browser processor")
"""What a device or a program "supports" in the sense of working with it ("devices that
support the formats"), with "operating systems": compatibility, no backing. Words with a
political sense too ("resolution", "application", "system") are left out: "support a UN
resolution" is support."""


def _is_format(thing: Token) -> bool:
    lemma = thing.lemma_.lower()
    return lemma in COMPATIBLE_FORMATS or (
        lemma == "system" and any(c.lower_ == "operating" for c in thing.lefts)
    )


def _signed_thing_is_no_autograph(verb: Token) -> bool:
    return not any(a.lemma_.lower() in AUTOGRAPHED_THINGS for a in _the_affected(verb))


def _supported_thing_is_no_format(verb: Token) -> bool:
    return not any(_is_format(a) for a in _the_affected(verb))


def _backing_is_no_accompaniment(verb: Token) -> bool:
    """ "ex-Wham! backing singers", "performed the song backed by a gospel choir": singers and
    players accompany a song; "backed by the government" backs an act or an actor."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is not None and (
        following.lemma_.lower() in MUSICAL_ACCOMPANISTS
        or following.lower_.removesuffix("s") in MUSICAL_ACCOMPANISTS  # "singers" taken for a verb
    ):
        return False  # "backing singers", however the parser attaches "backing"
    backers = [
        o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"
    ]
    return not any(b.lemma_.lower() in MUSICAL_ACCOMPANISTS for b in backers)


def _acceptance_is_of_a_proposal(verb: Token) -> bool:
    """ "accepted the offer", "accepted the plan" agree to a proposal; "accepts that nicotine is
    harmful", "accept the firms were not involved" (a clausal complement: holds as true) and
    "accepted his award", "the prize was accepted by" (an honour received) do not."""
    if any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return False  # a clause before the verb is no complement: "if it's £30m, we won't accept"
    return not any(a.lemma_.lower() in RECEIVED_HONOURS for a in _the_affected(verb))


def _struggle_is_no_comeback_or_effort(verb: Token) -> bool:
    """ "fought back to beat Wales", "fighting back to 40-30", "fights back for the title",
    "fighting for her job": a comeback in a contest, or an effort towards a goal, has no
    opponent; "fought back against the rebels", "fighting for independence" keep theirs."""
    if not _rally_is_no_comeback(verb):
        return False  # "fought back to win the match"
    if _recovers_from_a_deficit(verb) or _is_manner_of_coming_out(verb):
        return False  # "fought back from a set down", "came out fighting"
    goals = phrase_objects(verb, {"for", "to"})
    return not any(
        g.lemma_.lower() in CONTEST_AIMS or g.lemma_.lower() in STRIVEN_GOALS or g.like_num
        for g in goals
    )


_DEFICIT_PREPOSITIONS = frozenset({"from", "through"})
"""What a comeback comes back from or through: a deficit ("from a set down", "from
adversity") or the score that made it ("through a try")."""


def _recovers_from_a_deficit(verb: Token) -> bool:
    """ "fought back from a set down", "fought back superbly from adversity", "fought back
    through a late try": "fight back" (a recovery) with a deficit or a score and no one fought
    against; "fought back against the rebels" keeps its opponent."""
    back = [c for c in verb.children if c.lower_ == "back"]
    return bool(back) and any(
        c.dep_ == "prep" and c.lower_ in _DEFICIT_PREPOSITIONS
        for c in (*verb.children, *back[0].children)  # "back from": the parser hangs it on either
    )


def _is_manner_of_coming_out(verb: Token) -> bool:
    """ "came out fighting" (after the break): the manner a side started in, no fight."""
    head = verb.head
    return (
        verb.dep_ in {"advcl", "xcomp"}
        and head.lemma_.lower() == "come"
        and any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children)
    )


GATHERING_VERBS: Final[frozenset[str]] = words(
    "stage hold organise organize join attend address lead call plan speak march"
)
"""What people do with a rally (stage, hold, join, attend it, speak at it): a gathering."""

GATHERING_PURPOSES: Final[frozenset[str]] = words("against for outside near calling demanding")
"""Words that give a rally a cause or a site: "a rally against the war", "outside the
studios", "calling for a rail link"."""


MARKET_WORDS: Final[frozenset[str]] = words(
    "market stock share bond price value dollar euro pound yen currency oil index set"
)
"""What rallies in markets and sport ("a rally in the value of the dollar", "a third-set
rally"): a rise or a comeback, not a gathering."""


_RALLY_KINDS: Final = words("campaign protest")
"""Compounds that make a rally a gathering: "a campaign rally", "a protest rally"."""


def _rally_is_a_gathering(noun: Token) -> bool:
    """A rally people stage, hold, join or speak at, a rally at a place, for or against
    something, or a campaign or protest rally, or one that takes place or draws a crowd (its
    subject); not a market's or a player's rally, nor one merely mentioned ("played a part in
    the rally", "extend that rally")."""
    named = [
        t
        for c in noun.children
        for t in (c, *(o for o in c.children if c.dep_ == "prep"))
        if c.dep_ in {"compound", "amod", "poss", "nmod", "prep"}
    ]
    if any(t.lemma_.lower() in MARKET_WORDS or t.ent_type_ == "PERSON" for t in named):
        return False
    if noun.dep_ in {"nsubj", "nsubjpass"}:
        return True
    governor = noun.head
    if governor.pos_ == "ADP" and governor.head.pos_ == "VERB":
        governor = governor.head  # "speak at their rallies"
    if noun.dep_ in {"dobj", "pobj"} and governor.lemma_.lower() in GATHERING_VERBS:
        return True
    for child in noun.children:
        if child.dep_ == "compound" and child.lemma_.lower() in _RALLY_KINDS:
            return True
        if child.lower_ in GATHERING_PURPOSES:
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in {"in", "at"}
            and any(o.ent_type_ in {"GPE", "LOC", "FAC"} for o in child.children)
        ):
            return True
    return False


def _strike_is_no_shot_at_goal(noun: Token) -> bool:
    """ "Gerrard's late strike", "an Alan Shearer strike", "strikes from Rivaldo" credit one
    named player with a shot at goal; a military strike (CAMEO 195) is made by a state or a
    force, or names its target ("the president's strike on the camps")."""
    makers = [c for c in noun.children if c.dep_ in {"poss", "compound"}] + [
        o
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in {"from", "by"}
        for o in c.children
        if o.dep_ == "pobj"
    ]
    if not any(m.ent_type_ == "PERSON" for m in makers):
        return True
    return any(c.dep_ == "prep" and c.lower_ in {"on", "against"} for c in noun.children)


def _attack_is_no_playing_role(noun: Token) -> bool:
    """ "good in attack and defence", "little opportunity to shine in attack": a bare "in
    attack" is a side's or a player's role, as "in defence", "in midfield" are; an attack
    event takes an article or a complement ("in an attack on the convoy"), or is where
    casualties fell ("killed in attack", a headline's)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return True
    if any(c.dep_ not in {"cc", "conj"} for c in noun.children):
        return True
    return noun.head.head.lemma_.lower() in _CASUALTY_WORDS


_CASUALTY_WORDS: Final[frozenset[str]] = words("kill die injure wound hurt dead injured wounded")


def _meeting_is_no_athletics_meeting(noun: Token) -> bool:
    """ "talks at a meeting in Brussels", "the board meeting"; not "an indoor meeting in
    Birmingham", "the Fayetteville Invitational meeting", where athletes run."""
    return not any(
        c.dep_ in {"amod", "compound"} and c.lemma_.lower() in ATHLETICS_MODIFIERS
        for c in noun.children
    )


def _shot_is_no_filming(verb: Token) -> bool:
    """ "the film was shot in Morocco", "a film version shot in Cape Town", "US films shot in
    the UK" film; one shoots people, not footage, in an attack (CAMEO 19)."""
    return not any(
        a.lemma_.lower() in FILMED_THINGS
        or any(c.dep_ == "compound" and c.lemma_.lower() in FILMED_THINGS for c in a.children)
        for a in _the_affected(verb)
    )


_FILMED_WORKS: Final = FILMED_THINGS | {"sequel"}
"""What a crew is shooting on: "shooting on the sequel"."""


def _shooting_is_at_people(trigger: Token) -> bool:
    """One shoots people or property in an attack; "shoot a fox", "shoot the game animals" is
    hunting; "shooting on the sequel", "location shooting" is filming."""
    if any(c.lower_ == "location" for c in trigger.lefts):  # "location shooting" is filming
        return False
    filmed = [
        o
        for c in trigger.children
        if c.dep_ == "prep" and c.lower_ == "on"
        for o in c.children
        if o.ent_type_ == "WORK_OF_ART" or o.lemma_.lower() in _FILMED_WORKS
    ]
    if filmed:
        return False
    if trigger.pos_ == "VERB":
        shot = _the_affected(trigger)
    else:
        shot = [o for c in trigger.children if c.dep_ == "prep" for o in c.children]
    return not any(
        t.lemma_.lower() in HUNTED_ANIMALS
        or any(c.dep_ == "compound" and c.lemma_.lower() in HUNTED_ANIMALS for c in t.children)
        for t in shot
    )


def _shooting_up_is_no_rise(verb: Token) -> bool:
    """ "readership has shot up by 58%", "shares shot up 7%": an intransitive "shoot up" is a
    rise; "gunmen shot up the bar" has what they shot at as its object."""
    return not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children) or any(
        c.dep_ == "dobj" for c in verb.children
    )


def _rejection_is_of_a_proposal(verb: Token) -> bool:
    """ "ruled out a tax rise", "threw out the claim" decide against a proposal (WordNet
    rule_out.v.01); not an exclusion of a person from a place or a game ("was ruled out of the
    match", "ruled out for six weeks", "threw me out", "a woman thrown out on the streets": an
    "of" or "for" phrase, or a person as patient), nor a possibility excluded in thought
    (rule_out.v.02: "ruled out any chance of winning", "did not rule out that there had been an
    agreement"), nor a hedge: "did not rule out a strike", "refused to rule out tax rises"
    says the thing may yet happen (Collins COBUILD "if you do not rule out something, you say
    that it is possible"): a statement of possibility, no refusal of anything (BBC: business/014,
    121, 383, politics/021, 143, 206, tech/032, 128, 219, 250, 280, 349)."""
    if verb.lemma_.lower() == "rule" and _is_hedged(verb):
        return False
    parts = [verb, *(c for c in verb.children if c.lower_ == "out")]
    if any(c.dep_ == "prep" and c.lower_ in {"of", "for"} for p in parts for c in p.children):
        return False
    patients = [c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}]
    if verb.dep_ == "acl":
        patients.append(verb.head)
    if any(p.lemma_.lower() in PROSPECTS for p in patients):
        return False
    expelled = [p for p in patients if p.dep_ != "dobj" or verb.lemma_.lower() == "throw"]
    if any(can_act(p) for p in expelled):
        return False  # a player ruled out, people thrown out; "ruled out a new keeper" rejects
    return not any(c.dep_ == "ccomp" for c in verb.children)


def _criticism_has_a_target(verb: Token) -> bool:
    """ "blasted the plans", "Edu blasts Arsenal": criticism has an object, which the small
    parser may label a clause or a loose dependent in a headline ("Blair blasts Tory spending
    plans"); "blasted wide", "blasted over a good opportunity" have none."""
    return any(c.dep_ in _HEADLINE_OBJECT_DEPS and c.pos_ in _NOMINAL_POS for c in verb.rights)


_HEADLINE_OBJECT_DEPS = frozenset({"dobj", "ccomp", "dep"})
_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})


def _is_hedged(verb: Token) -> bool:
    """A verb negated ("did not rule out", "can't rule out") or the complement of a negating
    verb ("refused to rule out", "denied that he was ruling out")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    negating = verb.head.lemma_.lower() in NEGATING_VERBS
    return verb.dep_ in {"xcomp", "ccomp"} and negating


_JUDGEMENT_DEPS = frozenset({"oprd", "xcomp", "ccomp", "attr"})


def _brand_names_a_judgement(verb: Token) -> bool:
    """ "branded the scheme a failure", "was branded a waste", "a move branded a retreat" (two
    objects, or one after a passive, as the small parser reads an object predicative), "branded
    the offer 'an insult'", "branded the proposal unworkable" (a predicative after the object),
    "was branded unworkable", "branded the plan as reckless"; not "is branded as Fast Net" (a
    name: a trade mark, brand.v.01)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    auxiliaries = {c.dep_ for c in verb.children}
    passive = "auxpass" in auxiliaries or (verb.tag_ == "VBN" and "aux" not in auxiliaries)
    if len(objects) > 1 or (passive and objects) or auxiliaries & _JUDGEMENT_DEPS:
        return True
    if any(c.dep_ in _PREDICATIVE_DEPS for o in objects for c in o.rights):
        return True
    judged = [
        o
        for head in (verb, *objects)
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for o in c.children
    ]
    return any(o.pos_ != "PROPN" for o in judged)


_PREDICATIVE_DEPS = frozenset({"dobj", "appos", "amod", "oprd"})


_PRESSING_HEADS = frozenset({"force", "pressure", "pressurise", "pressurize", "compel", "oblige"})
_CAUSAL_PREPOSITIONS = frozenset({"over", "amid", "amidst", "following", "after"})
_TIME_ENTITIES = frozenset({"DATE", "TIME"})
_SPANS = frozenset({"year", "month", "week", "day", "decade", "term", "spell", "stint"})


def _resignation_is_under_pressure(verb: Token) -> bool:
    """A resignation yielded to pressure: forced ("was forced to resign"), or caused by a
    matter named in a reason adjunct (Quirk et al. 1985, §8.84: "over the leak", "amid
    criticism", "following criticism", "after an inquiry uncovered an e-mail"); "after six
    years" (a time) and "after only a year in his post" name no cause."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _PRESSING_HEADS:
        return True
    for child in verb.children:
        if child.lower_ not in _CAUSAL_PREPOSITIONS:
            continue
        if child.dep_ == "mark":
            return True  # "after accounting irregularities were uncovered"
        causes = [o for o in child.children if o.dep_ in {"pobj", "pcomp"}]
        if any(
            o.ent_type_ not in _TIME_ENTITIES and o.lemma_.lower() not in _SPANS for o in causes
        ):
            return True
    clauses = [c for c in verb.children if c.dep_ == "advcl"]
    return any(
        m.dep_ == "mark" and m.lower_ in _CAUSAL_PREPOSITIONS for c in clauses for m in c.children
    )


def _clash_is_no_fixture(noun: Token) -> bool:
    """ "clashes between police and protesters", "a border clash"; not "the Champions League
    clash with Barcelona", "a second round clash with Agassi", "Saturday's Six Nations clash":
    a clash named after a competition or its stage is a match in it."""
    return not any(
        t.dep_ in {"compound", "amod", "nmod"}
        and (t.lemma_.lower() in COMPETITION_WORDS or t.ent_type_ == "EVENT")
        for c in noun.children
        if c.i < noun.i and c.dep_ in {"compound", "amod", "nmod"}
        for t in islice(c.subtree, PHRASE_REACH)
    )


PROGRESS_ADJECTIVES: Final[frozenset[str]] = words("upward onward forward inexorable relentless")
"""Adjectives of a march that is progress ("the upward march of prices"), not a rally."""


def _march_is_a_rally(trigger: Token) -> bool:
    """A march by people as a body: plural or collective marchers who can act, not the armed
    forces; a noun "march" not qualified as progress."""
    if trigger.pos_ == "NOUN":
        return not any(
            c.dep_ == "amod" and c.lower_ in PROGRESS_ADJECTIVES for c in trigger.children
        )
    subjects = _subjects(trigger) or _controller(trigger)
    if not subjects:
        return True
    subject = subjects[0]
    if sector_of_word(subject) == "MIL":
        return False  # "troops marched into the streets": a deployment, not a demonstration
    one = (
        (subject.tag_ in {"NN", "NNP"} or subject.ent_type_ == "PERSON")
        and subject.lemma_.lower() not in COLLECTIVE_NOUNS
        and not any(c.dep_ == "conj" for c in subject.children)
        and not _marches_with_others(trigger)
    )
    return not one and (subject.pos_ in {"PRON", "DET"} or can_act(subject))


def _controller(verb: Token) -> list[Token]:
    """Who does what an infinitive says: the object of the verb it completes, else that verb's
    subject ("ordered the troops to march", "vowed to march")."""
    if verb.dep_ != "xcomp":
        return []
    head = verb.head
    return [c for c in head.children if c.dep_ == "dobj"] or _subjects(head)


def _marches_with_others(verb: Token) -> bool:
    """ "The leader marched with supporters": one who leads a body of marchers."""
    return any(
        c.dep_ == "prep" and c.lower_ == "with" and any(can_act(o) for o in c.children)
        for c in verb.children
    )


_CHECKS: Final[dict[str, Callable[[Token], bool]]] = {
    "march_is_a_rally": _march_is_a_rally,
    "shooting_is_at_people": _shooting_is_at_people,
    "agent_can_act": _agent_can_act,
    "request_is_no_contest": _request_is_no_contest,
    "object_is_actor": _object_is_actor,
    "blame_falls_on_someone": _blame_falls_on_someone,
    "permission_has_a_grantor": _permission_has_a_grantor,
    "object_is_guest_or_meeting": _object_is_guest_or_meeting,
    "object_is_no_venue": _object_is_no_venue,
    "object_is_actor_or_content": _object_is_actor_or_content,
    "complement_is_no_disclosure": _complement_is_no_disclosure,
    "warning_announces_an_act": _warning_announces_an_act,
    "charged_with_offence": _charged_with_offence,
    "plea_is_no_answer_to_a_charge": _plea_is_no_answer_to_a_charge,
    "appeal_asks_for_something": _appeal_asks_for_something,
    "relief_is_aid": _relief_is_aid,
    "demonstration_shows_nothing": _demonstration_shows_nothing,
    "obstruction_of_a_way": _obstruction_of_a_way,
    "exploding_thing_is_physical": _exploding_thing_is_physical,
    "collapsing_thing_is_a_structure": _collapsing_thing_is_a_structure,
    "the_vehicle_is_named": _the_vehicle_is_named,
    "injury_is_to_another": _injury_is_to_another,
    "flooding_is_by_water": _flooding_is_by_water,
    "severed_thing_is_a_relation": _severed_thing_is_a_relation,
    "threat_is_an_actors": _threat_is_an_actors,
    "investigation_is_of_a_deed": _investigation_is_of_a_deed,
    "storm_is_no_rush": _storm_is_no_rush,
    "explosion_is_a_blast": _explosion_is_a_blast,
    "abused_are_no_things_of_use": _abused_are_no_things_of_use,
    "destruction_is_an_act_on_a_thing": _destruction_is_an_act_on_a_thing,
    "aim_is_no_contest": _aim_is_no_contest,
    "seized_thing_is_no_rank_or_chance": _seized_thing_is_no_rank_or_chance,
    "restriction_is_no_scope": _restriction_is_no_scope,
    "struck_thing_is_no_settlement": _struck_thing_is_no_settlement,
    "rally_is_no_comeback": _rally_is_no_comeback,
    "rally_gathers_no_supporters": _rally_gathers_no_supporters,
    "denial_is_no_play": _denial_is_no_play,
    "struggle_is_no_comeback_or_effort": _struggle_is_no_comeback_or_effort,
    "acceptance_is_of_a_proposal": _acceptance_is_of_a_proposal,
    "defence_is_of_another": _defence_is_of_another,
    "backing_is_no_accompaniment": _backing_is_no_accompaniment,
    "signed_thing_is_no_autograph": _signed_thing_is_no_autograph,
    "supported_thing_is_no_format": _supported_thing_is_no_format,
    "deal_is_no_retail_offer": _deal_is_no_retail_offer,
    "withdrawal_is_no_trade_or_contest": _withdrawal_is_no_trade_or_contest,
    "rally_is_a_gathering": _rally_is_a_gathering,
    "strike_is_no_shot_at_goal": _strike_is_no_shot_at_goal,
    "attack_is_no_playing_role": _attack_is_no_playing_role,
    "meeting_is_no_athletics_meeting": _meeting_is_no_athletics_meeting,
    "shot_is_no_filming": _shot_is_no_filming,
    "shooting_up_is_no_rise": _shooting_up_is_no_rise,
    "clash_is_no_fixture": _clash_is_no_fixture,
    "rejection_is_of_a_proposal": _rejection_is_of_a_proposal,
    "criticism_has_a_target": _criticism_has_a_target,
    "brand_names_a_judgement": _brand_names_a_judgement,
    "resignation_is_under_pressure": _resignation_is_under_pressure,
}
