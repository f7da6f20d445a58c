"""Which articles of the library cover the same story: a TF-IDF index over the library in SQLite.

An article's terms are its content words (lower case, function words left out; capitalised
words — names, and German nouns — counted NAME_WEIGHT times: a story is who and what is in it;
a word never capitalised only when it occurs twice) and its dates (the front-matter date and dates written in the text). The index keeps, per article,
the version it read and each term's count; document frequencies are kept per term, so adding,
changing or removing an article touches only its own rows (`sync`). A query takes the article's
QUERY_TERMS most distinctive terms, leaves out terms in more than COMMON_SHARE of a library (they
tell nothing and cost the most) and terms only the query itself holds, and ranks the articles holding the others by
sum(query weight × (1 + log tf) × idf) / the article's length norm.

The index is a cache: a file of its own in the cache folder (`related/`, one per library folder),
rebuilt when damaged or written by another schema.
"""

from __future__ import annotations

import hashlib
import math
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..analysis.mentions import FUNCTION_WORDS
from ..articles import Article

SCHEMA = 3
QUERY_TERMS = 30
COMMON_SHARE = 0.05
COMMON_MIN_LIBRARY = 50  # below it, every term may tell
NAME_WEIGHT = 3
MIN_WORD = 3
# beside the function words: pronouns and auxiliaries, frequent in every story
COMMON_WORDS = FUNCTION_WORDS | frozenset(
    """sie wir ihr ihm ihn ihnen uns euch sich ich man mehr sehr schon noch immer auch nur
    müssen muss musste können kann konnte sollen soll sollte wollen will wollte dürfen darf werden wird wurde
    wurden worden haben hat hatte hatten sein ist sind war waren gewesen gibt geben heute jahr jahren""".split()
)
_WORD = re.compile(r"\w+(?:-\w+)*")
_UPPER = "A-ZÄÖÜ"
_CAPITALISED_WORD = re.compile(rf"\b[{_UPPER}]\w*(?:-\w+)*")

_MONTHS = (
    "januar februar märz april mai juni juli august september oktober november dezember "
    "january february march may june july october december"
).split()
_DATE = re.compile(r"\b(\d{1,2})\.\s*(" + "|".join(_MONTHS) + r")\b|\b(\d{4})-(\d{2})-(\d{2})\b", re.IGNORECASE)


def article_terms(article: Article) -> Counter[str]:
    """The terms of an article with their counts (see the module docstring)."""
    text = f"{article.title}\n{article.body}"
    words = Counter(_WORD.findall(text.lower()))
    capitalised = Counter(word.lower() for word in _CAPITALISED_WORD.findall(text))
    terms: Counter[str] = Counter()
    for word, n in words.items():
        if len(word) < MIN_WORD or word in COMMON_WORDS or word.isdigit():
            continue
        named = capitalised.get(word, 0)
        # a name or German noun weighs more (a story is who and what is in it); a verb or adjective
        # used once tells little and would cost a posting
        if named or n > 1:
            terms[word] = n + (NAME_WEIGHT - 1) * named
    for match in _DATE.finditer(article.body):
        if match.group(1):
            terms[f"d:{int(match.group(1))}.{match.group(2).lower()}"] += 1
        else:
            terms[f"d:{match.group(3)}-{match.group(4)}-{match.group(5)}"] += 1
    if article.date:
        terms["d:" + article.date] += 1
    return terms


@dataclass(frozen=True, slots=True)
class Related:
    article_id: str
    score: float  # 0…1 of the query article's own score
    shared: tuple[str, ...]  # the terms that contributed most, as shown

    def to_json(self) -> dict[str, object]:
        return {"id": self.article_id, "score": round(self.score, 4), "shared": list(self.shared)}


@dataclass(frozen=True, slots=True)
class SyncReport:
    added: int
    removed: int
    unchanged: int


def index_path(cache_dir: Path, library_root: Path) -> Path:
    digest = hashlib.sha256(str(library_root.resolve()).encode()).hexdigest()[:16]
    return cache_dir / "related" / f"{digest}.sqlite"


