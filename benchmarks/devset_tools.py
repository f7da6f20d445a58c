"""Hand-labelled document sets (GUIDELINES.md format): inline markup → .txt + gold.json, and checks.

    python benchmarks/devset_tools.py build benchmarks/data/news_dev   # src/*.md → dev_NN.txt, gold.json
    python benchmarks/devset_tools.py check benchmarks/data/news_dev   # every rule, mechanically
    python benchmarks/devset_tools.py stats benchmarks/data/news_dev   # counts for the README
    python benchmarks/devset_tools.py body-gold benchmarks/data/news_dev > /tmp/body.json  # no headlines

The markup (one source file per document, src/<name>.md, becomes <name>.txt):

    % comment line (metadata such as "% outlet: …"), dropped
    [Ursula von der Leyen|PER]        an entity (PER, LOC, ORG, MISC)
    [F-22|MISC~]-Kampfjets            "~": the entity may touch a hyphen (GUIDELINES' F-22 exception)
    [Klein|-]                         deliberately not an entity (silences the missed-occurrence check)
    [Hofmann|PER@2]                   an entity that is also speaker mention 2
    {die Oberstaatsanwältin@3:role=Katrin Vogt}   a speaker mention that is no entity, with its kind
                                      and the speaker it stands for (default: its own text)
    ^2„…“   ^2"…"   ^2»…«             a speech quote spoken by mention 2 (the marker precedes the mark)
    ^t„…“                             a term quote

A PER mention without "=…" names the fullest PER name of the document with the same last word
(GUIDELINES: "the fullest name for that speaker that appears in that article"). A mention's kind is
name (PER), organisation (ORG, LOC) or, on "{…}", one of role, pronoun, group, organisation, document.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

LABELS = ("PER", "LOC", "ORG", "MISC")
SPEAKER_KINDS = ("name", "role", "organisation", "pronoun", "group", "document")
QUOTE_PAIRS = {"„": "“", '"': '"', "»": "«"}
QUOTE_MARKS = frozenset('„“”"»«')
ENTITY_SPEC = re.compile(r"^(?:-|(PER|LOC|ORG|MISC)(~)?(?:@(\w+)(?::(\w+))?(?:=([^\]]+))?)?)$")
MENTION_SPEC = re.compile(r"^(\w+)(?::(\w+))?(?:=([^}]+))?$")
MARKUP_CHARS = frozenset("[]{}|^@")
GENITIVE = re.compile(r"(?:s|'|’)$")
INITIAL = re.compile(r"(?:^|\s)[A-ZÄÖÜ]\.$")  # "Thomas K." ends in an initial and its period


class MarkupError(ValueError):
    """A source file that does not follow the markup."""


@dataclass
class Mention:
    start: int
    end: int
    kind: str | None
    speaker: str | None  # as written after "=", or None


@dataclass
class Parsed:
    """One document: its plain text and the annotations the markup put on it."""

    text: str
    entities: list[tuple[int, int, str, bool]] = field(default_factory=list)  # start, end, label, may touch "-"
    mentions: dict[str, Mention] = field(default_factory=dict)
    quote_markers: list[tuple[int, str]] = field(default_factory=list)  # position of the opening mark, ref
    silenced: list[tuple[int, int]] = field(default_factory=list)
    entity_mentions: dict[str, int] = field(default_factory=dict)  # mention id → index in entities


def strip_comments(source: str) -> str:
    lines = [line.rstrip() for line in source.splitlines() if not line.startswith("%")]
    return "\n".join(lines).strip("\n") + "\n"


def parse_markup(source: str) -> Parsed:
    """Turn one source document into plain text plus entity, mention and quote-marker positions."""
    body = strip_comments(source)
    out: list[str] = []
    parsed = Parsed(text="")
    length = 0  # characters emitted so far
    i = 0
    mention_stack: list[int] = []  # plain-text start of each open "{"

    def fail(message: str) -> MarkupError:
        line = body.count("\n", 0, i) + 1
        return MarkupError(f"line {line}: {message}")

    while i < len(body):
        char = body[i]
        if char == "[":
            bar = body.find("|", i)
            close = body.find("]", i)
            if bar == -1 or close == -1 or bar > close:
                raise fail("'[' without '|…]'")
            surface = body[i + 1 : bar]
            if MARKUP_CHARS & set(surface) or "\n" in surface:
                raise fail(f"markup or line break inside entity {surface!r}")
            spec = ENTITY_SPEC.match(body[bar + 1 : close])
            if not spec:
                raise fail(f"bad entity spec {body[bar + 1 : close]!r}")
            start, end = length, length + len(surface)
            if spec.group(1) is None:
                parsed.silenced.append((start, end))
            else:
                parsed.entities.append((start, end, spec.group(1), bool(spec.group(2))))
                if spec.group(3):
                    ref = spec.group(3)
                    if ref in parsed.mentions or ref == "t":
                        raise fail(f"mention {ref!r} defined twice (or named 't')")
                    parsed.mentions[ref] = Mention(start, end, spec.group(4), spec.group(5))
                    parsed.entity_mentions[ref] = len(parsed.entities) - 1
            out.append(surface)
            length = end
            i = close + 1
        elif char == "{":
            mention_stack.append(length)
            i += 1
        elif char == "@":
            if not mention_stack:
                raise fail("'@' outside '{…}'")
            close = body.find("}", i)
            spec = MENTION_SPEC.match(body[i + 1 : close]) if close != -1 else None
            if not spec:
                raise fail("bad mention spec after '@'")
            ref, kind, speaker = spec.groups()
            if ref in parsed.mentions or ref == "t":
                raise fail(f"mention {ref!r} defined twice (or named 't')")
            if kind is None:
                raise fail(f"mention {ref!r} needs a kind (:role, :pronoun, …)")
            parsed.mentions[ref] = Mention(mention_stack.pop(), length, kind, speaker)
            i = close + 1
        elif char == "^":
            match = re.match(r"\^(\w+)", body[i:])
            if not match or i + match.end() >= len(body) or body[i + match.end()] not in QUOTE_PAIRS:
                raise fail("'^ref' must stand right before an opening quotation mark")
            parsed.quote_markers.append((length, match.group(1)))
            i += match.end()
        elif char in "]}|":
            raise fail(f"stray {char!r}")
        else:
            out.append(char)
            length += 1
            i += 1
    if mention_stack:
        raise MarkupError("'{' never closed")
    parsed.text = "".join(out)
    return parsed


def last_word(name: str) -> str:
    return name.split()[-1]


def fullest_person(surname: str, persons: list[str]) -> str:
    """The longest PER name of the document whose last word is `surname` (also in genitive)."""
    base = {surname, GENITIVE.sub("", surname)}
    candidates = {p for p in persons if last_word(p) in base}
    if not candidates:
        raise MarkupError(f"no PER name ends in {surname!r}")
    longest = max(len(p.split()) for p in candidates)
    best = sorted(p for p in candidates if len(p.split()) == longest)
    if len(best) > 1:
        raise MarkupError(f"{surname!r} is ambiguous ({best}); give the speaker with '=…'")
    return best[0]


def to_gold(parsed: Parsed) -> tuple[dict, list[str]]:
    """The GUIDELINES record of one document, and each speech quote's speaker kind (in quote order)."""
    text = parsed.text
    entities = [{"start": s, "end": e, "text": text[s:e], "label": label} for s, e, label, _ in sorted(parsed.entities)]
    persons = [text[s:e] for s, e, label, _ in parsed.entities if label == "PER"]
    quotes = []
    kinds = []
    for position, ref in sorted(parsed.quote_markers):
        close = QUOTE_PAIRS[text[position]]
        end = text.find(close, position + 1)
        if end == -1:
            raise MarkupError(f"quote at {position} is never closed")
        record = {"start": position + 1, "end": end, "text": text[position + 1 : end]}
        if ref == "t":
            record.update(kind="term", speaker=None, speaker_start=None, speaker_end=None)
        else:
            mention = parsed.mentions.get(ref)
            if mention is None:
                raise MarkupError(f"quote {text[position + 1 : end][:30]!r} names undefined mention {ref!r}")
            written = text[mention.start : mention.end]
            label = parsed.entities[parsed.entity_mentions[ref]][2] if ref in parsed.entity_mentions else None
            speaker = mention.speaker
            if speaker is None:
                speaker = fullest_person(last_word(written), persons) if label == "PER" else written
            kind = mention.kind or {"PER": "name", "ORG": "organisation", "LOC": "organisation"}.get(label or "")
            if kind not in SPEAKER_KINDS:
                raise MarkupError(f"mention {ref!r}: speaker kind {kind!r} is not one of {SPEAKER_KINDS}")
            kinds.append(kind)
            record.update(kind="speech", speaker=speaker, speaker_start=mention.start, speaker_end=mention.end)
        quotes.append(record)
    title = text.split("\n", 1)[0]
    return {"title": title, "date": None, "entities": entities, "quotes": quotes}, kinds


