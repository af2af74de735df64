"""Canonical article URLs.

``article_id`` is derived from the canonical URL, so two URLs that name the same article must
canonicalise to the same string: the same article pushed twice (with a different tracking
query, an upper-case host, a ``:443``, a fragment) is one article.

>>> canonicalize_url("HTTPS://News.Example.com:443/world/story/?utm_source=x&b=2&a=1#top")
'https://news.example.com/world/story?a=1&b=2'
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}

# Query parameters that identify a campaign, a click or a referrer, never the article.
_TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "msclkid",
        "yclid",
        "twclid",
        "igshid",
        "ttclid",
        "mc_cid",
        "mc_eid",
        "mkt_tok",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "ref",
        "ref_src",
        "ref_url",
        "referrer",
        "cmpid",
        "ocid",
        "xtor",
        "s_cid",
        "soc_src",
        "soc_trk",
        "at_medium",
        "at_campaign",
        "at_custom1",
        "at_custom2",
        "at_custom3",
        "at_custom4",
        "spm",
        "smid",
        "sr_share",
        "ito",
        "wt.mc_id",
    }
)
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "ga_", "hsa_", "oly_")

# RFC 3986 unreserved characters: a percent-escape of one of these means the character itself.
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# Characters that may stay literal in a path (reserved sub-delimiters, ':' and '@', and '%'
# for escapes that are already there).
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
# What a host name may hold after IDNA (letters, digits, hyphens, dots; underscores occur in
# the wild).
_HOST_CHARS = re.compile(r"[a-z0-9_.-]+")


def canonicalize_url(url: str) -> str:
    """The canonical form of an http(s) article URL.

    Lower-cases scheme and host, drops user info, default ports, the fragment and tracking
    parameters (``utm_*``, ``fbclid``, ``gclid``, ``mc_cid``, ``ref`` …), sorts the remaining
    query parameters by name (repeated names keep their order), resolves ``.``/``..``
    segments, removes a trailing slash except for the root path and normalises
    percent-encoding. Raises :class:`ValueError` for anything that is not an absolute
    ``http``/``https`` URL with a host.

    >>> canonicalize_url("http://example.com")
    'http://example.com/'
    >>> canonicalize_url("ftp://example.com/a")
    Traceback (most recent call last):
    ...
    ValueError: URL scheme must be http or https, got 'ftp'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise ValueError(f"URL scheme must be http or https, got {parts.scheme!r}")
    host = _canonical_host(parts.hostname)
    try:
        port = parts.port
    except ValueError as exc:  # a port that is not a number or out of range
        raise ValueError(f"URL has an invalid port: {exc}") from exc
    netloc = host if port is None or port == _DEFAULT_PORTS[scheme] else f"{host}:{port}"
    path = _canonical_path(parts.path)
    query = _canonical_query(parts.query)
    return urlunsplit((scheme, netloc, path, query, ""))


def _canonical_host(hostname: str | None) -> str:
    host = (hostname or "").rstrip(".")
    if not host:
        raise ValueError("URL must have a host")
    if ":" in host:  # IPv6 literal: urlsplit removed the brackets
        return f"[{host.lower()}]"
    try:
        # IDNA turns a Unicode host into its ASCII (punycode) spelling, so both spellings of
        # one host give one article_id.
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError as exc:
        raise ValueError(f"URL host {host!r} is not a valid domain name") from exc
    if not _HOST_CHARS.fullmatch(ascii_host):  # spaces, control characters, '<', …
        raise ValueError(f"URL host {host!r} is not a valid domain name")
    return ascii_host


def _canonical_path(path: str) -> str:
    path = _normalise_escapes(path)
    path = quote(path, safe=_PATH_SAFE)
    path = _remove_dot_segments(path)
    if not path.startswith("/"):
        path = "/" + path
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    return path


def _normalise_escapes(text: str) -> str:
    """Decode escapes of unreserved characters, upper-case the others and escape stray '%'."""

    def fix(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else "%" + match.group(1).upper()

    return _ESCAPE.sub(fix, _STRAY_PERCENT.sub("%25", text))


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 §5.2.4, on whole segments."""
    output: list[str] = []
    segments = path.split("/")
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == ".":
            if last:
                output.append("")
        elif segment == "..":
            if len(output) > 1:
                output.pop()
            if last:
                output.append("")
        else:
            output.append(segment)
    return "/".join(output)


def _canonical_query(query: str) -> str:
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(key, value) for key, value in pairs if not _is_tracking(key)]
    kept.sort(key=lambda pair: pair[0])  # stable: repeated names keep their order
    return urlencode(kept, quote_via=quote, safe="-._~")


def _is_tracking(key: str) -> bool:
    lowered = key.lower()
    return lowered in _TRACKING_PARAMS or lowered.startswith(_TRACKING_PREFIXES)
