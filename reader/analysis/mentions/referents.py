"""Whom a mention means (Referent) and a mention of someone in the narration (Mention)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Referent:
    """Whom a mention means: a known person (key), an unresolved role, or nobody known."""

    key: str | None = None
    name: str | None = None
    role: str | None = None
    label: str = "PER"
    gender: str = ""  # "m", "f", "n" or "" when the text does not tell
    kind: str = ""  # what an unnamed referent is: role, group, organisation ("" for a name)
    text: str | None = None  # how the text wrote an unnamed referent ("ein Feuerwehrsprecher")

    @property
    def known(self) -> bool:
        return self.key is not None


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    kind: str  # name, role, pronoun, possessive, indefinite, organisation, group
    case: str  # nom, gen, obl (after a preposition or dative/accusative article), src (laut X),
    # app (a short form in parentheses right after the name: "Statistisches Bundesamt (Destatis)")
    referent: Referent
    text: str
