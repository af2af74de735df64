from services.extract.domain.boilerplate import find_boilerplate


def test_also_read_line_is_boilerplate() -> None:
    text = "The council met.\n\nAlso read: Ten things about bridges\n\nIt voted."
    ranges = find_boilerplate(text)
    assert [text[s:e] for s, e in ranges] == ["Also read: Ten things about bridges"]


def test_story_lines_are_not_boilerplate() -> None:
    assert find_boilerplate("Readers also read the report.\nMore rain fell.") == []


def test_social_and_photo_credit_lines_are_boilerplate() -> None:
    text = "Follow Jo Bloggs on Twitter @jobloggs\nThe story.\nImage caption: A crowd"
    ranges = find_boilerplate(text)
    assert [text[s:e] for s, e in ranges] == [
        "Follow Jo Bloggs on Twitter @jobloggs",
        "Image caption: A crowd",
    ]
