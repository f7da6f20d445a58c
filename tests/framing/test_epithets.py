"""The epithet table on the bundled articles against the table written down from reading them.

Written before the code, from reading the five articles: every role noun or epithet that stands
for Putin, Trump or Selenskyj in the narration (outside quotations, not indefinite, not plural),
counted per article, appositions beside the name included ("Kremlchef Wladimir Putin").
Missed on purpose, and said so in the report: possessive forms ("sein Gastgeber"), nouns outside
the role lexicon ("der angebliche Ausgestoßene", "dem Aggressor"), a role with a genitive
complement ("vom Präsidenten der USA").
"""

from __future__ import annotations

import pytest

from reader.framing import epithet_table

FE = "fuenf-erkenntnisse-gipfel-alaska"
GL = "gipfel-der-leere-inszenierung"
GE = "gipfeltreffen-putin-trump-erwartungen"
PG = "putin-gewinnt-zeit-krieg-ausweiten"
ND = "treffen-trump-putin-no-deal"

# person key → role key → article → uses
EXPECTED = {
    "wladimir putin": {
        "kremlchef": {GE: 6, PG: 2},
        "russisch präsident": {GL: 1, GE: 1, ND: 1},
        "russisch staatschef": {FE: 1, ND: 1},
        "russisch machthaber": {PG: 2},
    },
    "donald trump": {
        "us präsident": {FE: 4, GL: 1, GE: 6, PG: 1, ND: 3},
        "republikaner": {GE: 4, ND: 1},
        "deal macher": {GE: 1},
        "dealmaker": {GL: 1},
        "entertainer": {GE: 1},
    },
    "wolodymyr selenskyj": {
        "ukrainisch präsident": {FE: 1, GL: 2, GE: 1, PG: 3, ND: 1},
    },
}
NAME_FORMS = {
    "wladimir putin": {"Wladimir Putin", "Putin"},
    "donald trump": {"Donald Trump", "Trump"},
    "wolodymyr selenskyj": {"Wolodymyr Selenskyj", "Selenskyj"},
}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def table(sample_analysis, sample_articles):
    return {person.key: person for person in epithet_table(sample_analysis, [a.id for a in sample_articles])}


@pytest.mark.parametrize("person", sorted(EXPECTED))
def test_every_epithet_read_in_the_articles_is_in_the_table(table, person: str) -> None:
    found = {form.key: dict(form.counts) for form in table[person].roles()}
    assert found == EXPECTED[person]


@pytest.mark.parametrize("person", sorted(NAME_FORMS))
def test_name_forms_fold_the_genitive(table, person: str) -> None:
    names = {form.form for form in table[person].forms if form.kind == "name"}
    assert names == NAME_FORMS[person]


def test_role_mentions_count_as_mentions_of_the_person(sample_analysis, table) -> None:
    putin = table["wladimir putin"]
    entry = sample_analysis.entity("wladimir putin")
    assert entry is not None
    names = sum(f.counts.get(GE, 0) for f in putin.forms if f.kind == "name")
    # the Names panel and n/N: the five "der Kremlchef" and "der russische Präsident" of GE, apart
    # from the apposition "Kremlchef Wladimir Putin" (already the name's mention)
    assert entry.count(GE) == putin.mentions[GE] == names + 6
    analysis = sample_analysis.article(GE)
    body_spans = entry.mentions[GE]
    assert list(body_spans) == sorted(body_spans)
    kremlchef = [m for m in analysis.role_mentions if m.role == "kremlchef" and not m.apposition]
    assert all((m.start, m.end) in body_spans for m in kremlchef) and len(kremlchef) == 5
