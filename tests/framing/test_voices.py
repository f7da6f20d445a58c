"""Voices per outlet: quotations and reported speech per speaker, words of each, share of voice."""

from __future__ import annotations

from reader.analysis import INDIRECT, SPEECH, TERM, ArticleAnalysis, LibraryAnalysis, Quote
from reader.framing.voices import UNKNOWN, only_one_outlet, voices


def quote(text: str, kind: str = SPEECH, speaker: str | None = None, **fields) -> Quote:
    key = speaker.lower() if speaker else None
    return Quote(0, len(text), text, kind, "„", "“", speaker=speaker, speaker_key=key, **fields)


def analysis(article_id: str, quotes=(), indirect=()) -> ArticleAnalysis:
    return ArticleAnalysis(article_id, "v", "f", quotes=tuple(quotes), indirect=tuple(indirect))


def test_direct_and_indirect_words_and_share_per_speaker() -> None:
    library = LibraryAnalysis(
        [
            analysis(
                "a",
                quotes=[
                    quote("eins zwei drei vier", speaker="Anna Roth"),
                    quote("fünf sechs", speaker="Anna Roth", continues=0),
                    quote("Schlagwort", TERM),
                    quote("im Teaser zitiert", speaker="Anna Roth", boilerplate=True),
                    quote("ohne Namen gesagt", speaker_text="ein Sprecher"),
                ],
                indirect=[
                    Quote(0, 1, "es werde teurer", INDIRECT, "", "", speaker="Paul Weber", speaker_key="paul weber")
                ],
            ),
            analysis("b", quotes=[quote("ganz anders", speaker="Anna Roth"), quote("wer weiß")]),
        ]
    )
    a, b = voices(library, ["a", "b"])
    roth = a.speaker("anna roth")
    assert roth is not None
    assert (roth.quotes, roth.direct_words, roth.reported, roth.indirect_words) == (1, 6, 0, 0)
    weber = a.speaker("paul weber")
    assert weber is not None and (weber.reported, weber.indirect_words) == (1, 3)
    spokesman = a.speaker("text:ein sprecher")
    assert spokesman is not None and spokesman.name == "ein Sprecher"
    assert a.words == 12 and abs(roth.share - 0.5) < 1e-9
    assert [s.key for s in a.speakers] == ["anna roth", "paul weber", "text:ein sprecher"]
    assert b.speakers[-1].key == UNKNOWN
    assert only_one_outlet([a, b]) == {"a": ["Paul Weber", "ein Sprecher"], "b": []}
    speakers = a.to_json()["speakers"]
    assert isinstance(speakers, list) and speakers[0] == {
        "key": "anna roth",
        "name": "Anna Roth",
        "quotes": 1,
        "direct_words": 6,
        "reported": 0,
        "indirect_words": 0,
        "words": 6,
        "share": 0.5,
    }
