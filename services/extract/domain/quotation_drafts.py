"""Drafts found by layout and by the words around a quotation rather than by a reporting verb:
dash-signed quotations and transcript lines, a quotation after a colon, after a word of
showing or naming ("used the phrase “…”", "calls them “…”"), after "to her,"; a headline
opened by a name and a colon, a title-case headline's verb; and a quotation that fills a
paragraph on its own, which carries on the previous speaker."""

from __future__ import annotations

import itertools
import re

from spacy.tokens import Token

from services.extract.domain.claim_drafts import (
    CONFIDENCE_ATTITUDE,
    CONFIDENCE_FOLLOW_ON,
    CONFIDENCE_LAYOUT,
    CONFIDENCE_UNLISTED,
    WORD,
    Draft,
    has_words,
    tokens_in,
)
from services.extract.domain.cues import CueMatch, match_cue
from services.extract.domain.document import DocumentContext
from services.extract.domain.quote_bylines import Byline, find_dash_bylines, find_transcript_lines
from services.extract.domain.quotes import Quote
from services.extract.domain.speakers import mention_bounds, subject_of
from services.extract.domain.speech_lexicon import (
    OBJECT_CUES,
    SHOWING_NOUNS,
    SHOWING_VERBS,
    SPEECH_VERBS,
)


def layout_drafts(ctx: DocumentContext, drafts: list[Draft]) -> list[Draft]:
    """Dash-signed quotations and transcript lines that no verb cue has claimed (a reported
    paragraph does not claim the quotations inside it)."""
    claimed = set().union(*(d.content for d in drafts if not d.paragraph))
    found: list[Draft] = []
    bylines = find_dash_bylines(ctx.text, ctx.quotes) + find_transcript_lines(ctx.text)
    layout = [_byline_draft(ctx, byline) for byline in bylines]
    layout += [_colon_quote_draft(ctx, quote) for quote in ctx.quotes]
    layout += [_showing_quote_draft(ctx, quote) for quote in ctx.quotes]
    layout += [_to_holder_quote_draft(ctx, quote) for quote in ctx.quotes]
    layout.append(_headline_speaker_draft(ctx))
    layout.append(_title_case_headline_draft(ctx))
    for draft in layout:
        if draft is not None and not draft.content & claimed:
            found.append(draft)
            claimed |= draft.content
    return found


def _byline_draft(ctx: DocumentContext, byline: Byline) -> Draft | None:
    if ctx.in_boilerplate(*byline.content):
        return None
    doc = ctx.doc
    content = doc.char_span(*byline.content, alignment_mode="expand")
    source = doc.char_span(*byline.source, alignment_mode="expand")
    cue = doc.char_span(*byline.cue, alignment_mode="expand")
    if content is None or source is None or cue is None:
        return None
    tokens = set(range(content.start, content.end))
    if not has_words(ctx, tokens):
        return None
    match = CueMatch(cue.start, cue.end, cue.text, True)
    return Draft(match, frozenset(tokens), (source.start, source.end), CONFIDENCE_LAYOUT)


def _colon_quote_draft(ctx: DocumentContext, quote: Quote) -> Draft | None:
    """ "The senator scolded him: “…”" -- a quotation introduced by a colon belongs to the
    subject of the clause before the colon, whatever its verb."""
    text, doc = ctx.text, ctx.doc
    before = text[max(0, quote.start - 3) : quote.start]
    if not before.rstrip().endswith(":") or "\n" in before:
        return None
    colon = doc.char_span(text.rindex(":", 0, quote.start), text.rindex(":", 0, quote.start) + 1)
    if colon is None or ctx.in_boilerplate(quote.start, quote.end):
        return None
    head = colon.root.head
    subject: Token | None
    if _is_inverted_speech(head):
        subject = head  # "Said Ellis: “…”"
    else:
        verb = _governing_verb(head)
        if verb is None or ctx.token_in_quote(verb):
            return None
        subject = subject_of(verb)
    if subject is None or ctx.token_in_quote(subject):
        return None
    tokens = tokens_in(ctx, quote)
    if not has_words(ctx, tokens):
        return None
    start, end = mention_bounds(subject)
    if _is_inverted_speech(subject):
        start = max(start, subject.sent[0].i + 1)
    cue = CueMatch(colon.start, colon.end, ":", False)
    return Draft(cue, frozenset(tokens), (start, end), CONFIDENCE_ATTITUDE)


