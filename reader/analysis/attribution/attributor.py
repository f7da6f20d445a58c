"""The Attributor: every quotation of an article classified and attributed, through the layers below it."""

from __future__ import annotations

from dataclasses import replace

from ...text.quotations import QuoteSpan
from ..results import SPEECH, TERM, Quote
from .attributions import Attribution, Cue, _attributed, _quote, _with_speaker, speaker_kind, speaker_text
from .continuation import Continuations
from .headings import with_heading_speakers


class Attributor(Continuations):
    """Classify and attribute the quotations of one article."""

    # ---- public -------------------------------------------------------------------------
    def quotes(self) -> list[Quote]:
        quotes: list[Quote] = []
        attributions: list[Attribution | None] = []
        for index, span in enumerate(self.spans):
            previous = self._previous_outer(index)
            translation_of = (
                previous if previous is not None and self._is_translation(self.spans[previous], span) else None
            )
            attribution = self._attribute(span) if span.depth == 0 else None
            if translation_of is not None:
                source = quotes[translation_of]
                quotes.append(
                    _quote(
                        span, self.text, source.kind, speaker_from=source, via="translation", continues=translation_of
                    )
                )
                attributions.append(attributions[translation_of])
                continue
            kind = self._kind(span, attribution)
            if kind == TERM or span.depth > 0:
                quotes.append(_quote(span, self.text, kind))
                attributions.append(None)
                continue
            if attribution is not None and self._needs_reported_source(span, attribution):
                source_mention = self._reported_source(span)
                if source_mention is not None:
                    attribution = Attribution(attribution.cue, source_mention, attribution.adjacent)
                elif (carried := self._continued(index, span, quotes)) is not None:
                    quotes.append(
                        _quote(
                            span, self.text, SPEECH, speaker_from=quotes[carried], via="continuation", continues=carried
                        )
                    )
                    attributions.append(attribution)
                    continue
            elif attribution is None and self._reported(span):
                source_mention = self._reported_source(span)
                if source_mention is not None:
                    attribution = Attribution(Cue(0, 0, "", "reported"), source_mention, False)
            if attribution is not None and attribution.cue.kind == "reported":
                quote = _attributed(span, self.text, self.described(attribution), None)
                quotes.append(replace(quote, cue=None, cue_start=None, cue_end=None, speaker_via="reported"))
            elif attribution is not None:
                continues = self._interrupted(index, attribution, attributions)
                quotes.append(_attributed(span, self.text, self.described(attribution), continues))
            elif (prior := self._continued(index, span, quotes)) is not None and not self._someone_else_named(
                span, quotes[prior]
            ):
                quotes.append(
                    _quote(span, self.text, SPEECH, speaker_from=quotes[prior], via="continuation", continues=prior)
                )
            elif (context := self._context_speaker(span) or self._context_source(span)) is not None:
                quote = _with_speaker(
                    _quote(span, self.text, SPEECH),
                    context.referent.name,
                    context.referent.key,
                    context.start,
                    context.end,
                    "context",
                    context.referent.role,
                )
                quotes.append(replace(quote, speaker_text=speaker_text(context), speaker_kind=speaker_kind(context)))
            else:
                quotes.append(_quote(span, self.text, SPEECH))
            attributions.append(attribution)
        return with_heading_speakers(quotes, self.text)

    def _someone_else_named(self, span: QuoteSpan, previous: Quote) -> bool:
        """A quotation standing alone next to a sentence whose subject is another person, by name
        ("„…“, sagte Brückner. Ihr Mitangeklagter Tim Hagedorn wirkte nachdenklicher. „…“"; a
        paragraph opening „…“ Holger Gottschalk … hat nachgerechnet."): that person speaks, not
        the previous speaker."""
        context = self._context_speaker(span)
        return (
            context is not None
            and context.kind == "name"
            and context.referent.known
            and context.referent.key != previous.speaker_key
        )
