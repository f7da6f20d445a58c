"""The library's view across articles, computed from per-article analyses (no spaCy).

It resolves what one article cannot: a surname or genitive whose full name only another
article gives, a role noun ("der US-Präsident") tied to a person by another article's
apposition. It indexes every entity by key and groups renderings of one utterance across
outlets.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from . import lexicon
from .grouping import QuoteRef, group_quotes
from .mentions import role_owners
from .names import LibraryNames
from .results import ArticleAnalysis, Entity, Quote, RoleMention


@dataclass(frozen=True, slots=True)
class EntityEntry:
    """One referent across the library: where each article mentions it."""

    key: str
    label: str
    name: str
    mentions: Mapping[str, tuple[tuple[int, int], ...]]  # article id → (start, end) spans

    def count(self, article_id: str | None = None) -> int:
        if article_id is not None:
            return len(self.mentions.get(article_id, ()))
        return sum(len(spans) for spans in self.mentions.values())

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(self.mentions)


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """Renderings of one utterance in two or more articles."""

    id: str
    members: tuple[QuoteRef, ...]

    @property
    def speaker(self) -> str | None:
        names = {ref.quote.speaker for ref in self.members if ref.quote.speaker}
        return names.pop() if len(names) == 1 else None

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(ref.article_id for ref in self.members))


class LibraryAnalysis:
    """Resolved analyses of several articles, with the indexes a reader follows across them."""

    def __init__(self, analyses: Iterable[ArticleAnalysis]) -> None:
        raw = {analysis.article_id: analysis for analysis in analyses}
        self._labels: dict[str, str] = {}
        self.names = LibraryNames(
            (entity.key, entity.name, entity.label) for analysis in raw.values() for entity in analysis.entities
        )
        links = [replace(link, key=self.names.key(link.key)) for a in raw.values() for link in a.roles]
        self.roles: Mapping[str, tuple[str, str]] = MappingProxyType(
            {role: (key, self.names.name(key)) for role, (key, _) in role_owners(links).items()}
        )
        self._articles = {article_id: self._resolve(analysis) for article_id, analysis in raw.items()}
        self.entity_index: Mapping[str, EntityEntry] = MappingProxyType(self._index())
        refs = [
            QuoteRef(article_id, index, quote)
            for article_id, analysis in self._articles.items()
            for index, quote in enumerate(analysis.quotes)
            if quote.depth == 0 and not quote.boilerplate  # a teaser's quote is not counted
        ]
        self.quote_groups: Mapping[str, tuple[QuoteRef, ...]] = MappingProxyType(group_quotes(refs))
        self._group_of = {
            (ref.article_id, ref.index): group_id for group_id, members in self.quote_groups.items() for ref in members
        }

    # ---- lookups ------------------------------------------------------------------------
    def article(self, article_id: str) -> ArticleAnalysis:
        """The article's analysis with library-wide keys, names and speakers (KeyError if absent)."""
        return self._articles[article_id]

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(self._articles)

    def group_of(self, article_id: str, quote_index: int) -> str | None:
        return self._group_of.get((article_id, quote_index))

    def group(self, group_id: str) -> QuoteGroup:
        return QuoteGroup(group_id, self.quote_groups[group_id])

    def groups(self) -> list[QuoteGroup]:
        return [QuoteGroup(group_id, members) for group_id, members in self.quote_groups.items()]

    def entity(self, key: str) -> EntityEntry | None:
        return self.entity_index.get(self.names.key(key))

    # ---- resolution ---------------------------------------------------------------------
    def _resolve(self, analysis: ArticleAnalysis) -> ArticleAnalysis:
        entities = tuple(self._resolve_entity(entity) for entity in analysis.entities)
        present = {entity.key for entity in entities}
        quotes = tuple(self._resolve_quote(quote, present) for quote in analysis.quotes)
        indirect = tuple(self._resolve_quote(quote, present) for quote in analysis.indirect)
        role_mentions = tuple(self._resolve_role_mention(mention, present) for mention in analysis.role_mentions)
        roles = tuple(
            replace(link, key=self.names.key(link.key), name=self.names.name(self.names.key(link.key)))
            for link in analysis.roles
        )
        return replace(
            analysis, entities=entities, quotes=quotes, roles=roles, indirect=indirect, role_mentions=role_mentions
        )

    def owner_of_role(self, role: str) -> tuple[str, str] | None:
        """(key, name) of the person a role key stands for library-wide: an apposition or anaphor
        ties it, or a synonym of the same office in the same country does ("russisch machthaber"
        is "russisch präsident" when every such office the library ties goes to one person)."""
        if role in self.roles:
            return self.roles[role]
        *qualifier, head = role.split(" ")
        if not qualifier:
            return None
        office = next((group for group in lexicon.OFFICE_SYNONYMS if head in group), None)
        if office is None:
            return None
        owners = {
            owner
            for other, owner in self.roles.items()
            if other.split(" ")[:-1] == qualifier and other.split(" ")[-1] in office
        }
        return owners.pop() if len(owners) == 1 else None

    def _resolve_role_mention(self, mention: RoleMention, present: set[str]) -> RoleMention:
        """A role noun names the person the article resolved it to, else the library's owner of
        its role when that person is mentioned in this article too."""
        if mention.key is not None:
            return replace(mention, key=self.names.key(mention.key))
        owner = self.owner_of_role(mention.role)
        if owner is not None and owner[0] in present:
            return replace(mention, key=owner[0])
        return mention

    def _resolve_entity(self, entity: Entity) -> Entity:
        """Library key and name; the label most of the referent's spans carry in the library
        (a person a pipeline once took for a place is shown as a person everywhere)."""
        key = self.names.key(entity.key)
        return replace(
            entity,
            key=key,
            name=self.names.name(key),
            label=self._labels.setdefault(key, self.names.label(key)) or entity.label,
        )

    def _resolve_quote(self, quote: Quote, present: set[str]) -> Quote:
        """Library-wide names; a role another article ties to someone names the speaker only
        when that person is mentioned in this article too (a definite role noun refers back)."""
        if quote.speaker_key is not None:
            key = self.names.key(quote.speaker_key)
            return replace(quote, speaker_key=key, speaker=self.names.name(key, quote.speaker))
        owner = self.owner_of_role(quote.speaker_role) if quote.speaker_role is not None else None
        if owner is not None and owner[0] in present:
            key, name = owner
            return replace(quote, speaker_key=key, speaker=name)
        if quote.speaker is None and quote.speaker_text is None:
            return replace(quote, speaker_start=None, speaker_end=None)
        return quote

    def _index(self) -> dict[str, EntityEntry]:
        spans: dict[str, dict[str, list[tuple[int, int]]]] = {}
        for article_id, analysis in self._articles.items():
            for entity in analysis.entities:
                spans.setdefault(entity.key, {}).setdefault(article_id, []).append((entity.start, entity.end))
            for mention in analysis.role_mentions:  # "der Kremlchef" is one of Putin's mentions
                if mention.key is not None and not mention.apposition and mention.key in spans:
                    spans[mention.key].setdefault(article_id, []).append((mention.start, mention.end))
        for by_article in spans.values():
            for found in by_article.values():
                found.sort()
        return {
            key: EntityEntry(
                key=key,
                label=self.names.label(key),
                name=self.names.name(key),
                mentions=MappingProxyType({a: tuple(s) for a, s in by_article.items()}),
            )
            for key, by_article in spans.items()
        }
