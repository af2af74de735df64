"""Hostile HTML shapes, and what turning them into text costs ingest: time linear in length.

Every pushed article, feed entry and fetched article page that carries HTML goes through
``services/ingest/domain/html_text.py`` (the depth check, then the one-pass converter). The
shapes are those that made earlier converters quadratic — siblings for the tree-editing one,
tags and quoted values never closed for the standard library's tokenizer — and the unit tests'
and the ingest fuzzer's (``tests/unit/ingest/test_html_limits.py``,
``tests/faults/test_fuzz_ingest.py``), which check what comes out, not how fast. Each shape is
converted at two lengths, the second twice the first: the ratio of the times is about 2 when
the cost is linear and about 4 when it is quadratic. HTML nested deeper than the limit is
refused; the refusal is timed the same way (``refused`` in the figures). Times are the CPU
seconds of this process (``time.process_time``), the fastest of several rounds that alternate
the two lengths: on a shared machine the wall time mostly measures the other processes.

>>> shapes = html_shapes(size=5_000)
>>> sorted({len(html) for html in shapes.values()})
[5000]
>>> figures = measure_html_shapes(sizes=(5_000, 10_000), repeats=1)
>>> figures["refused"]
['deep_nesting', 'deep_after_long_text']
>>> sorted(figures["seconds"]["siblings"])
['10000', '5000']
"""

from __future__ import annotations

import time

from services.ingest.domain.html_text import MAX_HTML_DEPTH, HtmlTooDeepError, html_to_text

# Each shape: a fixed head, then a unit repeated up to the length, then a fixed tail.
_SHAPES: dict[str, tuple[str, str, str]] = {
    "siblings": ("", "<i>x</i> ", ""),
    "deep_siblings": ("<div>" * (MAX_HTML_DEPTH - 12), "<i>x</i> ", ""),
    "stray_end_tags": ("<div>" * (MAX_HTML_DEPTH - 12), "</span>", ""),
    "unclosed_tags": ("", "<a ", ""),
    "unclosed_quotes": ("", '<a "', ""),
    "unclosed_paragraphs": ("", "<p>x", ""),
    "end_tag_starts": ("", "</", ""),
    "cdata_starts": ("", "<![CDATA[", ""),
    "unclosed_comment": ("<p>Text</p><!--", "<div>", ""),
    "script_full_of_tags": ("<p>Text</p><script>", "<div>", "</script>"),
    "long_attribute": ("<p title='", "x", "'>Text</p>"),
    # Refused: nests past the limit at once, or only at the end of a long document.
    "deep_nesting": ("", "<div>", ""),
    "deep_after_long_text": ("", "<p>Text.</p> ", "<div>" * (MAX_HTML_DEPTH + 1)),
}

SIZES = (1_000_000, 2_000_000)  # characters; the fuzzer posts up to 5 MiB bodies
REPEATS = 5  # rounds; the fastest of each is kept (slower ones met a busier machine)


def html_shapes(*, size: int) -> dict[str, str]:
    """Each named shape, exactly ``size`` characters long: whole units, then spaces (a unit
    cut short could change the shape, e.g. ``</p`` + ``<div>`` hides a ``<div>``)."""
    out = {}
    for name, (head, unit, tail) in _SHAPES.items():
        units, spaces = divmod(size - len(head) - len(tail), len(unit))
        out[name] = head + unit * units + " " * spaces + tail
    return out


def measure_html_shapes(
    *, sizes: tuple[int, int] = SIZES, repeats: int = REPEATS
) -> dict[str, object]:
    """CPU seconds to convert (or refuse) each shape at both sizes, fastest of ``repeats``
    rounds, and the ratio of the larger size's time to the smaller's."""
    small, large = sizes
    best = {name: {size: float("inf") for size in sizes} for name in _SHAPES}
    refused: list[str] = []  # refused at one size at least; the check below: at both
    by_size = {size: html_shapes(size=size) for size in sizes}
    for _ in range(repeats):
        for name in _SHAPES:
            for size in sizes:
                started = time.process_time()
                try:
                    html_to_text(by_size[size][name])
                except HtmlTooDeepError:
                    if name not in refused:
                        refused.append(name)
                best[name][size] = min(best[name][size], time.process_time() - started)
    seconds = {name: {str(size): round(t, 4) for size, t in b.items()} for name, b in best.items()}
    for name in refused:  # a shape refused at one size only would time two different things
        for size in sizes:
            try:
                html_to_text(by_size[size][name])
            except HtmlTooDeepError:
                continue
            raise AssertionError(f"{name} is refused at one size and converted at the other")
    ratios = {
        name: round(s[str(large)] / max(s[str(small)], 1e-4), 2) for name, s in seconds.items()
    }
    # Below a few milliseconds the clock and the allocator decide the ratio, not the code.
    timed = {name: r for name, r in ratios.items() if seconds[name][str(large)] >= 0.01}
    worst = max(timed, key=timed.__getitem__) if timed else None
    return {
        "sizes": list(sizes),
        "repeats": repeats,
        "seconds": seconds,
        "ratio_large_vs_small": ratios,
        "refused": refused,
        "worst_ratio_shape": worst,
        "worst_ratio": timed[worst] if worst else None,
        "size_ratio": round(large / small, 2),
    }
