"""Who the narration talks about: names, role nouns and pronouns, each resolved to a person.

Role nouns are learned from the article's own appositions ("Kremlchef Wladimir Putin",
"Donald Trump, der amerikanische Präsident"); a role the article never ties to anyone stays
unresolved (its key travels on, so the library can resolve it from another article). A pronoun
goes to the topic (first nominative person) of its own sentence before it, else of the nearest
earlier sentence that has one, with a compatible gender.

One MentionFinder, in layers, each module adding one job's rules: state.py (what the rules read
and learn) ← roles.py (roles from appositions) ← finding.py (the mentions) and resolution.py
(whom they mean), joined in finder.py. referents.py holds what a mention and its referent are,
word_rules.py what a single word can be (function word, role noun, organisation, name, gender).
"""

from .finder import MentionFinder
from .referents import Mention, Referent
from .roles import role_owners
from .word_rules import FUNCTION_WORDS, is_role_noun, role_key, role_noun_base

__all__ = [
    "FUNCTION_WORDS",
    "Mention",
    "MentionFinder",
    "Referent",
    "is_role_noun",
    "role_key",
    "role_noun_base",
    "role_owners",
]
