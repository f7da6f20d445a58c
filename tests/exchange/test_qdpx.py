"""REFI-QDA: the .qdpx export validates against the official schema and round-trips; a MAXQDA-style
project with hundreds of nested codes imports whole; hostile XML and zips are refused or reported."""

from __future__ import annotations

import io
import random
import uuid
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from reader.annotations import Annotation, AnnotationStore, TextPosition, quote_at
from reader.articles import Library
from reader.exchange import export_bytes
from reader.exchange import safe_archive as safe_archive_module
from reader.exchange.fields import ImportRefused
from reader.exchange.qdpx import NAMESPACE, PROJECT_FILE
from reader.exchange.refi_import import import_refi

# The REFI-QDA Project schema, MIT licence (header kept in the file): https://www.qdasoftware.org
SCHEMA = Path(__file__).parent / "data" / "Project-mrt2019.xsd"
NS = f"{{{NAMESPACE}}}"


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def _project(data: bytes) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(PROJECT_FILE))


def _fill(library: Library, count: int) -> AnnotationStore:
    """`count` annotations over the sample articles: nested codes, notes, three authors."""
    rng = random.Random(19)
    articles = library.articles()
    codes = ["Framing/Konflikt", "Framing/Personalisierung", "Akteure/Trump", "Akteure/Putin", "Ton", "Ton/Ironie"]
    batch = []
    for number in range(count):
        article = articles[number % len(articles)]
        start = rng.randrange(0, len(article.body) - 80)
        end = start + rng.randrange(1, 80)
        batch.append(
            Annotation(
                id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                article_id=article.id,
                article_version=article.version,
                position=TextPosition(start, end),
                quote=quote_at(article.body, start, end),
                tags=tuple(rng.sample(codes, rng.randrange(0, 3))),
                note=rng.choice(["", "Ironie? \u201eso\u201c gesagt", "zweizeilig\nNotiz"]),
                author=rng.choice(["anna", "ben", "cem"]),
                created="2025-08-16T09:30:00.000Z",
                updated="2025-08-17T10:00:00.000Z",
            )
        )
    store = AnnotationStore.open(library)
    store.put_many(batch)
    store.define_code("Framing", description="Wie wird das Treffen gerahmt?", colour="#336699")
    return store


def _passages(store: AnnotationStore) -> set[tuple[object, ...]]:
    return {(a.id, a.article_id, a.start, a.end, a.exact, a.tags, a.note, a.author, a.created) for a in store.all()}


def test_a_thousand_annotations_validate_and_round_trip(
    library: Library, second_library: Library, schema: etree.XMLSchema, tmp_path: Path
) -> None:
    store = _fill(library, 1000)
    data = export_bytes(store, library, "qdpx", codes=store.codebook())
    project = _project(data)
    assert schema.validate(project), schema.error_log
    assert len(project.findall(f".//{NS}PlainTextSelection")) == 1000
    path = tmp_path / "projekt.qdpx"
    path.write_bytes(data)
    empty = AnnotationStore.open(second_library)
    report = import_refi(empty, second_library.articles(), path)
    assert (report.read, report.added, report.unmatched_sources, dict(report.skipped)) == (1000, 1000, [], {})
    reopened = AnnotationStore.open(second_library)
    assert _passages(reopened) == _passages(store)
    assert [(c.name, c.colour, c.description, c.count) for c in reopened.codebook()] == [
        (c.name, c.colour, c.description, c.count) for c in store.codebook()
    ]
    again = import_refi(reopened, second_library.articles(), path)
    assert (again.added, again.unchanged) == (0, 1000)
    assert _stable(export_bytes(reopened, second_library, "qdpx", codes=reopened.codebook())) == _stable(data)


def _stable(data: bytes) -> bytes:
    """A project without its export time (the only part that differs between two exports)."""
    project = _project(data)
    del project.attrib["creationDateTime"]
    return etree.tostring(project)


