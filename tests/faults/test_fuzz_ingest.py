"""Fuzzing the ingest API: generated requests against the real app publishing to the real broker.

Over 10,000 requests (the count is printed at the end): valid articles with Unicode (NUL,
right-to-left marks, astral characters, lone surrogates), HTML junk, missing fields, wrong
types, odd dates, unknown fields, lists mixing good and bad items, bodies over the limit (with
and without ``Content-Length``), malformed JSON and other encodings, wrong content types, API
keys right and wrong, other methods and paths, and a burst over the rate limit.

What must hold for every request:

* never a 5xx;
* a refusal is a 4xx whose JSON ``detail`` names the problem: the field (``loc``) when an
  article is invalid, otherwise a reason (``type``) and a message;
* a 202's ``article_ids`` are the ids of the canonical URLs pushed, and every one of them is on
  ``articles.raw`` afterwards (read back from the broker), keyed by itself;
* a list with one bad item publishes nothing (its good items never reach the topic).
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import SecretStr

from services.ingest.adapters.publisher import KafkaArticlePublisher
from services.ingest.app import connect_kafka_publisher, create_app
from services.ingest.domain.url import canonicalize_url
from services.ingest.settings import IngestSettings
from shared.codec import decode
from shared.ids import article_id_for
from shared.kafka import ensure_topics
from shared.models import RawArticle
from shared.settings import KafkaSettings
from tests.integration.ingest.conftest import read_records

pytestmark = pytest.mark.faults

API_KEY = "fuzz-key-0123456789abcdef"
OTHER_KEY = "fuzz-other-key-0123456789"
KEYS = (API_KEY, OTHER_KEY)
MAX_BODY_BYTES = 256 * 1024
MAX_ARTICLES = 50
ARTICLE_FIELDS = ("url", "title", "html", "body", "source", "published_at", "language", "authors")
# Reasons a refusal that names no article field must carry instead.
REASONS = {
    "json_invalid",
    "type",
    "empty",
    "too_many_articles",
    "too_large",
    "media_type",
    "header",
    "missing_api_key",
    "invalid_api_key",
    "rate_limited",
}

FUZZ = settings(
    deadline=None,
    database=None,  # nothing written into the checkout; a failure prints its reproduction
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.filter_too_much,
    ],
)


# --- the app under test and what it was sent -------------------------------------------------


@dataclass
class Ledger:
    """What the fuzzer sent and what the app promised."""

    requests: int = 0
    server_errors: list[str] = field(default_factory=list)
    accepted_ids: set[str] = field(default_factory=set)
    published_records: int = 0  # one record per distinct article of each 202
    never_published_ids: set[str] = field(default_factory=set)
    statuses: dict[int, int] = field(default_factory=dict)


_BASE_URL = "http://ingest"


class FuzzClient:
    """Sends requests to the ASGI app in-process on one event loop (no sockets, no sleeps)."""

    def __init__(self, app: Any, ledger: Ledger) -> None:
        self._loop = asyncio.new_event_loop()
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        self._client = httpx.AsyncClient(transport=transport, base_url=_BASE_URL)
        self.ledger = ledger

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        # An absolute URL, so that a generated path such as "////" is sent as it is (httpx
        # refuses a relative URL starting with "//": it would read as a host).
        url = f"{_BASE_URL}{path}" if path.startswith("/") else path
        response = self._loop.run_until_complete(self._client.request(method, url, **kwargs))
        self.ledger.requests += 1
        self.ledger.statuses[response.status_code] = (
            self.ledger.statuses.get(response.status_code, 0) + 1
        )
        if response.status_code >= 500:
            self.ledger.server_errors.append(f"{method} {path}: {response.status_code}")
        assert response.status_code < 500, (response.status_code, response.text[:500])
        return response

    def post(
        self,
        content: bytes | AsyncIterator[bytes],
        *,
        content_type: str | None = "application/json",
        key_headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        headers = {"X-API-Key": API_KEY} if key_headers is None else dict(key_headers)
        if content_type is not None:
            headers["content-type"] = content_type
        return self.request("POST", "/v1/articles", content=content, headers=headers)

    def close(self) -> None:
        self._loop.run_until_complete(self._client.aclose())
        self._loop.close()


@dataclass
class Target:
    client: FuzzClient
    settings: IngestSettings
    publisher: KafkaArticlePublisher
    started: float


@pytest.fixture(scope="module")
def target(kafka_bootstrap: str) -> Iterator[Target]:
    prefix = f"fuzz{uuid.uuid4().hex[:8]}."
    ensure_topics(KafkaSettings(kafka_bootstrap=kafka_bootstrap, topic_prefix=prefix))
    fuzz_settings = IngestSettings(
        kafka_bootstrap=kafka_bootstrap,
        topic_prefix=prefix,
        publish_timeout_s=10,
        max_body_bytes=MAX_BODY_BYTES,
        max_articles_per_request=MAX_ARTICLES,
        dev_mode=False,
        api_keys=SecretStr(",".join(KEYS)),
        api_keys_file=None,
        rate_limit_per_s=0,  # the limit has a test of its own below
    )
    publisher = connect_kafka_publisher(fuzz_settings)
    ledger = Ledger()
    client = FuzzClient(create_app(fuzz_settings, publisher), ledger)
    try:
        yield Target(client, fuzz_settings, publisher, time.monotonic())
    finally:
        client.close()
        publisher.close()


# --- oracles -----------------------------------------------------------------------------------


def errors_of(response: httpx.Response) -> list[dict[str, Any]]:
    """The ``detail`` list of a refusal, checked to name the problem."""
    assert 400 <= response.status_code < 500, response.status_code
    body = response.json()
    detail = body["detail"]
    assert isinstance(detail, list) and detail, body
    for error in detail:
        assert isinstance(error["msg"], str) and error["msg"].strip(), error
        loc = error["loc"]
        names_a_place = len(loc) > 1  # a field or list index after the root
        assert names_a_place or error["type"] in REASONS, error
    return detail


def field_locs(response: httpx.Response) -> list[list[Any]]:
    return [error["loc"] for error in errors_of(response)]


def expected_ids(articles: list[dict[str, Any]]) -> list[str]:
    ids: dict[str, None] = {}
    for article in articles:
        ids.setdefault(article_id_for(canonicalize_url(article["url"])), None)
    return list(ids)


def record_accepted(target: Target, response: httpx.Response) -> list[str]:
    """Check a 202 and remember its ids for the read-back at the end."""
    assert response.status_code == 202, response.text[:1000]
    body = response.json()
    ids = body["article_ids"]
    assert body["accepted"] == len(ids) == len(set(ids))
    target.client.ledger.accepted_ids.update(ids)
    target.client.ledger.published_records += len(ids)
    return list(ids)


def as_json(document: Any) -> bytes:
    # ensure_ascii=True writes lone surrogates as \\udXXX escapes, which json.loads accepts.
    return json.dumps(document, allow_nan=True).encode("utf-8")


# --- strategies --------------------------------------------------------------------------------

# Any code point but surrogates (those are tested separately): NUL, controls, RTL marks, astral.
ANY_TEXT_CHARS = st.characters(exclude_categories=("Cs",))
TRICKY_CHARS = st.sampled_from(
    ["\x00", "\u202e", "\u200f", "\u2066", "\ufeff", "\u2028", "\r\n", "\t", "\x85", "𝔘", "👩‍👩‍👧"]
)
TEXT = st.lists(st.one_of(st.text(ANY_TEXT_CHARS, max_size=30), TRICKY_CHARS), max_size=12).map(
    "".join
)
RTL_TEXT = st.sampled_from(["مرحبا بالعالم", "שלום עולם", "\u202eevil.exe", "داعش قال"])
HTML_JUNK = st.lists(
    st.sampled_from(
        [
            "<script>alert('x')</script>",
            "<style>p{}</style>",
            "<nav>Home | World</nav>",
            "<p>unclosed",
            "</div></div>",
            "<!-- comment",
            "<![CDATA[x]]>",
            "<br><br/>",
            "&amp;&lt;&#0;&#xD800;&nbsp;",
            "<iframe src=x>",
            "<pre>  keep\n  this</pre>",
            "<a href='javascript:x'>link</a>",
            "<svg><g/></svg>",
            "<table><tr><td>cell",
            "<!DOCTYPE html>",
        ]
    ),
    max_size=8,
).map("".join)

HOSTS = st.sampled_from(
    [
        "news.example.com",
        "EXAMPLE.org",
        "wire.example.net:8443",
        "bücher.example",
        "xn--bcher-kva.example",
        "127.0.0.1",
        "[2001:db8::1]",
        "sub_domain.example.com",
    ]
)
PATH = st.lists(st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=10), max_size=4)
QUERY = st.sampled_from(["", "?utm_source=x", "?b=2&a=1", "?fbclid=1&id=7", "#frag", "?q=%zz"])


@st.composite
def urls(draw: st.DrawFn) -> str:
    scheme = draw(st.sampled_from(["https", "http", "HTTPS"]))
    path = "/".join(draw(PATH)).replace("?", "").replace("#", "")
    return f"{scheme}://{draw(HOSTS)}/{path}{draw(QUERY)}"


def _offset(minutes: int) -> timezone:
    return timezone(timedelta(minutes=minutes))


ISO_DATES = st.builds(
    lambda dt, tz, style: _iso(dt, tz, style),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
    st.one_of(st.none(), st.integers(-14 * 60, 14 * 60).map(_offset)),
    st.sampled_from(["iso", "seconds", "z", "date", "space"]),
)


def _iso(dt: datetime, tz: timezone | None, style: str) -> str:
    dt = dt.replace(tzinfo=tz)
    if style == "seconds":
        return dt.isoformat(timespec="seconds")
    if style == "z":
        return dt.replace(tzinfo=None).isoformat() + "Z"
    if style == "date":
        return dt.date().isoformat()
    if style == "space":
        return dt.isoformat(sep=" ")
    return dt.isoformat()


NAMES = st.text(ANY_TEXT_CHARS, max_size=30).map(lambda name: "Name " + name)


@st.composite
def valid_articles(draw: st.DrawFn) -> dict[str, Any]:
    article: dict[str, Any] = {"url": draw(urls())}
    text = "Story " + draw(st.one_of(TEXT, RTL_TEXT))
    if draw(st.booleans()):
        article["body"] = text
        if draw(st.booleans()):
            article["html"] = draw(HTML_JUNK)  # ignored when body is given
    else:
        article["html"] = f"<html><body><p>{text}</p>{draw(HTML_JUNK)}</body></html>"
    optional: dict[str, st.SearchStrategy[Any]] = {
        "title": st.one_of(st.none(), TEXT, RTL_TEXT),
        "source": st.one_of(st.none(), st.text(ANY_TEXT_CHARS, max_size=40)),
        "published_at": st.one_of(st.none(), ISO_DATES),
        "language": st.sampled_from([None, "en", "de", "fr-CA", "pt_BR", "zh-Hant-TW", "ar"]),
        "authors": st.one_of(NAMES, st.lists(NAMES, max_size=5)),
    }
    for name, strategy in optional.items():
        if draw(st.booleans()):
            article[name] = draw(strategy)
    return article


WRONG_TYPES = st.one_of(
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.lists(st.integers(), min_size=1, max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)
ODD_DATES = st.one_of(
    st.sampled_from(
        [
            "31/03/2022",
            "March 31, 2022",
            "Thu, 31 Mar 2022 14:30:00 GMT",
            "2022-13-01T00:00:00",
            "2022-02-30",
            "2022-03-31T25:00:00",
            "2022-03-31T14:30:00+25:00",
            "2022-03-31T14:30:00 +0100",
            "20220331T143000Z",
            "2022-W13-4",
            "yesterday",
            "",
            "1648737000",
            "1648737000.5",
            "0001-01-01T00:00:00+14:00",
            "9999-12-31T23:59:59-23:59",
            "２０２２-03-31",
            "2022-03-31T14:30:00.123456789012Z",
        ]
    ),
    st.text(ANY_TEXT_CHARS, max_size=25),
    ISO_DATES,
)
BAD_URLS = st.sampled_from(
    [
        "ftp://example.com/a",
        "https://",
        "//example.com/a",
        "example.com/a",
        "https://example.com:99999/a",
        "https://example.com:port/",
        "http://[::1/a",
        "javascript:alert(1)",
        "mailto:editor@example.com",
        "https://exa mple.com/",
        "https://e..com/",
        "https://" + "a" * 64 + ".com/",
        "https://example.com/" + "a" * 2100,
        "https://\x00e.com/",
        "https://e<x>.com/",
        "",
        "   ",
    ]
)


@dataclass(frozen=True)
class Mutation:
    article: dict[str, Any]
    field: str
    must_fail: bool


@st.composite
def mutated_articles(draw: st.DrawFn) -> Mutation:
    """A valid article with one thing changed; ``must_fail`` when the change is never valid."""
    article = draw(valid_articles())
    kind = draw(
        st.sampled_from(
            [
                "drop_url",
                "drop_text",
                "wrong_type",
                "unknown_field",
                "bad_url",
                "blank_body",
                "too_long",
                "odd_date",
                "surrogate",
                "bad_language",
                "bad_authors",
            ]
        )
    )
    if kind == "drop_url":
        del article["url"]
        return Mutation(article, "url", True)
    if kind == "drop_text":
        article.pop("body", None)
        article.pop("html", None)
        return Mutation(article, "body", True)
    if kind == "wrong_type":
        name = draw(st.sampled_from(ARTICLE_FIELDS))
        article[name] = draw(WRONG_TYPES)
        if name == "body":
            article.pop("html", None)
        return Mutation(article, name, True)
    if kind == "unknown_field":
        name = draw(st.text(ANY_TEXT_CHARS, min_size=1, max_size=15))
        if name in ARTICLE_FIELDS:
            name += "_x"
        article[name] = draw(st.one_of(st.none(), TEXT, WRONG_TYPES))
        return Mutation(article, name, True)
    if kind == "bad_url":
        article["url"] = draw(BAD_URLS)
        return Mutation(article, "url", True)
    if kind == "blank_body":
        article["body"] = draw(
            st.sampled_from(["", "  \n\t ", "\x00\x01\x02", "Also read: X\nREAD MORE: Y", "\ufeff"])
        )
        article.pop("html", None)
        return Mutation(article, "body", True)
    if kind == "too_long":
        name, size = draw(
            st.sampled_from([("title", 1_001), ("source", 201), ("body", 200_001), ("url", 2_049)])
        )
        article[name] = ("https://e.com/" if name == "url" else "") + "x" * size
        return Mutation(article, name, True)
    if kind == "odd_date":
        article["published_at"] = draw(ODD_DATES)
        return Mutation(article, "published_at", False)
    if kind == "surrogate":
        name = draw(st.sampled_from(["body", "title", "url", "source"]))
        lone = draw(st.sampled_from(["\ud800", "\udfff", "\udbff\ud7ff"]))
        article[name] = "Story " + lone if name != "url" else "https://e.com/" + lone
        if name == "body":
            article.pop("html", None)
        return Mutation(article, name, True)
    if kind == "bad_language":
        article["language"] = draw(st.sampled_from(["english", "e", "en us", "x" * 40, "1"]))
        return Mutation(article, "language", True)
    article["authors"] = draw(
        st.sampled_from([[""], ["   "], [{"name": "Jo"}], ["ok"] * 51, "x" * 201, [["nested"]]])
    )
    return Mutation(article, "authors", True)


def loc_names(loc: list[Any], field_name: str, *, index: int | None = None) -> bool:
    """``loc`` is ``["body", (index,) field, ...]``."""
    rest = loc[1:]
    if index is not None:
        if not rest or rest[0] != index:
            return False
        rest = rest[1:]
    return bool(rest) and rest[0] == field_name


# --- the fuzz tests ----------------------------------------------------------------------------


@settings(FUZZ, max_examples=2400)
@given(article=valid_articles(), as_list=st.booleans())
def test_valid_articles_are_accepted_with_the_ids_of_their_canonical_urls(
    target: Target, article: dict[str, Any], as_list: bool
) -> None:
    response = target.client.post(as_json([article] if as_list else article))
    assert record_accepted(target, response) == expected_ids([article])


@settings(FUZZ, max_examples=2400)
@given(mutation=mutated_articles())
def test_invalid_articles_get_a_4xx_naming_the_field(target: Target, mutation: Mutation) -> None:
    response = target.client.post(as_json(mutation.article))
    if response.status_code == 202:
        assert not mutation.must_fail, mutation
        assert record_accepted(target, response) == expected_ids([mutation.article])
        return
    assert response.status_code in (413, 422), response.text[:500]
    locs = field_locs(response)
    if response.status_code == 422:
        assert any(loc_names(loc, mutation.field) for loc in locs), (mutation.field, locs)


JUNK_ITEMS = st.one_of(
    st.none(), st.integers(), st.text(max_size=10), st.lists(st.integers(), max_size=2)
)


@settings(FUZZ, max_examples=1200)
@given(
    good=st.lists(valid_articles(), max_size=6),
    bad=st.lists(st.one_of(mutated_articles(), JUNK_ITEMS), min_size=1, max_size=4),
    seed=st.randoms(use_true_random=False),
)
def test_a_list_with_bad_items_names_each_and_publishes_nothing(
    target: Target, good: list[dict[str, Any]], bad: list[Any], seed: Any
) -> None:
    # Good items get URLs no accepted request uses, so the read-back can prove they never
    # reached the topic.
    good = [{**a, "url": f"https://never-published.example/{uuid.uuid4().hex}"} for a in good]
    must_fail = [m for m in bad if not isinstance(m, Mutation) or m.must_fail]
    if not must_fail:
        return
    items: list[tuple[str, Any]] = [("good", a) for a in good]
    items += [("bad", m) for m in must_fail]
    seed.shuffle(items)
    payload = [value.article if isinstance(value, Mutation) else value for _, value in items]
    response = target.client.post(as_json(payload))
    target.client.ledger.never_published_ids.update(expected_ids(good))
    if response.status_code == 413:  # several 200,000-character bodies in one list
        assert errors_of(response)[0]["type"] == "too_large"
        return
    assert response.status_code == 422, response.text[:500]
    locs = field_locs(response)
    bad_indexes = {index for index, (kind, _) in enumerate(items) if kind == "bad"}
    named_indexes = {loc[1] for loc in locs if len(loc) > 1}
    assert bad_indexes <= named_indexes, (bad_indexes, locs)
    assert not named_indexes - bad_indexes, locs  # good items are not blamed
    for index, (kind, value) in enumerate(items):
        if kind == "bad" and isinstance(value, Mutation):
            assert any(loc_names(loc, value.field, index=index) for loc in locs), (value, locs)


@settings(FUZZ, max_examples=600)
@given(articles=st.lists(valid_articles(), min_size=1, max_size=8), data=st.data())
def test_lists_of_valid_articles_collapse_duplicate_urls(
    target: Target, articles: list[dict[str, Any]], data: st.DataObject
) -> None:
    variants = [
        {**a, "url": a["url"].split("#")[0] + data.draw(st.sampled_from(["#x", "", "#"]))}
        for a in articles
    ]
    pushed = articles + variants
    response = target.client.post(as_json(pushed))
    ids = record_accepted(target, response)
    assert ids == expected_ids(pushed)
    assert response.json()["duplicates"] == len(pushed) - len(ids)


@settings(FUZZ, max_examples=100)
@given(count=st.integers(MAX_ARTICLES + 1, MAX_ARTICLES * 3))
def test_too_many_articles_is_a_413_naming_the_limit(target: Target, count: int) -> None:
    payload = [{"url": f"https://e.com/{i}", "body": "x"} for i in range(count)]
    response = target.client.post(as_json(payload))
    assert response.status_code == 413
    assert f"at most {MAX_ARTICLES}" in errors_of(response)[0]["msg"]


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=10)),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@st.composite
def raw_bodies(draw: st.DrawFn) -> bytes:
    """Bodies that are not JSON, not UTF-8, not articles, or JSON in odd encodings."""
    kind = draw(
        st.sampled_from(
            [
                "bytes",
                "truncated",
                "json_value",
                "encoding",
                "bad_utf8",
                "nan",
                "huge_number",
                "deep",
            ]
        )
    )
    article = as_json(draw(valid_articles()))
    if kind == "bytes":
        return draw(st.binary(max_size=2_000))
    if kind == "truncated":
        return article[: draw(st.integers(0, max(0, len(article) - 1)))]
    if kind == "json_value":
        return as_json(draw(JSON_VALUES))
    if kind == "encoding":
        text = article.decode("utf-8")
        codec = draw(st.sampled_from(["utf-16", "utf-16-be", "utf-32", "utf-8-sig", "latin-1"]))
        return text.encode(codec, errors="replace")
    if kind == "bad_utf8":
        at = draw(st.integers(0, len(article)))
        junk = draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x80\x80", b"\xf8"]))
        return article[:at] + junk + article[at:]
    if kind == "nan":
        return b'{"url": "https://e.com/a", "body": NaN, "title": Infinity}'
    if kind == "huge_number":
        return b'{"url": "https://e.com/a", "body": "x", "title": ' + b"9" * 5_000 + b"}"
    depth = draw(st.integers(1_000, 60_000))
    return b"[" * depth + b"]" * depth


@settings(FUZZ, max_examples=1500)
@given(body=raw_bodies())
def test_malformed_or_odd_bodies_never_get_a_5xx(target: Target, body: bytes) -> None:
    response = target.client.post(body)
    if response.status_code == 202:  # e.g. an article in UTF-16: JSON allows it
        record_accepted(target, response)
        return
    errors = errors_of(response)
    if response.status_code == 400:
        assert errors[0]["type"] == "json_invalid"
        assert errors[0]["msg"].startswith("invalid JSON")


CONTENT_TYPES = st.one_of(
    st.sampled_from(
        [
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/xml",
            "",
            "application/jsonx",
            "json",
            "text/json",
            "application/*",
            "*/*",
            "application/json; charset=latin-1",
            "APPLICATION/JSON",
            "application/ld+json",
            "application/problem+json;q=1",
            " application/json ;",
        ]
    ),
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=40),
)


def is_json_media_type(content_type: str | None) -> bool:
    media = (content_type or "").split(";")[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


@settings(FUZZ, max_examples=800)
@given(content_type=st.one_of(st.none(), CONTENT_TYPES), article=valid_articles())
def test_wrong_content_types_are_a_415_naming_the_header(
    target: Target, content_type: str | None, article: dict[str, Any]
) -> None:
    response = target.client.post(as_json(article), content_type=content_type)
    if is_json_media_type(content_type):
        record_accepted(target, response)
        return
    assert response.status_code == 415
    assert field_locs(response) == [["header", "content-type"]]


async def _chunks(payload: bytes, size: int) -> AsyncIterator[bytes]:
    for start in range(0, len(payload), size):
        yield payload[start : start + size]


@settings(FUZZ, max_examples=150)
@given(
    size=st.integers(MAX_BODY_BYTES + 1, 4 * MAX_BODY_BYTES),
    chunked=st.booleans(),
    filler=st.sampled_from([b"x", b"\xc3\xa9", b"<p>", b"\x00"]),
)
def test_bodies_over_the_limit_are_a_413_with_or_without_content_length(
    target: Target, size: int, chunked: bool, filler: bytes
) -> None:
    head = b'{"url": "https://e.com/huge", "body": "'
    payload = head + filler * ((size - len(head)) // len(filler) + 1) + b'"}'
    content: bytes | AsyncIterator[bytes] = _chunks(payload, 64 * 1024) if chunked else payload
    response = target.client.post(content)
    assert response.status_code == 413
    [error] = errors_of(response)
    assert error["type"] == "too_large"
    assert str(MAX_BODY_BYTES) in error["msg"]


TOKENS = st.one_of(
    st.sampled_from(KEYS),
    st.sampled_from([API_KEY.upper(), API_KEY[:-1], API_KEY + "x", OTHER_KEY[1:], "", "null"]),
    st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=40),
)


@st.composite
def credentials(draw: st.DrawFn) -> dict[str, str]:
    headers: dict[str, str] = {}
    if draw(st.booleans()):
        scheme = draw(st.sampled_from(["Bearer", "bearer", "BEARER", "Basic", "Token", "Bearer:"]))
        separator = draw(st.sampled_from([" ", "  "]))
        headers["Authorization"] = f"{scheme}{separator}{draw(TOKENS)}".rstrip()
    if draw(st.booleans()):
        headers["X-API-Key"] = draw(TOKENS)
    return headers


def presented_key(headers: dict[str, str]) -> str | None:
    """The key the API must look at: a bearer token wins over X-API-Key."""
    scheme, _, token = headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return headers.get("X-API-Key") or None


@settings(FUZZ, max_examples=1000)
@given(headers=credentials(), article=valid_articles())
def test_only_a_configured_key_may_write(
    target: Target, headers: dict[str, str], article: dict[str, Any]
) -> None:
    response = target.client.post(as_json(article), key_headers=headers)
    key = presented_key(headers)
    if key in KEYS:
        record_accepted(target, response)
        return
    assert response.status_code == 401, (headers, response.text)
    assert response.headers["www-authenticate"].startswith("Bearer")
    [error] = errors_of(response)
    assert error["type"] == ("missing_api_key" if key is None else "invalid_api_key")


@settings(FUZZ, max_examples=400)
@given(
    method=st.sampled_from(["GET", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "POST"]),
    path=st.one_of(
        st.sampled_from(["/v1/articles", "/v1/articles/", "/v1/article", "/v2/articles", "/"]),
        st.text(st.sampled_from("abcxyz019-._~/%"), max_size=30).map(lambda p: "/" + p),
    ),
)
@example(method="GET", path="////")  # found by the fuzzer: the client must send it as it is
def test_other_methods_and_paths_get_a_4xx_not_a_5xx(
    target: Target, method: str, path: str
) -> None:
    headers = {"X-API-Key": API_KEY, "content-type": "application/json"}
    response = target.client.request(method, path, headers=headers, content=b"{}")
    if response.status_code in (200, 202, 307, 308):  # probes, a redirect to /v1/articles
        return
    assert 400 <= response.status_code < 500
    if method != "HEAD":
        assert response.json()["detail"]


def test_a_burst_over_the_rate_limit_gets_429_with_retry_after(target: Target) -> None:
    limited = IngestSettings(
        **{
            **target.settings.model_dump(),
            "rate_limit_per_s": 2.0,
            "rate_limit_burst": 10,
        }
    )
    client = FuzzClient(create_app(limited, target.publisher), target.client.ledger)
    try:
        answers = [client.post(b"{", key_headers={"X-API-Key": API_KEY}) for _ in range(40)]
    finally:
        client.close()
    statuses = [a.status_code for a in answers]
    assert set(statuses) <= {400, 429}
    assert 10 <= statuses.count(400) <= 14  # the burst, plus what refilled meanwhile
    for answer in answers:
        if answer.status_code == 429:
            assert answer.headers["retry-after"].isdigit()
            assert int(answer.headers["retry-after"]) >= 1
            assert errors_of(answer)[0]["type"] == "rate_limited"


# --- hostile HTML and control characters (issue 11) --------------------------------------------

HTML_DEPTH_LIMIT = 512
# Every hostile request is answered; how fast is the bench's (newsflow bench --only html times
# these shapes at two lengths), not timed here on a shared machine. The quadratic HTML-to-text
# took minutes: the suite's timeout still catches that.


def nested(tag: str, depth: int) -> str:
    return f"<{tag}>" * depth + "Deep text." + f"</{tag}>" * depth


@dataclass(frozen=True)
class HostileHtml:
    html: str
    too_deep: bool  # nests more counted elements than the limit: must be refused naming it


@st.composite
def hostile_html(draw: st.DrawFn) -> HostileHtml:
    """HTML shaped to make a parser slow: deep, wide, unclosed, never-ending constructs."""
    kind = draw(
        st.sampled_from(
            [
                "deep",
                "deep_span",
                "at_limit_and_wide",
                "siblings",
                "unclosed_tags",
                "unclosed_quotes",
                "unclosed_paragraphs",
                "stray_end_tags",
                "unclosed_comment",
                "script_full_of_tags",
                "cdata_starts",
                "long_attribute",
            ]
        )
    )
    n = draw(st.integers(1_000, 20_000))
    if kind == "deep":
        return HostileHtml(nested("div", HTML_DEPTH_LIMIT + n), True)
    if kind == "deep_span":
        return HostileHtml("<p>Text" + "<span>" * (HTML_DEPTH_LIMIT + n), True)
    shapes = {
        "at_limit_and_wide": "<div>" * HTML_DEPTH_LIMIT + "<i>x</i> " * n,
        "siblings": "<b>x</b> " * (2 * n),
        "unclosed_tags": "<p>Text</p>" + "<a " * (5 * n),
        "unclosed_quotes": "<p>Text</p>" + '<a "' * (5 * n),
        "unclosed_paragraphs": "<p>Para." * (5 * n),
        "stray_end_tags": "<p>Text</p>" + "</span>" * (3 * n),
        "unclosed_comment": "<p>Text</p><!--" + "<div>" * (3 * n),
        "script_full_of_tags": "<p>Text</p><script>" + "<div>" * (3 * n) + "</script>",
        "cdata_starts": "<p>Text</p>" + "<![CDATA[" * (2 * n),
        "long_attribute": "<p title='" + "x" * (10 * n) + "'>Text</p>",
    }
    return HostileHtml(shapes[kind], False)


def post(target: Target, document: Any) -> httpx.Response:
    return target.client.post(as_json(document))


@settings(FUZZ, max_examples=300)
@given(hostile=hostile_html(), as_list=st.booleans())
def test_hostile_html_is_answered_and_too_deep_html_is_refused_naming_the_limit(
    target: Target, hostile: HostileHtml, as_list: bool
) -> None:
    article = {"url": f"https://hostile.example/{uuid.uuid4().hex}", "html": hostile.html}
    response = post(target, [article] if as_list else article)
    if hostile.too_deep:
        assert response.status_code == 422, response.text[:300]
        [error] = errors_of(response)
        assert loc_names(error["loc"], "html", index=0 if as_list else None), error
        assert error["msg"] == f"html nests deeper than {HTML_DEPTH_LIMIT} elements"
        return
    if response.status_code == 202:
        record_accepted(target, response)
        return
    assert response.status_code in (413, 422), response.text[:300]  # e.g. no text in it
    errors_of(response)


CONTROL_CHARS = st.sampled_from(
    ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\t", "\r", "\n"]
)


@st.composite
def with_control_characters(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """A valid article with control characters put into one field; the field's name."""
    article = draw(valid_articles())
    name = draw(st.sampled_from(["url", "title", "source", "authors", "body", "html"]))
    chars = draw(st.lists(CONTROL_CHARS, min_size=1, max_size=4))
    noise = "".join(chars)
    if name == "url":
        at = draw(st.sampled_from(["host", "path", "query"]))
        article["url"] = {
            "host": f"https://bad{noise}host.example/a",
            "path": f"https://e.example/a{noise}b",
            "query": f"https://e.example/a?x=1{noise}2",
        }[at]
    elif name == "authors":
        article["authors"] = [f"Ann{noise}Lee", "Bo"]
    elif name in ("body", "html"):
        article.pop("body" if name == "html" else "html", None)
        text = f"Story{noise} text{noise}."
        article[name] = f"<p>{text}</p>" if name == "html" else text
    else:
        article[name] = f"Na{noise}me"
    return article, name


