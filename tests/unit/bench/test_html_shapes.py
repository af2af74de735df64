"""The bench's hostile HTML phase: the shapes it times and the report's lines for them. Only the
figures' form is checked here; the times themselves are the bench's (docs/benchmarks.md)."""

from __future__ import annotations

import pytest

from services.bench import report
from services.bench.html_shapes import html_shapes, measure_html_shapes
from services.ingest.domain.html_text import HtmlTooDeepError, html_to_text


@pytest.mark.parametrize("size", [5_000, 5_001, 5_007])  # 5,007: cut units made "</p<div>"
def test_the_deep_shapes_are_refused_and_the_others_converted_at_any_size(size: int) -> None:
    for name, html in html_shapes(size=size).items():
        assert len(html) == size
        if name in ("deep_nesting", "deep_after_long_text"):
            with pytest.raises(HtmlTooDeepError):
                html_to_text(html)
        else:
            html_to_text(html)


def test_the_report_shows_each_shape_the_ratio_and_the_linearity_target() -> None:
    figures = measure_html_shapes(sizes=(5_000, 10_000), repeats=1)
    figures["worst_ratio"], figures["worst_ratio_shape"] = 2.1, "siblings"

    markdown = report.render_markdown({"html": figures})

    assert "## Hostile HTML: ingest's HTML to text, linear in the length" in markdown
    assert "| siblings | " in markdown and "| deep_after_long_text | " in markdown
    target = next(t for t in report.targets({"html": figures}) if t.key == "html_to_text_linear")
    assert (target.shown, target.met) == ("2.10×", True)
    quadratic = report.targets({"html": {**figures, "worst_ratio": 4.0}})
    assert next(t.met for t in quadratic if t.key == "html_to_text_linear") is False
