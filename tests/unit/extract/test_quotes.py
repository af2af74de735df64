from services.extract.domain.quotes import find_quotes


def _inner(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quotes(text)]


def test_curly_double_quotes_pair_up() -> None:
    assert _inner("She said “we are ready” and left.") == ["we are ready"]


def test_straight_double_quotes_toggle() -> None:
    assert _inner('He said "one thing" and "another thing".') == ["one thing", "another thing"]


def test_single_curly_quotes_are_a_quote_but_apostrophes_are_not() -> None:
    text = "The mayor’s aide warned of ‘grave danger ahead’ in the farmers’ market."
    assert _inner(text) == ["grave danger ahead"]


def test_unclosed_quote_runs_to_end_of_paragraph() -> None:
    text = "“First paragraph of a long quote.\n“Second part.”"
    quotes = find_quotes(text)
    assert [text[q.inner_start : q.inner_end] for q in quotes] == [
        "First paragraph of a long quote.",
        "Second part.",
    ]
    assert quotes[0].closed is False


def test_single_quotes_inside_double_quotes_are_not_separate() -> None:
    assert _inner("“They called it ‘a farce’ openly,” he said.") == [
        "They called it ‘a farce’ openly,"
    ]


def test_typewriter_double_marks_pair_up() -> None:
    assert _inner("''It is over,'' he said. ``Really over.''") == ["It is over,", "Really over."]


def test_closing_mark_opening_a_paragraph_opens_a_quote() -> None:
    assert _inner("”Fear. That is what I feel.” ― A reader") == ["Fear. That is what I feel."]
