"""How the app's process ends: a crash is a non-zero status with the reason on stderr; SIGTERM,
SIGHUP and SIGINT end it in order (the analysis process stopped, no leaked semaphores); a parent
killed outright does not leave the analysis process running."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from reader.cli import main

pytestmark = pytest.mark.ui  # the real app, headless: `make test-fast` leaves these out

HEADLESS = {"TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver"}
CRASHING_APP = """
import sys
from reader.tui.screens import library

def show_scan(self):
    raise RuntimeError("injected crash")

library.LibraryScreen.show_scan = show_scan
from reader.cli import main
main(["--library", sys.argv[1]])
"""


def start_app(library: Path, script: str | None = None) -> subprocess.Popen[str]:
    command = (
        [sys.executable, "-c", script, str(library)]
        if script
        else [sys.executable, "-m", "reader", "--library", str(library)]
    )
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, **HEADLESS}
    )


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (here: the analysis process and the resource tracker)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def analysis_child(pid: int) -> int:
    for _ in range(600):
        for child in children(pid):
            try:
                if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                    return child
            except OSError:
                continue
        time.sleep(0.05)
    raise AssertionError("no analysis process started")


def gone(pid: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return True
        if state == "Z":  # exited, waiting to be reaped
            return True
        time.sleep(0.05)
    return False


def test_a_library_folder_that_does_not_exist_is_one_line_and_status_1(tmp_path: Path) -> None:
    missing = str(tmp_path / "fehlt")
    for command in (
        [],
        ["list"],
        ["annotations"],
        ["export"],
        ["import", "x.json"],
        ["analyze"],
        ["annotate", "a", "--exact", "b"],
    ):
        result = CliRunner().invoke(main, ["--library", missing, *command])
        assert result.exit_code == 1, (command, result.output)
        assert result.stderr == f"Error: the library folder {missing} does not exist (--library, READER_LIBRARY)\n"


def test_a_crash_in_the_app_exits_non_zero_with_the_reason_on_stderr(library_dir: Path) -> None:
    app = start_app(library_dir, CRASHING_APP)
    _, err = app.communicate(timeout=120)
    assert app.returncode == 1
    assert "RuntimeError" in err and "injected crash" in err


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_stop_signal_ends_the_app_in_order(library_dir: Path, signum: int) -> None:
    app = start_app(library_dir)
    try:
        child = analysis_child(app.pid)
        time.sleep(0.5)
        app.send_signal(signum)
        _, err = app.communicate(timeout=20)
    finally:
        app.kill()
    assert app.returncode == 128 + signum, err
    assert gone(child, within=2)
    assert "leaked semaphore" not in err and "Traceback" not in err, err


def test_the_analysis_process_does_not_outlive_a_killed_app(library_dir: Path) -> None:
    app = start_app(library_dir)
    try:
        child = analysis_child(app.pid)
        app.send_signal(signal.SIGKILL)  # no chance to clean up: the child must notice alone
        app.wait(timeout=10)
        assert gone(child, within=30)  # a loaded machine may still be importing spaCy there
    finally:
        app.kill()


def test_the_app_ends_when_its_terminal_goes_and_only_its_parent_gets_the_hangup(library_dir: Path) -> None:
    """As under `make run`: make leads the terminal's session and takes the SIGHUP; the app, its
    child, must still end instead of spinning on the end of its input."""
    import pty
    import select

    makefile = library_dir / "Makefile"
    makefile.write_text(f"run:\n\t{sys.executable} -m reader --library {library_dir}\n", encoding="utf-8")
    pid, terminal = pty.fork()
    if pid == 0:  # the child: make, which runs the app as `make run` does
        os.environ["TERM"] = "xterm-256color"
        os.execvp("make", ["make", "--no-print-directory", "-f", str(makefile), "run"])
    shown = b""
    deadline = time.monotonic() + 60
    while b"articles" not in shown and time.monotonic() < deadline:  # the library title is drawn
        if select.select([terminal], [], [], 0.5)[0]:
            shown += os.read(terminal, 65536)
    assert b"articles" in shown
    app = next(child for child in children(pid) if b"reader" in Path(f"/proc/{child}/cmdline").read_bytes())
    analysis = analysis_child(app)
    os.close(terminal)  # the hangup: make takes it, and waits for the app
    try:
        assert gone(app, within=10)
        assert gone(analysis, within=5)
    finally:
        for process in (app, analysis):
            with contextlib.suppress(ProcessLookupError):
                os.kill(process, signal.SIGKILL)
        os.waitpid(pid, 0)