def source_files(folder: Path) -> list[Path]:
    return sorted((folder / "src").glob("*.md"))


def build(folder: Path) -> dict:
    """Regenerate every .txt and gold.json of the set from its src/*.md; returns the gold."""
    articles = {}
    for path in source_files(folder):
        try:
            parsed = parse_markup(path.read_text(encoding="utf-8"))
            record, _ = to_gold(parsed)
        except MarkupError as error:
            raise MarkupError(f"{path.name}: {error}") from None
        name = path.stem + ".txt"
        (folder / name).write_text(parsed.text, encoding="utf-8")
        articles[name] = record
    gold = {"articles": articles}
    (folder / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return gold


# --- checks ---------------------------------------------------------------------------------------


def _is_word_char(char: str) -> bool:
    return char.isalnum()


def _clean_edges(surface: str) -> bool:
    """A name starts with a letter or digit and ends in one, in an initial ("Thomas K."), a genitive
    apostrophe or a closing parenthesis of its own ("Frankfurt (Oder)")."""
    if not surface or not _is_word_char(surface[0]):
        return False
    last = surface[-1]
    return _is_word_char(last) or last == "'" or bool(INITIAL.search(surface)) or (last == ")" and "(" in surface)


def _token_bounded(text: str, start: int, end: int, hyphen_ok: bool) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if _is_word_char(before) or _is_word_char(after):
        return False
    return hyphen_ok or (before != "-" and after != "-")


def _overlapping(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    ordered = sorted(spans)
    return [b for a, b in itertools.pairwise(ordered) if b[0] < a[1]]


def check_article(
    name: str,
    text: str,
    record: dict,
    hyphen_ok: Collection[tuple[int, int]] = (),
    silenced: Collection[tuple[int, int]] = (),
) -> list[str]:
    """Every GUIDELINES rule that can be checked mechanically, for one article."""
    problems: list[str] = []

    def problem(message: str) -> None:
        problems.append(f"{name}: {message}")

    if set(record) != {"title", "date", "entities", "quotes"}:
        problem(f"keys {sorted(record)} are not title, date, entities, quotes")
        return problems
    entity_spans = []
    for entity in record["entities"]:
        s, e, surface, label = entity["start"], entity["end"], entity["text"], entity["label"]
        where = f"entity {surface!r} at {s}"
        if set(entity) != {"start", "end", "text", "label"}:
            problem(f"{where}: keys {sorted(entity)}")
        if label not in LABELS:
            problem(f"{where}: label {label!r}")
        if not (0 <= s < e <= len(text)) or text[s:e] != surface:
            problem(f"{where}: text at offsets is {text[s:e]!r}")
            continue
        if QUOTE_MARKS & set(surface):
            problem(f"{where}: contains a quotation mark")
        if not _clean_edges(surface):
            problem(f"{where}: starts or ends with space or punctuation")
        if "\n" in surface:
            problem(f"{where}: spans a line break")
        if not _token_bounded(text, s, e, (s, e) in hyphen_ok):
            problem(f"{where}: cuts a word or is part of a hyphenated compound")
        entity_spans.append((s, e))
    for s, e in _overlapping(entity_spans):
        problem(f"entities overlap at {s}–{e}")

    quote_spans = []
    mark_positions: set[int] = set()
    for quote in record["quotes"]:
        s, e, inner = quote["start"], quote["end"], quote["text"]
        where = f"quote {inner[:30]!r} at {s}"
        if set(quote) != {"start", "end", "text", "kind", "speaker", "speaker_start", "speaker_end"}:
            problem(f"{where}: keys {sorted(quote)}")
            continue
        if not (1 <= s < e < len(text)) or text[s:e] != inner:
            problem(f"{where}: text at offsets is {text[s:e]!r}")
            continue
        opening, closing = text[s - 1], text[e]
        if QUOTE_PAIRS.get(opening) != closing:
            problem(f"{where}: not the inner text of a pair of quotation marks ({opening!r}…{closing!r})")
        if QUOTE_MARKS & set(inner):
            problem(f"{where}: holds another quotation mark")
        mark_positions.update((s - 1, e))
        quote_spans.append((s, e))
        speaker, ss, se = quote["speaker"], quote["speaker_start"], quote["speaker_end"]
        if quote["kind"] == "term":
            if (speaker, ss, se) != (None, None, None):
                problem(f"{where}: a term quote has a speaker")
        elif quote["kind"] == "speech":
            if (
                not isinstance(speaker, str)
                or not speaker.strip()
                or not isinstance(ss, int)
                or not isinstance(se, int)
            ):
                problem(f"{where}: a speech quote needs a speaker and its span")
                continue
            if not (0 <= ss < se <= len(text)):
                problem(f"{where}: speaker span {ss}–{se} outside the text")
                continue
            written = text[ss:se]
            if written != written.strip() or not _token_bounded(text, ss, se, True):
                problem(f"{where}: speaker span {written!r} is not whole words")
            if ss < e and s < se:
                problem(f"{where}: speaker span lies inside the quote")
        else:
            problem(f"{where}: kind {quote['kind']!r}")
    for s, e in _overlapping(quote_spans):
        problem(f"quotes overlap at {s}–{e}")
    for position, char in enumerate(text):
        if char in QUOTE_MARKS and position not in mark_positions:
            problem(
                f"quotation mark {char!r} at {position} belongs to no annotated quote: {text[max(0, position - 30) : position + 30]!r}"
            )

    problems.extend(f"{name}: {p}" for p in _speaker_problems(text, record))
    problems.extend(f"{name}: {p}" for p in _missed_occurrences(text, record["entities"], silenced))
    return problems


def _speaker_problems(text: str, record: dict) -> list[str]:
    """A named speaker is the fullest name of the article; a resolved one is a name the article has."""
    problems = []
    names = {e["text"] for e in record["entities"]}
    persons = {e["text"] for e in record["entities"] if e["label"] == "PER"}
    entity_at = {(e["start"], e["end"]): e for e in record["entities"]}
    for quote in record["quotes"]:
        if quote["kind"] != "speech" or quote["speaker_start"] is None:
            continue
        speaker = quote["speaker"]
        written = text[quote["speaker_start"] : quote["speaker_end"]]
        mention = entity_at.get((quote["speaker_start"], quote["speaker_end"]))
        where = f"quote {quote['text'][:30]!r}"
        if speaker != written and speaker not in names:
            problems.append(
                f"{where}: speaker {speaker!r} is neither its mention {written!r} nor a name of the article"
            )
        if mention and mention["label"] == "PER" and speaker not in persons:
            problems.append(f"{where}: the mention {written!r} is a person but the speaker {speaker!r} is no PER name")
        if speaker in persons:
            fuller = [
                p for p in persons if last_word(p) == last_word(speaker) and len(p.split()) > len(speaker.split())
            ]
            if fuller:
                problems.append(f"{where}: speaker {speaker!r} but the article names {fuller[0]!r}")
    return problems


def _missed_occurrences(text: str, entities: list[dict], silenced: Collection[tuple[int, int]]) -> list[str]:
    """Each entity string (and its genitive) is tagged wherever it stands as a whole word, or silenced."""
    covered = [(e["start"], e["end"]) for e in entities] + list(silenced)
    problems = []
    for surface in sorted({e["text"] for e in entities}):
        for match in re.finditer(re.escape(surface) + "(?:s|’|')?", text):  # and its genitive
            s, e = match.span()
            if not _token_bounded(text, s, e, False):
                continue
            if not any(a <= s and e <= b for a, b in covered):
                problems.append(
                    f"{surface!r} at {s} is not tagged (or silenced with [..|-]): {text[max(0, s - 30) : e + 30]!r}"
                )
    return problems


def check_brief(name: str, text: str) -> list[str]:
    """This set's own requirements: a headline without final period, 250–500 words, plain text."""
    problems = []
    headline = text.split("\n", 1)[0]
    if not headline or headline.endswith(".") or len(headline.split()) > 16:
        problems.append(f"{name}: headline {headline!r} is empty, long or ends in a period")
    words = len(text.split())
    if not 250 <= words <= 500:
        problems.append(f"{name}: {words} words, not 250–500")
    if MARKUP_CHARS & set(text):
        problems.append(f"{name}: markup characters left in the text: {sorted(MARKUP_CHARS & set(text))}")
    return problems


def check_set(folder: Path) -> list[str]:
    """All problems of a set: its gold against its texts and, with src/, sources against both."""
    gold_path = folder / "gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    if set(gold) != {"articles"}:
        return [f"gold.json: top level keys {sorted(gold)}"]
    problems = []
    sources = {p.stem + ".txt": p for p in source_files(folder)}
    for name in sorted(gold["articles"]):
        record = gold["articles"][name]
        path = folder / name
        if not path.is_file():
            problems.append(f"{name}: no such file")
            continue
        text = path.read_text(encoding="utf-8")
        hyphen_ok: set[tuple[int, int]] = set()
        silenced: list[tuple[int, int]] = []
        if name in sources:
            try:
                parsed = parse_markup(sources[name].read_text(encoding="utf-8"))
                expected, _ = to_gold(parsed)
            except MarkupError as error:
                problems.append(f"{name}: source: {error}")
                continue
            if parsed.text != text or expected != record:
                problems.append(f"{name}: differs from its source; run build")
            hyphen_ok = {(s, e) for s, e, _, ok in parsed.entities if ok}
            silenced = parsed.silenced
        problems.extend(check_article(name, text, record, hyphen_ok, silenced))
        if sources:
            problems.extend(check_brief(name, text))
    for name in sorted(set(sources) - set(gold["articles"])):
        problems.append(f"{name}: has a source but is not in gold.json")
    return problems


def cross_document_misses(folder: Path) -> list[str]:
    """Entity strings tagged in one document and standing untagged in another (a prompt to look, not a rule)."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["articles"]
    tagged = {e["text"] for record in gold.values() for e in record["entities"] if len(e["text"]) > 2}
    notes = []
    for name, record in sorted(gold.items()):
        text = (folder / name).read_text(encoding="utf-8")
        sources = folder / "src" / (Path(name).stem + ".md")
        silenced = parse_markup(sources.read_text(encoding="utf-8")).silenced if sources.is_file() else []
        covered = [(e["start"], e["end"]) for e in record["entities"]] + silenced
        for surface in sorted(tagged):
            for match in re.finditer(re.escape(surface), text):
                s, e = match.span()
                if _token_bounded(text, s, e, False) and not any(a <= s and e <= b for a, b in covered):
                    notes.append(f"{name}: {surface!r} at {s} untagged here, tagged elsewhere")
    return notes


# --- counts -------------------------------------------------------------------------------------


def stats(folder: Path) -> dict:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["articles"]
    labels: Counter[str] = Counter()
    quote_kinds: Counter[str] = Counter()
    speaker_kinds: Counter[str] = Counter()
    quote_marks: Counter[str] = Counter()
    words = headline_entities = 0
    for name, record in gold.items():
        text = (folder / name).read_text(encoding="utf-8")
        words += len(text.split())
        headline_end = text.find("\n")
        labels.update(e["label"] for e in record["entities"])
        headline_entities += sum(e["end"] <= headline_end for e in record["entities"])
        quote_kinds.update(q["kind"] for q in record["quotes"])
        quote_marks.update(text[q["start"] - 1] + "…" + text[q["end"]] for q in record["quotes"])
    for path in source_files(folder):
        speaker_kinds.update(to_gold(parse_markup(path.read_text(encoding="utf-8")))[1])
    return {
        "documents": len(gold),
        "words": words,
        "entities": sum(labels.values()),
        "entities_per_label": dict(sorted(labels.items())),
        "entities_in_headlines": headline_entities,
        "quotes": sum(quote_kinds.values()),
        "quotes_per_kind": dict(sorted(quote_kinds.items())),
        "quotes_per_mark": dict(quote_marks.most_common()),
        "speech_quotes_per_speaker_kind": dict(speaker_kinds.most_common()),
    }


def without_headlines(folder: Path) -> dict:
    """The gold with every span of the first line dropped: the reader takes a headline as the title
    and does not analyse it, so this shows how much of a score the headlines cost."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    for name, record in gold["articles"].items():
        headline_end = (folder / name).read_text(encoding="utf-8").find("\n")
        record["entities"] = [e for e in record["entities"] if e["start"] > headline_end]
        record["quotes"] = [q for q in record["quotes"] if q["start"] > headline_end]
    return gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("build", "check", "stats", "body-gold"))
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    if args.command == "build":
        try:
            build(args.folder)
        except MarkupError as error:
            print(error, file=sys.stderr)
            return 1
        args.command = "check"
    if args.command == "check":
        problems = check_set(args.folder)
        for line in problems:
            print(line)
        for note in cross_document_misses(args.folder):
            print(f"note: {note}")
        print(f"{len(problems)} problems", file=sys.stderr)
        return 1 if problems else 0
    if args.command == "body-gold":
        print(json.dumps(without_headlines(args.folder), ensure_ascii=False))
        return 0
    print(json.dumps(stats(args.folder), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