def test_re_anchored_annotations_are_exported_at_their_current_place(library: Library, schema: etree.XMLSchema) -> None:
    article = library.get("treffen-trump-putin-no-deal")
    store = AnnotationStore.open(library)
    passage = article.body[200:240]
    added = store.add(article, 200, 240, ["Ton"])
    article.path.write_text(article.path.read_text(encoding="utf-8").replace(passage, "Neu eingefügt. " + passage, 1))
    changed = library.get(article.id)
    project = _project(export_bytes(store, library, "qdpx", codes=store.codebook()))
    assert schema.validate(project), schema.error_log
    selection = project.find(f".//{NS}PlainTextSelection[@guid='{added.id}']")
    assert selection is not None
    start, end = int(selection.get("startPosition", "")), int(selection.get("endPosition", ""))
    assert changed.body[start:end] == passage and start != 200
    description = project.find(f".//{NS}TextSource/{NS}Description")
    assert description is not None and f"text version {changed.version}" in (description.text or "")


def _braced_guid() -> str:
    return "{" + str(uuid.uuid4()).upper() + "}"  # as MAXQDA writes them


def _element(tag: str, parent: etree._Element | None = None, **attributes: str) -> etree._Element:
    if parent is None:
        return etree.Element(NS + tag, attributes, nsmap={None: NAMESPACE})  # type: ignore[dict-item]
    return etree.SubElement(parent, NS + tag, attributes)


def _maxqda_project(library: Library, codes_per_level: int = 8) -> tuple[bytes, int]:
    """A project as MAXQDA 2020 writes it (by the schema): users, a codebook three levels deep with
    colours, descriptions and code memos, a text source with CRLF line ends (MAXQDA's) that is a
    library article, one that is not, a picture source, variables and sets."""
    article = library.get("treffen-trump-putin-no-deal")
    g, E = _braced_guid, _element
    user = g()
    root = E("Project", name="Gipfel", origin="MAXQDA 2020 (Release 20.4.1)", creatingUserGUID=user)
    users = E("Users", root)
    E("User", users, guid=user, name="Anna Analystin", id="AA")
    E("User", users, guid=g(), name="Ben", id="BB")
    codes = E("Codes", E("CodeBook", root))
    notes: list[tuple[str, str]] = []
    leaves: list[str] = []
    count = 0
    for i in range(codes_per_level):
        top = E("Code", codes, guid=g(), name=f"Thema {i}", isCodable="true", color=f"#{i:02x}80ff")
        E("Description", top).text = f"Regel für Thema {i}"
        for j in range(codes_per_level):
            middle = E("Code", top, guid=g(), name=f"Unterthema {i}.{j}", isCodable="true", color="#abc")
            memo = g()
            E("NoteRef", middle, targetGUID=memo)
            notes.append((memo, f"Memo zu {i}.{j}"))
            for k in range(codes_per_level):
                leaf = g()
                E("Code", middle, guid=leaf, name=f"Pro/Contra {i}.{j}.{k}", isCodable="true", color="#00ff00")
                leaves.append(leaf)
                count += 1
            count += 1
        count += 1
    variables = E("Variables", root)
    E("Variable", variables, guid=g(), name="Zeitung", typeOfVariable="Text")
    sources = E("Sources", root)
    crlf = article.body.replace("\n", "\r\n")
    text = E("TextSource", sources, guid=g(), name="Tagesspiegel.docx", plainTextPath="internal://a.txt")
    first = crlf.index(article.body[300:340].replace("\n", "\r\n"))
    selection = E(
        "PlainTextSelection",
        text,
        guid=g(),
        name="",
        startPosition=str(first),
        endPosition=str(first + 40),
        creatingUser=user,
        creationDateTime="2020-05-04T12:00:00",
    )
    coding = E("Coding", selection, guid=g(), creatingUser=user)
    E("CodeRef", coding, targetGUID=leaves[5])
    memo = g()
    E("NoteRef", selection, targetGUID=memo)
    notes.append((memo, "Kommentar zur Stelle"))
    E("CodeRef", E("Coding", text, guid=g()), targetGUID=leaves[0])  # a coding of the whole source
    other = E("TextSource", sources, guid=g(), name="Interview 3.rtf", plainTextPath="internal://b.txt")
    E("PlainTextSelection", other, guid=g(), startPosition="0", endPosition="5")
    E("PictureSource", sources, guid=g(), name="Foto.jpg", path="internal://c.jpg")
    holder = E("Notes", root)
    for guid_, content in notes:
        note = E("Note", holder, guid=guid_, name="Memo")
        E("PlainTextContent", note).text = content
    sets = E("Sets", root)
    E("Set", sets, guid=g(), name="Gruppe")
    xml = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(PROJECT_FILE, xml)
        archive.writestr("Sources/a.txt", "\ufeff" + crlf)
        archive.writestr("Sources/b.txt", "Ein Interview, das nicht in der Bibliothek ist.")
        archive.writestr("Sources/c.jpg", b"\xff\xd8")
    return buffer.getvalue(), count