def _showing_quote_draft(ctx: DocumentContext, quote: Quote) -> Draft | None:
    """ "Trump has used the phrase “…”", "the letter reads “…”", "as the magazine put it,
    “…”": a quotation right after a noun or verb of writing and showing is what the subject of
    that verb used or wrote."""
    text, doc = ctx.text, ctx.doc
    preceding = text[max(0, quote.start - 40) : quote.start]
    gap = preceding[len(preceding.rstrip(" \t\xa0,:")) :]
    if not gap or len(gap) > 3 or ctx.in_boilerplate(quote.start, quote.end):
        return None
    opening = doc.char_span(quote.start, quote.start + 1, alignment_mode="expand")
    position = (opening.start if opening is not None else 0) - 1
    while position >= 0 and (doc[position].is_punct or doc[position].is_space):
        position -= 1
    if position < 0 or ctx.index_in_quote(position):
        return None
    word = doc[position]
    verb: Token | None
    if word.pos_ == "NOUN" and word.lemma_.lower() in SHOWING_NOUNS:
        verb = _governing_verb(word.head)
    elif word.pos_ == "VERB" and word.lemma_.lower() in SHOWING_VERBS:
        verb = word
    elif word.lower_ == "it" and word.head.lemma_.lower() == "put":
        verb = word.head  # "as X put it, “…”"
    elif word.pos_ in {"PRON", "NOUN", "PROPN"} and gap.strip() == "":
        verb = _naming_verb(word)  # "the ministers call them “lone wolves”"
        if verb is None:
            return None
    else:
        return None
    if verb is None or ctx.token_in_quote(verb):
        return None
    subject = subject_of(verb) or _implicit_subject(verb)
    tokens = tokens_in(ctx, quote) | _coordinated_quotes(ctx, quote)
    # "a box labeled “urgent”", "calls people “losers”" in a subject-less list: no speaker
    agentless = verb.dep_ == "acl" or verb.lemma_.lower() in _NAMING_VERBS
    if subject is None and any(t.lower_ == "by" and t.idx >= quote.end for t in verb.sent):
        return None  # "titled “…” by Ana Lopez" parsed without the agent: not agentless
    if (subject is None and not agentless) or not tokens:
        return None
    if subject is not None and ctx.token_in_quote(subject):
        return None
    if not any(WORD.search(doc[i].text) for i in tokens):
        return None
    cue_word = verb if verb.lemma_.lower() in _NAMING_VERBS else word
    cue = CueMatch(cue_word.i, cue_word.i + 1, cue_word.lemma_.lower(), False)
    if subject is None:
        return Draft(cue, frozenset(tokens), None, CONFIDENCE_UNLISTED)
    return Draft(cue, frozenset(tokens), mention_bounds(subject), CONFIDENCE_ATTITUDE)


def _implicit_subject(verb: Token) -> Token | None:
    """Who wrote or named, when the verb has no subject of its own: the agent of a participle
    ("a paper titled “…” by Ana Lopez"), the subject of the verb whose object the participle
    modifies ("the council issued a statement calling it “…”"), or a name right before the
    verb that the parser hung elsewhere."""
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    if verb.dep_ == "acl" and verb.head.dep_ == "dobj":
        return subject_of(verb.head.head)
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if (
        verb.dep_ != "acl"
        and before is not None
        and before.pos_ == "PROPN"
        and before.ent_type_ != "DATE"
    ):
        return before
    return None


def _naming_verb(word: Token) -> Token | None:
    """The verb of naming whose object ``word`` is, or modifies ("calls people “losers”")."""
    token = word
    for _ in range(2):
        if token.dep_ not in {"dobj", "nmod", "compound"} or token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ == "VERB":
            return token if token.lemma_.lower() in _NAMING_VERBS and token.i < word.i else None
    return None


