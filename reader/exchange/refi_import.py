"""REFI-QDA import: a .qdpx (zip) or .qde (XML) from MAXQDA, ATLAS.ti, NVivo, QualCoder or reader.

What is taken: the codebook (nested codes as "Parent/Child" paths, colours, descriptions, code
memos appended to the description), users (as annotation authors), and the PlainTextSelections
of text sources whose plain text is an article of the library — the same text, or the same text
after newline/Unicode normalisation (then each selection is found again by its text nearest to
its position), or a text that holds the article body whole (an added title: offsets shifted).
A selection's codings become its tags, its notes (NoteRef, and the selection's Description) its
note. Everything else the schema allows (variables, cases, sets, graphs, links, picture, PDF,
audio and video sources, codings of whole sources, sources matching no article) is counted and
reported, never an error. The XML is parsed without DTDs, entities or network (no XXE), the zip
read in memory within size caps (safe_archive.py).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..annotations import MAX_PASSAGE_CHARS, Annotation, AnnotationStore, Outcome, TextPosition, quote_at, utc_now
from ..annotations.codebook import CodeEntry
from ..annotations.model import clean_note
from ..annotations.tags import MAX_TAG_CHARS, clean_tag
from ..annotations.times import in_the_future, normalise_time
from ..articles import Article
from ..regular_files import FileRefused, read_regular_file
from .fields import ImportRefused, Incoming
from .importing import plan_import
from .qdpx import NAMESPACE, PROJECT_FILE, selection_guid
from .safe_archive import MAX_MEMBER_BYTES, ArchiveRefused, SafeArchive

_NS = f"{{{NAMESPACE}}}"
_KNOWN_TOP = {"Users", "CodeBook", "Sources", "Notes", "Description"}
_IGNORED_TOP = {"Variables", "Cases", "Links", "Sets", "Graphs", "NoteRef"}
_OTHER_SOURCES = {"PictureSource", "PDFSource", "AudioSource", "VideoSource"}
SLASH_IN_NAME = "\u2215"  # DIVISION SLASH: a "/" inside a code's own name, which would otherwise start a level


@dataclass
class RefiReport:
    codes_read: int = 0
    codes_added: int = 0
    read: int = 0  # selections on matched sources
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    orphaned: int = 0
    sources_matched: int = 0
    unmatched_sources: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)  # what was not imported, and how often
    dry_run: bool = False

    def summary_lines(self) -> list[str]:
        verb = "would be" if self.dry_run else "were"
        lines = [
            f"{self.codes_read} codes read, {self.codes_added} new to the codebook; "
            f"{self.read} coded passage{'s' if self.read != 1 else ''} on {self.sources_matched} matching "
            f"source{'s' if self.sources_matched != 1 else ''}: {self.added} added, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.conflicts} conflicts"
            + (f", {self.orphaned} orphaned" if self.orphaned else "")
            + (" — dry run, nothing " + verb + " written" if self.dry_run else "")
        ]
        if self.unmatched_sources:
            shown = ", ".join(repr(name) for name in self.unmatched_sources[:5])
            more = f" and {len(self.unmatched_sources) - 5} more" if len(self.unmatched_sources) > 5 else ""
            lines.append(
                f"{len(self.unmatched_sources)} text source(s) match no library article (add them with "
                f"`reader add`): {shown}{more}"
            )
        for what, count in sorted(self.skipped.items()):
            lines.append(f"not imported: {what} ({count})")
        return lines


@dataclass(frozen=True, slots=True)
class _Source:
    name: str
    text: str | None  # None when it could not be read
    element: etree._Element


def secure_parser() -> etree.XMLParser:
    """No DTD loaded, no entity expanded, no network, no huge-tree mode (no XXE, no billion laughs)."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def is_refi_path(path: Path) -> bool:
    return path.suffix.lower() in (".qdpx", ".qde")


