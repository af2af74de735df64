"""Claim extraction on constructions of news English, with sentences written for the tests."""

from collections.abc import Callable

from services.extract.domain.extractor import Extraction

Extract = Callable[..., Extraction]


def _contents(extraction: Extraction) -> list[str]:
    return [c.content.text for c in extraction.claims]


def test_quote_split_around_the_cue_is_one_claim(extract: Extract) -> None:
    text = "“We are ready,” the coach said on Friday. “The team has never been fitter.”"
    (claim,) = extract(text).claims
    assert claim.kind == "direct"
    assert claim.content.text == "We are ready … The team has never been fitter"


def test_quote_resumes_after_the_cue_and_its_adjuncts(extract: Extract) -> None:
    text = (
        "“The bridge will be safe,” Rita Moss said during a visit to the site, "
        "“but the road needs work.”"
    )
    (claim,) = extract(text).claims
    assert "but the road needs work" in claim.content.text
    assert claim.speaker.name == "Rita Moss"


def test_a_quote_followed_by_its_own_cue_is_not_a_continuation(extract: Extract) -> None:
    text = "“Prices will fall,” Ana Ruiz said. “They will stay high,” Tom Berg replied."
    claims = extract(text).claims
    assert [c.speaker.name for c in claims] == ["Ana Ruiz", "Tom Berg"]


def test_question_mark_inside_the_quote_does_not_hide_the_cue(extract: Extract) -> None:
    text = '"Are we ready? Probably not," Ms. Okafor said.'
    (claim,) = extract(text).claims
    assert claim.kind == "direct"
    assert claim.speaker.name == "Okafor"


def test_typewriter_double_quotes_are_quotations(extract: Extract) -> None:
    text = "''The plan is sound,'' said Paul Amato. ''It will pass.''"
    (claim,) = extract(text).claims
    assert claim.kind == "direct"
    assert claim.content.text == "The plan is sound … It will pass"


def test_multi_paragraph_quote_continues_to_the_closing_mark(extract: Extract) -> None:
    text = (
        "Lena Ortiz said: “We built this town with our hands.\n\n"
        "“Nobody will take it from us.”\n\nThe meeting ended at noon."
    )
    claims = extract(text).claims
    assert "We built this town with our hands" in claims[0].content.text
    assert any("Nobody will take it from us" in c.content.text for c in claims)
    assert all(c.speaker.name == "Lena Ortiz" for c in claims)


def test_dash_signed_quotation_is_attributed_to_the_signature(extract: Extract) -> None:
    text = "“The trains are always late.” ― Maria Lopes\n\n“Fares are too high.” ― Jon Bell."
    claims = extract(text).claims
    assert [c.speaker.name for c in claims] == ["Maria Lopes", "Jon Bell"]
    assert claims[1].speaker.mention is not None
    assert claims[1].speaker.mention.text == "Jon Bell"


def test_transcript_label_is_the_speaker(extract: Extract) -> None:
    text = "HOST: Will you run again?\n\nGARCIA: I have not decided yet."
    claims = extract(text).claims
    assert [c.content.text for c in claims] == ["Will you run again", "I have not decided yet"]
    assert [c.cue.text for c in claims if c.cue] == [":", ":"]


def test_parenthetical_cue_takes_the_clause_on_both_sides(extract: Extract) -> None:
    text = "The new terminal, the airport director said, would open in the spring."
    (claim,) = extract(text).claims
    assert claim.content.text == "The new terminal … would open in the spring"


def test_coordinated_report_with_its_own_subject_is_its_own_claim(extract: Extract) -> None:
    text = "The judge said the hearing was over, but she said the appeal could go ahead."
    claims = extract(text).claims
    assert len(claims) == 2
    assert "appeal could go ahead" not in claims[0].content.text


def test_chained_source_keeps_the_inner_source(extract: Extract) -> None:
    text = "The senator said that intelligence officials believe the attack was planned."
    (claim,) = extract(text).claims
    assert claim.cue is not None and claim.cue.lemma == "say"
    assert [s.mention.text for s in claim.inner_speakers if s.mention] == ["intelligence officials"]


def test_verb_with_that_clause_outside_the_lexicon_is_a_weak_claim(extract: Extract) -> None:
    (claim,) = extract("The union complained bitterly that wages were frozen.").claims
    assert claim.content.text == "that wages were frozen"
    weak = extract("The inspectors discovered that the wall was cracked.").claims
    assert weak and weak[0].confidence < claim.confidence


def test_stance_adjective_with_that_clause_is_attributed(extract: Extract) -> None:
    (claim,) = extract("The coach was confident that the team would win.").claims
    assert claim.content.text == "that the team would win"
    assert claim.speaker.mention is not None and claim.speaker.mention.text == "The coach"


def test_prepositional_content_of_warned_against(extract: Extract) -> None:
    (claim,) = extract("The central bank warned against raising taxes this year.").claims
    assert "raising taxes" in claim.content.text


def test_addressee_is_not_content_but_criticised_person_is(extract: Extract) -> None:
    assert _contents(extract("The mayor told reporters.")) == []
    (claim,) = extract("The governor criticized Mark Olsen for the delays.").claims
    assert claim.content.text == "Mark Olsen for the delays"


def test_negated_belief_is_attributed_with_lower_confidence(extract: Extract) -> None:
    (plain,) = extract("The minister believed that the border would reopen.").claims
    (negated,) = extract("The minister did not believe that the border would reopen.").claims
    assert negated.content.text == "that the border would reopen"
    assert negated.confidence < plain.confidence


def test_direct_quote_from_a_named_speaker_is_more_confident_than_a_view(
    extract: Extract,
) -> None:
    (quote,) = extract("“We will win,” Ana Ruiz said.").claims
    (view,) = extract("Ana Ruiz thinks that they will win.").claims
    assert quote.confidence > view.confidence


def test_colon_introduces_a_quotation_of_the_clause_subject(extract: Extract) -> None:
    (claim,) = extract("Senator Clara Diaz scolded him: “The science is against you.”").claims
    assert claim.cue is not None and claim.cue.text == ":"
    assert claim.speaker.name == "Clara Diaz"


def test_inverted_speech_verb_before_a_colon(extract: Extract) -> None:
    (claim,) = extract("Said Ellis: “I do not see any interest in reform.”").claims
    assert claim.speaker.mention is not None and claim.speaker.mention.text == "Ellis"


def test_agentless_passive_report_keeps_content_without_a_speaker(extract: Extract) -> None:
    (claim,) = extract("It was reported that the plant would close.").claims
    assert claim.content.text == "that the plant would close"
    assert claim.speaker.name is None
    assert claim.confidence < 0.3