_NAMING_VERBS = frozenset({"call", "dub", "label", "brand", "term", "nickname"})


_QUOTE_COORDINATION = re.compile(r"^[ \t\xa0]*(?:,|and|or|,[ \t\xa0]*and)[ \t\xa0]*$")


def _coordinated_quotes(ctx: DocumentContext, quote: Quote) -> set[int]:
    """ "calls people “losers” and “sad”": quotations joined to this one by "and" or a comma,
    with the words between them."""
    found: set[int] = set()
    end = quote.end
    for other in ctx.quotes:
        if other.start < end:
            continue
        if not _QUOTE_COORDINATION.match(ctx.text[end : other.start]):
            break
        span = ctx.doc.char_span(quote.inner_start, other.inner_end, alignment_mode="expand")
        if span is not None:
            found = set(range(span.start, span.end))
        end = other.end
    return found


def _to_holder_quote_draft(ctx: DocumentContext, quote: Quote) -> Draft | None:
    """ "… because to her, “nothing matters more than the story.”": a quotation right after a
    "to"-phrase naming a person and a comma gives that person's view."""
    text, doc = ctx.text, ctx.doc
    preceding = text[max(0, quote.start - 4) : quote.start]
    if not preceding.rstrip(" \t\xa0").endswith(",") or ctx.in_boilerplate(quote.start, quote.end):
        return None
    opening = doc.char_span(quote.start, quote.start + 1, alignment_mode="expand")
    position = (opening.start if opening is not None else 0) - 2
    if position < 1 or doc[position + 1].text != ",":
        return None
    holder = doc[position]
    person = holder.pos_ == "PROPN" or holder.lower_ in {"her", "him", "them", "me", "us"}
    if not person or holder.dep_ != "pobj" or holder.head.lower_ != "to":
        return None
    before = doc[holder.head.i - 1] if holder.head.i > 0 else None
    opens_clause = before is None or bool(before.is_sent_end) or before.is_punct
    if not opens_clause and before is not None and before.pos_ not in {"SCONJ", "CCONJ"}:
        return None
    if ctx.token_in_quote(holder):
        return None
    tokens = tokens_in(ctx, quote)
    if not has_words(ctx, tokens):
        return None
    cue = CueMatch(holder.head.i, holder.head.i + 1, "to", False)
    return Draft(cue, frozenset(tokens), mention_bounds(holder), CONFIDENCE_ATTITUDE)


def _governing_verb(token: Token) -> Token | None:
    """The verb a colon hangs on, climbing from its object noun ("is rolling out a new
    message: “…”", "used one of her quotes as its headline: “…”")."""
    for _ in range(4):
        if token.pos_ in {"VERB", "AUX"}:
            return token
        if token.pos_ not in {"NOUN", "PROPN", "ADP"} or token.head.i == token.i:
            return None
        token = token.head
    return None


def _is_inverted_speech(token: Token) -> bool:
    """A name right after a sentence-initial speech verb: "Said Ellis", "Added the mayor"."""
    if token.pos_ not in {"PROPN", "NOUN"}:
        return False
    first = token.sent[0]
    cue = match_cue(first)
    return cue is not None and cue.is_speech and first.i < token.i <= first.i + 3


_MAX_HEADLINE_SPEAKER = 6


_MIN_HEADLINE_CLAIM = 3


