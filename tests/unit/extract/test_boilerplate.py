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


def test_long_paragraph_after_a_caption_label_is_story_not_boilerplate() -> None:
    body = (
        "Image copyright Harbour Press Image caption Divers searched the flooded quarry "
        "all night Rescue teams in the valley are trying to reach two hikers trapped in a "
        "flooded quarry. Pumps have lowered the water by a metre since Monday, the fire "
        "service said. The hikers were last heard calling for help on Sunday evening. "
        "Their families have gathered near the quarry gate."
    )
    text = "Quarry rescue: Race to reach hikers\n\n" + body
    ranges = find_boilerplate(text)
    assert [text[s:e] for s, e in ranges] == ["Image copyright Harbour Press Image caption"]


def test_short_caption_line_stays_boilerplate() -> None:
    text = "The story.\nImage caption The quarry gate at dawn\nMore story."
    ranges = find_boilerplate(text)
    assert [text[s:e] for s, e in ranges] == ["Image caption The quarry gate at dawn"]