class RelatedIndex:
    """The library's related-coverage index in one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = self._open()
        except sqlite3.DatabaseError:  # damaged, or not SQLite: it is a cache, start again
            path.unlink(missing_ok=True)
            self.db = self._open()
        self._term_ids: dict[str, int] | None = None
        self._doc_rows: dict[int, tuple[str, float]] | None = None

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA cache_size=-65536")  # 64 MB: a first build inserts millions of postings
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA:
            db.executescript(
                """
                DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS terms; DROP TABLE IF EXISTS postings;
                CREATE TABLE docs (id INTEGER PRIMARY KEY, article TEXT UNIQUE NOT NULL, version TEXT NOT NULL,
                                   norm REAL NOT NULL, terms TEXT NOT NULL);
                CREATE TABLE terms (id INTEGER PRIMARY KEY, term TEXT UNIQUE NOT NULL, df INTEGER NOT NULL);
                CREATE TABLE postings (term INTEGER NOT NULL, doc INTEGER NOT NULL, tf INTEGER NOT NULL,
                                       PRIMARY KEY (term, doc)) WITHOUT ROWID;
                """
            )
            db.execute(f"PRAGMA user_version={SCHEMA}")
        db.execute("SELECT count(*) FROM docs").fetchone()  # a damaged file fails here, not later
        return db

    def close(self) -> None:
        self.db.close()

    def __len__(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM docs").fetchone()[0])

    # ---- keeping up with the library ----------------------------------------------------
    def sync(self, articles: Iterable[Article]) -> SyncReport:
        """Make the index hold exactly these articles: new and changed ones read, gone ones dropped."""
        wanted = {a.id: a for a in articles}
        known = dict(self.db.execute("SELECT article, version FROM docs"))
        stale = [a for a, version in known.items() if a not in wanted or wanted[a].version != version]
        fresh = [a for a in wanted.values() if known.get(a.id) != a.version]
        if stale or fresh:
            self._doc_rows = None
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for article_id in stale:
                self._remove(article_id)
            self._add(fresh)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            self._term_ids = None
            raise
        return SyncReport(len(fresh), len([a for a in stale if a not in wanted]), len(wanted) - len(fresh))

    def _docs(self) -> dict[int, tuple[str, float]]:
        """Document id → (article id, length norm), read once per sync."""
        if self._doc_rows is None:
            self._doc_rows = {doc: (a, norm) for doc, a, norm in self.db.execute("SELECT id, article, norm FROM docs")}
        return self._doc_rows

    def _ids(self) -> dict[str, int]:
        if self._term_ids is None:
            self._term_ids = dict(self.db.execute("SELECT term, id FROM terms"))
        return self._term_ids

    def _remove(self, article_id: str) -> None:
        row = self.db.execute("SELECT id FROM docs WHERE article = ?", (article_id,)).fetchone()
        if row is None:
            return
        self.db.execute("UPDATE terms SET df = df - 1 WHERE id IN (SELECT term FROM postings WHERE doc = ?)", (row[0],))
        self.db.execute("DELETE FROM postings WHERE doc = ?", (row[0],))
        self.db.execute("DELETE FROM docs WHERE id = ?", (row[0],))

    def _add(self, articles: Sequence[Article]) -> None:
        if not articles:
            return
        ids = self._ids()
        df: Counter[int] = Counter()
        rows: list[tuple[int, int, int]] = []
        next_term = max(ids.values(), default=0) + 1
        new_terms: list[tuple[int, str]] = []
        next_doc = (self.db.execute("SELECT max(id) FROM docs").fetchone()[0] or 0) + 1
        docs = []
        for doc, article in enumerate(articles, next_doc):
            terms = article_terms(article)
            norm = math.sqrt(sum(_log_weight(n) ** 2 for n in terms.values())) or 1.0
            term_ids = []
            for term, count in terms.items():
                term_id = ids.get(term)
                if term_id is None:
                    term_id = ids[term] = next_term
                    next_term += 1
                    new_terms.append((term_id, term))
                df[term_id] += 1
                term_ids.append(term_id)
                rows.append((term_id, doc, count))
            docs.append((doc, article.id, article.version, norm, ",".join(map(str, term_ids))))
        self.db.executemany("INSERT INTO docs (id, article, version, norm, terms) VALUES (?, ?, ?, ?, ?)", docs)
        fresh = {term_id for term_id, _ in new_terms}
        self.db.executemany("INSERT INTO terms (id, term, df) VALUES (?, ?, ?)", [(t, w, df[t]) for t, w in new_terms])
        self.db.executemany(
            "UPDATE terms SET df = df + ? WHERE id = ?", [(n, t) for t, n in sorted(df.items()) if t not in fresh]
        )
        rows.sort()  # in key order: the B-tree grows at its end instead of splitting pages everywhere
        self.db.executemany("INSERT INTO postings (term, doc, tf) VALUES (?, ?, ?)", rows)

    # ---- asking -------------------------------------------------------------------------
    def related(self, article: Article, limit: int = 20, exclude: Iterable[str] = ()) -> list[Related]:
        """The library's other articles, likeliest to cover the same story first (score > 0 only)."""
        return self.related_to([article], limit, exclude)

    def related_to(self, articles: Sequence[Article], limit: int = 20, exclude: Iterable[str] = ()) -> list[Related]:
        """Ranked by how well they match the given articles together (the compare screen's open columns)."""
        total = len(self) or 1
        query: Counter[str] = Counter()
        for article in articles:
            query.update(article_terms(article))
        words = list(query)
        df: dict[int, int] = {}
        term_ids: dict[str, int] = {}
        for chunk in range(0, len(words), 900):  # SQLite's limit on bound parameters
            batch = words[chunk : chunk + 900]
            for term_id, term, n in self.db.execute(
                f"SELECT id, term, df FROM terms WHERE term IN ({','.join('?' * len(batch))})", batch
            ):
                term_ids[term] = term_id
                df[term_id] = n
        known = [(term, count, term_ids[term]) for term, count in query.items() if term in term_ids]
        if not known:
            return []
        indexed = {article_id for article_id, _ in self._docs().values()}
        own = sum(
            1 for a in articles if a.id in indexed
        )  # a term only the query's own articles hold finds nothing else
        weighted = []
        for term, count, term_id in known:
            n = df.get(term_id, 0)
            if n <= own or (total >= COMMON_MIN_LIBRARY and n > COMMON_SHARE * total):
                continue
            idf = math.log(total / n)
            weighted.append(((1 + math.log(count)) * idf, idf, term, term_id))
        weighted.sort(reverse=True)
        weighted = weighted[:QUERY_TERMS]
        scores: dict[int, float] = {}
        contributions: dict[int, dict[str, float]] = {}
        by_id = {term_id: (weight * idf, term) for weight, idf, term, term_id in weighted}
        if not by_id:
            return []
        found = self.db.execute(
            f"SELECT term, doc, tf FROM postings WHERE term IN ({','.join('?' * len(by_id))})", list(by_id)
        )
        for term_id, doc, tf in found:
            factor, term = by_id[term_id]
            part = factor * (1 + math.log(tf))
            scores[doc] = scores.get(doc, 0.0) + part
            shares = contributions.setdefault(doc, {})
            shares[term] = shares.get(term, 0.0) + part
        if not scores:
            return []
        docs = self._docs()
        skip = {a.id for a in articles} | set(exclude)
        ranked = sorted(((score / docs[doc][1], doc) for doc, score in scores.items() if doc in docs), reverse=True)
        best = ranked[0][0] if ranked else 1.0
        out = []
        for score, doc in ranked:
            article_id = docs[doc][0]
            if article_id in skip:
                continue
            strongest = sorted(contributions[doc].items(), key=lambda item: -item[1])[:6]
            shared = tuple(_shown(term) for term, _ in strongest)
            out.append(Related(article_id, score / best if best else 0.0, tuple(dict.fromkeys(shared))))
            if len(out) >= limit:
                break
        return out


_LOG_WEIGHTS = [0.0] + [1 + math.log(n) for n in range(1, 256)]


def _log_weight(n: int) -> float:
    """1 + log n, from a table for the counts terms have."""
    return _LOG_WEIGHTS[n] if n < len(_LOG_WEIGHTS) else 1 + math.log(n)


def _shown(term: str) -> str:
    return term.removeprefix("d:")