def test_a_maxqda_codebook_of_hundreds_of_nested_codes_imports_whole(
    library: Library, schema: etree.XMLSchema, tmp_path: Path
) -> None:
    data, count = _maxqda_project(library)
    assert count == 8 + 64 + 512
    assert schema.validate(_project(data)), schema.error_log
    path = tmp_path / "maxqda.qdpx"
    path.write_bytes(data)
    store = AnnotationStore.open(library)
    report = import_refi(store, library.articles(), path)
    codes = store.codebook()
    assert len(codes) == count and report.codes_added == count
    middle = store.code("Thema 3/Unterthema 3.4")
    assert middle is not None and middle.description == "Memo zu 3.4" and middle.colour == "#aabbcc"
    assert store.code("Thema 3").description == "Regel für Thema 3"  # type: ignore[union-attr]
    leaf = store.code("Thema 0/Unterthema 0.0/Pro\u2215Contra 0.0.5")  # a "/" in a name is not a level
    assert leaf is not None and leaf.count == 1 and leaf.parent == "Thema 0/Unterthema 0.0"
    (annotation,) = store.all()
    article = library.get("treffen-trump-putin-no-deal")
    assert annotation.exact == article.body[300:340] and annotation.author == "Anna Analystin"
    assert annotation.note == "Kommentar zur Stelle" and annotation.created == "2020-05-04T12:00:00.000Z"
    assert report.unmatched_sources == ["Interview 3.rtf"]
    assert set(report.skipped) == {
        "PictureSources (reader annotates text)",
        "Variables",
        "Sets",
        "codings of a whole source (no passage)",
    }
    assert any("match no library article" in line for line in report.summary_lines())


def test_xml_external_entities_are_never_resolved(library: Library, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("GEHEIM", encoding="utf-8")
    path = tmp_path / "xxe.qde"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file://{secret}">]>'
        f'<Project xmlns="{NAMESPACE}" name="x"><CodeBook><Codes>'
        f'<Code guid="{uuid.uuid4()}" name="A" isCodable="true"><Description>&x;</Description></Code>'
        "</Codes></CodeBook></Project>",
        encoding="utf-8",
    )
    store = AnnotationStore.open(library)
    report = import_refi(store, library.articles(), path)
    assert [(c.name, c.description) for c in store.codebook()] == [("A", "")]
    assert "GEHEIM" not in repr(store.codebook()) and report.skipped["a DOCTYPE (DTDs and entities are never loaded)"]
    in_attribute = path.read_text(encoding="utf-8").replace('name="A"', 'name="&x;"')
    path.write_text(in_attribute, encoding="utf-8")
    with pytest.raises(ImportRefused, match="external entity"):  # libxml2 refuses these outright
        import_refi(store, library.articles(), path)


