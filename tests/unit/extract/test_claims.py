from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from shared.ids import claim_id_for

Extract = Callable[..., Extraction]


def test_said_that_clause_is_an_indirect_claim_with_speaker_and_cue(extract: Extract) -> None:
    text = "Mayor Ana Lopez said on Monday that the bridge would reopen in June."
    (claim,) = extract(text).claims
    assert claim.kind == "indirect"
    assert claim.content.text == "that the bridge would reopen in June"
    assert claim.cue is not None and (claim.cue.text, claim.cue.lemma) == ("said", "say")
    assert claim.speaker.name == "Ana Lopez"
    assert claim.speaker.type == "PERSON"
    assert claim.speaker.mention is not None
    assert claim.speaker.mention.text == "Mayor Ana Lopez"


def test_offsets_index_into_the_given_text(extract: Extract) -> None:
    text = "Officials said the harbour was closed."
    (claim,) = extract(text).claims
    (start, end), *_ = claim.content.spans
    assert text[start:end] == claim.content.text
    assert claim.cue is not None and text[claim.cue.start : claim.cue.end] == "said"


def test_quote_followed_by_cue_is_a_direct_claim(extract: Extract) -> None:
    text = "“We will rebuild every school in the valley,” Ana Lopez said."
    (claim,) = extract(text).claims
    assert claim.kind == "direct"
    assert claim.content.text == "We will rebuild every school in the valley"
    assert claim.speaker.name == "Ana Lopez"


def test_indirect_content_with_quoted_words_is_mixed(extract: Extract) -> None:
    text = "Ana Lopez added that the plan was “a promise kept” for the town."
    (claim,) = extract(text).claims
    assert claim.kind == "mixed"
    assert claim.cue is not None and claim.cue.lemma == "add"


def test_according_to_attributes_the_rest_of_the_sentence(extract: Extract) -> None:
    text = "The dam will be finished next year, according to the regional water board."
    (claim,) = extract(text).claims
    assert claim.cue is not None and claim.cue.lemma == "according to"
    assert claim.content.text == "The dam will be finished next year"
    assert claim.speaker.mention is not None
    assert claim.speaker.mention.text == "the regional water board"


def test_paragraph_quote_without_cue_inherits_previous_speaker(extract: Extract) -> None:
    text = (
        "“The river is rising fast,” said fire chief Omar Haddad.\n\n"
        "“Everyone in the lower town should leave tonight.”"
    )
    claims = extract(text).claims
    assert len(claims) == 2
    follow_on = claims[1]
    assert follow_on.kind == "direct"
    assert follow_on.cue is None
    assert follow_on.speaker.name == "Omar Haddad"


def test_nested_report_is_folded_into_the_outer_claim(extract: Extract) -> None:
    text = "The governor said that engineers say the levee is safe."
    (claim,) = extract(text).claims
    assert claim.cue is not None and claim.cue.text == "said"
    assert "levee is safe" in claim.content.text


def test_boilerplate_link_lines_yield_no_claims(extract: Extract) -> None:
    text = "The vote passed.\n\nAlso read: Senator says the budget is doomed\n\nIt was close."
    assert extract(text).claims == ()


def test_claim_id_is_deterministic_from_spans_and_kind(extract: Extract) -> None:
    text = "Officials said the harbour was closed."
    first, second = extract(text).claims[0], extract(text).claims[0]
    assert first.claim_id == second.claim_id
    assert first.claim_id == claim_id_for("a-test", first.content.spans, first.kind)


def test_claims_carry_a_confidence_and_the_extractor_version(extract: Extract) -> None:
    (claim,) = extract("Officials said the harbour was closed.").claims
    assert 0.0 <= claim.confidence <= 1.0
    assert claim.extractor_version


def test_reporting_noun_with_that_clause_is_a_claim_of_its_owner(extract: Extract) -> None:
    text = "The mayor's claim that the depot was unsafe angered the union."
    claims = [c for c in extract(text).claims if c.cue and c.cue.lemma == "claim"]
    (claim,) = claims
    assert claim.content.text == "that the depot was unsafe"
    assert claim.speaker.mention is not None and claim.speaker.mention.text == "The mayor"


def test_cue_ending_in_colon_introduces_the_next_paragraph(extract: Extract) -> None:
    text = "The fire chief Omar Haddad added:\n\nThe wind will turn before midnight."
    (claim,) = extract(text).claims
    assert claim.content.text == "The wind will turn before midnight"
    assert claim.speaker.name == "Omar Haddad"


def test_stance_verb_reports_its_object(extract: Extract) -> None:
    text = "Senator Rhea Banks criticized the new tariff plan as reckless."
    (claim,) = extract(text).claims
    assert claim.cue is not None and claim.cue.lemma == "criticize"
    assert claim.content.text == "the new tariff plan as reckless"
    assert claim.speaker.name == "Rhea Banks"


def test_negated_cue_with_an_open_question_is_kept_with_low_confidence(extract: Extract) -> None:
    (claim,) = extract("The ministry did not say whether the border would reopen.").claims
    assert claim.content.text == "whether the border would reopen"
    assert claim.confidence < 0.5
