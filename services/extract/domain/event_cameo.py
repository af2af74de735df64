"""Crosswalk from newsflow's PLOVER types (and modes) to CAMEO codes.

PLOVER was derived from CAMEO's 20 root categories; the crosswalk goes the other way at root
(two-digit) level, or at a finer code where the mode pins one down. It is an approximation for
consumers that still key on CAMEO.

>>> cameo_code("ASSAULT", "heavy-weapons")
'194'
>>> cameo_code("CONSULT", None)
'04'
"""

from __future__ import annotations

_ROOT_CODES: dict[str, str] = {
    "REQUEST": "10",
    "AGREE": "03",
    "CONSULT": "04",
    "SUPPORT": "05",
    "COOPERATE": "06",
    "AID": "07",
    "CONCEDE": "08",
    "RETREAT": "087",
    "ACCUSE": "11",
    "REJECT": "12",
    "THREATEN": "13",
    "PROTEST": "14",
    "MOBILIZE": "15",
    "SANCTION": "16",
    "COERCE": "17",
    "ASSAULT": "18",
}

_MODE_CODES: dict[tuple[str, str], str] = {
    ("ASSAULT", "abduction"): "181",
    ("ASSAULT", "beating"): "182",
    ("ASSAULT", "sexual"): "1821",
    ("ASSAULT", "melee"): "182",
    ("ASSAULT", "explosives"): "183",
    ("ASSAULT", "assassination"): "186",
    ("ASSAULT", "small-arms"): "190",
    ("ASSAULT", "heavy-weapons"): "194",
    ("ASSAULT", "missile"): "195",
    ("ASSAULT", "air"): "195",
    ("ASSAULT", "drone"): "195",
    ("ASSAULT", "mass-killing"): "202",
    ("ASSAULT", "arson"): "1712",
    ("COERCE", "arrest"): "173",
    ("COERCE", "property"): "171",
    ("COERCE", "cyber"): "176",
    ("COERCE", "censorship"): "1721",
    ("COERCE", "expulsion"): "174",
    ("PROTEST", "strike"): "143",
    ("PROTEST", "hunger-strike"): "142",
    ("PROTEST", "obstruction"): "144",
    ("RETREAT", "ceasefire"): "0871",
    ("RETREAT", "de-escalation"): "087",
    ("RETREAT", "release"): "0841",
    ("RETREAT", "ease"): "085",
    ("RETREAT", "access"): "086",
    ("CONCEDE", "easing"): "081",
    ("SANCTION", "cut"): "16",
    ("SANCTION", "withdrawal"): "166",
    ("CONSULT", "third-party"): "045",
    ("CONSULT", "visit"): "042",
    ("CONSULT", "phone"): "040",
    ("CONSULT", "video"): "040",
    ("MOBILIZE", "troops"): "152",
    ("MOBILIZE", "exercise"): "152",
    ("MOBILIZE", "patrols"): "151",
    ("AID", "military"): "072",
    ("AID", "peacekeeping"): "074",
    ("AID", "asylum"): "075",
    ("COOPERATE", "intelligence"): "064",
    ("SUPPORT", "recognition"): "054",
    ("SUPPORT", "formal-agreement"): "057",
    ("REQUEST", "demand"): "10",
}


def cameo_code(event_type: str, mode: str | None) -> str | None:
    """The CAMEO code for a PLOVER type and mode; ``None`` for types CAMEO lacks."""
    if mode is not None and (event_type, mode) in _MODE_CODES:
        return _MODE_CODES[(event_type, mode)]
    return _ROOT_CODES.get(event_type)
