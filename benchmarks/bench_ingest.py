"""Benchmarks for adding articles: extraction, adding from a file and from a local web server,
the `reader add` process as a user starts it, and adding into a large library.

Prints one JSON object per line: {"metric", "value", "unit", "n"}; each value is the median of n runs.
Run: .venv/bin/python benchmarks/bench_ingest.py (or make bench)
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from reader.articles import Library
from reader.ingest import add_source
from reader.ingest.extract import extract_article

PAGES = Path(__file__).resolve().parent.parent / "tests" / "ingest" / "pages"
NEWS = (PAGES / "news.html").read_text(encoding="utf-8")


def large_page() -> str:
    """The news page grown to the size of a real news site's page (a few hundred KB): long
    menus, a long article, many comments and a big inline script."""
    menu = "".join(f'<li><a href="/rubrik/{n}">Rubrik {n}</a></li>' for n in range(400))
    paragraph = (
        "<p>Die Verhandlungen in Anchorage zogen sich über Stunden hin, während vor dem Stützpunkt "
        "Demonstrierende mit ukrainischen Fahnen standen und Reporter aus aller Welt auf Neuigkeiten warteten. "
        "Beobachter sprachen von einem Treffen, das vor allem Bilder liefern sollte. ({n})</p>"
    )
    body = "".join(paragraph.format(n=n) for n in range(60))
    comments = "".join(
        f'<div class="comment"><p class="comment-author">Leser{n}</p><p>Kommentar Nummer {n} zum Gipfel.</p></div>'
        for n in range(300)
    )
    scripts = "<script>var tracking = {" + ",".join(f'"k{n}": {n}' for n in range(20000)) + "};</script>"
    html = NEWS.replace("<ul>", "<ul>" + menu, 1)
    html = html.replace('<div class="article-body">', '<div class="article-body">' + body, 1)
    html = html.replace(
        '<section id="comments" class="comments">', '<section id="comments" class="comments">' + comments, 1
    )
    return html.replace("</body>", scripts + "</body>", 1)


def median_ms(action: Callable[[], object], runs: int) -> float:
    action()  # warm-up: imports and caches are not what is measured
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def emit(metric: str, value: float, unit: str, n: int) -> None:
    print(json.dumps({"metric": metric, "value": round(value, 2), "unit": unit, "n": n}), flush=True)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    body = NEWS.encode("utf-8")

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    runs = 15
    emit("ingest.extract.news_page", median_ms(lambda: extract_article(NEWS), runs), "ms", runs)
    big = large_page()
    size_kb = len(big.encode("utf-8")) // 1024
    emit(f"ingest.extract.large_page_{size_kb}KB", median_ms(lambda: extract_article(big), runs), "ms", runs)

    with tempfile.TemporaryDirectory() as scratch:
        scratch_path = Path(scratch)
        page = scratch_path / "seite.html"
        page.write_text(NEWS, encoding="utf-8")
        counter = iter(range(10_000))

        def fresh_library() -> Library:
            root = scratch_path / f"lib{next(counter)}"
            root.mkdir()
            return Library(root)

        emit("ingest.add.html_file", median_ms(lambda: add_source(fresh_library(), str(page)), runs), "ms", runs)

        httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        url = f"http://127.0.0.1:{httpd.server_address[1]}/artikel.html"
        try:
            emit("ingest.add.local_url", median_ms(lambda: add_source(fresh_library(), url), runs), "ms", runs)
        finally:
            httpd.shutdown()
            httpd.server_close()

        # A library of 500 articles, read cold (as each `reader add` process does), then a duplicate check.
        big_library = scratch_path / "gross"
        (big_library / "articles").mkdir(parents=True)
        for n in range(500):
            text = f"Artikel {n}\n" + "\n".join(
                f"Absatz {k} von Artikel {n} über den Gipfel in Alaska." for k in range(30)
            )
            (big_library / "articles" / f"artikel-{n}.txt").write_text(text, encoding="utf-8")
        add_source(Library(big_library), str(page))
        emit(
            "ingest.add.duplicate_in_500_article_library_cold",
            median_ms(lambda: add_source(Library(big_library), str(page)), runs),
            "ms",
            runs,
        )

        process_runs = 5
        command = [sys.executable, "-m", "reader", "--library", str(big_library), "add", str(page)]
        emit(
            "ingest.cli.reader_add_process",
            median_ms(lambda: subprocess.run(command, capture_output=True, check=False), process_runs),
            "ms",
            process_runs,
        )


if __name__ == "__main__":
    main()
