"""Who the speaker is: pronouns, surnames, titles and "the company" resolved to the name they
refer to; possessors, words inside the quotation and capitals that speak for a country.
Sentences written for the tests."""

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


def test_agentless_passive_does_not_inherit_the_previous_speaker(extract: Extract) -> None:
    text = "Ana Lopez said the bridge was safe. It was reported that the dam had failed."
    claims = extract(text).claims
    (agentless,) = [c for c in claims if "dam" in c.content.text]
    assert agentless.speaker.name is None


def test_a_name_in_apposition_with_a_title_is_a_person_whatever_the_ner_says(
    extract: Extract,
) -> None:
    # The small model labels "Pieter de Vries" ORG here; the title in apposition says person,
    # and the pronoun of the next sentence resolves to him.
    text = (
        "The union's chairman, Pieter de Vries, said the workers were ready to accept a "
        'mediator. "Nobody wants this to drag on," he said.'
    )
    claims = extract(text).claims
    assert [(c.speaker.name, c.speaker.type, c.speaker.role) for c in claims] == [
        ("Pieter de Vries", "PERSON", "union's chairman"),
        ("Pieter de Vries", "PERSON", "union's chairman"),
    ]


def test_pronoun_speaker_resolves_to_the_full_name(extract: Extract) -> None:
    text = (
        "Transport Minister Ana Lopez visited the depot on Monday. "
        "She told reporters that fares would stay frozen."
    )
    claims = extract(text).claims
    (claim,) = [c for c in claims if c.cue and c.cue.lemma == "tell"]
    assert claim.speaker.mention is not None and claim.speaker.mention.text == "She"
    assert claim.speaker.name == "Ana Lopez"
    assert claim.speaker.role == "Transport Minister"


def test_surname_and_title_nominal_resolve_to_the_full_name(extract: Extract) -> None:
    text = (
        "Health Minister Tomas Varga opened the clinic. "
        "Varga said that more nurses were coming. "
        "The minister also said that waiting lists had shrunk."
    )
    names = [c.speaker.name for c in extract(text).claims]
    assert names == ["Tomas Varga", "Tomas Varga"]


def test_shared_surname_resolves_to_the_most_recently_named_person(extract: Extract) -> None:
    text = (
        "Maria Okafor and her brother Daniel Okafor run the firm. "
        "Daniel Okafor opened the plant on Monday. "
        "Okafor said that sales were rising."
    )
    (claim,) = extract(text).claims
    assert claim.speaker.name == "Daniel Okafor"


def test_possessor_is_not_the_speaker(extract: Extract) -> None:
    text = "Singer Lena Park won the award. Lena Park's manager said the tour would go ahead."
    (claim,) = extract(text).claims
    assert claim.speaker.name != "Lena Park"
    assert claim.speaker.mention is not None and "manager" in claim.speaker.mention.text


def test_organisation_possessive_title_refers_back_to_the_person(extract: Extract) -> None:
    text = (
        "Kenya's President Amara Odum arrived in Oslo on Monday. "
        "Kenya's president said that talks had gone well."
    )
    claims = extract(text).claims
    assert [c.speaker.name for c in claims] == ["Amara Odum"]


def test_honorific_and_surname_resolve_to_the_full_name(extract: Extract) -> None:
    text = "Patricia Lund runs the charity. Ms Lund said that donations had doubled."
    (claim,) = extract(text).claims
    assert claim.speaker.name == "Patricia Lund"


def test_the_company_refers_back_to_the_last_named_organisation(extract: Extract) -> None:
    text = "Shares in Nordvik Shipping rose sharply. The company said that orders had doubled."
    (claim,) = extract(text).claims
    assert (claim.speaker.name, claim.speaker.type) == ("Nordvik Shipping", "ORG")


def test_relative_pronoun_is_the_mention_and_its_antecedent_the_name(extract: Extract) -> None:
    text = "The plan was backed by Ines Duarte, who said that it would save money."
    (claim,) = [c for c in extract(text).claims if c.cue and c.cue.lemma == "say"]
    assert claim.speaker.mention is not None and claim.speaker.mention.text == "who"
    assert claim.speaker.name == "Ines Duarte"


def test_subject_inside_the_quote_is_not_the_speaker(extract: Extract) -> None:
    text = "“It is a mess. Total chaos,” said Priya Nair, a union organiser."
    (claim,) = extract(text).claims
    assert claim.speaker.name == "Priya Nair"


def test_capital_city_speaks_for_its_country(extract: Extract) -> None:
    text = "Moscow said that the talks would continue."
    (claim,) = extract(text).claims
    assert (claim.speaker.name, claim.speaker.type) == ("Russia", "GPE")


def test_title_nominal_finds_the_holder_of_that_title(extract: Extract) -> None:
    text = (
        "Floods cut off the port town of Split, the mayor said.\n\n"
        "“We are doing everything we can,” Mayor Ivan Petrovic said."
    )
    claims = extract(text).claims
    assert claims[0].speaker.name == "Ivan Petrovic"
    assert all(c.speaker.name != "Split" for c in claims)


def test_subject_inside_a_long_quote_gives_way_to_the_named_subject(extract: Extract) -> None:
    text = '"He would be a fine judge. Not good, great. One of the best," Rep. John Smith said.'
    (claim,) = extract(text).claims
    assert claim.speaker.name == "John Smith"
