"""What an attribution is (a cue and the mention it points to) and the Quote result it makes."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ...text.quotations import QuoteSpan
from .. import lexicon
from ..mentions import Mention
from ..results import SPEECH, Quote


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    text: str
    kind: str  # verb, so, colon, source, noun


@dataclass(frozen=True, slots=True)
class Attribution:
    cue: Cue
    mention: Mention | None  # None: the text says someone spoke but not who (heißt es)
    adjacent: bool  # the cue touches the quotation („…“, sagte … / …: „…“)


def _quote(
    span: QuoteSpan,
    text: str,
    kind: str,
    *,
    speaker_from: Quote | None = None,
    via: str = "",
    continues: int | None = None,
) -> Quote:
    base = Quote(
        start=span.start,
        end=span.end,
        text=text[span.start : span.end],
        kind=kind,
        open_mark=span.open_mark,
        close_mark=span.close_mark,
        depth=span.depth,
        continues=continues,
    )
    if speaker_from is None:
        return base
    carried = _with_speaker(
        base,
        speaker_from.speaker,
        speaker_from.speaker_key,
        speaker_from.speaker_start,
        speaker_from.speaker_end,
        via,
        speaker_from.speaker_role,
    )
    # the mention as written travels too: a continued "Der Flughafenverband" is still shown
    return replace(carried, speaker_text=speaker_from.speaker_text, speaker_kind=speaker_from.speaker_kind)


def _with_speaker(
    quote: Quote,
    speaker: str | None,
    key: str | None,
    start: int | None,
    end: int | None,
    via: str,
    role: str | None,
) -> Quote:
    return replace(
        quote,
        speaker=speaker,
        speaker_key=key,
        speaker_start=start,
        speaker_end=end,
        speaker_via=via,
        speaker_role=role,
    )


def _attributed(span: QuoteSpan, text: str, attribution: Attribution, continues: int | None) -> Quote:
    return attributed_quote(_quote(span, text, SPEECH, continues=continues), attribution)


def attributed_quote(quote: Quote, attribution: Attribution) -> Quote:
    """The quote (or reported clause) with the attribution's cue, speaker, mention and kind."""
    quote = replace(
        quote,
        cue=attribution.cue.text,
        cue_start=attribution.cue.start,
        cue_end=attribution.cue.end,
        speaker_kind="unknown",
    )
    mention = attribution.mention
    if mention is None:
        return quote
    referent = mention.referent
    via = SPEAKER_VIA[mention.kind]
    described = replace(quote, speaker_text=speaker_text(mention), speaker_kind=speaker_kind(mention))
    if not referent.known:
        # "Das Unternehmen" is the "Reederei Halligblick" named before, "die Sprecherin" the
        # "Eine Sprecherin der Stadtverwaltung" brought in before; a role may still be resolved
        # library-wide (`speaker_role`)
        taken_up = _taken_up_organisation(mention) or _taken_up_person(mention)
        return _with_speaker(described, taken_up, None, mention.start, mention.end, via, referent.role)
    return _with_speaker(described, referent.name, referent.key, mention.start, mention.end, via, referent.role)


# How a speaker was found, by the kind of mention: a name, a role noun, a pronoun (or possessive),
# or a noun phrase for an unnamed source (organisation noun, group, document, "ein Sprecher").
SPEAKER_VIA = {
    "name": "name",
    "role": "role",
    "pronoun": "pronoun",
    "possessive": "pronoun",
    "indefinite": "phrase",
    "organisation": "phrase",
}


def speaker_text(mention: Mention) -> str:
    """How the text names the speaker: the mention as written; for a pronoun that stands for an
    unnamed person, that antecedent as written ("ein Feuerwehrsprecher"). A role or organisation
    noun is shown as written ("die Sprecherin", "Das Unternehmen"): the person or body it takes up
    is its speaker (`_taken_up_person`, `_taken_up_organisation`)."""
    if mention.kind in {"pronoun", "possessive"} and not mention.referent.known and mention.referent.text:
        return mention.referent.text
    return mention.text


def _taken_up_person(mention: Mention) -> str | None:
    """The unnamed person a definite role noun takes up, as the text brought them in ("die
    Sprecherin" → "Eine Sprecherin der Stadtverwaltung"); None when it takes up no one before."""
    written = mention.referent.text
    if mention.kind != "role" or not written or written == mention.text:
        return None
    return written


_LEADING_ARTICLES = frozenset({"der", "die", "das", "des", "dem", "den"})


def _taken_up_organisation(mention: Mention) -> str | None:
    """The unnamed organisation an organisation noun takes up, as the text wrote it where it
    brought it in and without its article ("Die Reederei Halligblick" → "Reederei Halligblick");
    None when the noun takes up nothing but itself."""
    written = mention.referent.text
    if mention.kind != "organisation" or not written:
        return None
    if written == mention.text:
        return _nominative(written)  # "des Zweirad-Industrie-Verbands" is the "Zweirad-Industrie-Verband"
    words = written.split(" ")
    if len(words) > 1 and words[0].lower() in _LEADING_ARTICLES:
        words = words[1:]
    if len(words) == 1 and _stem(words[0]) in lexicon.ANAPHORIC_ORGANISATION_HEADS:
        return None  # "des Unternehmens", "der Konzern" … "Das Unternehmen": a bare noun names no body
    return " ".join(words)


def _nominative(written: str) -> str | None:
    """A compound institution noun in the genitive after "des", in the nominative: "des
    Zweirad-Industrie-Verbands" → "Zweirad-Industrie-Verband"; None for any other phrase and for a
    bare noun ("des Verbands")."""
    words = written.split(" ")
    if len(words) != 2 or words[0].lower() != "des":
        return None
    noun = words[1]
    for ending in ("es", "s"):
        stem = noun.removesuffix(ending)
        if noun.endswith(ending) and stem.lower().endswith(lexicon.ORGANISATION_HEADS):
            bare = stem.lower().split("-")[-1] in lexicon.ORGANISATION_HEADS and "-" not in stem
            return None if bare else stem
    return None


def _stem(noun: str) -> str:
    """A noun without its genitive ending: "Unternehmens" → "unternehmen", "Verbandes" → "verband"."""
    low = noun.lower()
    for ending in ("es", "s"):
        if low.endswith(ending) and low.removesuffix(ending).endswith(lexicon.ANAPHORIC_ORGANISATION_HEADS):
            return low.removesuffix(ending)
    return low


def speaker_kind(mention: Mention) -> str:
    """What the speaker is: person / organisation (named or not) / role / group / document, or
    pronoun when a pronoun found no antecedent."""
    referent = mention.referent
    if referent.known:
        return "person" if referent.label == "PER" else "organisation"
    if referent.kind:
        return referent.kind
    if mention.kind in {"pronoun", "possessive"}:
        return "pronoun"
    if mention.kind == "role" or referent.role:
        return "role"
    return "unknown"
