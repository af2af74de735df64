"""From pushed or fed HTML to plain text, with work bounded by the size of the input.

Two steps, both linear in the length of the HTML whatever its shape:

1. :func:`check_html_depth` — a scan of the tags (no parse) that refuses a document nesting
   elements deeper than a limit, with an error that names the limit. Real articles nest a few
   dozen elements; thousands are an attack or a broken generator, and the page-text extractor
   (trafilatura, on lxml) returns nothing past libxml2's depth of 256 anyway.
2. :func:`html_to_text` — one pass over the same tokens that writes text as it goes, keeping
   only a stack of open element names. (The tree-building version before it was quadratic:
   8,000 nested ``<div>`` took 6 s, 40,000 sibling ``<i>`` 50 s; and the standard library's
   tokenizer is quadratic on unclosed tags such as ``"<a " * 600_000``, hence a tokenizer of
   our own whose every regular expression either matches or moves on.)

>>> html_to_text("<nav>Home</nav><h1>Title</h1><p>One <b>two</b>.<br>Three</p>")
'Title\\n\\nOne two.\\nThree'
>>> html_to_text("<div>" * 600 + "deep")
Traceback (most recent call last):
...
services.ingest.domain.html_text.HtmlTooDeepError: html nests deeper than 512 elements
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from enum import Enum
from html import unescape

from services.ingest.domain.cleaning import join_paragraphs

# The default depth limit (the ingest setting NEWSFLOW_MAX_HTML_DEPTH): ten times what real
# pages use, far below what makes a tree-building parser or the extractor slow.
MAX_HTML_DEPTH = 512

# Elements whose content is not article text: scripts, styles, page furniture.
DROPPED_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "footer",
        "aside",
        "iframe",
        "svg",
        "form",
        "button",
        "head",
    }
)
# Elements that start and end a paragraph of the text.
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "table",
        "tr",
        "address",
        "hr",
        "body",
    }
)
# Elements that never have content or an end tag (HTML's void elements).
VOID_TAGS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
# Elements whose end tag HTML lets authors omit: a page of 600 unclosed <p> is not deep.
_OPTIONAL_END_TAGS = frozenset(
    {"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot"}
)
# Elements whose content is raw text, where "<div>" is not a tag (both are dropped from the text).
_RAW_TEXT_END = {
    "script": re.compile(r"</script", re.IGNORECASE),
    "style": re.compile(r"</style", re.IGNORECASE),
}
# The start of markup: a comment, a CDATA section, a declaration or processing instruction, or a
# tag with its name, attributes (a quoted value may hold '>') and '>'. Everything after a tag's
# name is optional, so a search never fails once it found "<name": the scan goes on from where
# the match ends, and every character is looked at a bounded number of times.
_MARKUP = re.compile(
    r"""<(?:
        (!--)
      | (!\[CDATA\[)
      | ([!?])
      | (/?)([A-Za-z][^\s/>\x00]*)((?:[^>"']+|"[^"]*"|'[^']*')*)(>?)
    )""",
    re.VERBOSE,
)
_SPACES = re.compile(r"[ \t\n\r\f\v]+")


class HtmlTooDeepError(ValueError):
    """The HTML nests elements deeper than ``limit``; nothing was parsed."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"html nests deeper than {limit} elements")
        self.limit = limit


class _Kind(Enum):
    TEXT = "text"  # character references not yet decoded
    CDATA = "cdata"  # taken as it is
    START = "start"
    SELF_CLOSED = "self_closed"
    END = "end"


def _tokens(html: str) -> Iterator[tuple[_Kind, str]]:
    """The text and tags of ``html`` in order; comments, declarations, processing
    instructions and the content of scripts and styles are skipped. Malformed markup is text
    (a ``<`` that starts no tag, a tag without its ``>``), as browsers show it."""
    position = 0
    while (match := _MARKUP.search(html, position)) is not None:
        if match.start() > position:
            yield _Kind.TEXT, html[position : match.start()]
        comment, cdata, declaration, slash, name, attributes, closed = match.groups()
        position = match.end()
        if comment or cdata or declaration:
            terminator = "-->" if comment else "]]>" if cdata else ">"
            end = html.find(terminator, position)
            if cdata:
                yield _Kind.CDATA, html[position : end if end >= 0 else len(html)]
            if end < 0:
                return
            position = end + len(terminator)
        elif not closed:
            yield _Kind.TEXT, match.group(0)
        elif slash:
            yield _Kind.END, name.lower()
        else:
            name = name.lower()
            yield (_Kind.SELF_CLOSED if attributes.endswith("/") else _Kind.START), name
            if name in _RAW_TEXT_END:
                end_match = _RAW_TEXT_END[name].search(html, position)
                position = end_match.start() if end_match is not None else len(html)
    if position < len(html):
        yield _Kind.TEXT, html[position:]


class _OpenElements:
    """The stack of open element names, closed the way HTML parsers do it: an end tag closes
    the most recent open element of its name and everything opened inside it, and an end tag
    of nothing open is ignored (a count per name makes that check free of any search)."""

    def __init__(self) -> None:
        self.stack: list[str] = []
        self._count: Counter[str] = Counter()

    def open(self, name: str) -> None:
        self.stack.append(name)
        self._count[name] += 1

    def close(self, name: str) -> list[str]:
        """The elements an end tag of ``name`` closes, innermost first."""
        closed: list[str] = []
        if not self._count[name]:
            return closed
        while self.stack:
            top = self.stack.pop()
            self._count[top] -= 1
            closed.append(top)
            if top == name:
                break
        return closed


def check_html_depth(html: str, *, max_depth: int) -> None:
    """Raise :class:`HtmlTooDeepError` when elements nest deeper than ``max_depth``.

    Void elements, self-closed tags and elements whose end tag may be omitted (``<p>``,
    ``<li>``, ``<td>`` …) do not count: a page of unclosed paragraphs is long, not deep.

    >>> check_html_depth("<div><p>a<p>b<br><img/></div>" * 1000, max_depth=2)
    >>> check_html_depth("<div><div><div>x", max_depth=2)
    Traceback (most recent call last):
    ...
    services.ingest.domain.html_text.HtmlTooDeepError: html nests deeper than 2 elements
    """
    elements = _OpenElements()
    for kind, name in _tokens(html):
        if kind is _Kind.END:
            elements.close(name)
        elif kind is _Kind.START and name not in VOID_TAGS and name not in _OPTIONAL_END_TAGS:
            elements.open(name)
            if len(elements.stack) > max_depth:
                raise HtmlTooDeepError(max_depth)


def html_to_text(html: str, *, max_depth: int = MAX_HTML_DEPTH) -> str:
    """Readable text of an HTML document or fragment: one paragraph per block element.

    Scripts, styles and page furniture (``nav``, ``footer``, ``aside`` …) are dropped; HTML
    whitespace is collapsed except inside ``<pre>``; ``<br>`` becomes a line break. Raises
    :class:`HtmlTooDeepError` (before any text is made) for HTML nested deeper than
    ``max_depth``.
    """
    check_html_depth(html, max_depth=max_depth)
    writer = _TextWriter()
    for kind, value in _tokens(html):
        if kind is _Kind.TEXT:
            writer.text(unescape(value))
        elif kind is _Kind.CDATA:
            writer.text(value)
        elif kind is _Kind.END:
            writer.end(value)
        else:
            writer.start(value, self_closed=kind is _Kind.SELF_CLOSED)
    return writer.finish()


class _TextWriter:
    """The text of a stream of tokens: block elements make paragraphs, dropped elements hide
    their content, ``<pre>`` keeps its whitespace."""

    def __init__(self) -> None:
        self._pieces: list[str] = []
        self._elements = _OpenElements()
        self._dropped = 0  # open elements whose content is not text
        self._pre = 0  # open <pre> elements

    def text(self, text: str) -> None:
        if not self._dropped:
            self._pieces.append(text if self._pre else _SPACES.sub(" ", text))

    def start(self, name: str, *, self_closed: bool) -> None:
        if name == "br":
            self._break("\n")
            return
        if name in VOID_TAGS:
            return
        self._elements.open(name)
        if name in DROPPED_TAGS:
            self._dropped += 1
        elif name == "pre":
            self._pre += 1
        if name in BLOCK_TAGS:
            self._break("\n\n")
        if self_closed:
            self.end(name)

    def end(self, name: str) -> None:
        for closed in self._elements.close(name):
            self._closed(closed)

    def finish(self) -> str:
        while self._elements.stack:
            self._closed(self._elements.stack.pop())
        lines = [line.strip(" ") for line in "".join(self._pieces).split("\n")]
        return join_paragraphs(lines)

    def _closed(self, name: str) -> None:
        if name in BLOCK_TAGS:
            self._break("\n\n")
        if name in DROPPED_TAGS:
            self._dropped -= 1
        elif name == "pre":
            self._pre -= 1

    def _break(self, newlines: str) -> None:
        if not self._dropped:
            self._pieces.append(newlines)
