from __future__ import annotations

import pytest

from services.ingest.domain.url import canonicalize_url


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTPS://News.Example.COM/World/Story", "https://news.example.com/World/Story"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("http://example.com:8080/a", "http://example.com:8080/a"),
        ("https://example.com/a#comments", "https://example.com/a"),
        ("https://example.com/a/", "https://example.com/a"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/", "https://example.com/"),
        ("https://example.com/a/./b/../c", "https://example.com/a/c"),
        ("https://user:secret@example.com/a", "https://example.com/a"),
        ("https://example.com./a", "https://example.com/a"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("https://bücher.example/a", "https://xn--bcher-kva.example/a"),
        ("https://[2001:DB8::1]:8443/a", "https://[2001:db8::1]:8443/a"),
    ],
)
def test_canonicalize_url_normalises_scheme_host_port_path(url: str, canonical: str) -> None:
    assert canonicalize_url(url) == canonical


@pytest.mark.parametrize(
    "query",
    [
        "utm_source=twitter&utm_medium=social&utm_campaign=x",
        "UTM_Source=x",
        "fbclid=abc",
        "gclid=abc",
        "mc_cid=1&mc_eid=2",
        "ref=homepage",
        "msclkid=1&_ga=2",
    ],
)
def test_canonicalize_url_drops_tracking_parameters(query: str) -> None:
    assert canonicalize_url(f"https://example.com/a?id=7&{query}") == "https://example.com/a?id=7"


def test_canonicalize_url_sorts_query_keeping_order_of_repeated_names() -> None:
    assert (
        canonicalize_url("https://example.com/a?z=1&b=2&a=x&a=w")
        == "https://example.com/a?a=x&a=w&b=2&z=1"
    )


def test_canonicalize_url_keeps_blank_query_values() -> None:
    assert (
        canonicalize_url("https://example.com/a?page=&id=3") == "https://example.com/a?id=3&page="
    )


def test_canonicalize_url_normalises_percent_encoding() -> None:
    # %7E is "~" (unreserved: decoded); %2f is a reserved "/" (kept, upper-cased); a space and
    # non-ASCII are encoded; "+" and "%20" in the query mean the same space.
    assert canonicalize_url("https://example.com/%7Euser/a%2fb") == (
        "https://example.com/~user/a%2Fb"
    )
    assert canonicalize_url("https://example.com/café news") == (
        "https://example.com/caf%C3%A9%20news"
    )
    assert canonicalize_url("https://example.com/s?q=a+b") == canonicalize_url(
        "https://example.com/s?q=a%20b"
    )


def test_canonicalize_url_is_idempotent() -> None:
    url = "HTTPS://Example.com:443/a/b/?utm_source=x&q=caf%C3%A9+x&b=1#frag"
    once = canonicalize_url(url)
    assert canonicalize_url(once) == once


def test_equivalent_urls_share_one_canonical_form() -> None:
    variants = [
        "https://news.example.com/world/nato-russia-repositioning-donbas",
        "https://NEWS.example.com:443/world/nato-russia-repositioning-donbas/",
        "https://news.example.com/world/nato-russia-repositioning-donbas?utm_source=rss#top",
    ]
    assert len({canonicalize_url(v) for v in variants}) == 1


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/a",
        "mailto:editor@example.com",
        "javascript:alert(1)",
        "example.com/a",
        "/world/story",
        "https:///no-host",
        "http://",
        "https://example.com:99999/a",
        "https://example.com:port/a",
        "",
    ],
)
def test_canonicalize_url_rejects_non_http_or_hostless_urls(url: str) -> None:
    with pytest.raises(ValueError):
        canonicalize_url(url)


@pytest.mark.parametrize(
    "url", ["https://exa mple.com/a", "https://\x00e.com/a", "https://e<x>.com/"]
)
def test_canonicalize_url_rejects_hosts_with_characters_no_host_name_has(url: str) -> None:
    with pytest.raises(ValueError, match="not a valid domain name"):
        canonicalize_url(url)
