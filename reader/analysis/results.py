"""The results of analysing one article: what the views show, what the cache stores.

Every offset indexes `article.body`. Results are frozen and hold only str/int/None, so a view
can keep them, share them between threads and turn them into JSON without a second thought.
"""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, fields
from typing import Any

ANALYSIS_SCHEMA_VERSION = 3  # of an analysis as the cache stores it (to_json); another is not read
SPEECH = "speech"
TERM = "term"
INDIRECT = "indirect"  # reported speech without marks: a Konjunktiv I or dass-clause after a cue
SPEAKER_KINDS = ("person", "organisation", "role", "group", "document", "pronoun", "unknown")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entity:
    """A span the pipeline recognised, with the name it is known by across articles."""

    start: int
    end: int
    label: str  # PER, LOC, ORG, MISC
    text: str
    key: str  # comparable across articles: "wladimir putin" for Putin, Putins, Wladimir Putin
    name: str  # display form of the canonical name: "Wladimir Putin"


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: the text inside its marks, what kind it is and, for speech, who said it."""

    start: int  # first character inside the opening mark
    end: int  # the closing mark's offset (or the paragraph's end when unclosed)
    text: str
    kind: str  # SPEECH, TERM or INDIRECT
    open_mark: str
    close_mark: str  # "" when the quotation runs unclosed to the end of its paragraph
    depth: int = 0  # 0 outermost, 1 inside another quotation, …
    speaker: str | None = None  # canonical name; None when unknown
    speaker_key: str | None = None
    speaker_start: int | None = None  # the mention that names the speaker ("er", "Trump", …)
    speaker_end: int | None = None
    speaker_via: str = ""  # name, pronoun, role, continuation, translation
    speaker_role: str | None = None  # role key still to resolve library-wide ("kremlchef")
    cue: str | None = None  # "sagte", "so", ":", "laut", …
    cue_start: int | None = None
    cue_end: int | None = None
    continues: int | None = None  # index of the quotation this one continues
    speaker_text: str | None = None  # how the text names the speaker ("ein Sprecher des Ministeriums")
    speaker_kind: str = ""  # one of SPEAKER_KINDS for speech and indirect speech, "" for terms
    boilerplate: bool = False  # in a teaser, promo or disclaimer: shown, not counted

    @property
    def closed(self) -> bool:
        return bool(self.close_mark)


@dataclass(frozen=True, slots=True)
class RoleLink:
    """An apposition in the text tying a role noun to a person ("Kremlchef Wladimir Putin")."""

    role: str  # normalised role key: "kremlchef", "us präsident", "russisch präsident"
    key: str  # the person's entity key
    name: str
    start: int  # where the apposition (or the role mention) is
    end: int
    kind: str = "apposition"  # or "anaphor": a definite role noun right after the person's sentence


@dataclass(frozen=True, slots=True)
class RoleMention:
    """A role noun or epithet standing for someone ("der Kremlchef", "den US-Präsidenten"),
    resolved in the article (`key`) or left for the library to resolve by its `role`."""

    start: int
    end: int
    text: str  # as written, with its determiner: "dem Kremlchef"
    role: str  # normalised role key: "kremlchef", "russisch machthaber"
    key: str | None = None  # the person's entity key when the article resolves it
    apposition: bool = False  # beside the name ("Kremlchef Wladimir Putin"): an epithet, not a mention of its own


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    article_id: str
    version: str  # the article's version the offsets belong to
    fingerprint: str  # the pipeline's identity
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    roles: tuple[RoleLink, ...] = ()
    indirect: tuple[Quote, ...] = ()  # reported speech (kind INDIRECT), in reading order
    boilerplate: tuple[tuple[int, int], ...] = ()  # (start, end) of paragraphs that are no article text
    role_mentions: tuple[RoleMention, ...] = ()  # role nouns and epithets in the narration, in reading order
    schema: int = ANALYSIS_SCHEMA_VERSION

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "article_id": self.article_id,
            "version": self.version,
            "fingerprint": self.fingerprint,
            "sentences": [[s.start, s.end] for s in self.sentences],
            "entities": [asdict(entity) for entity in self.entities],
            "quotes": [asdict(quote) for quote in self.quotes],
            "roles": [asdict(role) for role in self.roles],
            "indirect": [asdict(quote) for quote in self.indirect],
            "boilerplate": [list(span) for span in self.boilerplate],
            "role_mentions": [asdict(mention) for mention in self.role_mentions],
        }

    @classmethod
    def from_json(cls, data: Any) -> ArticleAnalysis:
        """Rebuild from `to_json()`, checking every type; ValueError on anything else (a cache
        file is outside data: it may be damaged, or written by someone else)."""
        if not isinstance(data, dict) or data.get("schema") != ANALYSIS_SCHEMA_VERSION:
            raise ValueError("not an analysis of this schema")
        sentences = _need(data, "sentences", list)
        if not all(isinstance(pair, list) and len(pair) == 2 and all(_is_int(n) for n in pair) for pair in sentences):
            raise ValueError("sentences: expected [start, end] pairs of whole numbers")
        boilerplate = _need(data, "boilerplate", list)
        if not all(isinstance(pair, list) and len(pair) == 2 and all(_is_int(n) for n in pair) for pair in boilerplate):
            raise ValueError("boilerplate: expected [start, end] pairs of whole numbers")
        return cls(
            article_id=_need(data, "article_id", str),
            version=_need(data, "version", str),
            fingerprint=_need(data, "fingerprint", str),
            sentences=tuple(Sentence(start, end) for start, end in sentences),
            entities=tuple(_from_json(Entity, item) for item in _need(data, "entities", list)),
            quotes=tuple(_from_json(Quote, item) for item in _need(data, "quotes", list)),
            roles=tuple(_from_json(RoleLink, item) for item in _need(data, "roles", list)),
            indirect=tuple(_from_json(Quote, item) for item in _need(data, "indirect", list)),
            boilerplate=tuple((start, end) for start, end in boilerplate),
            role_mentions=tuple(_from_json(RoleMention, item) for item in _need(data, "role_mentions", list)),
        )

    def fits(self, text: str) -> bool:
        """Whether every offset lies inside `text` (in order) and every quoted or named span
        reads as recorded: a stored analysis is used only for the text it was made from."""
        size = len(text)

        def span(start: int | None, end: int | None) -> bool:
            return (start is None and end is None) or (
                start is not None and end is not None and 0 <= start <= end <= size
            )

        starts = [s.start for s in self.sentences]
        if starts != sorted(starts) or not all(span(s.start, s.end) for s in self.sentences):
            return False
        if not all(span(e.start, e.end) and text[e.start : e.end] == e.text for e in self.entities):
            return False
        kinds = [(quote, (SPEECH, TERM)) for quote in self.quotes] + [(quote, (INDIRECT,)) for quote in self.indirect]
        for quote, allowed in kinds:
            if not (span(quote.start, quote.end) and text[quote.start : quote.end] == quote.text):
                return False
            if not (span(quote.speaker_start, quote.speaker_end) and span(quote.cue_start, quote.cue_end)):
                return False
            if quote.kind not in allowed or quote.depth < 0:
                return False
            if quote.continues is not None and not 0 <= quote.continues < len(self.quotes):
                return False
        if not all(span(start, end) for start, end in self.boilerplate):
            return False
        if not all(span(m.start, m.end) and text[m.start : m.end] == m.text for m in self.role_mentions):
            return False
        return all(span(role.start, role.end) for role in self.roles)


_FIELD_TYPES = {
    "int": (int,),
    "str": (str,),
    "bool": (bool,),
    "int | None": (int, type(None)),
    "str | None": (str, type(None)),
}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _need(data: dict[str, Any], key: str, kind: type) -> Any:
    value = data.get(key)
    if not isinstance(value, kind):
        raise ValueError(f"{key}: expected {kind.__name__}")
    return value


def _declared(kind: type) -> tuple[dict[str, tuple[type, ...]], frozenset[str]]:
    """A result type's fields with the JSON types each takes, and those without a default."""
    declared = {f.name: _FIELD_TYPES[str(f.type)] for f in fields(kind)}  # annotations are strings here
    return declared, frozenset(f.name for f in fields(kind) if f.default is MISSING)


def _from_json(kind: type, item: Any) -> Any:
    """One result from its JSON object: known fields only, each of its declared type."""
    if not isinstance(item, dict):
        raise ValueError(f"{kind.__name__}: expected an object")
    declared, required = _DECLARED[kind]
    if not required <= item.keys():
        raise ValueError(f"{kind.__name__}: missing {sorted(required - item.keys())}")
    for name, value in item.items():
        allowed = declared.get(name)
        if allowed is None:
            raise ValueError(f"unknown {kind.__name__} field {name!r}")
        if not isinstance(value, allowed) or (isinstance(value, bool) and bool not in allowed):
            raise ValueError(f"{kind.__name__}.{name}: expected {' or '.join(t.__name__ for t in allowed)}")
    return kind(**item)


_DECLARED: dict[type, tuple[dict[str, tuple[type, ...]], frozenset[str]]] = {
    kind: _declared(kind) for kind in (Entity, Quote, RoleLink, RoleMention)
}
