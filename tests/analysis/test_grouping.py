"""The same quotation across outlets: measured on written pairs; stable group ids."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import SPEECH, TERM, LibraryAnalysis, Quote
from reader.analysis.grouping import QuoteRef, candidate_pairs, group_id, group_quotes, same_utterance
from reader.analysis.names import name_key

from .quote_pairs import DIFFERENT, PARAPHRASE_DIFFERENT, PARAPHRASE_SAME, SAME


def quote(text: str, speaker: str | None = None, kind: str = SPEECH) -> Quote:
    return Quote(
        0, len(text), text, kind, "„", "“", speaker=speaker, speaker_key=name_key(speaker) if speaker else None
    )


def test_grouping_on_written_pairs_is_precise_and_finds_most() -> None:
    found = [same_utterance(quote(a, sa), quote(b, sb)) for a, b, sa, sb in SAME]
    false = [same_utterance(quote(a, sa), quote(b, sb)) for a, b, sa, sb in DIFFERENT]
    recall = sum(found) / len(SAME)
    precision = sum(found) / (sum(found) + sum(false))
    assert precision == 1.0, [p for p, f in zip(DIFFERENT, false, strict=True) if f]
    assert recall >= 0.8, [p for p, f in zip(SAME, found, strict=True) if not f]


def test_paraphrases_by_one_speaker_group_and_look_alikes_do_not() -> None:
    found = [same_utterance(quote(a, sa), quote(b, sb)) for a, b, sa, sb in PARAPHRASE_SAME]
    false = [same_utterance(quote(a, sa), quote(b, sb)) for a, b, sa, sb in PARAPHRASE_DIFFERENT + DIFFERENT]
    assert not any(false), [p for p, f in zip(PARAPHRASE_DIFFERENT + DIFFERENT, false, strict=True) if f]
    assert sum(found) / len(found) >= 0.8, [p for p, f in zip(PARAPHRASE_SAME, found, strict=True) if not f]


def test_a_paraphrase_that_shares_no_content_word_is_still_a_candidate_pair() -> None:
    refs = [
        QuoteRef("a", 0, quote("Wir sind noch nicht dort, wo wir hinwollen, aber wir kommen voran", "Olaf Scholz")),
        QuoteRef("b", 0, quote("Wir sind noch nicht da", "Olaf Scholz")),
    ]
    assert len(group_quotes(refs)) == 1


def test_similarity_is_symmetric() -> None:
    for a, b, sa, sb in SAME + DIFFERENT + PARAPHRASE_SAME + PARAPHRASE_DIFFERENT:
        assert same_utterance(quote(a, sa), quote(b, sb)) == same_utterance(quote(b, sb), quote(a, sa))


def test_terms_group_only_when_equal() -> None:
    assert same_utterance(quote("Gemeinsam stark", kind=TERM), quote("gemeinsam stark!", kind=TERM))
    assert not same_utterance(quote("Gemeinsam stark", kind=TERM), quote("Gemeinsam stärker", kind=TERM))


def test_groups_need_two_articles_and_have_stable_ids() -> None:
    refs = [
        QuoteRef("a", 0, quote("Wir haben ein sehr produktives Gespräch geführt", "Olaf Scholz")),
        QuoteRef("b", 3, quote("produktives Gespräch", "Olaf Scholz")),
        QuoteRef("b", 4, quote("Das Gespräch war eine Zumutung", "Friedrich Merz")),
        QuoteRef("c", 1, quote("Das Gespräch war eine Zumutung", "Friedrich Merz")),
        QuoteRef("c", 2, quote("Wir haben ein sehr produktives Gespräch geführt", "Olaf Scholz")),
    ]
    groups = group_quotes(refs)
    members = sorted(sorted((r.article_id, r.index) for r in group) for group in groups.values())
    assert members == [[("a", 0), ("b", 3), ("c", 2)], [("b", 4), ("c", 1)]]
    again = group_quotes(list(reversed(refs)))
    assert set(again) == set(groups)
    shifted = [QuoteRef(r.article_id, r.index + 10, r.quote) for r in refs]
    assert set(group_quotes(shifted)) == set(groups), "ids depend on members, not on positions"
    assert group_id(groups[next(iter(groups))]) == next(iter(groups))


def test_one_article_alone_makes_no_group() -> None:
    refs = [QuoteRef("a", 0, quote("Wir bleiben hier")), QuoteRef("a", 1, quote("Wir bleiben hier"))]
    assert group_quotes(refs) == {}


def test_library_groups_the_same_quote_in_two_articles(analyse) -> None:
    one = analyse("„Es gibt keine Einigung, bis es eine Einigung gibt“, sagte Olaf Scholz.", "one")
    two = analyse("Olaf Scholz sagte: „Es gibt keine Einigung, bevor es eine Einigung gibt.“", "two")
    three = analyse("„Wir lassen uns nicht erpressen“, sagte Friedrich Merz.", "three")
    library = LibraryAnalysis([one, two, three])
    group = library.group_of("one", 0)
    assert group is not None and group == library.group_of("two", 0)
    assert library.group_of("three", 0) is None
    assert library.group(group).speaker == "Olaf Scholz"
    assert library.group(group).articles == ("one", "two")


VOCABULARY = [
    "Gespräch",
    "Gespräche",
    "produktiv",
    "Einigung",
    "Frieden",
    "Tür",
    "offen",
    "bleibt",
    "bleibe",
    "Europa",
    "handeln",
    "wir",
    "und",
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from("abc"), st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=6)),
        min_size=2,
        max_size=12,
    )
)
def test_blocking_finds_every_pair_a_full_comparison_finds(items) -> None:
    refs = [QuoteRef(article, index, quote(" ".join(words))) for index, (article, words) in enumerate(items)]
    candidates = candidate_pairs(refs)
    for i, a in enumerate(refs):
        for j in range(i + 1, len(refs)):
            if a.article_id != refs[j].article_id and same_utterance(a.quote, refs[j].quote):
                assert (i, j) in candidates
    assert all(refs[i].article_id != refs[j].article_id and i < j for i, j in candidates)  # one article's never