def read_project(path: Path) -> tuple[etree._Element, SafeArchive | None, RefiReport]:
    """The parsed project.qde (and the archive for its Sources/), or ImportRefused in one line."""
    report = RefiReport()
    archive: SafeArchive | None = None
    try:
        if path.suffix.lower() == ".qdpx":
            archive = SafeArchive.open(path)
            if archive.unsafe:
                report.skipped["zip entries with unsafe names (outside the archive), never read"] += len(archive.unsafe)
            member = archive.find(PROJECT_FILE)
            if member is None:
                raise ImportRefused(f"holds no {PROJECT_FILE}")
            raw = archive.read(member)
        else:
            raw = read_regular_file(path, MAX_MEMBER_BYTES)
    except ArchiveRefused as error:
        raise ImportRefused(str(error)) from None
    except FileRefused as error:
        raise ImportRefused(str(error)) from None
    except OSError as error:
        raise ImportRefused(f"cannot be read: {error.strerror or error}") from None
    try:
        root = etree.fromstring(raw, secure_parser())
    except etree.XMLSyntaxError as error:
        raise ImportRefused(f"{PROJECT_FILE} is not well-formed XML ({error.msg})") from None
    if root.getroottree().docinfo.doctype:  # type: ignore[union-attr]
        report.skipped["a DOCTYPE (DTDs and entities are never loaded)"] += 1
    if root.tag != f"{_NS}Project":
        raise ImportRefused(f"is not a REFI-QDA project (the root is {etree.QName(root).localname!r}, not Project)")
    return root, archive, report


def import_refi(store: AnnotationStore, articles: Iterable[Article], path: Path, dry_run: bool = False) -> RefiReport:
    """Bring in a project's codebook and its codings on library articles; report everything else."""
    path = Path(path)
    root, archive, report = read_project(path)
    report.dry_run = dry_run
    try:
        library = list(articles)
        users = {_guid(user.get("guid")): user.get("name") or "" for user in root.iter(f"{_NS}User")}
        notes = _notes(root, archive, report)
        codes, entries = _codebook(root, notes, report)
        incoming = _selections(root, archive, library, users, codes, notes, report)
        for child in root:
            name = _local(child)
            if name in _IGNORED_TOP:
                report.skipped[name] += max(1, len(child))
            elif name not in _KNOWN_TOP:
                report.skipped[f"unknown element {name}"] += 1
    finally:
        if archive is not None:
            archive.close()
    known_codes = {code.name for code in store.codebook()}
    report.codes_added = sum(1 for entry in entries if entry.name not in known_codes)
    planned, orphaned = plan_import(store, library, incoming)
    report.read, report.orphaned = len(planned), orphaned
    if not dry_run and entries:
        store.define_codes(entries)
    counts = Counter(store.merge(planned, dry_run=dry_run))
    report.added, report.updated, report.conflicts = (
        counts[Outcome.ADDED],
        counts[Outcome.UPDATED],
        counts[Outcome.CONFLICT],
    )
    report.unchanged = counts[Outcome.UNCHANGED] + counts[Outcome.KEPT_LOCAL]
    return report


def _local(element: etree._Element) -> str:
    if not isinstance(element.tag, str):
        return "(entity or comment)"
    qname = etree.QName(element)
    return qname.localname if qname.namespace == NAMESPACE else f"{{{qname.namespace}}}{qname.localname}"


def _guid(value: str | None) -> str:
    return (value or "").strip().strip("{}").lower()


def _text_of(element: etree._Element | None) -> str:
    """An element's text content (entity references, never expanded, contribute nothing)."""
    if element is None:
        return ""
    pieces = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            pieces.append(_text_of(child))
        pieces.append(child.tail or "")  # an entity reference's own "&name;" is left out, what follows is kept
    return "".join(pieces)


def _child(element: etree._Element, name: str) -> etree._Element | None:
    return element.find(f"{_NS}{name}")


def _plain_text(element: etree._Element, archive: SafeArchive | None, report: RefiReport) -> str | None:
    """A TextSource's (or Note's) plain text: inline, or internal://… in the archive's Sources/."""
    content = _child(element, "PlainTextContent")
    if content is not None:
        return _text_of(content)
    where = element.get("plainTextPath") or ""
    if not where:
        return None
    if not where.startswith("internal://"):
        report.skipped["sources whose text is outside the project (plainTextPath not internal://)"] += 1
        return None
    if archive is None:
        report.skipped["sources whose text is in a .qdpx's Sources/ (import the .qdpx, not the .qde)"] += 1
        return None
    member = archive.find(f"Sources/{where.removeprefix('internal://')}")
    if member is None:
        report.skipped["sources whose Sources/ file is missing or unsafely named"] += 1
        return None
    try:
        raw = archive.read(member)
    except ArchiveRefused as error:
        raise ImportRefused(str(error)) from None
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        report.skipped["sources whose plain text is not UTF-8"] += 1
        return None


