"""`reader export -o PATH`: '-' and special files are streams, links are refused, files replaced atomically."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from reader.annotations import AnnotationStore
from reader.articles import Library
from reader.cli import main
from reader.exchange import ExportRefused, write_export


def run(library: Library, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--library", str(library.root), *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def annotated(library: Library) -> Library:
    AnnotationStore.open(library).add(library.articles()[0], 0, 20, ["Framing"], "Notiz")
    return library


def test_dash_is_standard_output(annotated: Library) -> None:
    code, out, _ = run(annotated, "export", "-o", "-")
    assert code == 0 and json.loads(out)["format"] == "reader-annotations"
    assert not (annotated.root / "-").exists()


def test_a_symbolic_link_is_refused_and_left_as_it_is(annotated: Library, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("bleibt\n", encoding="utf-8")
    link = tmp_path / "export.json"
    link.symlink_to(victim)
    code, _, err = run(annotated, "export", "-o", str(link))
    assert code == 1 and "symbolic link" in err and err.count("\n") == 1
    assert link.is_symlink() and victim.read_text(encoding="utf-8") == "bleibt\n"


def test_a_fifo_is_written_as_a_stream(annotated: Library, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader_thread = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader_thread.start()
    code, _, _ = run(annotated, "export", "-o", str(fifo))
    reader_thread.join(timeout=30)
    assert code == 0 and json.loads(received[0])["format"] == "reader-annotations"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still the FIFO, not a file renamed over it


def test_dev_fd_is_a_stream(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    try:
        write_export(f"/dev/fd/{write_end}", b"export bytes\n")
        os.close(write_end)
        assert os.read(read_end, 100) == b"export bytes\n"
    finally:
        os.close(read_end)


@pytest.mark.skipif(os.geteuid() != 0, reason="creating a device node needs root")
def test_a_character_device_is_written_as_a_stream_never_replaced(annotated: Library, tmp_path: Path) -> None:
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # the same device as /dev/null
    code, _, _ = run(annotated, "export", "-o", str(device))
    assert code == 0 and stat.S_ISCHR(os.lstat(device).st_mode)


def test_a_regular_file_is_replaced_and_a_folder_refused(annotated: Library, tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_text("alt", encoding="utf-8")
    code, _, _ = run(annotated, "export", "-o", str(target))
    assert code == 0 and json.loads(target.read_text(encoding="utf-8"))["annotations"][0]["note"] == "Notiz"
    with pytest.raises(ExportRefused):
        write_export(str(tmp_path), b"x")
