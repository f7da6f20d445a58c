#!/usr/bin/env python3
"""Build and validate a news CHECK set (benchmarks/data/news_check/ by default) from its markup sources.

The articles are written in a small inline markup (src/*.src) so that offsets are never
counted by hand; this module turns them into the plain-text files and gold.json in the format of
../shared/eval/GUIDELINES.md, and checks every rule of that format mechanically.

Markup (one source file per article):

    % key = Canonical Speaker     a speaker: the fullest name in the article, or the source as worded
    first text line               the headline (becomes "title"; not annotated, the reader strips it)
    [Boris Pistorius|PER]         an entity; an optional `#id` after the label makes it a speaker mention
    {ein Sprecher#key.2:role}     a speaker mention that is not an entity (kinds: role group org pron doc);
                                  it may contain an entity: {der Chef von [Bosch|ORG]#b:role}
    „⟨S key.2|inner text⟩“        a speech quote whose speaker mention is `key.2` (speaker `key`)
    „⟨T|inner text⟩“              a term quote (scare quotes, titles, slogans, mentioned words)

A mention id is `key` or `key.anything`; the part before the dot names the speaker. The quotation
marks stay in the text, outside the ⟨…⟩, so the quote span is exactly their inner text.

    python benchmarks/checkset_tools.py build      # src/*.src -> *.txt + gold.json
    python benchmarks/checkset_tools.py check      # validate the committed files
    python benchmarks/checkset_tools.py stats      # counts for the README

Every command takes the set's directory, `--set=benchmarks/data/news_check2`; without it the command
works on news_check, the first set. One source `src/NAME.src` builds `NAME.txt`.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

SET_DIR = Path(__file__).resolve().parent / "data" / "news_check"
GOLD_NAME = "gold.json"

LABELS = ("PER", "LOC", "ORG", "MISC")
MENTION_KINDS = {"role": "role", "group": "group", "org": "organisation", "pron": "pronoun", "doc": "document"}
ENTITY_MENTION_KINDS = {"PER": "name", "ORG": "organisation", "LOC": "organisation", "MISC": "organisation"}
# opening mark -> closing marks it may pair with
QUOTE_PAIRS = {"„": "“", "“": "”", "»": "«", "«": "»", '"': '"'}
QUOTE_MARKS = set("„“”»«\"‚‘’'")
WORDS_MIN, WORDS_MAX = 250, 550
HEADLINE_MAX_WORDS = 16
HEADLINE_MAX_CHARS = 120  # the reader's own headline limits (reader/articles/infer.py)


class MarkupError(ValueError):
    """A source file that does not parse; the message names the file and position."""


@dataclass
class Mention:
    start: int
    end: int
    kind: str


@dataclass
class Parsed:
    text: str = ""
    entities: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)  # speaker fields filled after parsing
    mentions: dict[str, Mention] = field(default_factory=dict)
    speakers: dict[str, str] = field(default_factory=dict)


class _Parser:
    """A recursive-descent reader of the markup; builds the plain text and records spans."""

    def __init__(self, source: str, name: str) -> None:
        self.src, self.name, self.i = source, name, 0
        self.out: list[str] = []
        self.pos = 0
        self.result = Parsed()

    def fail(self, message: str) -> None:
        line = self.src.count("\n", 0, self.i) + 1
        raise MarkupError(f"{self.name}:{line}: {message}")

    def emit(self, chunk: str) -> None:
        self.out.append(chunk)
        self.pos += len(chunk)

    def until(self, stops: str) -> str:
        """Raw text up to (not including) the first of `stops`; consumes it."""
        j = self.i
        while j < len(self.src) and self.src[j] not in stops:
            j += 1
        if j == len(self.src):
            self.fail(f"expected one of {stops!r}")
        raw, self.i = self.src[self.i : j], j + 1
        return raw

    def body(self, stop: str | None) -> None:
        """Text and markup up to `stop` (consumed) or the end."""
        while self.i < len(self.src):
            ch = self.src[self.i]
            if stop is not None and ch == stop:
                self.i += 1
                return
            if ch in "]}⟩" and stop is None:
                self.fail(f"stray {ch!r}")
            self.i += 1
            if ch == "[":
                self.entity()
            elif ch == "{":
                self.mention()
            elif ch == "⟨":
                self.quote()
            else:
                self.emit(ch)
        if stop is not None:
            self.fail(f"unclosed markup, expected {stop!r}")

    def entity(self) -> None:
        start = self.pos
        inner = self.until("|")
        if any(c in inner for c in "[]{}⟨⟩#"):
            self.fail(f"markup inside entity {inner!r}")
        self.emit(inner)
        label, _, mention_id = self.until("]").partition("#")
        if label not in LABELS:
            self.fail(f"unknown label {label!r}")
        self.result.entities.append({"start": start, "end": self.pos, "text": inner, "label": label})
        if mention_id:
            self.add_mention(mention_id, Mention(start, self.pos, ENTITY_MENTION_KINDS[label]))

    def mention(self) -> None:
        start = self.pos
        self.body("#")
        mention_id, _, kind = self.until("}").partition(":")
        if kind not in MENTION_KINDS:
            self.fail(f"mention {mention_id!r} needs a kind among {sorted(MENTION_KINDS)}")
        self.add_mention(mention_id, Mention(start, self.pos, MENTION_KINDS[kind]))

    def add_mention(self, mention_id: str, mention: Mention) -> None:
        if mention_id in self.result.mentions:
            self.fail(f"mention id {mention_id!r} used twice")
        self.result.mentions[mention_id] = mention

    def quote(self) -> None:
        head = self.until("|").split()
        start = self.pos
        self.body("⟩")
        if head == ["T"]:
            ref = None
        elif len(head) == 2 and head[0] == "S":
            ref = head[1]
        else:
            self.fail(f"quote header must be 'T' or 'S <mention>', got {' '.join(head)!r}")
        self.result.quotes.append({"start": start, "end": self.pos, "kind": "speech" if ref else "term", "ref": ref})


def parse_source(source: str, name: str) -> Parsed:
    """Parse one markup file: `%` header lines, then the article."""
    lines = source.split("\n")
    speakers: dict[str, str] = {}
    while lines and lines[0].startswith("%"):
        key, sep, value = lines.pop(0)[1:].partition("=")
        if not sep or not key.strip() or not value.strip():
            raise MarkupError(f"{name}: bad header line, expected '% key = Speaker'")
        speakers[key.strip()] = value.strip()
    parser = _Parser("\n".join(lines).strip("\n") + "\n", name)
    parser.body(None)
    result = parser.result
    result.text = "".join(parser.out)
    result.speakers = speakers
    for quote in result.quotes:
        quote["text"] = result.text[quote["start"] : quote["end"]]
    return result


def to_gold(parsed: Parsed, name: str) -> dict:
    """The GUIDELINES record of one article; speaker mentions resolved to their speaker."""
    quotes = []
    for q in parsed.quotes:
        record = {
            "start": q["start"],
            "end": q["end"],
            "text": q["text"],
            "kind": q["kind"],
            "speaker": None,
            "speaker_start": None,
            "speaker_end": None,
        }
        if q["ref"]:
            mention = parsed.mentions.get(q["ref"])
            key = q["ref"].split(".")[0]
            if mention is None or key not in parsed.speakers:
                raise MarkupError(f"{name}: quote {q['text'][:30]!r} refers to unknown mention/speaker {q['ref']!r}")
            record.update(speaker=parsed.speakers[key], speaker_start=mention.start, speaker_end=mention.end)
        quotes.append(record)
    first_line = parsed.text.split("\n", 1)[0]
    return {
        "title": first_line,
        "date": None,
        "entities": sorted(parsed.entities, key=lambda e: e["start"]),
        "quotes": sorted(quotes, key=lambda q: q["start"]),
    }


def mention_kinds(parsed: Parsed) -> list[str]:
    """The kind of the attribution mention of every speech quote (for the README counts)."""
    return [parsed.mentions[q["ref"]].kind for q in parsed.quotes if q["ref"]]


def build(set_dir: Path = SET_DIR) -> dict:
    """Write every article's text file and gold.json from src/; return the gold."""
    gold = {}
    for src in sorted((set_dir / "src").glob("*.src")):
        name = src.stem + ".txt"
        parsed = parse_source(src.read_text(encoding="utf-8"), src.name)
        (set_dir / name).write_text(parsed.text, encoding="utf-8")
        gold[name] = to_gold(parsed, src.name)
    (set_dir / GOLD_NAME).write_text(
        json.dumps({"articles": gold}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return gold


# --- validation -------------------------------------------------------------------------------


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _headline_problems(name: str, text: str, title: object) -> list[str]:
    first = text.split("\n", 1)[0]
    problems = []
    if title != first:
        problems.append(f"{name}: title {title!r} is not the first line {first!r}")
    if (
        not first.strip()
        or len(first.split()) > HEADLINE_MAX_WORDS
        or len(first) > HEADLINE_MAX_CHARS
        or first.rstrip().rstrip("\"'“”«»‘’")[-1:] in ".!?:;…,"
    ):
        problems.append(f"{name}: first line is not a short headline without final period: {first!r}")
    return problems


def _entity_problems(name: str, text: str, entities: list[dict]) -> list[str]:
    problems = []
    last_end = -1
    for e in entities:
        if set(e) != {"start", "end", "text", "label"}:
            problems.append(f"{name}: entity fields {sorted(e)}")
            continue
        s, t = e["start"], e["end"]
        where = f"{name}: entity {e['text']!r}@{s}"
        if not (isinstance(s, int) and isinstance(t, int) and 0 <= s < t <= len(text)):
            problems.append(f"{where}: bad offsets")
            continue
        if text[s:t] != e["text"]:
            problems.append(f"{where}: text[{s}:{t}] is {text[s:t]!r}")
        if e["label"] not in LABELS:
            problems.append(f"{where}: label {e['label']!r}")
        if s < last_end:
            problems.append(f"{where}: overlaps the previous entity (or entities not sorted)")
        if QUOTE_MARKS & set(e["text"]):
            problems.append(f"{where}: contains a quotation mark")
        if e["text"] != e["text"].strip() or "\n" in e["text"]:
            problems.append(f"{where}: leading/trailing whitespace or line break")
        # whole tokens: a span never starts or ends inside a word (genitive -s belongs to the span)
        if (s > 0 and _is_word_char(text[s - 1]) and _is_word_char(text[s])) or (
            t < len(text) and _is_word_char(text[t]) and _is_word_char(text[t - 1])
        ):
            problems.append(f"{where}: cuts a word")
        if s > 0 and text[s - 1] == "-" and s > 1 and _is_word_char(text[s - 2]):
            problems.append(f"{where}: is the tail of a hyphenated compound")
        if (
            t < len(text)
            and text[t] == "-"
            and t + 1 < len(text)
            and _is_word_char(text[t + 1])
            and e["text"] not in ("F-22", "B-2")
            and not re.fullmatch(r"[A-Z]+-\d+", e["text"])
        ):
            problems.append(f"{where}: is the head of a hyphenated compound (compounds are no entities)")
        last_end = max(last_end, t)
    return problems


def _quote_problems(name: str, text: str, quotes: list[dict], entities: list[dict], body_start: int) -> list[str]:
    problems = []
    spans = []
    for q in quotes:
        keys = {"start", "end", "text", "kind", "speaker", "speaker_start", "speaker_end"}
        if set(q) != keys:
            problems.append(f"{name}: quote fields {sorted(q)}")
            continue
        s, t = q["start"], q["end"]
        where = f"{name}: quote {q['text'][:40]!r}@{s}"
        if not (isinstance(s, int) and isinstance(t, int) and 1 <= s < t < len(text)):
            problems.append(f"{where}: bad offsets")
            continue
        if text[s:t] != q["text"]:
            problems.append(f"{where}: text[{s}:{t}] is {text[s:t]!r}")
        opening, closing = text[s - 1], text[t]
        if opening not in QUOTE_PAIRS or closing not in QUOTE_PAIRS[opening]:
            problems.append(f"{where}: not the inner text of a pair of quotation marks ({opening!r}…{closing!r})")
        if QUOTE_MARKS & set(q["text"]) - {"'", "’"}:
            problems.append(f"{where}: holds a quotation mark (nested quotes are not used in this set)")
        spans.append((s - 1, t + 1))
        if q["kind"] == "term":
            if (q["speaker"], q["speaker_start"], q["speaker_end"]) != (None, None, None):
                problems.append(f"{where}: a term quote has a speaker")
        elif q["kind"] == "speech":
            ss, se = q["speaker_start"], q["speaker_end"]
            if not q["speaker"] or not isinstance(ss, int) or not isinstance(se, int) or not 0 <= ss < se <= len(text):
                problems.append(f"{where}: a speech quote needs a speaker and a speaker span")
                continue
            if not (se <= s - 1 or ss >= t + 1):
                problems.append(f"{where}: the speaker span lies inside the quote")
            mention = text[ss:se]
            if mention != mention.strip() or "\n" in mention:
                problems.append(f"{where}: speaker mention {mention!r} has outer whitespace or a line break")
            problems += _speaker_name_problems(where, q["speaker"], text, entities)
        else:
            problems.append(f"{where}: kind {q['kind']!r}")
    spans.sort()
    for (_, b), (c, _) in itertools.pairwise(spans):
        if c < b:
            problems.append(f"{name}: quotes overlap at {c}")
    problems += _unannotated_quote_problems(name, text, spans, body_start)
    return problems


def _speaker_name_problems(where: str, speaker: str, text: str, entities: list[dict]) -> list[str]:
    """A named speaker is the fullest name the article gives; a worded source occurs in the text."""
    persons = {e["text"] for e in entities if e["label"] == "PER"}
    names = {e["text"] for e in entities}
    if speaker in names:
        fuller = [p for p in persons if p != speaker and p.endswith(" " + speaker)]
        return [f"{where}: speaker {speaker!r} but the article names {fuller[0]!r}"] if fuller else []
    if speaker.lower() in text.lower():
        return []
    return [f"{where}: speaker {speaker!r} is neither an entity of the article nor worded in it"]


def _unannotated_quote_problems(name: str, text: str, spans: list[tuple[int, int]], body_start: int) -> list[str]:
    """Every quotation mark after the headline is the opening or closing mark of an annotated quote."""
    used = {i for span in spans for i in (span[0], span[1] - 1)}
    marks = {i for i, ch in enumerate(text) if ch in '„“”»«"' and i >= body_start}
    return [
        f"{name}: quotation mark at {i} ({text[max(0, i - 20) : i + 20]!r}) is not part of an annotated quote"
        for i in sorted(marks - used)
    ]


def validate(set_dir: Path = SET_DIR) -> list[str]:
    """Every GUIDELINES rule that can be checked mechanically; returns the problems found."""
    gold_path = set_dir / GOLD_NAME
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    if set(data) != {"articles"}:
        return [f"{gold_path}: top level must be {{'articles': …}}"]
    articles = data["articles"]
    problems = []
    files = sorted(p.name for p in set_dir.glob("*.txt"))
    if sorted(articles) != files:
        problems.append(f"gold names {sorted(articles)} != files {files}")
    for name, art in sorted(articles.items()):
        if set(art) != {"title", "date", "entities", "quotes"}:
            problems.append(f"{name}: article fields {sorted(art)}")
            continue
        path = set_dir / name
        if not path.exists():
            continue
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        if raw.startswith(b"\xef\xbb\xbf") or "\r" in text:
            problems.append(f"{name}: BOM or CR in the file")
        if art["date"] is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(art["date"])):
            problems.append(f"{name}: date {art['date']!r}")
        words = len(text.split())
        if not WORDS_MIN <= words <= WORDS_MAX:
            problems.append(f"{name}: {words} words, outside {WORDS_MIN}–{WORDS_MAX}")
        problems += _headline_problems(name, text, art["title"])
        headline_end = len(text.split("\n", 1)[0])
        if any(e["start"] < headline_end for e in art["entities"]) or any(
            q["start"] < headline_end for q in art["quotes"]
        ):
            problems.append(f"{name}: the headline is the title, not annotated (README convention)")
        problems += _entity_problems(name, text, art["entities"])
        problems += _quote_problems(name, text, art["quotes"], art["entities"], headline_end)
        if sorted(art["quotes"], key=lambda q: q["start"]) != art["quotes"]:
            problems.append(f"{name}: quotes not sorted by start")
    return problems


def stats(set_dir: Path = SET_DIR) -> dict:
    """Counts for the README: documents, words, entities per label, quotes by kind, speaker kinds."""
    gold = json.loads((set_dir / GOLD_NAME).read_text(encoding="utf-8"))["articles"]
    labels: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    speaker_kinds: Counter[str] = Counter()
    words = 0
    for name, art in gold.items():
        words += len((set_dir / name).read_text(encoding="utf-8").split())
        labels.update(e["label"] for e in art["entities"])
        kinds.update(q["kind"] for q in art["quotes"])
    for src in sorted((set_dir / "src").glob("*.src")):
        speaker_kinds.update(mention_kinds(parse_source(src.read_text(encoding="utf-8"), src.name)))
    return {
        "documents": len(gold),
        "words": words,
        "entities": sum(labels.values()),
        "entities_per_label": dict(sorted(labels.items())),
        "quotes": dict(sorted(kinds.items())),
        "speech_by_speaker_mention": dict(speaker_kinds.most_common()),
    }


def sources_in_sync(set_dir: Path = SET_DIR) -> list[str]:
    """The committed texts and gold are exactly what the sources build to."""
    problems = []
    gold = json.loads((set_dir / GOLD_NAME).read_text(encoding="utf-8"))["articles"]
    for src in sorted((set_dir / "src").glob("*.src")):
        name = src.stem + ".txt"
        parsed = parse_source(src.read_text(encoding="utf-8"), src.name)
        if (set_dir / name).read_text(encoding="utf-8") != parsed.text:
            problems.append(f"{name}: text differs from its source; run `checkset_tools.py build`")
        if gold.get(name) != to_gold(parsed, src.name):
            problems.append(f"{name}: gold differs from its source; run `checkset_tools.py build`")
    return problems


def _parse_args(argv: list[str]) -> tuple[str, Path] | None:
    """`[COMMAND] [--set=DIR]` in any order; None when an argument is not one of these."""
    command, set_dir = "check", SET_DIR
    for arg in argv[1:]:
        if arg.startswith("--set="):
            set_dir = Path(arg.removeprefix("--set="))
        elif arg.startswith("-"):
            return None
        else:
            command = arg
    return command, set_dir


def main(argv: list[str]) -> int:
    parsed = _parse_args(argv)
    if parsed is None:
        print(__doc__)
        return 2
    command, set_dir = parsed
    if not (set_dir / "src").is_dir():
        print(f"{set_dir}: not a check set (no src/ folder)")
        return 2
    if command == "build":
        try:
            build(set_dir)
        except MarkupError as error:
            print(error)
            return 1
    if command in ("build", "check"):
        problems = validate(set_dir) + sources_in_sync(set_dir)
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problems")
        return 1 if problems else 0
    if command == "stats":
        print(json.dumps(stats(set_dir), ensure_ascii=False, indent=1))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