def _notes(root: etree._Element, archive: SafeArchive | None, report: RefiReport) -> dict[str, str]:
    notes: dict[str, str] = {}
    holder = _child(root, "Notes")
    if holder is None:
        return notes
    for note in holder.iterfind(f"{_NS}Note"):
        text = _plain_text(note, archive, report)
        if text is not None and text.strip():
            notes[_guid(note.get("guid"))] = clean_note(text)
    return notes


def _codebook(
    root: etree._Element, notes: dict[str, str], report: RefiReport
) -> tuple[dict[str, str], list[CodeEntry]]:
    """Code GUID -> path, and the codebook entries, from the nested <Code>s."""
    paths: dict[str, str] = {}
    entries: list[CodeEntry] = []
    codes = root.find(f"{_NS}CodeBook/{_NS}Codes")
    if codes is None:
        return paths, entries

    def visit(element: etree._Element, parent: str) -> None:
        leaf = clean_tag((element.get("name") or "").replace("/", SLASH_IN_NAME)) or "(unnamed code)"
        path = f"{parent}/{leaf}" if parent else leaf
        report.codes_read += 1
        if len(path) > MAX_TAG_CHARS:
            report.skipped[f"codes nested deeper than {MAX_TAG_CHARS} characters of path (and their codings)"] += 1
            return
        paths[_guid(element.get("guid"))] = path
        memos = [notes[_guid(ref.get("targetGUID"))] for ref in element.iterfind(f"{_NS}NoteRef")]
        description = "\n\n".join(part for part in [_text_of(_child(element, "Description")).strip(), *memos] if part)
        entries.append(CodeEntry(path, description[:20_000], _colour(element.get("color"))))
        for child in element.iterfind(f"{_NS}Code"):
            visit(child, path)

    for code in codes.iterfind(f"{_NS}Code"):
        visit(code, "")
    return paths, entries


def _colour(value: str | None) -> str:
    value = (value or "").strip()
    if len(value) == 4 and value.startswith("#"):
        value = "#" + "".join(c * 2 for c in value[1:])
    return value.lower() if len(value) == 7 and value.startswith("#") else ""


