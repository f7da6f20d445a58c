"""REFI-QDA export: a .qdpx project (zip of project.qde and Sources/*.txt) for MAXQDA, ATLAS.ti,
NVivo and QualCoder, valid against the REFI-QDA Project schema (Project-mrt2019.xsd).

What goes where: every code of the codebook is a <Code> (nested as its path is; description =
the coding rule, color = its colour); every annotation author a <User>; every article with
placed annotations a <TextSource> whose plain text is Sources/<guid>.txt (UTF-8, the article
body exactly, so positions are character offsets into it — Python string indexes, i.e. Unicode
code points); every annotation a <PlainTextSelection> at its current place (re-anchored ones at
their new offsets) with one <Coding> per code and, for a note, a <NoteRef> to a <Note>. The
source's <Description> names the article and the text version the offsets refer to. Orphans
(no place in the current text) cannot be a selection and are left out (the command says how
many). GUIDs are stable: an annotation's id when it is a UUID, else UUID-5 names, so exporting
twice gives the same project.
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from collections.abc import Iterable, Sequence
from functools import lru_cache

from lxml import etree

from .. import __version__
from ..annotations import tag_key
from ..annotations.codebook import Code, list_codes
from .items import ExportItem

NAMESPACE = "urn:QDA-XML:project:1.0"
PROJECT_FILE = "project.qde"
SOURCES_DIR = "Sources"
_GUID_SPACE = uuid.UUID("6f1f2b1e-3c55-4f2a-9a53-2f9d8f0d5e19")  # reader's namespace for UUID-5 names
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def guid(kind: str, name: str) -> str:
    """A stable GUID for a thing of reader's (a code by key, an article by id, a user by name…)."""
    return str(uuid.uuid5(_GUID_SPACE, f"{kind}\x00{name}"))


shared_guid = lru_cache(maxsize=8192)(guid)  # codes, users, articles: asked for once per selection


def selection_guid(annotation_id: str) -> str:
    return annotation_id.lower() if _GUID.fullmatch(annotation_id) else guid("annotation", annotation_id)


