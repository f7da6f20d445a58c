from pathlib import Path

from reader.ingest.writing import FALLBACK_STEM, write_new_file


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "gipfel.txt").write_text("alt", encoding="utf-8")
    path = write_new_file(tmp_path, "gipfel", ".txt", "neu")
    assert path.name == "gipfel-2.txt"
    assert (tmp_path / "gipfel.txt").read_text(encoding="utf-8") == "alt"
    assert path.read_text(encoding="utf-8") == "neu"


def test_taken_ids_are_skipped_even_without_a_file_of_that_suffix(tmp_path: Path) -> None:
    path = write_new_file(tmp_path, "gipfel", ".txt", "neu", taken={"gipfel", "gipfel-2"})
    assert path.name == "gipfel-3.txt"


def test_a_missing_folder_is_created_and_an_empty_name_gets_a_fallback(tmp_path: Path) -> None:
    path = write_new_file(tmp_path / "articles", "", ".txt", "Text\n")
    assert path == tmp_path / "articles" / f"{FALLBACK_STEM}.txt"


def test_text_is_written_as_utf8_with_unix_line_ends(tmp_path: Path) -> None:
    path = write_new_file(tmp_path, "a", ".txt", "Größe\nzählt\n")
    assert path.read_bytes() == "Größe\nzählt\n".encode()
