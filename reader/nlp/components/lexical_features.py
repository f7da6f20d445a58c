"""`reader_lexical_features` and its counterpart `reader_clear_features`: what the word lists say
about each token (a place, a first name, a common noun …) as an input feature of the statistical
NER, written into `token.tag_` before it and removed after it."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .spans import genitive_base
from .word_lists import ListComponent, WordLists

_FEATURE_PREFIX = "lex:"


def lexical_class(text: str, lists: WordLists, stop_words: frozenset[str]) -> str:
    """What the word lists say about one token: a place, an organisation, a first
    name, a surname, a common noun, a stop word, an unknown capitalised word ..."""
    if not text[:1].isalpha():
        return "other"
    if not text[:1].isupper():
        return "low"
    low = text.lower()
    if low in stop_words:
        return "stop"
    names = lists.names
    base = genitive_base(text)
    for label, cls in (("LOC", "loc"), ("ORG", "org")):
        group = names.get(label)
        if group and (text in group or (base is not None and base in group)):
            return cls
    if text in lists.first_names:
        return "first"
    last = names.get("PER")
    if last and (text in last or (base is not None and base in last)):
        return "last"
    if lists.is_common(text):
        return "noun"
    if len(text) > 1 and text.isupper():
        return "acr"
    return "unk"


@Language.factory("reader_lexical_features")
def make_lexical_features(nlp: Language, name: str):
    return LexicalFeatures(nlp)


class LexicalFeatures(ListComponent):
    """Writes each token's lexical class into ``token.tag_`` ("lex:loc", ...), where
    the tok2vec layer embeds it (attr TAG); ``reader_clear_features`` removes it
    again after the NER so no one mistakes it for a part-of-speech tag."""

    def __init__(self, nlp: Language) -> None:
        super().__init__()
        self.stop_words = frozenset(w.lower() for w in nlp.Defaults.stop_words)
        self._cache: dict[str, str] = {}

    def initialize(self, get_examples=None, *, nlp=None, data_path: str | None = None):
        super().initialize(get_examples, nlp=nlp, data_path=data_path)
        self._cache = {}

    def from_disk(self, path, exclude=()):
        super().from_disk(path, exclude)
        self._cache = {}
        return self

    def __call__(self, doc: Doc) -> Doc:
        cache = self._cache
        for tok in doc:
            text = tok.text
            cls = cache.get(text)
            if cls is None:
                cls = _FEATURE_PREFIX + lexical_class(text, self.lists, self.stop_words)
                if len(cache) < 200_000:
                    cache[text] = cls
            tok.tag_ = cls
        return doc


@Language.component("reader_clear_features")
def clear_features(doc: Doc) -> Doc:
    for tok in doc:
        if tok.tag_.startswith(_FEATURE_PREFIX):
            tok.tag_ = ""
    return doc