def xml_text(text: str) -> str:
    """Text XML 1.0 can carry: characters it forbids (control codes) become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _element(parent: etree._Element, element: str, /, **attributes: str) -> etree._Element:
    """A child element; attribute values are GUIDs, numbers and times (only `name` is outside text)."""
    if "name" in attributes:
        attributes["name"] = xml_text(attributes["name"])
    return etree.SubElement(parent, f"{{{NAMESPACE}}}{element}", {k: v for k, v in attributes.items() if v})


def placed(items: Iterable[ExportItem]) -> list[ExportItem]:
    """The items a selection can be made of: in a library article, with a place in its current text."""
    return [item for item in items if item.article is not None and item.anchor.start is not None]


def dumps(items: list[ExportItem], exported: str, codes: Sequence[Code] = ()) -> bytes:
    """The .qdpx bytes of the placed items, with the codebook `codes` (and every code they carry)."""
    chosen = placed(items)
    tree = _project(chosen, exported, codes)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        _add(archive, PROJECT_FILE, etree.tostring(tree, xml_declaration=True, encoding="utf-8", pretty_print=True))
        seen: set[str] = set()
        for item in chosen:
            assert item.article is not None
            if item.article.id not in seen:
                seen.add(item.article.id)
                _add(archive, f"{SOURCES_DIR}/{guid('article', item.article.id)}.txt", item.article.body.encode())
    return buffer.getvalue()


def project_xml(items: list[ExportItem], exported: str, codes: Sequence[Code] = ()) -> bytes:
    """project.qde alone (the XML of `dumps`)."""
    return etree.tostring(_project(placed(items), exported, codes), xml_declaration=True, encoding="utf-8")


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, _ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


def _project(items: list[ExportItem], exported: str, codes: Sequence[Code]) -> etree._Element:
    root = etree.Element(f"{{{NAMESPACE}}}Project", nsmap={None: NAMESPACE})  # type: ignore[dict-item]
    root.set("name", "reader annotations")
    root.set("origin", f"reader {__version__}")
    root.set("creationDateTime", exported)
    authors = sorted({item.annotation.author for item in items if item.annotation.author})
    if authors:
        users = _element(root, "Users")
        for author in authors:
            _element(users, "User", guid=guid("user", author), name=author)
    all_codes = _merged_codes(codes, items)
    if all_codes:
        _codebook(_element(_element(root, "CodeBook"), "Codes"), all_codes)
    notes: list[tuple[str, ExportItem]] = []
    if items:
        sources = _element(root, "Sources")
        by_article: dict[str, list[ExportItem]] = {}
        for item in items:
            assert item.article is not None
            by_article.setdefault(item.article.id, []).append(item)
        for article_id, members in by_article.items():
            article = members[0].article
            assert article is not None
            source = _element(
                sources,
                "TextSource",
                guid=guid("article", article_id),
                name=article.title or article_id,
                plainTextPath=f"internal://{guid('article', article_id)}.txt",
            )
            description = f"reader article {article_id}, text version {article.version}"
            if article.url:
                description += f", {article.url}"
            _element(source, "Description").text = description
            for item in members:
                _selection(source, item)
                if item.annotation.note:
                    notes.append((selection_guid(item.annotation.id), item))
    if notes:
        holder = _element(root, "Notes")
        for selection, item in notes:
            annotation = item.annotation
            note = _element(
                holder,
                "Note",
                guid=guid("note", selection),
                name=f"Note on “{annotation.exact[:40]}”",
                creatingUser=shared_guid("user", annotation.author) if annotation.author else "",
                creationDateTime=annotation.created,
                modifiedDateTime=annotation.updated,
            )
            _element(note, "PlainTextContent").text = xml_text(annotation.note)
    return root


def _merged_codes(codes: Sequence[Code], items: list[ExportItem]) -> list[Code]:
    """The codebook's codes, and any code an item carries that the codebook lacks (with its parents)."""
    known = {tag_key(code.name) for code in codes}
    extra = [
        (tag, 1) for item in items for tag in item.annotation.tags if tag_key(tag) not in known
    ]  # counts do not go into the file
    if not extra:
        return list(codes)
    return list_codes({}, [*((code.name, code.count) for code in codes), *extra])


def _codebook(parent: etree._Element, codes: list[Code]) -> None:
    elements: dict[str, etree._Element] = {}
    for code in codes:  # tree order: a parent comes before its children
        holder = elements.get(tag_key(code.parent), parent) if code.parent else parent
        element = _element(holder, "Code", guid=guid("code", tag_key(code.name)), name=code.leaf, isCodable="true")
        element.set("color", code.colour)
        if code.description:
            _element(element, "Description").text = xml_text(code.description)
        elements[tag_key(code.name)] = element


def _selection(source: etree._Element, item: ExportItem) -> None:
    annotation, anchor = item.annotation, item.anchor
    assert anchor.start is not None and anchor.end is not None
    selection_id = selection_guid(annotation.id)
    user = shared_guid("user", annotation.author) if annotation.author else ""
    selection = _element(
        source,
        "PlainTextSelection",
        guid=selection_id,
        name=annotation.exact[:60],
        startPosition=str(anchor.start),
        endPosition=str(anchor.end),
        creatingUser=user,
        creationDateTime=annotation.created,
        modifyingUser=user,
        modifiedDateTime=annotation.updated,
    )
    for tag in annotation.tags:
        coding = _element(
            selection,
            "Coding",
            guid=guid("coding", f"{selection_id}\x00{tag_key(tag)}"),
            creatingUser=user,
            creationDateTime=annotation.created,
        )
        _element(coding, "CodeRef", targetGUID=shared_guid("code", tag_key(tag)))
    if annotation.note:
        _element(selection, "NoteRef", targetGUID=guid("note", selection_id))
