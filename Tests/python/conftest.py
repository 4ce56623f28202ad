"""Shared fixtures: the teamplotter binary, a running `teamplotter serve`, a headless Chromium."""
import os
import re
import signal
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"


def teamplotter_bin() -> str:
    path = os.environ.get("TEAMPLOTTER_BIN") or str(ROOT / ".build" / "release" / "teamplotter")
    if not os.access(path, os.X_OK):
        pytest.fail(f"no teamplotter binary at {path}: build it, or set TEAMPLOTTER_BIN")
    return path


class Server:
    """`teamplotter serve` on a port the system picks, with its own database file."""

    def __init__(self, database: Path):
        self.database = database
        self.process = subprocess.Popen(
            [teamplotter_bin(), "serve", "--host", "127.0.0.1", "--port", "0", "--db", str(database)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        first_line = self.process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", first_line)
        if not match:
            self.process.kill()
            raise RuntimeError(f"serve did not start: {first_line!r} {self.process.stderr.read()!r}")
        self.port = int(match.group(1))
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()


@pytest.fixture
def start_server(tmp_path):
    started = []

    def start(database: Path | None = None) -> Server:
        server = Server(database or tmp_path / "teamplotter.sqlite")
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--no-proxy-server", "--window-size=1280,1000", "--lang=nl-NL"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "nl-NL,nl"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    SCREENSHOTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()