def test_unsafe_zip_entries_are_never_read_and_bombs_stop_at_the_cap(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "evil.qdpx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(PROJECT_FILE, f'<Project xmlns="{NAMESPACE}" name="x"/>')
        archive.writestr("../../outside.txt", "x")
        archive.writestr("/etc/absolute.txt", "x")
    report = import_refi(AnnotationStore.open(library), library.articles(), path)
    assert report.skipped["zip entries with unsafe names (outside the archive), never read"] == 2
    assert not (tmp_path.parent / "outside.txt").exists()
    bomb = tmp_path / "bomb.qdpx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(PROJECT_FILE, b"<" + b" " * 5_000_000)
    monkeypatch.setattr(safe_archive_module, "MAX_MEMBER_BYTES", 1_000_000)
    with pytest.raises(ImportRefused, match="zip bomb"):
        import_refi(AnnotationStore.open(library), library.articles(), bomb)
    broken = tmp_path / "broken.qdpx"
    broken.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(ImportRefused, match="not a readable zip"):
        import_refi(AnnotationStore.open(library), library.articles(), broken)


def test_the_commands_export_and_import_qdpx(library: Library, second_library: Library, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from reader.cli import main

    _fill(library, 20)
    out = tmp_path / "p.qdpx"
    runner = CliRunner()
    result = runner.invoke(main, ["--library", str(library.root), "export", "--format", "qdpx", "-o", str(out)])
    assert result.exit_code == 0 and zipfile.is_zipfile(out), result.output
    to_stdout = runner.invoke(main, ["--library", str(library.root), "export", "--format", "qdpx"])
    assert to_stdout.exit_code != 0 and "give -o FILE.qdpx" in to_stdout.output
    result = runner.invoke(main, ["--library", str(second_library.root), "import", str(out)])
    assert result.exit_code == 0 and "20 added" in result.output, result.output
    garbage = tmp_path / "x.qde"
    garbage.write_text("<nope", encoding="utf-8")
    result = runner.invoke(main, ["--library", str(second_library.root), "import", str(garbage)])
    assert result.exit_code != 0 and "x.qde: project.qde is not well-formed XML" in result.output


HOSTILE_PROJECTS = {
    "no guids, no names, garbage positions": (
        "<CodeBook><Codes><Code isCodable='true'/></Codes></CodeBook><Sources>"
        "<TextSource plainTextPath='internal://missing.txt'/>"
        "<TextSource><PlainTextContent>{body}</PlainTextContent>"
        "<PlainTextSelection startPosition='x' endPosition='9'/>"
        "<PlainTextSelection startPosition='50' endPosition='10'/>"
        "<PlainTextSelection startPosition='0' endPosition='99999999999999999999'/>"
        "<PlainTextSelection guid='not-a-guid' startPosition='0' endPosition='5'>"
        "<Coding guid='x'><CodeRef targetGUID='{unknown}'/></Coding><NoteRef targetGUID='nothing'/>"
        "</PlainTextSelection></TextSource></Sources>"
    ),
    "external text, foreign namespace, comments": (
        "<!-- hi --><Sources><TextSource guid='{unknown}' plainTextPath='file:///etc/passwd'/></Sources>"
        "<x:Extra xmlns:x='urn:other'/><Graphs><Graph guid='{unknown}'/></Graphs>"
    ),
}


@pytest.mark.parametrize("inner", HOSTILE_PROJECTS.values(), ids=HOSTILE_PROJECTS.keys())
def test_odd_projects_are_reported_never_fatal(library: Library, tmp_path: Path, inner: str) -> None:
    body = library.get("treffen-trump-putin-no-deal").body
    text = inner.format(body=body.replace("&", "&amp;").replace("<", "&lt;"), unknown=uuid.uuid4())
    path = tmp_path / "odd.qde"
    path.write_text(f'<?xml version="1.0"?><Project xmlns="{NAMESPACE}" name="x">{text}</Project>', encoding="utf-8")
    store = AnnotationStore.open(library)
    report = import_refi(store, library.articles(), path)
    assert report.skipped or report.unmatched_sources
    for annotation in store.all():  # whatever came in is a proper passage of the article
        assert body[annotation.start : annotation.end] == annotation.exact


def test_a_qde_that_is_not_a_project_is_refused_in_one_line(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "other.qde"
    path.write_text("<html><body>nope</body></html>", encoding="utf-8")
    with pytest.raises(ImportRefused, match="not a REFI-QDA project"):
        import_refi(AnnotationStore.open(library), library.articles(), path)
