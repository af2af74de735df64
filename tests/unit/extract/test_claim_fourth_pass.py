from collections.abc import Callable

from services.extract.domain.extractor import Extraction

Extract = Callable[..., Extraction]


def test_quote_before_name_and_conjunct_said_has_the_name_as_speaker(extract: Extract) -> None:
    text = (
        "The Justice Department is investigating the shooting.\n"
        "“I will just make this promise to you: We will achieve justice in this case,” "
        "Harbour police Chief Ana Lopez said Monday."
    )
    claims = [c for c in extract(text).claims if c.kind == "direct"]
    assert len(claims) == 1
    assert claims[0].content.text.startswith("I will just make this promise")
    assert claims[0].speaker.mention is not None
    assert "Lopez" in claims[0].speaker.mention.text


def test_quote_after_to_phrase_is_that_persons_view(extract: Extract) -> None:
    text = (
        "She thanks the writers for their work because to her, "
        "“there is nothing more important than telling the story right.”"
    )
    claims = [c for c in extract(text).claims if c.kind == "direct"]
    assert [c.content.text for c in claims] == [
        "there is nothing more important than telling the story right"
    ]


def test_object_of_to_after_a_verb_does_not_give_a_view(extract: Extract) -> None:
    text = "The mayor handed the keys to Ana Lopez, “the best driver in town.”"
    assert all(c.cue is None or c.cue.text != "to" for c in extract(text).claims)


def test_quoted_name_given_by_a_naming_verb_is_direct(extract: Extract) -> None:
    text = "When they are caught, the ministers call them “lone wolves” and move on."
    (claim,) = [c for c in extract(text).claims if c.kind == "direct"]
    assert claim.content.text == "lone wolves"
    assert claim.cue is not None and claim.cue.lemma == "call"
    assert claim.speaker.name == "ministers"


def test_coordinated_quoted_names_are_one_claim(extract: Extract) -> None:
    text = "The mayor calls people “losers” and “sad.”"
    (claim,) = [c for c in extract(text).claims if c.cue is not None and c.cue.lemma == "call"]
    assert claim.content.text.startswith("losers")
    assert claim.content.text.rstrip(".”").endswith("sad")


def test_quotation_inside_a_reported_paragraph_keeps_its_own_writer(extract: Extract) -> None:
    text = (
        "The reporter writes:\n\n"
        "She had been ill for weeks. On her papers, a doctor had typed “severe fatigue.” "
        "Then she went home."
    )
    claims = extract(text).claims
    typed = [c for c in claims if c.cue is not None and c.cue.lemma == "type"]
    assert [c.content.text for c in typed] == ["severe fatigue"]
    assert typed[0].speaker.name == "doctor"


def test_agentless_passive_does_not_inherit_the_previous_speaker(extract: Extract) -> None:
    text = "Ana Lopez said the bridge was safe. It was reported that the dam had failed."
    claims = extract(text).claims
    (agentless,) = [c for c in claims if "dam" in c.content.text]
    assert agentless.speaker.name is None


def test_noun_phrase_coordinated_after_the_object_is_part_of_it(extract: Extract) -> None:
    text = "She started off by emphasizing economic fairness, and a need to raise the minimum wage."
    (claim,) = extract(text).claims
    assert claim.content.text == "economic fairness, and a need to raise the minimum wage"