def _normal_passage(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _normal(text: str) -> str:
    return _normal_passage(text).strip()


def _match(text: str, library: list[Article], by_normal: dict[str, Article]) -> tuple[Article, int, bool] | None:
    """(article, offset of the article body in the text, whether the text is the body exactly)."""
    for article in library:
        if article.body == text:
            return article, 0, True
    normalised = by_normal.get(_normal(text))
    if normalised is not None:
        return normalised, 0, False
    for article in library:
        if len(article.body) >= 200 and article.body in text:
            return article, text.index(article.body), True
    return None


def _selections(
    root: etree._Element,
    archive: SafeArchive | None,
    library: list[Article],
    users: dict[str, str],
    codes: dict[str, str],
    notes: dict[str, str],
    report: RefiReport,
) -> list[Incoming]:
    sources = _child(root, "Sources")
    if sources is None:
        return []
    by_normal = {_normal(article.body): article for article in library}
    default_user = users.get(_guid(root.get("creatingUserGUID")), "")
    incoming: list[Incoming] = []
    seen: set[str] = set()
    for index, source in enumerate(sources):
        kind = _local(source)
        if kind in _OTHER_SOURCES:
            report.skipped[f"{kind}s (reader annotates text)"] += 1
            continue
        if kind != "TextSource":
            report.skipped[f"unknown element {kind} in Sources"] += 1
            continue
        name = source.get("name") or f"source {index + 1}"
        text = _plain_text(source, archive, report)
        if text is None:
            report.unmatched_sources.append(name)
            continue
        found = _match(text, library, by_normal)
        if found is None:
            report.unmatched_sources.append(name)
            continue
        report.sources_matched += 1
        article, offset, exact = found
        if list(source.iterfind(f"{_NS}Coding")):
            report.skipped["codings of a whole source (no passage)"] += len(list(source.iterfind(f"{_NS}Coding")))
        for number, selection in enumerate(source.iterfind(f"{_NS}PlainTextSelection")):
            where = f"{name}: selection {number + 1}"
            item = _incoming(selection, text, article, offset, exact, users, default_user, codes, notes, report, where)
            if item is None:
                continue
            if item.annotation.id in seen:
                report.skipped["selections whose GUID appears twice (the first kept)"] += 1
                continue
            seen.add(item.annotation.id)
            incoming.append(item)
    return incoming


def _incoming(
    selection: etree._Element,
    text: str,
    article: Article,
    offset: int,
    exact: bool,
    users: dict[str, str],
    default_user: str,
    codes: dict[str, str],
    notes: dict[str, str],
    report: RefiReport,
    where: str,
) -> Incoming | None:
    try:
        start, end = int(selection.get("startPosition") or ""), int(selection.get("endPosition") or "")
    except ValueError:
        report.skipped["selections without whole-number positions"] += 1
        return None
    if not 0 <= start < end <= len(text):
        report.skipped["selections outside their source's text"] += 1
        return None
    body = article.body
    if exact:
        start, end = start - offset, end - offset
        if not 0 <= start < end <= len(body):
            report.skipped["selections outside the article body (e.g. on an added title)"] += 1
            return None
    else:
        placed = _find_near(body, _normal_passage(text[start:end]), start)
        if placed is None:
            report.skipped["selections whose text is not in the article"] += 1
            return None
        start, end = placed
    if end - start > MAX_PASSAGE_CHARS:
        report.skipped[f"selections longer than {MAX_PASSAGE_CHARS:,} characters"] += 1
        return None
    tags: list[str] = []
    note_parts = [_text_of(_child(selection, "Description")).strip()]
    note_parts += [notes.get(_guid(ref.get("targetGUID")), "") for ref in selection.iterfind(f"{_NS}NoteRef")]
    author = users.get(_guid(selection.get("creatingUser")), "")
    for coding in selection.iterfind(f"{_NS}Coding"):
        ref = _child(coding, "CodeRef")
        path = codes.get(_guid(ref.get("targetGUID") if ref is not None else ""))
        if path is None:
            report.skipped["codings whose code is not in the codebook"] += 1
            continue
        tags.append(path)
        author = author or users.get(_guid(coding.get("creatingUser")), "")
        note_parts += [notes.get(_guid(r.get("targetGUID")), "") for r in coding.iterfind(f"{_NS}NoteRef")]
    created = _time(selection.get("creationDateTime"), report)
    updated = _time(selection.get("modifiedDateTime"), report) if selection.get("modifiedDateTime") else created
    annotation = Annotation(
        id=selection_guid(_guid(selection.get("guid")) or f"{article.id}:{start}:{end}"),
        article_id=article.id,
        article_version=article.version,
        position=TextPosition(start, end),
        quote=quote_at(body, start, end),
        tags=tuple(dict.fromkeys(tags)),
        note="\n\n".join(dict.fromkeys(part for part in note_parts if part)),
        author=author or default_user,
        created=created,
        updated=max(updated, created),
    )
    return Incoming(annotation, where, f"{where}.startPosition", f"{where}.text")


def _find_near(body: str, wanted: str, near: int) -> tuple[int, int] | None:
    if not wanted:
        return None
    best: int | None = None
    at = body.find(wanted)
    while at != -1:
        if best is None or abs(at - near) < abs(best - near):
            best = at
        at = body.find(wanted, at + 1)
    return (best, best + len(wanted)) if best is not None else None


def _time(value: str | None, report: RefiReport) -> str:
    if value:
        try:
            normalised = normalise_time(value.strip())
            if not in_the_future(normalised):
                return normalised
        except ValueError:
            pass
        report.skipped["times unreadable or in the future (the import time used)"] += 1
    return utc_now()