def _headline_speaker_draft(ctx: DocumentContext) -> Draft | None:
    """ "Senator Lopez: Budget Deal Is Dead": a headline opened by a bare name and a colon
    gives the rest of the headline to that name. A prefix with an article, a preposition or
    another function word, or a word in lower case ("The Latest:", "Talks on Trade:") is a
    label, not a speaker."""
    text, doc = ctx.text, ctx.doc
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    colon = next(
        (t for t in doc[: _MAX_HEADLINE_SPEAKER + 1] if t.text == ":" and t.idx < line_end), None
    )
    if colon is None or colon.i == 0:
        return None
    prefix = doc[: colon.i]
    # title case hides the part of speech ("Stealth Over Health:"), so function words are
    # recognised by their lower-case form
    if any(t.is_stop or (t.is_alpha and not t.text[0].isupper()) for t in prefix):
        return None
    if all(t.text.isupper() for t in prefix if t.is_alpha):
        return None  # "NEW DELHI: …" is a dateline
    content = {t.i for t in doc[colon.i + 1 :] if t.idx < line_end and not t.is_space}
    if sum(1 for i in content if doc[i].is_alpha) < _MIN_HEADLINE_CLAIM:
        return None
    if ctx.in_boilerplate(doc[min(content)].idx, line_end):
        return None
    cue = CueMatch(colon.i, colon.i + 1, ":", False)
    return Draft(cue, frozenset(content), (0, colon.i), CONFIDENCE_ATTITUDE)


_TITLE_CASE_SHARE = 0.8


_HEADLINE_CUES = SPEECH_VERBS | OBJECT_CUES


def _title_case_headline_draft(ctx: DocumentContext) -> Draft | None:
    """ "Mayor Vows To Rebuild Harbour Bridge": in a title-case headline the parser reads the
    verb as part of a name, so a listed speech or object verb (by its lower-case form) is
    found by spelling, its holder the capitalised words before it back to a comma or colon,
    and its content the rest of the headline."""
    text, doc = ctx.text, ctx.doc
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    line = [t for t in itertools.takewhile(lambda t: t.idx < line_end, doc) if not t.is_space]
    words = [t for t in line if t.is_alpha and len(t) > 3]
    if len(words) < 3 or sum(t.text[0].isupper() for t in words) < _TITLE_CASE_SHARE * len(words):
        return None
    start = 0
    for position, token in enumerate(line):
        if token.text in {",", ":", ";"}:
            start = position + 1
            continue
        if position == start or not _is_headline_cue(token):
            continue
        holder = line[start:position]
        if any(t.is_stop or not t.text[0].isupper() for t in holder):
            return None
        content = {t.i for t in line[position + 1 :]}
        if sum(1 for i in content if doc[i].is_alpha) < _MIN_HEADLINE_CLAIM:
            return None
        cue = CueMatch(token.i, token.i + 1, _headline_lemma(token), True)
        return Draft(cue, frozenset(content), (holder[0].i, token.i), CONFIDENCE_ATTITUDE)
    return None


def _is_headline_cue(token: Token) -> bool:
    return token.text[0].isupper() and token.lower_.endswith("s") and bool(_headline_lemma(token))


def _headline_lemma(token: Token) -> str:
    """ "Vows" -> "vow", "Pushes" -> "push": the third-person form a headline uses."""
    word = token.lower_
    for candidate in (word[:-1], word[:-2]):
        if candidate in _HEADLINE_CUES:
            return candidate
    return ""


def paragraph_quote_drafts(ctx: DocumentContext, drafts: list[Draft]) -> list[Draft]:
    """A quotation that is a whole paragraph, with no cue, continues the previous speaker."""
    claimed = set().union(*(d.content for d in drafts)) if drafts else set()
    text = ctx.text
    found: list[Draft] = []
    for quote in ctx.quotes:
        if ctx.in_boilerplate(quote.start, quote.end) or not _fills_paragraph(text, quote):
            continue
        tokens = tokens_in(ctx, quote)
        if not tokens or tokens & claimed or not has_words(ctx, tokens):
            continue
        found.append(Draft(None, frozenset(tokens), None, CONFIDENCE_FOLLOW_ON))
    return found


def _fills_paragraph(text: str, quote: Quote) -> bool:
    line_start = text.rfind("\n", 0, quote.start) + 1
    line_end = text.find("\n", quote.end)
    line_end = len(text) if line_end == -1 else line_end
    return not text[line_start : quote.start].strip() and not text[quote.end : line_end].strip(
        " \t\xa0.,"
    )
