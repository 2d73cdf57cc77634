"""The built site, served on loopback under a sub-path, and headless Chromium to read it."""

from __future__ import annotations

import functools
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from eventdocs.cli import main
from tests.acceptance._outdated import MISSING_LOCALE, STALE_LOCALE, plant_outdated
from tests.helpers import REPO, copy_project

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts"
SUB_PATH = "/docs/"


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves the site like a static host: unknown paths get the root 404 page."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / SUB_PATH.strip("/") / "404.html"
        if code == 404 and not_found.is_file():
            body = not_found.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def built_and_served(project: Path, *args: str) -> Iterator[str]:
    """Build ``project``'s site with `eventdocs site ARGS` for http://127.0.0.1:PORT/docs/,
    serve it there, and yield that URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}{SUB_PATH}"
    result = subprocess.run(
        [sys.executable, "-m", "eventdocs", "site", *args],
        cwd=project,
        env={**os.environ, "SITE_URL": url},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    served = project.parent / f"served-{project.name}"
    served.mkdir()
    (project / "site").rename(served / SUB_PATH.strip("/"))
    server = ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(_SiteHandler, directory=str(served))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The repository's whole site, built by `eventdocs site` and served under a sub-path."""
    with built_and_served(copy_project(tmp_path_factory.mktemp("repo") / "project")) as url:
        yield url


@pytest.fixture(scope="session")
def french_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The repository's site built for French only (`eventdocs site --lang fr`), a shard."""
    project = copy_project(tmp_path_factory.mktemp("french") / "project")
    with built_and_served(project, "--lang", "fr") as url:
        yield url


@pytest.fixture(scope="session")
def outdated_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The repository's site with every event's introduction stale in French and missing in
    Italian (tests/acceptance/_outdated.py), built for these two languages."""
    project = copy_project(tmp_path_factory.mktemp("outdated") / "project")
    plant_outdated(project)
    with built_and_served(project, f"--lang={STALE_LOCALE}", f"--lang={MISSING_LOCALE}") as url:
        yield url


# Languages written right to left, without spaces between words, or in Hangul, in a small project.
WORLD_PAGES = {
    "ar": "# أحداث الويب هوك\n\n"
    "تصف هذه الصفحات كل حدث ترسله منصتنا إلى عنوان الويب هوك الخاص بك.\n",
    "ja": "# Webhook イベント\n\n"
    "このサイトでは、プラットフォームが送信するウェブフックのイベントを説明します。"
    "各ページには送信のタイミングとペイロードの項目があります。\n",
    "zh": "# Webhook 事件\n\n本网站介绍平台发送到您的网络钩子地址的每个事件。\n",
    "ko": "# 웹훅 이벤트\n\n이 사이트는 플랫폼이 웹훅 주소로 보내는 모든 이벤트를 설명합니다.\n",
}


@pytest.fixture(scope="session")
def world_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A new project (`eventdocs init`) with Arabic, Japanese, Chinese and Korean home pages,
    its site built."""
    project = tmp_path_factory.mktemp("world") / "project"
    assert main(["init", str(project)]) == 0
    for code, text in WORLD_PAGES.items():
        assert main(["-C", str(project), "new-locale", code]) == 0
        (project / "pages" / code).mkdir(parents=True)
        (project / "pages" / code / "index.md").write_text(text, "utf-8")
    with built_and_served(project) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless; its absence is a failure, never a skip."""
    assert CHROMIUM.is_file(), "Chromium is missing: `make test` installs it with apt"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()


class Visit:
    """A page plus every request it made that failed or left the machine."""

    def __init__(self, page: Page, site_url: str) -> None:
        self.page = page
        self.failed: list[str] = []
        self.external: list[str] = []
        origin = site_url.split(SUB_PATH)[0]
        page.on("requestfailed", lambda request: self.failed.append(request.url))
        page.on(
            "response",
            lambda response: (
                self.failed.append(f"{response.status} {response.url}")
                if response.status >= 400 and not response.url.endswith("/missing-page/")
                else None
            ),
        )
        page.on(
            "request",
            lambda request: (
                None
                if request.url.startswith((origin, "data:", "blob:"))
                else self.external.append(request.url)
            ),
        )


@pytest.fixture
def visit(browser: Browser, site_url: str) -> Iterator[Visit]:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    yield Visit(page, site_url)
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    shutil.rmtree(ARTIFACTS / "screenshots", ignore_errors=True)
    (ARTIFACTS / "screenshots").mkdir(parents=True)
    return ARTIFACTS / "screenshots"