@settings(FUZZ, max_examples=600)
@given(case=with_control_characters())
def test_control_characters_are_refused_in_urls_and_stripped_from_text(
    target: Target, case: tuple[dict[str, Any], str]
) -> None:
    article, name = case
    response = post(target, article)
    if name == "url":
        assert response.status_code == 422, response.text[:300]
        assert any(loc_names(loc, "url") for loc in field_locs(response))
        return
    # Text fields are cleaned before publishing; the read-back below checks no record holds
    # a NUL, which Postgres would refuse after this 202.
    assert response.status_code == 202, response.text[:300]
    record_accepted(target, response)


def test_every_accepted_article_is_on_the_topic_and_no_rejected_one(
    target: Target, request: pytest.FixtureRequest
) -> None:
    """Runs last (file order): reads back everything the fuzz tests got a 202 for."""
    ledger = target.client.ledger
    records = read_records(target.settings, expected=ledger.published_records, timeout_s=120)
    keys = {key.decode() for key, _ in records}
    assert len(records) >= ledger.published_records
    assert ledger.accepted_ids <= keys, len(ledger.accepted_ids - keys)
    assert not keys & ledger.never_published_ids
    for key, value in records:
        assert decode(RawArticle, value).article_id == key.decode()
        # What Postgres would refuse (text and jsonb cannot hold NUL): 202 means stored.
        assert b"\\u0000" not in value and b"\x00" not in value, value[:300]
    elapsed = time.monotonic() - target.started
    print(
        f"\nfuzz_ingest: {ledger.requests} generated requests in {elapsed:.0f}s, "
        f"{len(ledger.server_errors)} answered 5xx; statuses {sorted(ledger.statuses.items())}; "
        f"{len(ledger.accepted_ids)} distinct articles accepted and read back from the topic "
        f"({len(records)} records); {len(ledger.never_published_ids)} good articles of "
        "rejected lists absent as they should be"
    )
    assert not ledger.server_errors
    here = request.node.path
    selected = sum(1 for item in request.session.items if item.path == here)
    if selected == len(_TESTS_IN_THIS_FILE):
        assert ledger.requests >= 10_000


_TESTS_IN_THIS_FILE = [name for name in list(globals()) if name.startswith("test_")]
