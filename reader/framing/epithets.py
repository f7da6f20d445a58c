"""How each outlet refers to each person and organisation: name forms and role nouns, counted.

A name form is the entity as written, a genitive folded into its base ("Putins" → "Putin"). A role
form is a role noun the analysis tied to the person — in an apposition beside the name
("Kremlchef Wladimir Putin") or standing for them ("der Kremlchef", resolved in the article or by
the library) — grouped by its role key, shown as the article wrote it most often.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..analysis import LibraryAnalysis

NAME = "name"
ROLE = "role"
LABELS = ("PER", "ORG")


@dataclass(frozen=True, slots=True)
class EpithetForm:
    """One way of referring to someone, with how often each article uses it."""

    form: str  # "Wladimir Putin", "der Kremlchef"
    kind: str  # NAME or ROLE
    key: str  # the name form itself, or the role key ("russisch machthaber")
    counts: Mapping[str, int]  # article id → uses

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def to_json(self) -> dict[str, object]:
        return {"form": self.form, "kind": self.kind, "key": self.key, "counts": dict(self.counts), "total": self.total}


@dataclass(frozen=True, slots=True)
class PersonEpithets:
    """Every form by which the open articles refer to one referent."""

    key: str
    name: str
    label: str
    forms: tuple[EpithetForm, ...]
    mentions: Mapping[str, int] = field(default_factory=dict)  # article id → mentions (names and role nouns)

    @property
    def total(self) -> int:
        return sum(self.mentions.values())

    def roles(self) -> tuple[EpithetForm, ...]:
        return tuple(form for form in self.forms if form.kind == ROLE)

    def form(self, key: str) -> EpithetForm | None:
        return next((f for f in self.forms if f.key == key), None)

    def to_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "name": self.name,
            "label": self.label,
            "mentions": dict(self.mentions),
            "total": self.total,
            "forms": [form.to_json() for form in self.forms],
        }


def name_form(text: str, name: str) -> str:
    """The entity as written, a genitive folded into its base form: "Wladimir Putins" → "Wladimir Putin"."""
    text = text.strip()
    last = name.split(" ")[-1]
    if text.endswith(("'", "’")):
        return text[:-1]
    if text.endswith("s") and text[:-1].endswith(last) and not last.endswith("s"):
        return text[:-1]
    return text


def _role_display(written: Counter[str]) -> str:
    """The role as the articles write it: the commonest nominative ("der Kremlchef"), else the
    commonest form."""
    nominative = [(n, text) for text, n in written.items() if text.split(" ")[0].lower() in {"der", "die"}]
    if nominative:
        return max(nominative)[1][:1].lower() + max(nominative)[1][1:]
    text = written.most_common(1)[0][0]
    return text[:1].lower() + text[1:] if text.split(" ")[0].lower() in _DETERMINERS else text


_DETERMINERS = frozenset({"der", "die", "das", "dem", "den", "des"})


def epithet_table(library_analysis: LibraryAnalysis, article_ids: Iterable[str]) -> list[PersonEpithets]:
    """Persons and organisations of the articles, most mentioned first, with their forms per article."""
    ids = [a for a in article_ids if a in library_analysis.article_ids]
    names: dict[str, dict[str, Counter[str]]] = {}
    roles: dict[str, dict[str, Counter[str]]] = {}
    written: dict[tuple[str, str], Counter[str]] = {}
    mentions: dict[str, Counter[str]] = {}
    labels: dict[str, str] = {}
    display: dict[str, str] = {}
    for article_id in ids:
        analysis = library_analysis.article(article_id)
        for entity in analysis.entities:
            if entity.label not in LABELS:
                continue
            labels.setdefault(entity.key, entity.label)
            display.setdefault(entity.key, entity.name)
            form = name_form(entity.text, entity.name)
            names.setdefault(entity.key, {}).setdefault(form, Counter())[article_id] += 1
            mentions.setdefault(entity.key, Counter())[article_id] += 1
        for mention in analysis.role_mentions:
            if mention.key is None or mention.key not in labels or not mention.role:
                continue
            roles.setdefault(mention.key, {}).setdefault(mention.role, Counter())[article_id] += 1
            written.setdefault((mention.key, mention.role), Counter())[mention.text] += 1
            if not mention.apposition:
                mentions[mention.key][article_id] += 1
    table = []
    for key, by_form in names.items():
        forms = [EpithetForm(form, NAME, form, dict(counts)) for form, counts in by_form.items()]
        forms += [
            EpithetForm(_role_display(written[(key, role)]), ROLE, role, dict(counts))
            for role, counts in roles.get(key, {}).items()
        ]
        forms.sort(key=lambda f: (f.kind != NAME, -f.total, f.form))
        table.append(PersonEpithets(key, display[key], labels[key], tuple(forms), dict(mentions[key])))
    table.sort(key=lambda p: (-p.total, p.name))
    return table
