"""A long text read by the pipeline in pieces, its spans put back together.

spaCy refuses a text over `nlp.max_length` characters (E088), and its NER needs about a gigabyte
of memory per 100,000 characters read at once. So a text longer than PIECE_CHARS is cut into
pieces no longer than that (and never longer than max_length): at a paragraph break where the
window has one, else after a sentence, else at a space. Each piece's entity and sentence
offsets are shifted back into the whole text. Quotations are found by the rules over the whole
text, never per piece, so a quotation is never cut; only the pipeline's document-level
consistency sees one piece at a time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text.segments import sentence_breaks

if TYPE_CHECKING:
    from spacy.language import Language

PIECE_CHARS = 100_000

EntitySpans = list[tuple[int, int, str]]
SentenceSpans = list[tuple[int, int]]


def text_pieces(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) pieces that cover the text in order, none longer than `limit`."""
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        cut = _cut(text, start, start + limit)
        pieces.append((start, cut))
        start = cut
    pieces.append((start, len(text)))
    return pieces


def _cut(text: str, start: int, window_end: int) -> int:
    """Where to end the piece that starts at `start`: the best break before `window_end`."""
    line_break = text.rfind("\n", start + 1, window_end)
    if line_break >= 0:
        return line_break + 1
    next_sentence = None
    for _, sentence_end in sentence_breaks(text, start, window_end):  # the window holds no line break
        next_sentence = sentence_end  # the last one
    if next_sentence is not None:
        return next_sentence
    space = text.rfind(" ", start + 1, window_end)
    return space + 1 if space >= 0 else window_end


def pipeline_spans(nlp: Language, text: str) -> tuple[EntitySpans, SentenceSpans | None]:
    """The pipeline's entities and sentences over the whole text, read in pieces if it is long;
    sentences are None when the pipeline does not set them."""
    limit = min(PIECE_CHARS, nlp.max_length)
    pieces = text_pieces(text, limit) if len(text) > limit else [(0, len(text))]
    entities: EntitySpans = []
    sentences: SentenceSpans | None = []
    for (start, _), doc in zip(pieces, nlp.pipe((text[start:end] for start, end in pieces), batch_size=1), strict=True):
        entities += [(start + ent.start_char, start + ent.end_char, ent.label_) for ent in doc.ents]
        if sentences is not None and doc.has_annotation("SENT_START"):
            sentences += [(start + sent.start_char, start + sent.end_char) for sent in doc.sents]
        else:
            sentences = None
    return entities, sentences
